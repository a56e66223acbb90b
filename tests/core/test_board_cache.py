"""The parse cache: used only when it checks out, rebuilt when it does not, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import parse_cache as board_cache
from readiness_tui.core.edits.editor import EditController

BOARD = """\
[board]
title = "Cache test"

# the first item
[[items]]
id = "A-01"
title = "First"
status = "todo"

[[items]]
id = "A-02"
title = "Second"
depends_on = ["A-01"]

[items.gate]
verify = "true"
"""


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def entry_of(board: Path) -> Path:
    return board_cache._entry(board.resolve())


def test_a_second_load_reads_the_cache_and_gets_the_same_board(cache_on: None, board: Path, parses: list[str]) -> None:
    first = BoardStore.load(board)
    board_cache.flush()
    assert entry_of(board).exists()
    second = BoardStore.load(board)
    assert parses == [str(board)]  # only the first load parsed
    assert second.board == first.board
    assert second.text() == BOARD
    # The cached segments are the text's own: an edit saves the same bytes either way.
    first.set_status("A-01", "done")
    second.set_status("A-01", "done")
    assert second.text() == first.text()
    assert second.line_index().record("items", 1, "depends_on") == first.line_index().record("items", 1, "depends_on")


def test_the_cache_is_off_unless_the_entry_point_turns_it_on(board: Path, parses: list[str]) -> None:
    BoardStore.load(board)
    board_cache.flush()
    BoardStore.load(board)
    assert parses == [str(board), str(board)]
    assert not entry_of(board).exists()


def test_a_corrupted_entry_is_ignored_and_rebuilt(cache_on: None, board: Path, parses: list[str]) -> None:
    BoardStore.load(board)
    board_cache.flush()
    entry = entry_of(board)
    head, key, _ = entry.read_bytes().split(b"\n", 2)
    for damage in (b"not a pickle at all", b"\x80\x05garbage", b""):
        entry.write_bytes(head + b"\n" + key + b"\n" + damage)
        store = BoardStore.load(board)
        assert [it.id for it in store.board.items] == ["A-01", "A-02"]
    assert len(parses) == 4  # the first load and each damaged entry: parsed every time
    board_cache.flush()  # the last load remembered its board: the entry is good again
    BoardStore.load(board)
    assert len(parses) == 4


def test_a_board_changed_with_the_same_size_and_mtime_is_parsed_again(
    cache_on: None, board: Path, parses: list[str]
) -> None:
    BoardStore.load(board)
    board_cache.flush()
    st = board.stat()
    # The board's own table changed: it is read again (the items may come from the entry,
    # test_board_cache_earlier), never taken from an entry keyed by size and mtime alone.
    changed = BOARD.replace('title = "Cache test"', 'title = "Cache tset"')
    assert len(changed) == len(BOARD)
    board.write_text(changed, encoding="utf-8")
    os.utime(board, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (board.stat().st_size, board.stat().st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    store = BoardStore.load(board)
    assert store.board.board.title == "Cache tset"
    assert store.text() == changed


def test_an_entry_from_another_version_is_never_unpickled(
    cache_on: None, board: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    BoardStore.load(board)
    board_cache.flush()
    entry = entry_of(board)
    _, key, payload = entry.read_bytes().split(b"\n", 2)
    entry.write_bytes(b"readiness-board-cache 1 0.0.1 2.0.0 3.11 0123456789abcdef\n" + key + b"\n" + payload)

    unpickled: list[object] = []
    real_load = board_cache.pickle.load

    def recording(*args: object, **kwargs: object) -> object:
        unpickled.append(args)
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(board_cache.pickle, "load", recording)
    store = BoardStore.load(board)
    assert store.item("A-02").depends_on == ["A-01"]
    assert len(parses) == 2
    assert unpickled == []


def test_an_entry_others_can_write_is_not_read(cache_on: None, board: Path, parses: list[str]) -> None:
    BoardStore.load(board)
    board_cache.flush()
    entry = entry_of(board)
    assert entry.stat().st_mode & 0o777 == 0o600
    assert entry.parent.stat().st_mode & 0o777 == 0o700
    entry.chmod(0o666)
    BoardStore.load(board)
    assert len(parses) == 2


def test_an_entry_for_another_board_path_is_not_used(cache_on: None, board: Path, parses: list[str]) -> None:
    BoardStore.load(board)
    board_cache.flush()
    other = board.with_name("other.toml")
    other.write_text(BOARD, encoding="utf-8")
    # Put the first board's entry where the other board's would be: its key names another path.
    entry_of(board).rename(entry_of(other))
    BoardStore.load(other)
    assert len(parses) == 2


def test_a_saved_edit_is_cached_for_the_next_load(cache_on: None, board: Path, parses: list[str]) -> None:
    editor = EditController(BoardStore.load(board), audit_source="cli", actor="tester")
    assert editor.set_status("A-01", "review").saved == "saved"
    board_cache.flush()
    again = BoardStore.load(board)
    assert again.item("A-01").status == "review"
    assert again.text() == board.read_text(encoding="utf-8")
    assert parses == [str(board)]


def test_later_edits_do_not_reach_a_remembered_board(cache_on: None, board: Path) -> None:
    """The entry holds the board as it was when remembered, not the store's later in-memory edits."""
    store = BoardStore.load(board)
    store.set_status("A-01", "done")  # not saved: the file still says todo
    board_cache.flush()
    assert BoardStore.load(board).item("A-01").status == "todo"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readiness_tui", *args], capture_output=True, text=True, timeout=120, check=False
    )


def _wait_for(cond: object, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(cond) and cond():
            return True
        time.sleep(0.02)
    return False


def test_the_cli_fills_the_cache_after_its_output_and_reads_it_next_time(board: Path) -> None:
    first = _run("order", str(board), "--json")
    assert first.returncode == 0, first.stderr
    # The entry is written by a child after the command's output; wait for it to appear.
    assert _wait_for(lambda: entry_of(board).exists())
    second = _run("order", str(board), "--json")
    assert second.stdout == first.stdout
    # `set` writes the board and caches the new text: the key is the new file's hash.
    changed = _run("set", str(board), "A-01", "status=done")
    assert changed.returncode == 0, changed.stderr
    from readiness_tui.core.board.fsutil import sha256_bytes

    new_sha = sha256_bytes(board.read_bytes())
    assert _wait_for(lambda: new_sha.encode() in entry_of(board).read_bytes().split(b"\n", 2)[1])
    shown = _run("show", str(board), "A-01", "--json")
    assert '"status": "done"' in shown.stdout


def test_a_saved_board_waits_for_its_entry_without_a_second_copy_of_its_text(cache_on: None, board: Path) -> None:
    store = BoardStore.load(board)
    board_cache.flush()
    store.set_status("A-01", "done")
    store.save()
    (stamp, parts, _), *_ = board_cache._pending.values()
    # The texts of the segments the store holds (the same string objects), not their join.
    assert isinstance(parts, list)
    assert all(a is b.text for a, b in zip(parts, store.saved_segments()))
    assert "".join(parts) == board.read_text(encoding="utf-8")
    board_cache.flush()
    again = BoardStore.load(board)
    assert again.item("A-01").status == "done" and again.stamp == stamp


def test_a_parsed_board_waits_for_its_entry_as_its_segments_texts(cache_on: None, board: Path) -> None:
    store = BoardStore.load(board)
    (_, parts, _), *_ = board_cache._pending.values()
    assert isinstance(parts, list)
    assert all(a is b.text for a, b in zip(parts, store.saved_segments()))
    board_cache.flush()
    assert BoardStore.load(board).text() == BOARD


def test_a_cached_boards_segments_are_cut_when_first_needed(
    cache_on: None, board: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    from readiness_tui.core.board.segments import Cuts

    first = BoardStore.load(board)
    board_cache.flush()
    cut: list[int] = []
    real = Cuts.segments

    def counting(self: Cuts, text: str) -> list:
        cut.append(len(text))
        return real(self, text)

    monkeypatch.setattr(Cuts, "segments", counting)
    second = BoardStore.load(board)
    # What `order` and `export` read (the model, whether the board can be edited): nothing is cut.
    assert second.board == first.board and second.editable_reason == "" and not second.dirty
    assert second.text() == BOARD and cut == []
    assert second.line_index().record("items", 1, "depends_on") == first.line_index().record("items", 1, "depends_on")
    assert cut == [len(BOARD)]
    second.set_status("A-02", "done")
    first.set_status("A-02", "done")
    assert second.text() == first.text() and cut == [len(BOARD)]
    assert parses == [str(board)]


def test_a_cached_board_with_inline_items_cannot_be_edited_as_a_parsed_one_cannot(
    cache_on: None, tmp_path: Path, parses: list[str]
) -> None:
    path = tmp_path / "inline.toml"
    path.write_text('items = [{ id = "A" }]\n\n[[items]]\nid = "B"\n', encoding="utf-8")
    parsed = BoardStore.load(path)
    board_cache.flush()
    cached = BoardStore.load(path)
    assert [it.id for it in cached.board.items] == ["A", "B"]
    assert cached.editable_reason == parsed.editable_reason != ""
    assert parses == [str(path)]  # the second load came from the cache


def test_lint_for_errors_on_a_cached_board_with_none_cuts_no_segment(
    cache_on: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`lint -q` on a clean cached board reads the model alone: no line is looked for, so the text
    is never cut into segments (0.25 s at 100,000 items)."""
    from readiness_tui.core.board.segments import Cuts
    from readiness_tui.core.lint import lint_path

    path = tmp_path / "plan.toml"
    path.write_text(
        BOARD + '\n[[risks]]\nid = "R-1"\ntitle = "r"\nmitigated_by = ["A-01"]\n\n'
        '[[risks]]\nid = "R-2"\ntitle = "uncovered: a warning"\n\n'
        '[[waivers]]\nitem = "A-02"\nreason = "r"\napproved_by = "@a"\nexpires = 2020-01-01\n',
        encoding="utf-8",
    )
    BoardStore.load(path)
    board_cache.flush()
    cut: list[int] = []
    real = Cuts.segments
    monkeypatch.setattr(Cuts, "segments", lambda self, text: cut.append(1) or real(self, text))
    assert [p for p in lint_path(path).sorted() if p.level == "error"] == []
    assert cut == [1]  # the full lint located its warnings (the uncovered risk, the expired waiver)
    assert lint_path(path, ("error",)).sorted() == [] and cut == [1]
