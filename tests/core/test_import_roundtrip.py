"""A board exported as Markdown (``readiness export -f md``) and imported again keeps its items' fields."""

from __future__ import annotations

from readiness_tui.bench.generate import generate_board_text
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.importers import import_markdown
from readiness_tui.core.outputs.export import to_markdown

FIELDS = ("title", "kind", "status", "priority", "owner", "estimate_days", "target", "depends_on", "phase")


def test_export_md_then_import_keeps_every_item_field() -> None:
    board = BoardStore.from_text(generate_board_text(200), "gen.toml").board
    result = import_markdown(to_markdown(board), "board.md")
    assert result.board is not None
    got = {i.id: i for i in result.board.items}
    assert list(got) == [i.id for i in board.items]
    assert {i.kind for i in board.items} > {"task"}  # the generator makes trackers and tickets too
    for it in board.items:
        back = got[it.id]
        assert [getattr(back, f) for f in FIELDS] == [getattr(it, f) for f in FIELDS], it.id
        assert (back.gate.verify if back.gate else "") == (it.gate.verify if it.gate else ""), it.id
        assert not back.custom, (it.id, back.custom)
