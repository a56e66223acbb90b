"""Several writers on one board, and writers that die: real processes, real files.

Every writer is ``readiness set`` in its own process (the way scripts and engineers run it). What
must hold: no edit that exited 0 is gone from the board, each is recorded once, and after a writer
is killed at any step, the next run leaves no board change without a record and no temp file.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readiness_tui.core import audit
from readiness_tui.core.board.fsutil import sha256_bytes
from readiness_tui.core.board.lock import board_lock
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.problems import BoardLocked

ITEMS = 6
BOARD = '[board]\ntitle = "Team board"\n' + "".join(
    f'\n[[items]]\nid = "T-{n}"\ntitle = "Task {n}"  # keep this comment\nstatus = "todo"\nestimate_days = 1\n'
    for n in range(1, ITEMS + 1)
)


def readiness(*args: str, env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", *args], capture_output=True, text=True, env=full_env, timeout=60
    )
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "team.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def _writer_script(board: Path, item: str, edits: int) -> str:
    # Each edit is a separate `readiness set` process, as a shell loop would run them.
    return "\n".join(
        f"{sys.executable} -m readiness_tui set {board} {item} estimate_days={n} || exit 1" for n in range(2, edits + 2)
    )


@pytest.mark.parametrize("writers", [2, 3])
def test_concurrent_writers_on_different_items_lose_nothing(board: Path, writers: int) -> None:
    edits = 12
    procs = [
        subprocess.Popen(
            ["sh", "-c", _writer_script(board, f"T-{w}", edits)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for w in range(1, writers + 1)
    ]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    store = BoardStore.load(board)
    for w in range(1, writers + 1):
        assert store.item(f"T-{w}").estimate_days == edits + 1  # every writer's last edit is there
    assert board.read_text().count("# keep this comment") == ITEMS
    records = [r for r in audit.read(board) if r.type == "change"]
    assert len(records) == writers * edits  # each edit recorded exactly once
    for w in range(1, writers + 1):
        mine = [r.new for r in records if r.item == f"T-{w}"]
        assert mine == list(range(2, edits + 2))  # in order, none missing, none twice
    assert audit.verify(board).ok
    assert audit.last_board_record(board)["board"] == sha256_bytes(board.read_bytes())


def test_same_field_changed_by_two_writers_is_refused_and_named(board: Path) -> None:
    from readiness_tui.core.edits.editor import EditController

    mine = EditController(BoardStore.load(board), audit_source="cli")
    readiness("set", str(board), "T-1", "status=review")  # someone else, meanwhile
    before = board.read_text()
    result = mine.set_fields("T-1", {"status": "done"})
    assert result.saved == "conflict"
    assert "T-1.status" in mine.last_save_error
    assert board.read_text() == before


def test_a_writer_that_cannot_get_the_lock_names_the_holder_and_writes_nothing(board: Path) -> None:
    before = board.read_text()
    with board_lock(board):
        proc = readiness("set", str(board), "T-1", "status=done", env={"READINESS_LOCK_TIMEOUT": "0.3"}, check=False)
    assert proc.returncode == 1
    assert f"locked by pid {os.getpid()}" in proc.stderr and "nothing was written" in proc.stderr
    assert board.read_text() == before
    assert audit.read(board) == []


def test_the_lock_is_free_again_when_its_holder_dies(board: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path; from readiness_tui.core.board.lock import board_lock\n"
                f"with board_lock(Path({str(board)!r})):\n    print('held', flush=True); time.sleep(60)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(BoardLocked):
        with board_lock(board, timeout=0.1):
            pass
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with board_lock(board, timeout=2):
        pass


def _temps(board: Path) -> list[Path]:
    return list(board.parent.glob(f".{board.name}.*.tmp"))


def _accounted(board: Path) -> None:
    """The history ends at the board as it is, verifies, and no temp file is left."""
    assert audit.last_board_record(board)["board"] == sha256_bytes(board.read_bytes())
    assert audit.verify(board).ok
    assert _temps(board) == []


@pytest.mark.parametrize("point, reached", [("after-history", False), ("before-rename", False), ("after-rename", True)])
def test_a_writer_killed_at_each_step_leaves_a_board_the_next_run_accounts_for(
    board: Path, point: str, reached: bool
) -> None:
    readiness("set", str(board), "T-1", "status=in_progress")  # a first record names the board
    proc = readiness("set", str(board), "T-2", "status=done", env={"READINESS_FAILPOINT": point}, check=False)
    assert proc.returncode == -signal.SIGKILL
    assert (BoardStore.load(board).item("T-2").status == "done") is reached  # before or after, never torn
    assert (_temps(board) != []) is (point in ("after-history", "before-rename"))  # written, not renamed
    readiness("set", str(board), "T-3", "status=review")  # the next run
    _accounted(board)
    recs = audit.read(board)
    t2 = [r for r in recs if r.item == "T-2"]
    assert len(t2) == (1 if reached else 0)  # an edit that never reached the board is not a change
    kinds = [json.loads(line)["type"] for line in audit.history_path(board).read_text().splitlines()]
    assert ("aborted" in kinds) is (not reached)


def test_audit_verify_is_a_next_run_too(board: Path) -> None:
    readiness("set", str(board), "T-1", "status=in_progress")
    readiness("set", str(board), "T-2", "status=done", env={"READINESS_FAILPOINT": "after-history"}, check=False)
    proc = readiness("audit", "verify", str(board))
    assert "never reached the board" in proc.stderr and "ok" in proc.stdout
    _accounted(board)


def test_an_edit_made_outside_readiness_is_found_and_recorded(board: Path) -> None:
    readiness("set", str(board), "T-1", "status=in_progress")
    board.write_text(board.read_text().replace('title = "Task 4"', 'title = "Task four"'), encoding="utf-8")
    readiness("set", str(board), "T-2", "status=done")
    kinds = [(r.type, r.source) for r in audit.read(board)]
    assert kinds == [("change", "cli"), ("found", "found"), ("change", "cli")]
    _accounted(board)


def test_audit_verify_removes_the_temp_file_of_a_writer_killed_before_its_rename(board: Path) -> None:
    readiness("set", str(board), "T-1", "status=in_progress")
    proc = readiness("set", str(board), "T-2", "status=done", env={"READINESS_FAILPOINT": "before-rename"}, check=False)
    assert proc.returncode == -signal.SIGKILL and _temps(board) != []
    readiness("audit", "verify", str(board))
    _accounted(board)


def test_writers_killed_at_random_moments_never_leave_an_unrecorded_board(board: Path) -> None:
    readiness("set", str(board), "T-1", "status=in_progress")
    for n in range(12):
        p = subprocess.Popen(
            [sys.executable, "-m", "readiness_tui", "set", str(board), "T-5", f"estimate_days={n + 2}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.05 + 0.02 * n)  # somewhere between start-up and the end of the write
        p.send_signal(signal.SIGKILL)
        p.wait()
        readiness("audit", "verify", str(board))
        _accounted(board)
        value = BoardStore.load(board).item("T-5").estimate_days
        live = [r.new for r in audit.read(board) if r.item == "T-5"]
        assert (live[-1] if live else 1) == value  # the history's last word is what the board says
