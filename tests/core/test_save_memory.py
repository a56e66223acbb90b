"""A save never makes a whole copy of the board: it is hashed and written piece by piece, and the
check that the file is unchanged hashes it in chunks."""

from __future__ import annotations

import hashlib
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.bench.generate import write_board
from readiness_tui.core.board import fsutil
from readiness_tui.core.board.file import DiskState, look
from readiness_tui.core.board.fsutil import atomic_write, sha256_file, sha256_parts, text_chunks
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.editor import EditController, SaveState


@given(st.lists(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40), max_size=8))
def test_the_hash_of_the_parts_is_the_hash_of_the_whole_text(parts: list[str]) -> None:
    assert sha256_parts(parts) == hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()


def test_chunks_are_written_in_order_and_whole(tmp_path: Path) -> None:
    target = tmp_path / "b.toml"
    atomic_write(target, (p.encode() for p in ["[board]\n", 'title = "é"\n', ""]))
    assert target.read_text(encoding="utf-8") == '[board]\ntitle = "é"\n'
    assert sha256_file(target) == hashlib.sha256(target.read_bytes()).hexdigest()


@given(st.lists(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40), max_size=8))
def test_the_hash_a_write_hands_over_before_its_rename_is_the_hash_of_the_file_it_puts_in_place(
    parts: list[str],
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as where:
        target = Path(where) / "b.toml"
        target.write_text("old", encoding="utf-8")
        seen: list[tuple[str, str]] = []
        atomic_write(
            target,
            (p.encode("utf-8") for p in parts),
            before_rename=lambda sha: seen.append((sha, target.read_text(encoding="utf-8"))),
        )
        # Called once, while the old text was still in place, with the new text's hash.
        assert seen == [(sha256_parts(parts), "old")] and sha256_file(target) == seen[0][0]


def test_a_write_whose_record_fails_before_its_rename_replaces_nothing_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "b.toml"
    target.write_text("old", encoding="utf-8")

    def refuse(sha: str) -> None:
        raise OSError("history not writable")

    with pytest.raises(OSError, match="history"):
        atomic_write(target, iter([b"new"]), before_rename=refuse)
    assert target.read_text(encoding="utf-8") == "old" and list(tmp_path.iterdir()) == [target]


@given(st.lists(st.text(max_size=30), max_size=12), st.integers(1, 40))
def test_chunks_join_to_the_parts_and_each_but_the_last_is_full(parts: list[str], size: int) -> None:
    chunks = list(text_chunks(parts, size))
    assert "".join(chunks) == "".join(parts)
    assert all(len(c) >= size for c in chunks[:-1])


def test_a_locked_save_holds_no_copy_of_the_whole_board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fsutil, "CHUNK", 64 * 1024)  # pieces far smaller than this board
    board = write_board(tmp_path / "big.toml", 3000)
    size = board.stat().st_size
    assert size > 1_000_000
    editor = EditController(BoardStore.load(board), audit_source="cli", actor="tester")
    first = editor.store.board.items[0].id
    assert editor.set_status(first, "review").saved == SaveState.SAVED  # splits the text first
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        result = editor.set_status(first, "done")
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert result.saved == SaveState.SAVED
    assert BoardStore.load(board).item(first).status == "done"
    # Before: the joined text, its bytes and the file read back to check it (3x the board).
    assert peak < size / 2, f"a save peaked at {peak / 1e6:.1f} MB for a {size / 1e6:.1f} MB board"


def test_an_unchanged_file_is_checked_by_its_hash_without_keeping_its_bytes(tmp_path: Path) -> None:
    board = write_board(tmp_path / "b.toml", 50)
    store = BoardStore.load(board)
    assert look(board, store.stamp, strict=True) == (DiskState.SAME, None, None)
    # Same size and time, other content: still caught, and the bytes read are handed on.
    st = board.stat()
    data = bytearray(board.read_bytes())
    at = data.index(b"title = ") + len(b'title = "')
    data[at] = ord("X") if data[at] != ord("X") else ord("Y")
    board.write_bytes(bytes(data))
    os.utime(board, ns=(st.st_atime_ns, st.st_mtime_ns))
    state, read, sha = look(board, store.stamp, strict=True)
    assert state is DiskState.CHANGED and read == bytes(data) and sha == hashlib.sha256(read).hexdigest()
