"""The commands engineers live in: list, show, add, search, note; BOARD found as the app finds it;
a mistyped command gets a suggestion; the app refuses to start without a terminal."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "boards").mkdir()
    shutil.copy(FIXTURE, tmp_path / "boards" / "launch.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "boards" / "launch.toml"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def test_list_filters_with_the_apps_language(project: Path) -> None:
    out = run("list", "-f", "owner:@ana ready").output.splitlines()
    assert [line.split()[0] for line in out] == ["SEC-02"]
    everything = run("list", str(project)).output.splitlines()
    assert len(everything) == len(BoardStore.load(project).board.items)


def test_list_json_is_a_versioned_strict_contract(project: Path) -> None:
    data = json.loads(run("list", "--json", "-f", "status:blocked").output)
    assert data["format_version"] == 1 and data["filter"] == "status:blocked"
    (vlt,) = [r for r in data["items"] if r["id"] == "VLT-02"]
    assert set(vlt) == {"id", "fields", "ready", "blocked", "waiting", "overdue", "waiting_on", "dependents"} | {
        "owner_effective",  # keys added (version 1 still): inheritance and roll-up, core.tree
        "workstream_effective",
        "children",
        "priority_effective",  # added with priority and phase inheritance, and the fields inherited
        "phase_effective",
        "inherited",
        "progress",  # the item's progress notes (readiness note)
    }
    assert vlt["fields"]["status"] == "blocked" and vlt["blocked"] is True


def test_list_filters_waiting_items_as_the_app_does(project: Path) -> None:
    from readiness_tui.core.analysis.analyze import Analysis

    waiting = sorted(Analysis(BoardStore.load(project).board).waiting)
    assert waiting  # the fixture has items on open dependencies
    listed = [line.split()[0] for line in run("list", "-f", "waiting").output.splitlines()]
    assert sorted(listed) == waiting


def test_show_names_fields_and_facts_and_suggests_a_near_id(project: Path) -> None:
    out = run("show", "SEC-02").output
    assert out.startswith("SEC-02: Branch protection requires the scan summary")
    assert "owner: @ana" in out and "now: ready" in out and "needed by: GO-01" in out
    missing = run("show", str(project), "SEC-2")
    assert missing.exit_code == 1 and "did you mean SEC-02" in missing.output


def test_add_prints_the_new_id_and_records_it(project: Path) -> None:
    result = run("add", "--title", "Rotate the signing keys", "owner=@bo", "depends_on=SEC-02", "priority=P1")
    assert result.exit_code == 0, result.output
    new_id = result.output.strip()
    item = BoardStore.load(project).item(new_id)
    assert (item.title, item.owner, item.depends_on, item.priority) == (
        "Rotate the signing keys",
        "@bo",
        ["SEC-02"],
        "P1",
    )
    (rec,) = audit.read(project)
    assert (rec.item, rec.field, rec.source) == (new_id, "*", "cli")
    bad = run("add", "--title", "Broken", "depends_on=NOPE-1")
    assert bad.exit_code == 1 and "no item 'NOPE-1'" in bad.output


def test_search_reads_descriptions_and_progress_notes(project: Path) -> None:
    assert run("note", "SEC-02", "Admin", "found;", "PR", "open").exit_code == 0
    found = run("search", "admin", "found").output.splitlines()
    assert [line.split()[0] for line in found] == ["SEC-02"]
    notes = BoardStore.load(project).board.progress
    assert notes[-1].item == "SEC-02" and notes[-1].text == "Admin found; PR open"
    assert str(notes[-1].date) == "2026-02-20"  # the frozen today
    assert [r.kind for r in audit.read(project)] == ["progress"]


def test_several_boards_are_listed_when_none_is_named(project: Path) -> None:
    shutil.copy(project, project.with_name("other.toml"))
    result = run("list")
    assert result.exit_code == 2
    assert "boards/launch.toml" in result.output and "boards/other.toml" in result.output


def test_a_mistyped_command_gets_did_you_mean_and_exit_2(project: Path) -> None:
    result = run("lnt", "x")
    assert result.exit_code == 2 and "did you mean `readiness lint`" in result.output


def test_the_app_refuses_a_stdout_that_is_not_a_terminal(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", str(project)],
        capture_output=True,
        text=True,
        timeout=30,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    assert "needs a terminal" in proc.stderr and "\x1b[" not in proc.stdout


def test_shell_completion_offers_item_ids_and_fields(project: Path) -> None:
    import os

    def complete(words: str, cword: int) -> list[str]:
        env = {**os.environ, "COMP_WORDS": words, "COMP_CWORD": str(cword), "_READINESS_COMPLETE": "bash_complete"}
        proc = subprocess.run(
            [sys.executable, "-m", "readiness_tui"],
            capture_output=True,
            text=True,
            env=env,
            timeout=30,
            cwd=project.parent.parent,
        )
        return [line.split(",", 1)[1] for line in proc.stdout.splitlines()]

    assert complete("readiness set boards/launch.toml SEC", 3) == ["SEC-01", "SEC-02"]
    assert complete("readiness set boards/launch.toml SEC-02 own", 4) == ["owner="]
    assert "lint" in complete("readiness li", 1) and "list" in complete("readiness li", 1)


def test_lint_speaks_github_annotations_and_json_and_a_missing_board_is_exit_2(project: Path) -> None:
    bad = project.with_name("bad.toml")
    bad.write_text('[board]\ntitle = "x"\n\n[[items]]\nid = "A"\ntitle = "A"\ndepends_on = ["B"]\n')
    gh = run("lint", str(bad), "--format", "github")
    assert gh.exit_code == 1
    assert f"::error file={bad},line=7,title=unknown-dependency::A: depends on 'B'" in gh.output
    doc = json.loads(run("lint", str(bad), "--json").output)
    assert doc["format_version"] == 1 and doc["errors"] == 1
    assert doc["boards"][0]["problems"][0]["field"] == "depends_on"
    missing = run("lint", str(project.with_name("nope.toml")))
    assert missing.exit_code == 2 and "no such board file" in missing.output


def test_export_csv_for_spreadsheets(project: Path) -> None:
    import csv
    import io

    project.write_text(project.read_text().replace('title = "Rollback runbook"', 'title = "=HYPERLINK(1)"'))
    rows = list(csv.DictReader(io.StringIO(run("export", str(project), "-f", "csv").output)))
    assert len(rows) == len(BoardStore.load(project).board.items)
    sec = next(r for r in rows if r["id"] == "SEC-02")
    assert (sec["status"], sec["owner"], sec["depends_on"], sec["ready"]) == ("todo", "@ana", "SEC-01", "yes")
    assert next(r for r in rows if r["id"] == "RB-01")["title"] == "'=HYPERLINK(1)"  # never a formula
