"""The state file beside the board, combined statuses, drift and staleness."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import (
    DRIFT_UNCLAIMED,
    DRIFT_UNVERIFIED,
    GateSession,
    GateState,
    RunResult,
    state_path,
    trust,
)
from readiness_tui.core.gates.stale import FileChange


def open_session(root: Path, trusted: bool = True) -> GateSession:
    store = BoardStore.load(root / "board.toml")
    if trusted:
        trust(store.path, store.board)
    return GateSession(store.path, store.board)


def test_every_status_from_the_fixture(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    before = s.views()
    assert before["G-PASS"].status == "not-run"
    assert "NO-GATE" not in before
    s.run()
    v = s.views()
    assert v["G-PASS"].status == "pass" and v["G-PASS"].result.output == "all good\n"  # type: ignore[union-attr]
    assert v["G-FAIL"].status == "fail" and v["G-FAIL"].result.exit_code == 2  # type: ignore[union-attr]
    assert v["G-WAIVED"].status == "waived" and v["G-WAIVED"].waiver.expiring_soon  # type: ignore[union-attr]
    assert v["G-EVIDENCE"].status == "pass"  # evidence-only: all present
    assert v["G-ESCAPE"].status == "error" and "outside" in v["G-ESCAPE"].reason
    assert v["G-MANUAL"].status == "no-gate"
    assert s.gate_status() == {k: x.status for k, x in v.items()}


def test_drift_both_ways(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    s.run()
    drift = s.drift()
    assert drift["G-FAIL"] == DRIFT_UNVERIFIED  # done, gate fails
    assert drift["G-EVIDENCE"] == DRIFT_UNCLAIMED  # todo, gate passes
    assert "G-PASS" not in drift and "G-WAIVED" not in drift and "G-MANUAL" not in drift


def test_untrusted_done_item_is_unverified_drift(gates_repo: Path) -> None:
    s = open_session(gates_repo, trusted=False)
    v = s.views()
    assert v["G-PASS"].status == "untrusted" and v["G-PASS"].drift == DRIFT_UNVERIFIED
    assert v["G-EVIDENCE"].status == "pass"  # evidence needs no trust


def test_state_file_round_trip_and_age(gates_repo: Path) -> None:
    # Every file of the repo older than the run: nothing changed since, so a pass stays a pass.
    hour_ago = time.time() - 3600
    for f in gates_repo.rglob("*"):
        os.utime(f, (hour_ago, hour_ago))
    s = open_session(gates_repo)
    s.run()
    path = state_path(gates_repo / "board.toml")
    # in a git repository: in the git dir, where git status never shows it
    assert path.parent == gates_repo / ".git" / "readiness" / "gates" and path.exists()
    data = json.loads(path.read_text())
    assert data["results"]["G-FAIL"]["exit_code"] == 2
    assert not list(gates_repo.glob(".*.tmp"))
    reopened = open_session(gates_repo)
    v = reopened.views()
    assert v["G-PASS"].status == "pass" and v["G-FAIL"].status == "fail"
    assert v["G-FAIL"].result == s.views()["G-FAIL"].result
    finished = v["G-FAIL"].result.finished_at  # type: ignore[union-attr]
    assert v["G-FAIL"].age_s(finished + 120) == pytest.approx(120, abs=1e-6)  # from the run's end


def test_result_for_a_different_command_does_not_count(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    s.run(["G-FAIL"])
    text = (gates_repo / "board.toml").read_text().replace("exit 2", "exit 0")
    (gates_repo / "board.toml").write_text(text)
    store = BoardStore.load(gates_repo / "board.toml")
    trust(store.path, store.board)
    s.set_board(store.board)
    assert s.views()["G-FAIL"].status == "stale"


def test_unreadable_state_file_starts_afresh(tmp_path: Path) -> None:
    p = tmp_path / "b.readiness-state.json"
    p.write_text("{not json")
    st = GateState.load(p)
    assert st.results == {} and st.problem


def test_cancelled_run_keeps_the_previous_result(tmp_path: Path) -> None:
    st = GateState(tmp_path / "s.json")
    ok = RunResult("A", "true", 1.0, 2.0, 1.0, 0)
    st.record(ok)
    st.record(RunResult("A", "true", 3.0, 4.0, 1.0, None, cancelled=True, error="cancelled"))
    assert GateState.load(tmp_path / "s.json").results["A"] == ok


def test_results_landing_together_are_written_together_and_none_is_lost(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Runner threads finishing while the file is written: each record returns once the file
    holds its result, and the saves waiting behind one write are one write, not one each."""
    import threading

    from readiness_tui.core.gates import state as state_module

    path = tmp_path / "s.json"
    st = GateState(path)
    writes: list[int] = []
    real = state_module.atomic_write
    first = threading.Event()
    release = threading.Event()

    def slow_write(target: Path, data: bytes) -> None:
        writes.append(len(json.loads(data)["results"]))
        if len(writes) == 1:
            first.set()
            release.wait(5)  # the first write is slow: every other result lands meanwhile
        real(target, data)

    monkeypatch.setattr(state_module, "atomic_write", slow_write)
    in_file: dict[str, bool] = {}

    def run(n: int) -> None:
        st.record(RunResult(f"G-{n}", "true", 1.0, 2.0, 1.0, 0))
        in_file[f"G-{n}"] = f"G-{n}" in json.loads(path.read_text())["results"]

    threads = [threading.Thread(target=run, args=(0,))]
    threads[0].start()
    assert first.wait(5)
    threads += [threading.Thread(target=run, args=(n,)) for n in range(1, 20)]
    for t in threads[1:]:
        t.start()
    deadline = time.monotonic() + 5
    while len(st.results) < 20 and time.monotonic() < deadline:  # all recorded, queued behind the write
        time.sleep(0.005)
    release.set()
    for t in threads:
        t.join(5)
    assert in_file == {f"G-{n}": True for n in range(20)}
    assert writes[0] == 1 and len(writes) < 20 and writes[-1] == 20
    assert set(GateState.load(path).results) == {f"G-{n}" for n in range(20)}


def test_evidence_created_by_the_command_counts(gates_repo: Path) -> None:
    text = (
        (gates_repo / "board.toml")
        .read_text()
        .replace(
            'evidence = ["reports/*.xml"]', 'verify = "mkdir -p out && touch out/made.txt"\nevidence = ["out/made.txt"]'
        )
    )
    (gates_repo / "board.toml").write_text(text)
    s = open_session(gates_repo)
    assert s.views()["G-EVIDENCE"].status == "not-run"
    s.run(["G-EVIDENCE"])
    assert s.views()["G-EVIDENCE"].status == "pass"


def test_watched_change_after_a_pass_makes_it_stale(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    s.run(["G-PASS"])
    assert s.views()["G-PASS"].status == "pass"
    src = gates_repo / "src.py"
    src.write_text("print(1)")
    later = time.time() + 5
    os.utime(src, (later, later))
    touched = s.note_changes([str(src)])
    assert "G-PASS" in touched
    view = s.views()["G-PASS"]
    assert view.status == "stale"
    # It says why: the file, how long after the run, and what the gate watches.
    assert view.reason.startswith("src.py changed ") and "after the last run (watching the whole repo)" in view.reason
    s.run(["G-PASS"])
    os.utime(src, (time.time() - 60, time.time() - 60))
    s2 = open_session(gates_repo)
    s2.scan_changes()
    assert s2.views()["G-PASS"].status == "pass"


def test_a_watched_change_names_only_the_gates_it_can_make_stale(gates_repo: Path) -> None:
    """A gate never run shows "not run" whatever changed: a stray file in the repo (an editor's
    temp file) must not ask for every gate watching the whole repo to be evaluated again."""
    s = open_session(gates_repo)
    src = gates_repo / "src.py"
    src.write_text("print(1)")
    assert s.note_changes([str(src)]) == set()  # nothing has run yet
    s.run(["G-PASS"])
    later = time.time() + 5
    os.utime(src, (later, later))
    assert s.note_changes([str(src)]) == {"G-PASS"}
    assert s.views()["G-PASS"].status == "stale"


def test_explicit_watch_globs_and_startup_scan(gates_repo: Path) -> None:
    text = (
        (gates_repo / "board.toml")
        .read_text()
        .replace('evidence = ["docs/runbook.md"]', 'evidence = ["docs/runbook.md"]\nwatch = ["src/**/*.py"]')
    )
    (gates_repo / "board.toml").write_text(text)
    s = open_session(gates_repo)
    s.run(["G-PASS"])
    (gates_repo / "notes.txt").write_text("not watched")
    later = time.time() + 5
    os.utime(gates_repo / "notes.txt", (later, later))
    s.scan_changes()
    assert s.views()["G-PASS"].status == "pass"
    (gates_repo / "src" / "pkg").mkdir(parents=True)
    (gates_repo / "src" / "pkg" / "m.py").write_text("x = 1")
    os.utime(gates_repo / "src" / "pkg" / "m.py", (later, later))
    s.scan_changes()
    view = s.views()["G-PASS"]
    assert view.status == "stale"
    assert view.reason.startswith("src/pkg/m.py changed ") and view.reason.endswith("(watching src/**/*.py)")


def test_ignored_dirs_and_board_and_state_do_not_make_stale(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    s.run(["G-PASS"])
    later = time.time() + 5
    for rel in (
        ".git/index",
        "node_modules/x/y.js",
        ".venv/lib/a.py",
        "board.toml",
        "board.readiness-state.json",
        "__pycache__/m.pyc",
        ".board.toml.abc123.tmp",
    ):
        p = gates_repo / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x")
        os.utime(p, (later, later))
    s.scan_changes()
    assert s.views()["G-PASS"].status == "pass"
    assert s.note_changes([str(gates_repo / ".git/index"), str(gates_repo / "board.toml")]) == set()


def test_running_shows_while_a_command_runs(gates_repo: Path) -> None:
    text = (gates_repo / "board.toml").read_text().replace('verify = "exit 1"', 'verify = "sleep 30"')
    (gates_repo / "board.toml").write_text(text)
    s = open_session(gates_repo)
    futures = s.start(["G-WAIVED"])
    assert s.views()["G-WAIVED"].status == "running"
    assert s.cancel(["G-WAIVED"]) == 1
    assert futures[0].result(10).cancelled
    assert s.views()["G-WAIVED"].status == "not-run"
    s.close()


def test_core_gates_never_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, readiness_tui.core.gates, readiness_tui.core.board.watch, readiness_tui.cli.check_cmd, "
        "readiness_tui.cli.trust_cmd; sys.exit(1 if any(m.split('.')[0] == 'textual' for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_update_items_follows_a_status_edit_and_refuses_gate_changes(gates_repo: Path) -> None:
    store = BoardStore.load(gates_repo / "board.toml")
    trust(store.path, store.board)
    s = GateSession(store.path, store.board)
    s.run()
    assert s.drift()["G-EVIDENCE"] == DRIFT_UNCLAIMED  # todo while its gate passes
    store.set_status("G-EVIDENCE", "done")
    assert s.update_items([store.item("G-EVIDENCE")]) is True
    assert "G-EVIDENCE" not in s.drift()  # the fast path sees the new status
    assert s.view("G-EVIDENCE").status == "pass"
    store.set_field("G-EVIDENCE", "gate.evidence", ["elsewhere/"])
    assert s.update_items([store.item("G-EVIDENCE")]) is False  # a gate change needs set_board
    assert s.items["G-EVIDENCE"].gate.evidence != ["elsewhere/"]


def test_due_for_rerun_only_after_a_change_since_the_last_run(gates_repo: Path) -> None:
    s = open_session(gates_repo)
    src = gates_repo / "src.py"
    src.write_text("print(1)")
    os.utime(src, (time.time() - 60, time.time() - 60))
    s.note_changes([str(src)])  # a change from before the run ...
    assert s.due_for_rerun(["G-PASS"]) == ["G-PASS"]  # never run: due
    s.run(["G-PASS"])
    assert s.due_for_rerun(["G-PASS"]) == []  # ... is covered by the run that followed it
    later = time.time() + 5
    os.utime(src, (later, later))
    s.note_changes([str(src)])
    assert s.due_for_rerun(["G-PASS"]) == ["G-PASS"]  # changed after the run: due again


def test_views_of_some_ids_match_the_views_of_all_in_board_order(gates_repo: Path) -> None:
    # ``views(ids)`` looks the ids up instead of walking every gated item: same views, board order.
    s = open_session(gates_repo)
    s.run()
    every = s.views()
    wanted = ["G-FAIL", "NO-GATE", "G-PASS", "NOT-AN-ID"]
    some = s.views(wanted)
    assert list(some) == [k for k in every if k in wanted]
    assert some == {k: every[k] for k in some}


def test_one_change_reaches_every_gate_watching_the_whole_repo_and_globs_keep_their_own(gates_repo: Path) -> None:
    """The gates without ``watch`` globs share one newest change (a file a teammate saves concerns
    them all, named once instead of once per gate); a gate with globs keeps its own."""
    text = (gates_repo / "board.toml").read_text()
    lint = "verify = \"echo 'lint: 3 problems' && exit 2\""
    assert lint in text
    text = text.replace(lint, lint + '\nwatch = ["src/**/*.py"]')
    (gates_repo / "board.toml").write_text(text)
    s = open_session(gates_repo)
    whole = sorted(s.index.default_watch)
    assert "G-FAIL" not in whole and "G-PASS" in whole and len(whole) >= 2
    s.run()
    notes = gates_repo / "notes.txt"
    notes.write_text("x")
    later = time.time() + 5
    os.utime(notes, (later, later))
    touched = s.note_changes([str(notes)])
    # Every whole-repo gate that has a result may look different now; the globbed one may not.
    assert touched == {i for i in whole if s.state.get(i) is not None} and "G-FAIL" not in touched
    assert {s.change_of(i) for i in whole} == {FileChange(later, "notes.txt")}
    assert s.change_of("G-FAIL") is None and s.views()["G-PASS"].status == "stale"
    assert s.due_for_rerun([]) == [] and s.due_for_rerun([], whole_repo=True) == whole
    # A file under the glob: the globbed gate's own change, and the newest for the whole repo too.
    (gates_repo / "src" / "pkg").mkdir(parents=True)
    module = gates_repo / "src" / "pkg" / "m.py"
    module.write_text("x = 1")
    os.utime(module, (later + 1, later + 1))
    assert "G-FAIL" in s.note_changes([str(module)])
    assert s.change_of("G-FAIL") == FileChange(later + 1, "src/pkg/m.py") == s.change_of(whole[0])
    # An older change after it leaves the newest as it was.
    os.utime(notes, (later - 100, later - 100))
    s.note_changes([str(notes)])
    assert s.change_of(whole[0]) == FileChange(later + 1, "src/pkg/m.py")
    # The startup scan finds the same for both kinds.
    fresh = open_session(gates_repo)
    fresh.scan_changes()
    assert fresh.change_of("G-FAIL") == FileChange(later + 1, "src/pkg/m.py") == fresh.change_of(whole[0])
