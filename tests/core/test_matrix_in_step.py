"""The recorded ``[matrix]`` is kept in step with ``depends_on`` by every edit made through
readiness (issue 39): ``set``, ``add``, a rename, a removal, ``import --merge`` and a git merge
through the merge driver, so that no such edit leaves ``readiness lint`` failing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.lint import lint_path
from tests.core.test_git_real import git, git_env, pull  # noqa: F401 - git_env is a fixture

BOARD = """[board]
title = "Matrix"

[[items]]
id = "T-001"
title = "First"

[[items]]
id = "T-002"
title = "Second"
depends_on = ["T-001"]

[[items]]
id = "T-003"
title = "Third"

[matrix]
order = ["T-001", "T-002", "T-003"]
rows = [
  "000",  # T-001
  "100",  # T-002
  "000",  # T-003
]
"""


def readiness(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "readiness_tui", *args], cwd=cwd, capture_output=True, text=True)


def lints_clean(board: Path) -> None:
    res = readiness(board.parent, "lint", board.name)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "matrix-disagrees" not in res.stdout


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    lints_clean(path)
    return path


def test_set_depends_on_keeps_the_matrix_and_its_comments(board: Path) -> None:
    res = readiness(board.parent, "set", board.name, "T-003", "depends_on+=T-002")
    assert res.returncode == 0, res.stderr
    assert "matrix: kept in step with depends_on" in res.stdout
    lints_clean(board)
    text = board.read_text()
    assert '"010",  # T-003' in text and '"100",  # T-002' in text
    res = readiness(board.parent, "set", board.name, "T-002", "depends_on-=T-001")
    assert res.returncode == 0, res.stderr
    lints_clean(board)
    assert BoardStore.load(board).board.matrix.rows == ["000", "000", "010"]  # type: ignore[union-attr]
    # The matrix change is recorded with the edit that made it, in the same save.
    log = readiness(board.parent, "audit", "log", board.name, "--json").stdout
    assert log.count('"kind": "matrix"') == 2


def test_add_rename_and_remove_keep_the_matrix(board: Path) -> None:
    res = readiness(board.parent, "add", board.name, "--title", "Fourth", "depends_on=T-003")
    assert res.returncode == 0, res.stdout + res.stderr
    lints_clean(board)
    from readiness_tui.core.edits.editor import EditController

    editor = EditController(BoardStore.load(board), audit_source="cli")
    assert editor.apply("rename", lambda s: s.rename_item("T-002", "T-020")).ok
    lints_clean(board)
    assert BoardStore.load(board).board.matrix.order == ["T-001", "T-020", "T-003"]  # type: ignore[union-attr]
    assert editor.apply("remove", lambda s: s.remove_item("T-001", cascade=True)).ok
    lints_clean(board)
    matrix = BoardStore.load(board).board.matrix
    assert matrix is not None and matrix.order == ["T-020", "T-003"] and matrix.rows == ["00", "00"]
    assert "# T-003" in board.read_text()


def test_an_earlier_disagreement_is_left_for_lint_to_name(board: Path) -> None:
    # T-001 cell that disagreed before the edit is the recorder's to settle: the edit does not hide it.
    board.write_text(board.read_text().replace('"000",  # T-003', '"100",  # T-003'), encoding="utf-8")
    assert readiness(board.parent, "lint", board.name).returncode == 1
    assert readiness(board.parent, "set", board.name, "T-003", "depends_on+=T-002").returncode == 0
    matrix = BoardStore.load(board).board.matrix
    assert matrix is not None and matrix.rows[2] == "110"
    res = readiness(board.parent, "lint", board.name)
    assert res.returncode == 1 and "recorded matrix says T-003 depends on T-001" in res.stdout


def test_import_merge_keeps_the_matrix(board: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(
        "# Matrix\n\n| ID | Title | Depends On |\n|---|---|---|\n| T-001 | First | - |\n"
        "| T-002 | Second | T-001 |\n| T-003 | Third | T-001 |\n",
        encoding="utf-8",
    )
    res = readiness(tmp_path, "import", plan.name, "--merge", board.name)
    assert res.returncode == 0, res.stdout + res.stderr
    assert BoardStore.load(board).item("T-003").depends_on == ["T-001"]
    lints_clean(board)


def test_a_git_merge_of_two_dependency_edits_keeps_the_matrix(tmp_path: Path, git_env: dict[str, str]) -> None:  # noqa: F811
    a = tmp_path / "alice"
    a.mkdir()
    git(a, "init", "-q", "-b", "main")
    (a / "plan.toml").write_text(BOARD, encoding="utf-8")
    assert readiness(a, "git-setup", "plan.toml").returncode == 0
    git(a, "add", "-A")
    git(a, "commit", "-qm", "board")
    b = tmp_path / "bob"
    git(tmp_path, "clone", "-q", str(a), str(b))
    assert readiness(b, "git-setup", "plan.toml").returncode == 0
    git(b, "checkout", "-qb", "feature")
    # Different items on each side: both saves rewrote a row of the one [matrix] table.
    assert readiness(a, "set", "plan.toml", "T-003", "depends_on+=T-002").returncode == 0
    git(a, "commit", "-qam", "T-003 after T-002")
    assert readiness(b, "set", "plan.toml", "T-002", "depends_on-=T-001").returncode == 0
    git(b, "commit", "-qam", "T-002 free")
    pull(a, b, "feature")
    res = git(a, "merge", "-q", "--no-edit", "other/feature", check=False)
    assert res.returncode == 0, res.stdout + res.stderr
    store = BoardStore.load(a / "plan.toml")
    assert store.item("T-003").depends_on == ["T-002"] and store.item("T-002").depends_on == []
    assert store.board.matrix is not None and store.board.matrix.rows == ["000", "000", "010"]
    assert "# T-003" in (a / "plan.toml").read_text()
    assert not store.board.conflicts
    assert not lint_path(a / "plan.toml").errors
    lints_clean(a / "plan.toml")
