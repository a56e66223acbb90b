"""The gate session across threads: results recorded from runner threads, a state file that cannot
be written, and a save that must not make readers wait on the disk."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateSession, GateState, RunResult, trust
from readiness_tui.core.gates import state as state_module


def open_session(root: Path) -> GateSession:
    store = BoardStore.load(root / "board.toml")
    trust(store.path, store.board)
    return GateSession(store.path, store.board)


def test_a_result_that_cannot_be_saved_ends_the_run_and_says_why(
    gates_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = open_session(gates_repo)

    def refuse(self: GateState) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(GateState, "save", refuse)
    done: list[str] = []
    results = s.run(["G-PASS", "G-FAIL"], on_done=lambda r: done.append(r.item_id))
    assert sorted(r.item_id for r in results) == ["G-FAIL", "G-PASS"]
    assert sorted(done) == ["G-FAIL", "G-PASS"]  # on_done still called for each
    assert s.running() == set()  # not "running" forever
    assert s.view("G-PASS").status != "running"
    error = s.take_record_error("G-PASS")
    assert error is not None and "No space left on device" in error
    assert s.take_record_error("G-PASS") is None  # reported once
    s.close()


def test_many_runs_finishing_at_once_leave_nothing_running(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    ids = ["G-PASS", "G-FAIL", "G-WAIVED"]
    for _ in range(5):
        s.run(ids)
        assert s.running() == set()
    assert all(s.state.get(i) is not None for i in ids)
    s.close()


def test_save_does_not_hold_the_lock_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = GateState(tmp_path / "board.gates.json")
    writing, release = threading.Event(), threading.Event()
    real_write = state_module.atomic_write

    def slow_write(path: Path, data: bytes) -> None:
        writing.set()
        assert release.wait(10)
        real_write(path, data)

    monkeypatch.setattr(state_module, "atomic_write", slow_write)
    result = RunResult("A", "true", 1.0, 2.0, 1.0, 0)
    saver = threading.Thread(target=state.record, args=(result,))
    saver.start()
    assert writing.wait(10)
    got: list[RunResult | None] = []
    reader = threading.Thread(target=lambda: got.append(state.get("A")))
    reader.start()
    reader.join(5)
    try:
        assert not reader.is_alive(), "a reader waited for the disk write"
        assert got == [result]
    finally:
        release.set()
        saver.join(10)
    assert GateState.load(tmp_path / "board.gates.json").get("A") is not None


def test_evidence_globbing_stops_at_its_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_tui.core.gates import evidence

    reports = tmp_path / "reports"
    reports.mkdir()
    for i in range(200):
        (reports / f"r{i:03}.xml").write_text("x")
    walked: list[str] = []
    real_walk = evidence.walk

    def counting_walk(*args, **kwargs):  # type: ignore[no-untyped-def]
        for entry in real_walk(*args, **kwargs):
            walked.append(entry[1])
            yield entry

    monkeypatch.setattr(evidence, "walk", counting_walk)
    check = evidence.check_evidence(tmp_path, "reports/*.xml")
    assert check.present and len(check.matches) == evidence.MAX_MATCHES
    assert len(walked) == evidence.MAX_MATCHES  # not the 200 files


class OwnedLock:
    """A lock that knows which thread holds it (``threading.Lock`` only knows that one does)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.owner: int | None = None

    def __enter__(self) -> OwnedLock:
        self._lock.acquire()
        self.owner = threading.get_ident()
        return self

    def __exit__(self, *exc: object) -> None:
        self.owner = None
        self._lock.release()


class Guarded(dict):  # type: ignore[type-arg]
    """A dict that notes every change made without its lock held by the changing thread."""

    def __init__(self, lock: OwnedLock, data: dict, unguarded: list[str]) -> None:  # type: ignore[type-arg]
        super().__init__(data)
        self.lock, self.unguarded = lock, unguarded

    def _check(self, op: str) -> None:
        if self.lock.owner != threading.get_ident():
            self.unguarded.append(f"{op} on {threading.current_thread().name}")

    def __setitem__(self, key, value) -> None:  # type: ignore[no-untyped-def]
        self._check("set")
        super().__setitem__(key, value)

    def __delitem__(self, key) -> None:  # type: ignore[no-untyped-def]
        self._check("del")
        super().__delitem__(key)

    def pop(self, *args):  # type: ignore[no-untyped-def]
        self._check("pop")
        return super().pop(*args)

    def clear(self) -> None:
        self._check("clear")
        super().clear()


def test_runner_threads_change_the_sessions_shared_state_only_under_its_lock(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    lock, unguarded = OwnedLock(), []
    s._lock = lock  # type: ignore[assignment]
    for name in ("_running", "_record_errors", "_evidence", "_evidence_key"):
        setattr(s, name, Guarded(lock, getattr(s, name), unguarded))
    s.run(["G-PASS", "G-FAIL", "G-WAIVED"])  # done callbacks on runner threads: record, evidence
    s.start(["G-PASS"])
    s.cancel()
    s.set_board(s.board.model_copy(update={"items": [it for it in s.board.items if it.id != "G-FAIL"]}))
    s.close()
    assert "G-FAIL" not in s._evidence  # the removed item's evidence went, under the lock
    assert unguarded == []


def test_any_failure_to_record_a_result_ends_the_run_and_says_why(
    gates_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = open_session(gates_repo)

    def broken(self: GateState, result: RunResult, save: bool = True, keep_cancelled: bool = False) -> None:
        raise ValueError("state cannot hold this result")

    monkeypatch.setattr(GateState, "record", broken)
    done: list[str] = []
    s.run(["G-PASS"], on_done=lambda r: done.append(r.item_id))
    assert done == ["G-PASS"] and s.running() == set()
    assert "state cannot hold this result" in (s.take_record_error("G-PASS") or "")
    s.close()


def test_a_run_that_crashes_still_ends_and_reports(gates_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_tui.core.gates import runner

    def crash(*args: object, **kwargs: object) -> RunResult:
        raise RuntimeError("selector exploded")

    monkeypatch.setattr(runner, "run_command", crash)
    s = open_session(gates_repo)
    done: list[RunResult] = []
    results = s.run(["G-PASS"], on_done=done.append)
    assert [r.item_id for r in done] == ["G-PASS"] and s.running() == set()
    assert results[0].outcome == "error" and "selector exploded" in results[0].error
    assert s.view("G-PASS").status != "running"
    assert s.runner.pending() == set()
    s.close()
