"""Reading a changed board again at the cost of what changed (core.reread): the same segments,
board and changes as a full reload, whatever the edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.audit import diff_boards
from readiness_tui.core.board.parse import file_text
from readiness_tui.core.board.reread import Reread, read_if_changed, reread
from readiness_tui.core.board.respan import respan
from readiness_tui.core.board.segments import Segment, split_segments
from readiness_tui.core.board.store import BoardStore

#: Pieces that move segment boundaries: headers, sub-tables, comments right above a header,
#: multi-line strings that hide a header, blank lines.
PIECES = [
    "[board]\n",
    'title = "P"\n',
    "[[items]]\n",
    'id = "A-1"\n',
    'title = "x"\n',
    "[items.gate]\n",
    'verify = "make"\n',
    "# a comment\n",
    "\n",
    '"""\n',
    'notes = """\n',
    "[[risks]]\n",
    'id = "R-1"\n',
    "[matrix]\n",
    "  [[items]]  # indented\n",
    "'''\n",
    'x = "[[items]]"\n',
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def shape(segments: list[Segment]) -> list[tuple[str, str, bool, int]]:
    """What a store reads from segments: kind, text, array or not, and the header's offset."""
    return [(s.kind, s.text, s.is_array, s.header_line - s.start_line) for s in segments]


@given(texts, st.data())
@settings(max_examples=400, deadline=None)
def test_respan_splits_like_a_full_split_or_declines(old_text: str, data: st.DataObject) -> None:
    old = split_segments(old_text)
    a = data.draw(st.integers(0, len(old_text)))
    b = data.draw(st.integers(a, len(old_text)))
    text = old_text[:a] + data.draw(texts) + old_text[b:]
    span = respan(old, text)
    if span is None:
        return
    got = [*old[: span.start], *span.new, *old[span.stop :]]
    assert shape(got) == shape(split_segments(text))


def test_respan_declines_when_an_opened_string_swallows_the_next_header() -> None:
    old_text = '[[items]]\nid = "A"\n[[items]]\nid = "B"\n[[items]]\nid = "C"\n[[items]]\nid = "D"\n'
    text = old_text.replace('id = "B"\n', 'id = "B"\nnotes = """\n')
    span = respan(split_segments(old_text), text)
    if span is not None:
        got = [*split_segments(old_text)[: span.start], *span.new, *split_segments(old_text)[span.stop :]]
        assert shape(got) == shape(split_segments(text))


def test_respan_declines_a_stretch_longer_than_asked_before_splitting_it(monkeypatch: pytest.MonkeyPatch) -> None:
    old_text = "".join(f'[[items]]\nid = "A-{n}"\ntitle = "t"\n\n' for n in range(40))
    text = old_text.replace('title = "t"', 'title = "u"')
    old = split_segments(old_text)
    assert respan(old, text) is not None
    splits: list[str] = []
    monkeypatch.setattr("readiness_tui.core.board.respan.split_segments", lambda t: splits.append(t) or [])
    assert respan(old, text, most=len(text) // 2) is None and splits == []
    one = old_text.replace('id = "A-7"\ntitle = "t"', 'id = "A-7"\ntitle = "u"')
    monkeypatch.undo()
    assert respan(old, one, most=len(one) // 2) is not None


def test_respan_of_the_same_text_changes_nothing() -> None:
    text = '[board]\ntitle = "P"\n[[items]]\nid = "A"\n'
    old = split_segments(text)
    assert respan(old, text) is not None and respan(old, text).new == []  # type: ignore[union-attr]


BOARD = """# plan
[board]
title = "Plan"
status_aliases = { started = "in_progress" }

[[items]]
id = "A-1"
title = "First"
status = "todo"

# about A-2
[[items]]
id = "A-2"
title = "Second"
status = "started"
depends_on = ["A-1"]

[items.gate]
verify = "make test"

[[items]]
id = "A-3"
title = "Third"
status = "done"

[[risks]]
id = "R-1"
title = "Risk"
severity = "high"
mitigated_by = ["A-3"]
"""

#: Each edit, and what it touches: an item, another record (a risk), or the ``[board]`` table.
EDITS = [
    ('title = "Second"', 'title = "Second, renamed"', "item"),
    ('status = "todo"', 'status = "started"', "item"),
    ('verify = "make test"', 'verify = "make check"', "item"),
    ('[[items]]\nid = "A-3"', '[[items]]\nid = "A-4"\ntitle = "New"\n\n[[items]]\nid = "A-3"', "item"),
    ("# about A-2\n", "", "item"),
    ('severity = "high"', 'severity = "low"', "risk"),
    ('title = "Plan"', 'title = "Plan B"', "board"),
    ('title = "Third"', 'title = "Third\nbroken', "item"),
    ('status = "done"', 'status = "done"\nnotes = """\nmany\nlines\n"""', "item"),
    ('started = "in_progress"', 'started = "blocked"', "board"),
    # A risk that no longer validates, or no longer parses: the full read's located error.
    ('mitigated_by = ["A-3"]', 'mitigated_by = ["A-3", 7]', "risk"),
    ('mitigated_by = ["A-3"]', 'mitigated_by = ["A-3"\n', "risk"),
]


@given(st.lists(st.sampled_from(EDITS), min_size=1, max_size=3, unique=True))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_reread_gives_the_board_and_changes_a_full_reload_gives(
    tmp_path: Path, edits: list[tuple[str, str, str]]
) -> None:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    store = BoardStore.load(path)
    text = BOARD
    for old, new, _ in edits:
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    touched = {what for _, _, what in edits}
    # The changes are worked out from the changed records when they are items alone, or other
    # records alone; a changed [board] table, or items and risks together, leave the comparing
    # of the two boards to the caller (None).
    compared_by_caller = "board" in touched or touched >= {"item", "risk"}
    try:
        full = store.reload()
    except Exception as exc:  # noqa: BLE001 - then reread must refuse the same way
        try:
            reread(store)
        except Exception as mine:  # noqa: BLE001
            assert type(mine) is type(exc) and str(mine) == str(exc)
            return
        raise AssertionError("reread read a board a full reload refuses") from exc
    # Read in pieces, and from the text a caller has read already: the same board either way.
    read_text, stamp = file_text(path, path.read_bytes())
    want = diff_boards(store.board, full.board)
    for got in (reread(store), reread(store, read_text, stamp)):
        assert got.store.board == full.board and got.store.stamp == full.stamp
        assert got.store.text() == text and not got.store.dirty
        assert shape(got.store.snapshot().segments) == shape(split_segments(text))
        assert got.changes == (None if compared_by_caller else want)


def loaded(tmp_path: Path) -> tuple[Path, BoardStore]:
    """BOARD written to a file, and loaded."""
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path, BoardStore.load(path)


def changed_outside(tmp_path: Path, old: str, new: str) -> tuple[BoardStore, Reread]:
    """BOARD loaded, then ``old`` replaced with ``new`` in its file, and read again."""
    path, store = loaded(tmp_path)
    path.write_text(BOARD.replace(old, new), encoding="utf-8")
    return store, reread(store)


def test_an_item_edit_is_reread_from_that_item_alone(tmp_path: Path) -> None:
    store, got = changed_outside(tmp_path, 'title = "Second"', 'title = "Renamed"')
    assert got.changes is not None and [(c.item, c.field, c.new) for c in got.changes] == [("A-2", "title", "Renamed")]
    # Untouched items and records are the same objects: nothing else was parsed again.
    assert got.store.board.items[0] is store.board.items[0] and got.store.board.items[2] is store.board.items[2]
    assert got.store.board.risks[0] is store.board.risks[0]
    assert got.store.item("A-2").status == "in_progress"  # the board's alias still applies


def test_a_changed_record_that_is_not_an_item_is_read_from_the_segments_with_every_item_kept(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path, store = loaded(tmp_path)
    path.write_text(BOARD.replace('severity = "high"', 'severity = "low"'), encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
        got = reread(store)
    # Every item is the same object, and what changed is the risk's field alone.
    assert got.store.board.risks[0].severity == "low"
    assert all(a is b for a, b in zip(got.store.board.items, store.board.items, strict=True))
    assert got.changes is not None and [(c.kind, c.item, c.field, c.old, c.new) for c in got.changes] == [
        ("risks", "R-1", "severity", "high", "low")
    ]
    # Status aliases changed: every item is read again, as a full load reads it; the caller
    # compares the boards (changes None), and so when the [board] table changed at all.
    store, got = changed_outside(tmp_path, 'started = "in_progress"', 'started = "blocked"')
    assert got.store.item("A-2").status == "blocked" and got.store.item("A-2") is not store.item("A-2")
    assert got.changes is None
    store, got = changed_outside(tmp_path, 'title = "Plan"', 'title = "Plan B"')
    assert got.changes is None and got.store.board.board.title == "Plan B"


def test_read_if_changed_says_same_changed_or_missing_and_reads_a_changed_file_once(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import os

    from readiness_tui.core.board import reread as reread_module
    from readiness_tui.core.board.file import DiskState

    path, store = loaded(tmp_path)
    made: list[object] = []
    real = reread_module._changed_items
    monkeypatch.setattr(reread_module, "_changed_items", lambda *a: made.append(a) or real(*a))
    assert read_if_changed(store) == (DiskState.SAME, None)
    # Touched (a new time, the same bytes): the same, and no store is made for it.
    os.utime(path, ns=(store.stamp.mtime_ns + 10**9, store.stamp.mtime_ns + 10**9))
    assert read_if_changed(store) == (DiskState.SAME, None) and made == []
    # An item changed: read in pieces, never whole.
    path.write_text(BOARD.replace('title = "Second"', 'title = "Renamed"'), encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read whole"))
    state, got = read_if_changed(store)
    assert state == DiskState.CHANGED and got is not None and got.store.item("A-2").title == "Renamed"
    assert got.changes is not None and len(made) == 1
    monkeypatch.undo()
    # A risk changed: read in pieces too, the items kept, the risk's change worked out alone.
    path.write_text(BOARD.replace('severity = "high"', 'severity = "low"'), encoding="utf-8")
    state, got = read_if_changed(store)
    assert state == DiskState.CHANGED and got is not None and got.changes is not None
    assert got.store.board.risks[0].severity == "low"
    path.unlink()
    assert read_if_changed(store) == (DiskState.MISSING, None)
