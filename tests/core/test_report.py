"""The weekly update for a fixed today, compared with expected Markdown."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.records import Change
from readiness_tui.core.outputs import report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "reports"


@pytest.fixture
def launch(tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "launch.toml", tmp_path / "launch.toml")
    shutil.copy(FIXTURES / "launch.history.jsonl", tmp_path / "launch.history.jsonl")
    return tmp_path / "launch.toml"


@pytest.mark.parametrize("week", ["2026-W08", "2026-W07"])
def test_markdown_matches_expected(launch: Path, week: str) -> None:
    board = BoardStore.load(launch).board
    rep = report.weekly_report(board, launch, week=week if week != "2026-W08" else None)
    assert rep.render_markdown() == (FIXTURES / f"launch-{week}.md").read_text(encoding="utf-8")


def test_report_contents(launch: Path) -> None:
    rep = report.weekly_report(BoardStore.load(launch).board, launch)
    assert rep.week == "2026-W08"
    assert rep.completed == ["M-02", "M-09"]
    # Blocked is the status; waiting is open dependencies (M-04 is both): the analysis' own sets.
    assert rep.blocked == ["M-04"]
    assert rep.waiting == ["M-04", "M-06", "M-08"]
    assert rep.blocked_by == {"M-04": ["M-03"], "M-06": ["M-04"], "M-08": ["M-04", "M-07"]}
    assert [(r.id, r.state) for r in rep.risks_introduced] == [("R-2", "uncovered")]
    assert [(d.item, d.added, d.removed) for d in rep.dependency_changes] == [
        ("M-06", ["M-04"], []),
        ("M-08", ["M-07"], []),
    ]
    assert not rep.decision.go
    assert rep.head == audit.head(launch) and rep.history_ok and rep.history_records == 14


def test_json_has_the_same_content(launch: Path) -> None:
    data = json.loads(report.weekly_report(BoardStore.load(launch).board, launch).to_json())
    assert data["schema"] == report.SCHEMA
    assert data["completed"] == ["M-02", "M-09"]
    assert data["blocked"] == [{"id": "M-04", "waiting_on": ["M-03"]}]
    assert [w["id"] for w in data["waiting"]] == ["M-04", "M-06", "M-08"]
    assert data["go_no_go"]["recommendation"] == "no-go"
    assert data["history"]["head"] == audit.head(launch)


def test_past_week_uses_the_board_as_it_was(launch: Path) -> None:
    rep = report.weekly_report(BoardStore.load(launch).board, launch, week="2026-W07")
    assert rep.completed == ["M-01"]
    assert rep.blocked == []
    assert "P0 M-02 is not done (in progress)" in rep.decision.reasons


def test_broken_history_is_reported(launch: Path) -> None:
    hist = audit.history_path(launch)
    lines = hist.read_text(encoding="utf-8").splitlines()
    del lines[4]
    hist.write_text("\n".join(lines) + "\n", encoding="utf-8")
    md = report.weekly_report(BoardStore.load(launch).board, launch).render_markdown()
    assert "CHAIN BROKEN: line 5:" in md


def test_without_history(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text('[board]\ntitle = "Empty"\n\n[[items]]\nid = "A"\nstatus = "done"\npriority = "P0"\n')
    rep = report.weekly_report(BoardStore.load(board).board, board)
    md = rep.render_markdown()
    assert "- Completed IDs: none" in md
    assert "**Go**" in md and "all 1 P0 items are done" in md
    assert f"`{audit.GENESIS}` (no history yet; not in a git repository: no anchor)" in md


def test_progress_notes_count_as_completed(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text(
        '[[items]]\nid = "A"\nstatus = "done"\n\n[[progress]]\ndate = 2026-02-17\nitem = "A"\ntext = "shipped"\n'
        '\n[[progress]]\ndate = 2026-02-02\nitem = "B"\ntext = "old"\n'
    )
    rep = report.weekly_report(BoardStore.load(board).board, board)
    assert rep.completed == ["A"]


def test_item_added_and_removed_in_week_change_the_graph(launch: Path) -> None:
    store = BoardStore.load(launch)
    when = dt.datetime(2026, 2, 20, 9, tzinfo=dt.UTC)
    audit.append(
        launch, [store.add_item({"id": "M-10", "title": "New", "depends_on": ["M-03"]})], actor="ada", now=when
    )
    audit.append(launch, store.remove_item("M-08", cascade=True), actor="ada", now=when)
    rep = report.weekly_report(store.board, launch)
    deps = {d.item: (d.added, d.removed) for d in rep.dependency_changes}
    assert deps["M-10"] == (["M-03"], [])
    assert deps["M-08"] == ([], ["M-04"])  # M-07 was added earlier in the same week


def test_cli_report_md_json_and_output(launch: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["report", str(launch)])
    assert res.exit_code == 0, res.output
    assert res.output == (FIXTURES / "launch-2026-W08.md").read_text(encoding="utf-8")
    res = runner.invoke(cli, ["report", str(launch), "--week", "2026-W07", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["completed"] == ["M-01"]
    out = tmp_path / "out"
    out.mkdir()
    res = runner.invoke(cli, ["report", str(launch), "-o", str(out / "w.md")])
    assert res.exit_code == 0
    assert (out / "w.md").read_text(encoding="utf-8").startswith("# Weekly update: Launch readiness")


def test_cli_report_bad_week_and_missing_board(launch: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["report", str(launch), "--week", "2026-09"])
    assert res.exit_code == 2 and "ISO week" in res.output
    res = runner.invoke(cli, ["report", str(tmp_path / "nope.toml")])
    assert res.exit_code == 2


def test_cli_audit_verify_and_log(launch: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(cli, ["audit", "verify", str(launch)])
    assert res.exit_code == 0 and "14 records" in res.output
    res = runner.invoke(cli, ["audit", "log", str(launch), "--since", "2026-02-19"])
    assert res.exit_code == 0
    assert res.output.splitlines()[0] == "2026-02-19 10:00  bob  M-06.status: todo -> in_progress  [app]"
    hist = audit.history_path(launch)
    lines = hist.read_text(encoding="utf-8").splitlines()
    lines[6] = lines[6].replace('"dana"', '"eve"')
    hist.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = runner.invoke(cli, ["audit", "verify", str(launch)])
    assert res.exit_code == 1
    assert f"{hist}:7: BAD: line 7: record was modified" in res.output


def test_cli_audit_verify_expected_head(launch: Path) -> None:
    published = audit.head(launch)
    audit.append(launch, [Change("M-05", "status", "todo", "in_progress")], actor="ada")
    runner = CliRunner()
    assert runner.invoke(cli, ["audit", "verify", str(launch), "--head", published]).exit_code == 0
    res = runner.invoke(cli, ["audit", "verify", str(launch), "--head", "f" * 64])
    assert res.exit_code == 1 and "truncated or rewritten" in res.output


def test_the_report_says_whether_git_holds_the_history_head(tmp_path: Path) -> None:
    import os
    import shutil
    import subprocess

    from click.testing import CliRunner

    from readiness_tui.cli import cli
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.outputs.report import weekly_report

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "boards" / "launch.toml"
    outside = tmp_path / "plain"
    outside.mkdir()
    shutil.copy(fixture, outside / "launch.toml")
    assert CliRunner().invoke(cli, ["set", str(outside / "launch.toml"), "SEC-02", "status=review"]).exit_code == 0
    rep = weekly_report(BoardStore.load(outside / "launch.toml").board, outside / "launch.toml")
    assert rep.anchored is None and "not in a git repository" in rep.render_markdown()

    repo = tmp_path / "repo"
    repo.mkdir()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    board = repo / "launch.toml"
    shutil.copy(fixture, board)
    assert CliRunner().invoke(cli, ["set", str(board), "SEC-02", "status=review"]).exit_code == 0
    rep = weekly_report(BoardStore.load(board).board, board)
    assert rep.anchored is False and "not anchored" in rep.render_markdown()
    anchored = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "audit", "anchor", str(board)], env=env, capture_output=True, text=True
    )
    assert anchored.returncode == 0, anchored.stderr
    rep = weekly_report(BoardStore.load(board).board, board)
    assert rep.anchored is True and rep.history_ok and "anchored in git (1 anchor)" in rep.render_markdown()
    assert json.loads(rep.to_json())["history"]["anchored"] is True


def test_a_change_undone_by_a_git_checkout_is_not_reported_as_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 39: after `set T-001 status=done` and `git checkout` of the board, the report listed
    # T-001 as completed while its own go/no-go said "P0 T-001 is not done (todo)"; a dependency
    # change undone the same way was listed too.
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ada",
        "GIT_AUTHOR_EMAIL": "ada@example.invalid",
        "GIT_COMMITTER_NAME": "Ada",
        "GIT_COMMITTER_EMAIL": "ada@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        res = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
        assert res.returncode == 0, res.stdout + res.stderr
        return res

    board = tmp_path / "plan.toml"
    board.write_text(
        '[board]\ntitle = "Undo"\n\n[[items]]\nid = "T-001"\ntitle = "Pin"\npriority = "P0"\n\n'
        '[[items]]\nid = "T-002"\ntitle = "Ship"\npriority = "P1"\nstatus = "done"\n\n'
        '[[items]]\nid = "T-003"\ntitle = "Docs"\n',
        encoding="utf-8",
    )
    run("git", "init", "-q", "-b", "main")
    run("git", "add", "plan.toml")
    run("git", "commit", "-qm", "board")
    readiness = (sys.executable, "-m", "readiness_tui")
    run(*readiness, "set", "plan.toml", "T-001", "status=done", "depends_on+=T-003")
    run(*readiness, "set", "plan.toml", "T-003", "status=done")
    run("git", "checkout", "--", "plan.toml")  # the board as committed; the history keeps the records
    assert BoardStore.load(board).item("T-001").status == "todo"

    # The records carry the clock's time; the tests' "today" is frozen: report the records' week.
    from readiness_tui.core.model.dates import iso_week

    week = iso_week(audit.read(board)[0].local_date)
    readiness = (*readiness[:3], "report", "plan.toml", "--week", week)
    doc = json.loads(run(*readiness, "--json").stdout)
    assert doc["completed"] == []
    assert doc["completed_undone"] == [{"id": "T-001", "status": "todo"}, {"id": "T-003", "status": "todo"}]
    assert "P0 T-001 is not done (todo)" in doc["go_no_go"]["reasons"]
    assert doc["dependency_changes"] == [{"item": "T-001", "added": ["T-003"], "removed": [], "undone": ["T-003"]}]
    md = run(*readiness).stdout
    assert "- Completed IDs: none; T-001 (done in the week, undone since: now todo); T-003 (" in md
    assert "- Changes to dependency graph: T-001: +T-003 (undone since)" in md
    # The HTML page shows the same report, on the day of the records.
    from readiness_tui.core.outputs.html import to_html

    monkeypatch.setenv("READINESS_TODAY", audit.read(board)[0].local_date.isoformat())
    store = BoardStore.load(board)
    page = to_html(store.board, board)
    assert '<span class="id">T-001</span> (done in the week, undone since: now todo)' in page
    assert "T-001: +T-003 (undone since)" in re.sub(r'<span class="id">([^<]*)</span>', r"\1", page)
