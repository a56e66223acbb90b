"""The difference a refused save shows (the disk's board against mine): the lines difflib gives
for the whole texts, worked out from the tables that differ, without comparing every line."""

from __future__ import annotations

import difflib
import random
import tracemalloc
from pathlib import Path

import pytest

from readiness_tui.bench.generate import generate_board_text, write_board
from readiness_tui.core.board.file import diff_held_with_disk, diff_with_disk, segment_diff
from readiness_tui.core.board.file_span import CHUNK
from readiness_tui.core.board.segments import split_segments
from readiness_tui.core.board.store import BoardStore


def whole_diff(theirs: str, mine: str, context: int = 2) -> str:
    """What the diff was: difflib over every line of both texts."""
    lines = difflib.unified_diff(theirs.splitlines(keepends=True), mine.splitlines(keepends=True), "a", "b", n=context)
    return "".join(lines)


def patched(theirs: str, diff: str) -> str:
    """``theirs`` with the hunks of a unified ``diff`` applied (their ``-`` and context lines checked)."""
    old = theirs.splitlines(keepends=True)
    out: list[str] = []
    at = 0
    for line in diff.splitlines(keepends=True)[2:]:
        if line.startswith("@@"):
            start, _, length = line.split()[1][1:].partition(",")
            first = int(start) - (1 if length != "0" else 0)
            out += old[at:first]
            at = first
        elif line[0] == "+":
            out.append(line[1:])
        else:
            assert old[at] == line[1:], (at, line)
            if line[0] == " ":
                out.append(line[1:])
            at += 1
    return "".join(out + old[at:])


def edited(text: str, seed: int, any_line: bool = False) -> str:
    """``text`` with a few lines changed, removed or added. Without ``any_line``, each line added
    or left is one of a kind, so that the difference can be told only one way; with it, blank lines
    and new headers come and go too."""
    rnd = random.Random(seed)
    lines = text.splitlines(keepends=True)
    for n in range(rnd.randint(1, 8)):
        k = rnd.randrange(len(lines))
        op = rnd.choice("cdi")
        if op == "c":
            lines[k] = f'title = "changed {n}"\n'
        elif op == "d" and (any_line or lines.count(lines[k]) == 1):
            del lines[k]
        elif op == "i":
            new = rnd.choice(["\n", "[[items]]\n", 'id = "NEW"\n']) if any_line else f'note = "new {n}"\n'
            lines.insert(k, new)
    return "".join(lines)


BOARD = generate_board_text(60, 3)


def changed_lines(diff: str) -> int:
    return sum(1 for line in diff.splitlines()[2:] if line[:1] in "+-")


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("context", [0, 2, 3])
def test_the_diff_turns_theirs_into_mine_naming_no_more_lines_than_difflib(seed: int, context: int) -> None:
    mine = edited(BOARD, seed)
    for a, b in ((BOARD, mine), (mine, BOARD)):
        diff = segment_diff(a, b, "a", "b", context)
        assert patched(a, diff) == b
        # Over the whole text difflib takes a line common in it (``kind = "task"``) for junk and
        # may name it as removed and added again; within a table it need not.
        assert changed_lines(diff) <= changed_lines(whole_diff(a, b, context))
        assert (diff == "") == (a == b)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("context", [0, 2])
def test_the_diff_turns_theirs_into_mine_when_tables_come_and_go(seed: int, context: int) -> None:
    # A line added beside its like (a blank, a header) may be told as either of the two: difflib's
    # choice over the whole text can differ. The diff is right when it turns one into the other.
    mine = edited(BOARD, seed, any_line=True)
    assert patched(BOARD, segment_diff(BOARD, mine, "a", "b", context)) == mine
    assert patched(mine, segment_diff(mine, BOARD, "a", "b", context)) == BOARD


def test_no_difference_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(BOARD, encoding="utf-8")
    assert diff_with_disk(path, BOARD) == "No difference."
    assert segment_diff(BOARD, BOARD, "a", "b") == ""


def test_a_large_boards_conflict_is_diffed_without_comparing_every_line(tmp_path: Path) -> None:
    path = write_board(tmp_path / "big.toml", 3000)
    store = BoardStore.load(path)
    items = store.board.items
    for k in (3, 1500, 2990):  # unsaved edits across the board
        store.set_fields(items[k].id, {"title": f"mine {k}"})
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('title = "', 'title = "theirs ', 1), encoding="utf-8")  # an outside edit
    size = len(text)
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        diff = diff_with_disk(path, store.text_parts())
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert diff.startswith("--- big.toml (on disk)\n+++ big.toml (mine)\n")
    assert patched(text.replace('title = "', 'title = "theirs ', 1), diff) == store.text()
    assert diff.count("\n-title") == 4 and 'title = "mine 1500"' in diff
    # Before: difflib over every line of both texts held 9 times the board's size (50 MB and a
    # minute of the app's time at 10,000 items).
    assert peak < 4 * size, f"the diff peaked at {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB board"


@pytest.mark.parametrize("seed", range(40))
def test_mine_held_as_segments_is_diffed_as_the_whole_text_is(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "b.toml"
    mine = edited(BOARD, seed, any_line=seed % 2 == 1)
    for theirs, held in ((BOARD, mine), (mine, BOARD)):
        path.write_text(theirs, encoding="utf-8")
        diff = diff_held_with_disk(path, split_segments(held))
        assert diff == diff_with_disk(path, held)
        assert (diff == "No difference.") == (theirs == held)
        if theirs != held:
            assert patched(theirs, diff.replace("b.toml (on disk)", "a").replace("b.toml (mine)", "b")) == held


def test_a_conflict_over_nearby_tables_reads_no_second_board(tmp_path: Path) -> None:
    path = write_board(tmp_path / "big.toml", 6000)
    store = BoardStore.load(path)
    items = store.board.items
    for k in (3, 5, 9):  # my unsaved edits near the top, where theirs is
        store.set_fields(items[k].id, {"title": f"mine {k}"})
    text = path.read_text(encoding="utf-8")
    theirs = text.replace('title = "', 'title = "theirs ', 1)
    path.write_text(theirs, encoding="utf-8")
    held = list(store.segments_now())
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        diff = diff_held_with_disk(path, held)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert diff == diff_with_disk(path, store.text_parts())
    assert patched(theirs, diff) == store.text() and 'title = "mine 9"' in diff
    # The file is read a piece at a time (``file_span.CHUNK``), whatever the board's size; split into
    # tables and compared whole, it held over three times the board's (7 MB here).
    assert peak < max(4 * CHUNK, len(text) // 4), (
        f"the diff peaked at {peak / 1e6:.1f} MB for a {len(text) / 1e6:.1f} MB board"
    )
