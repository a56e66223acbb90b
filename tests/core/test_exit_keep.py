"""A one-shot command keeps the boards it loaded until it exits (freeing them is wasted time)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BOARD = '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\ntitle = "a"\nstatus = "todo"\n'


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""


def _probe(board: Path, argv: list[str], one_shot: bool) -> str:
    return _run(
        "import readiness_tui.cli as c\n"
        "from readiness_tui.core.cache import exit_keep, loader\n"
        f"c._one_shot = {one_shot}\n"
        # A one-shot command runs with the caches' hooks installed, as ``main()`` installs them.
        f"loader.enable({one_shot})\n"
        "try:\n"
        f"    c.main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('kept:' + ','.join(type(o).__name__ for o in exit_keep.kept()))\n"
    )


def test_a_one_shot_command_keeps_its_board_until_exit(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text(BOARD)
    assert _probe(board, ["lint", str(board)], one_shot=True) == "kept:Board"
    # set loads, edits and writes: the edited board is still the one kept
    assert "Board" in _probe(board, ["set", str(board), "A", "status=done"], one_shot=True)
    assert 'status = "done"' in board.read_text()
    # export keeps the document's data too (100,000 item dicts at 100k)
    assert _probe(board, ["export", str(board), "-f", "json"], one_shot=True) == "kept:Board,dict"


def test_tests_and_long_lived_commands_keep_nothing(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text(BOARD)
    # main(argv) from a test: the process lives on
    assert _probe(board, ["lint", str(board)], one_shot=False) == "kept:"
    # check keeps the collector on and may run for long: it frees what it drops
    assert _probe(board, ["check", str(board)], one_shot=True) == "kept:"


def test_keep_holds_at_most_limit_objects() -> None:
    out = _run(
        "from readiness_tui.core.cache import exit_keep\n"
        "exit_keep.keep('x')\n"
        "assert exit_keep.kept() == []\n"
        "exit_keep.keep_until_exit()\n"
        "for n in range(exit_keep.LIMIT + 2):\n"
        "    exit_keep.keep(n)\n"
        "print(exit_keep.kept())\n"
    )
    assert out == str(list(range(2, 4 + 2)))


def test_a_one_shot_command_keeps_the_cache_entries_it_handed_to_their_writer(tmp_path: Path) -> None:
    """The parse-cache entry a command hands to a forked writer (the board's segment texts, often
    their only copy) is held until exit by a one-shot command, and let go of by anything else."""

    def handed(one_shot: bool) -> str:
        board = tmp_path / f"{one_shot}.toml"  # a board of its own: parsed, so an entry is written
        board.write_text(BOARD)
        return _run(
            "import readiness_tui.cli as c\n"
            "from readiness_tui.core.cache import parse_cache as board_cache, loader as caches, exit_keep\n"
            f"c._one_shot = {one_shot}\n"
            "caches.enable()\n"
            "try:\n"
            f"    c.main(['lint', {str(board)!r}])\n"
            "except SystemExit:\n"
            "    pass\n"
            "assert board_cache.pending()\n"
            "caches.flush_in_background(reap=True)\n"
            "assert not board_cache.pending()\n"
            "print('kept:' + ','.join(type(o).__name__ for o in exit_keep.kept()))\n"
        )

    assert handed(one_shot=True) == "kept:Board,list"
    assert handed(one_shot=False) == "kept:"
