"""Evidence paths and globs, repo roots, and paths that escape the repo (never read)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readiness_tui.core.gates import PathEscape, check_evidence, repo_root, safe_path
from readiness_tui.core.gates.evidence import evidence_matches
from readiness_tui.core.gates.paths import glob_match


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "docs" / "runbook.md").write_text("# runbook")
    (root / "reports" / "unit").mkdir(parents=True)
    (root / "reports" / "unit" / "junit.xml").write_text("<x/>")
    (tmp_path / "secret.txt").write_text("outside")
    return root.resolve()


def test_present_and_missing(repo: Path) -> None:
    assert check_evidence(repo, "docs/runbook.md").present
    missing = check_evidence(repo, "docs/slo.md")
    assert not missing.present and not missing.error


def test_directory_counts_as_present(repo: Path) -> None:
    assert check_evidence(repo, "docs/").present


def test_globs(repo: Path) -> None:
    hit = check_evidence(repo, "reports/**/*.xml")
    assert hit.present and hit.matches == ("reports/unit/junit.xml",)
    assert check_evidence(repo, "docs/*.md").present
    assert not check_evidence(repo, "reports/*.xml").present  # * stays in one directory
    assert not check_evidence(repo, "coverage/*.xml").present


def test_evidence_created_and_deleted(repo: Path) -> None:
    target = repo / "reports" / "coverage.xml"
    assert not check_evidence(repo, "reports/coverage.xml").present
    target.write_text("<coverage/>")
    assert check_evidence(repo, "reports/coverage.xml").present
    assert check_evidence(repo, "reports/*.xml").present
    target.unlink()
    assert not check_evidence(repo, "reports/coverage.xml").present


@pytest.mark.parametrize("path", ["../secret.txt", "docs/../../secret.txt", "/etc/passwd", "~/x", ".."])
def test_escaping_paths_are_errors(repo: Path, path: str) -> None:
    res = check_evidence(repo, path)
    assert res.error and not res.present


def test_symlink_escaping_the_repo_is_an_error_and_not_followed(repo: Path, tmp_path: Path) -> None:
    os.symlink(tmp_path / "secret.txt", repo / "docs" / "leak.md")
    res = check_evidence(repo, "docs/leak.md")
    assert res.error and not res.present
    assert check_evidence(repo, "docs/*.md").error
    os.symlink(tmp_path, repo / "outdir")
    assert check_evidence(repo, "outdir/secret.txt").error
    with pytest.raises(PathEscape):
        safe_path(repo, "outdir/secret.txt")


def test_symlink_inside_the_repo_is_fine(repo: Path) -> None:
    os.symlink(repo / "docs" / "runbook.md", repo / "RUNBOOK.md")
    assert check_evidence(repo, "RUNBOOK.md").present


def test_dotdot_that_stays_inside_is_allowed(repo: Path) -> None:
    assert check_evidence(repo, "reports/../docs/runbook.md").present


def test_repo_root_resolution(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    (root / ".git").mkdir(parents=True)
    (root / "plans" / "q1").mkdir(parents=True)
    board = root / "plans" / "q1" / "board.toml"
    assert repo_root(board) == root.resolve()
    assert repo_root(board, "..") == (root / "plans").resolve()
    lone = tmp_path / "lone" / "board.toml"
    lone.parent.mkdir()
    assert repo_root(lone) == lone.parent.resolve()


def test_glob_matching_rules() -> None:
    assert glob_match("src/**/*.py", "src/a/b/c.py")
    assert glob_match("src/**/*.py", "src/c.py")
    assert not glob_match("src/*.py", "src/a/c.py")
    assert glob_match("docs", "docs/x/y.md")  # a directory covers what is below it
    assert glob_match("file?.txt", "file1.txt") and not glob_match("file?.txt", "file10.txt")


def test_evidence_matches_changed_paths() -> None:
    assert evidence_matches("reports/*.xml", "reports/a.xml")
    assert evidence_matches("reports/unit/junit.xml", "reports")  # its directory went away
    assert not evidence_matches("reports/*.xml", "src/a.xml")
    assert not evidence_matches("../x", "x")
