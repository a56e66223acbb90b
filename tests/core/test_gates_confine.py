"""Issue 13/11: a board cannot move its root out of the repository holding it, and lint, check and
the app agree on evidence paths (``..``, NUL)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates import GateSession, repo_root
from readiness_tui.core.lint import lint_path


def board_in_repo(tmp_path: Path, board_extra: str = "", evidence: str = '"docs/a.md"') -> Path:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    (repo / "docs" / "a.md").write_text("x")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (tmp_path / "outside.txt").write_text("outside")
    path = repo / "board.toml"
    path.write_text(
        f'[board]\ntitle = "T"\n{board_extra}\n\n[[items]]\nid = "E-1"\ntitle = "e"\n'
        f"[items.gate]\nevidence = [{evidence}]\n"
    )
    return path


@pytest.mark.parametrize("root", ["/", "~", "../..", ".."])
def test_repo_root_outside_the_repo_is_a_lint_error_naming_the_line(tmp_path: Path, root: str) -> None:
    path = board_in_repo(tmp_path, f"repo_root = {json.dumps(root)}", '"etc/passwd", "*"')
    probs = [p for p in lint_path(path).items if p.code == "repo-root-outside"]
    assert len(probs) == 1 and probs[0].level == "error" and probs[0].line == 3
    # and nothing outside is read: the root stays the repository holding the board
    assert repo_root(path, root) == path.parent.resolve()
    res = CliRunner().invoke(cli, ["check", str(path), "--json"])
    doc = json.loads(res.stdout)
    assert doc["repo_root"] == str(path.parent.resolve())
    gate = doc["gates"][0]
    assert gate["evidence"][0] == {"path": "etc/passwd", "present": False}
    assert all(not m.startswith("..") and "outside" not in m for m in gate["evidence"][1].get("matches", []))


def test_repo_root_inside_the_repo_is_accepted(tmp_path: Path) -> None:
    path = board_in_repo(tmp_path, 'repo_root = "docs"')
    assert not [p for p in lint_path(path).items if p.code == "repo-root-outside"]
    assert repo_root(path, "docs") == (path.parent / "docs").resolve()


def test_evidence_outside_is_an_error_in_lint_and_check_alike(tmp_path: Path) -> None:
    path = board_in_repo(tmp_path, evidence='"../outside.txt"')  # [items.gate] is line 9
    probs = [p for p in lint_path(path).items if p.code == "evidence-outside"]
    assert len(probs) == 1 and probs[0].line == 9 and "outside the repo root" in probs[0].message
    res = CliRunner().invoke(cli, ["check", str(path), "--json"])
    assert res.exit_code == 1
    gate = json.loads(res.stdout)["gates"][0]
    assert gate["status"] == "error" and gate["evidence"][0]["present"] is False


def test_nul_in_an_evidence_path_is_a_clear_error_not_a_crash(tmp_path: Path) -> None:
    path = board_in_repo(tmp_path, evidence='"docs/a\\u0000.md", "docs/*\\u0000"')
    res = CliRunner().invoke(cli, ["check", str(path), "--json"])
    # A gate in error is exit 1, by the command's own exit, not an exception's.
    assert isinstance(res.exception, SystemExit) and res.exit_code == 1, res.exception
    gate = json.loads(res.stdout)["gates"][0]
    assert gate["status"] == "error"
    assert all("control character" in e["error"] for e in gate["evidence"])
    assert len([p for p in lint_path(path).items if p.code == "evidence-outside"]) == 2
    s = GateSession(path, BoardStore.load(path).board)
    assert s.views()["E-1"].status == "error"


def test_refused_evidence_names_each_refused_path_by_its_place() -> None:
    from readiness_tui.core.gates.paths import refused_evidence

    paths = ["docs/a.md", "../up.txt", "reports/*.xml", "/etc/passwd", "ok/dir/"]
    found = refused_evidence(paths)
    assert [n for n, _ in found] == [1, 3]
    assert "outside the repo root" in found[0][1]
    assert "absolute" in found[1][1]
