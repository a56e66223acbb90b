"""Verify commands as real subprocesses: exit codes, timeouts that kill the whole group, cancel,
capped and redacted output, concurrency."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from readiness_tui.core.gates import GateJob, GateRunner, run_command

FAKE_GH = "ghp_" + "Zx9Qw3Er5Ty7Ui1Op4As6Df8Gh2Jk0Lm3Nb5V"
FAKE_AWS = "AKIA" + "QX7Z3KJ4T2LWNB6P"


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie (a reparented zombie may linger in containers)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


def wait_dead(pid: int, within: float = 5.0) -> bool:
    end = time.monotonic() + within
    while time.monotonic() < end:
        if not alive(pid):
            return True
        time.sleep(0.02)
    return False


def test_passing_command(tmp_path: Path) -> None:
    (tmp_path / "marker").write_text("x")
    r = run_command("test -f marker && echo fine", tmp_path)
    assert r.exit_code == 0 and r.outcome == "pass"
    assert r.output == "fine\n"
    assert r.duration_s >= 0 and r.finished_at >= r.started_at


def test_failing_command_keeps_stderr_and_exit_code(tmp_path: Path) -> None:
    r = run_command("echo out; echo oops >&2; exit 7", tmp_path)
    assert r.exit_code == 7 and r.outcome == "fail"
    assert "out" in r.output and "oops" in r.output


def test_runs_in_the_given_directory_through_the_shell(tmp_path: Path) -> None:
    r = run_command("pwd && true && echo $((1+2))", tmp_path)
    assert r.output.splitlines() == [os.path.realpath(tmp_path), "3"]


def test_timeout_kills_the_whole_process_group(tmp_path: Path) -> None:
    cmd = "sleep 30 & echo $! > child.pid; echo $$ > shell.pid; sleep 30"
    r = run_command(cmd, tmp_path, timeout_s=0.5, grace_s=0.5)
    assert r.timed_out and r.outcome == "error" and r.exit_code is None
    assert "timed out" in r.error
    child = int((tmp_path / "child.pid").read_text())
    shell = int((tmp_path / "shell.pid").read_text())
    assert wait_dead(shell) and wait_dead(child)


def test_timeout_escalates_to_sigkill_when_term_is_ignored(tmp_path: Path) -> None:
    cmd = "trap '' TERM; (trap '' TERM; echo $BASHPID > child.pid 2>/dev/null || true; sleep 30) & echo $! > bg.pid; sleep 30"
    r = run_command(cmd, tmp_path, timeout_s=0.3, grace_s=0.2)
    assert r.timed_out
    assert wait_dead(int((tmp_path / "bg.pid").read_text()))


def test_cancel_stops_a_running_command_and_its_children(tmp_path: Path) -> None:
    cancel = threading.Event()
    out: list = []
    t = threading.Thread(
        target=lambda: out.append(
            run_command("sleep 30 & echo $! > child.pid; sleep 30", tmp_path, cancel=cancel, grace_s=0.5)
        )
    )
    t.start()
    pidfile = tmp_path / "child.pid"
    end = time.monotonic() + 5
    while not (pidfile.exists() and pidfile.read_text().strip()) and time.monotonic() < end:
        time.sleep(0.01)
    cancel.set()
    t.join(10)
    assert out and out[0].cancelled and out[0].outcome == "error"
    assert wait_dead(int(pidfile.read_text()))


def test_leftover_background_children_are_stopped_after_exit(tmp_path: Path) -> None:
    r = run_command("sleep 30 & echo $! > child.pid; echo done", tmp_path)
    assert r.exit_code == 0 and r.output == "done\n"
    assert wait_dead(int((tmp_path / "child.pid").read_text()))


def test_secrets_printed_by_a_command_are_redacted(tmp_path: Path) -> None:
    cmd = f"echo token {FAKE_GH}; echo key={FAKE_AWS}; echo 'DB_PASSWORD=hunter2-prod'; echo fine"
    r = run_command(cmd, tmp_path)
    assert FAKE_GH not in r.output and FAKE_AWS not in r.output and "hunter2-prod" not in r.output
    assert "[REDACTED:" in r.output and "fine" in r.output


def test_huge_output_is_capped_head_and_tail(tmp_path: Path) -> None:
    cmd = "echo FIRST; yes 'line of output' | head -n 200000; echo LAST"
    r = run_command(cmd, tmp_path, cap=8192)
    assert r.exit_code == 0 and r.truncated
    assert r.output_bytes > 3_000_000
    assert r.output.startswith("FIRST\n") and r.output.rstrip().endswith("LAST")
    assert "bytes of output cut" in r.output
    assert len(r.output.encode()) < 8192 + 200


def test_secret_in_a_capped_tail_is_still_redacted(tmp_path: Path) -> None:
    cmd = f"yes filler | head -n 100000; echo {FAKE_GH}"
    r = run_command(cmd, tmp_path, cap=4096)
    assert r.truncated and FAKE_GH not in r.output


def test_a_command_that_cannot_start(tmp_path: Path) -> None:
    r = run_command("true", tmp_path / "missing-dir")
    assert r.outcome == "error" and "cannot start" in r.error


def test_runner_runs_jobs_concurrently(tmp_path: Path) -> None:
    # Each job waits for the other's start marker: with one slot at a time they would time out.
    a = "touch a.started; for i in $(seq 100); do [ -f b.started ] && exit 0; sleep 0.05; done; exit 1"
    b = "touch b.started; for i in $(seq 100); do [ -f a.started ] && exit 0; sleep 0.05; done; exit 1"
    started: list[str] = []
    done: list[str] = []
    with GateRunner(jobs=2) as runner:
        results = runner.run_many(
            [GateJob("A", a, tmp_path, 10), GateJob("B", b, tmp_path, 10)],
            on_start=lambda j: started.append(j.item_id),
            on_done=lambda r: done.append(r.item_id),
        )
    assert [r.exit_code for r in results] == [0, 0]
    assert sorted(started) == sorted(done) == ["A", "B"]


def test_runner_default_jobs_is_cpu_count() -> None:
    runner = GateRunner()
    try:
        assert runner.jobs == (os.cpu_count() or 1)
    finally:
        runner.shutdown()


def test_runner_cancel_by_item(tmp_path: Path) -> None:
    with GateRunner(jobs=1, grace_s=0.2) as runner:
        fut = runner.submit(GateJob("S", "sleep 30", tmp_path, 60))
        queued = runner.submit(GateJob("Q", "echo never", tmp_path, 60))
        end = time.monotonic() + 5
        while "S" not in runner.running() and time.monotonic() < end:
            time.sleep(0.01)
        assert runner.cancel("Q") and runner.cancel("S")
        assert fut.result(10).cancelled
        q = queued.result(10)
        assert q.cancelled and q.output == ""
        assert not runner.cancel("nope")


@pytest.mark.parametrize("code", [0, 1, 3])
def test_exit_codes_recorded(tmp_path: Path, code: int) -> None:
    assert run_command(f"exit {code}", tmp_path).exit_code == code
