"""``RowModel.adopt``: a reloaded board's item list is taken in place of the shown one only when
they are the same rows but for the edited ids."""

from __future__ import annotations

from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.widgets.backlog_rows import RowModel

TEXT = "".join(f'[[items]]\nid = "I-{n}"\ntitle = "t{n}"\n\n' for n in range(6))


def test_adopt_takes_the_same_rows_but_for_edited_ids_and_nothing_else() -> None:
    shown = BoardStore.from_text(TEXT).board.items
    model = RowModel()
    model.items = shown
    again = BoardStore.from_text(TEXT.replace('"t3"', '"three"')).board.items  # every row a new object
    # Row I-3 edited: the other rows are the shown objects.
    reloaded = [*shown[:3], again[3], *shown[4:]]
    assert not model.adopt(reloaded, set()) and model.items is shown  # I-3 was not said to be edited
    assert not model.adopt(reloaded, {"I-2"}) and model.items is shown
    assert not model.adopt(reloaded[:-1], {"I-3"}) and model.items is shown  # a row fewer
    moved = [*shown[:2], again[3], shown[2], *shown[4:]]  # I-3 taken to where I-2 was
    assert not model.adopt(moved, {"I-2", "I-3"}) and model.items is shown
    assert model.adopt(list(shown), set()) and model.items == shown  # the same rows
    assert model.adopt(reloaded, {"I-3"}) and model.items is reloaded
    assert model.items[3].title == "three"
