"""Undo keeps a copy of the store's lists before every edit, and a copy shares what did not change
with the one before it: a long session's undo grows by what its edits changed, not by the board's
size per edit. Undo and redo still give back the very text and rows."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.bench.generate import write_board
from readiness_tui.core.board.shared_rows import CHUNK, SharedRows
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController

# A list edited as the store edits its lists: a row replaced, inserted, removed or appended.
edits = st.lists(
    st.tuples(st.sampled_from(["replace", "insert", "remove", "append"]), st.integers(0, 10**6)), max_size=12
)


@given(st.integers(0, 3 * CHUNK + 5), edits)
def test_a_copy_is_its_list_and_shares_only_stretches_equal_to_the_copy_before(n: int, ops: list) -> None:
    rows = [object() for _ in range(n)]
    copies: list[tuple[SharedRows[object], list[object]]] = []
    like: SharedRows[object] | None = None
    for op, at in ops:
        if op == "replace" and rows:
            rows[at % len(rows)] = object()
        elif op == "insert":
            rows.insert(at % (len(rows) + 1), object())
        elif op == "remove" and rows:
            del rows[at % len(rows)]
        else:
            rows.append(object())
        copy = SharedRows(rows, like)
        copies.append((copy, list(rows)))
        like = copy
    for copy, was in copies:  # every copy still holds exactly the list it was made of
        assert copy.list() == was and len(copy) == len(was) and list(copy) == was
        assert all(a is b for a, b in zip(copy.list(), was))
    for (a, was_a), (b, was_b) in zip(copies, copies[1:]):
        assert (a == b) == (was_a == was_b)
        # Every stretch of b that is a's is a's own stretch, at the same place, with the same rows.
        assert b.shares_with(a) <= -(-len(was_b) // CHUNK)


def test_a_replaced_row_makes_one_new_stretch() -> None:
    rows = list(range(10 * CHUNK))
    first = SharedRows(rows)
    rows[3 * CHUNK + 1] = -1
    second = SharedRows(rows, first)
    assert second.shares_with(first) == 9 and second.list() == rows and first.list() == list(range(10 * CHUNK))
    assert SharedRows(rows, second).shares_with(second) == 10


def test_two_hundred_edits_of_a_big_board_keep_far_less_than_a_copy_each(tmp_path: Path) -> None:
    board = write_board(tmp_path / "big.toml", 3000)
    editor = EditController(BoardStore.load(board), autosave=False)
    ids = [it.id for it in editor.store.board.items]
    editor.set_status(ids[0], "review")  # the text is split on the first edit
    editor.undo_stack.clear()
    segments = len(editor.store.segments_now())
    start = editor.store.text()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for n in range(200):
            assert editor.cycle_status(ids[(n * 37) % len(ids)]).ok
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(editor.undo_stack) == 200
    # Whole copies: 200 x (a pointer per segment and per row), ~48 KB an edit here (~0.17 MB at
    # 10,000 items). Shared: the stretches each edit changed, and the edits themselves.
    whole = 200 * 8 * (segments + len(ids))
    assert grown < whole / 4, f"undo grew by {grown / 1e6:.1f} MB (whole copies: {whole / 1e6:.1f} MB)"
    # Undo gives back each earlier text, to the first; redo each later one, to the last.
    end = editor.store.text()
    undone = []
    while editor.can_undo:
        editor.undo()
        undone.append(editor.store.text())
    assert len(undone) == 200 and undone[-1] == start and len(set(undone)) > 100
    assert [it.id for it in editor.store.board.items] == ids
    while editor.can_redo:
        assert editor.store.text() == undone.pop()
        editor.redo()
    assert editor.store.text() == end


def test_history_bounds_the_undo_stack_even_at_none(tmp_path: Path) -> None:
    board = write_board(tmp_path / "small.toml", 20)
    for history, kept in ((0, 0), (2, 2)):
        editor = EditController(BoardStore.load(board), autosave=False, history=history)
        ids = [it.id for it in editor.store.board.items]
        for n in range(5):
            assert editor.cycle_status(ids[n]).ok
        assert len(editor.undo_stack) == kept
