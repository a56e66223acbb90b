"""Shell completion through click's own protocol (``_READINESS_COMPLETE=bash_complete`` with
COMP_WORDS/COMP_CWORD, and the zsh and fish variants): ids for ``show``, ``note`` and ``set`` with
or without BOARD, and values after ``status=``, ``priority=`` and ``depends_on+=``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli

LAUNCH = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one board in ./boards, the current directory."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "boards").mkdir()
    shutil.copy(LAUNCH, tmp_path / "boards" / "launch.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def complete(shell: str, line: str) -> list[str]:
    """The values ``shell`` is offered for the last word of ``line`` (a trailing space: a new word)."""
    words = line.split()
    cword = len(words) if line.endswith(" ") else len(words) - 1
    # fish passes the word being completed itself; bash and zsh its index
    where = ("" if line.endswith(" ") else words[-1]) if shell == "fish" else str(cword)
    env = {"_READINESS_COMPLETE": f"{shell}_complete", "COMP_WORDS": line, "COMP_CWORD": where}
    res = CliRunner().invoke(cli, [], env=env, prog_name="readiness")
    assert res.exit_code == 0, res.output
    out = res.stdout
    if shell == "bash":  # type,value per line
        return [ln.split(",", 1)[1] for ln in out.splitlines() if ln]
    if shell == "zsh":  # type, value, help: three lines each
        lines = out.splitlines()
        return [lines[i + 1] for i in range(0, len(lines), 3)]
    return [ln.split(",", 1)[1].split("\t", 1)[0] for ln in out.splitlines()]  # fish: type,value<TAB>help


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("readiness show boards/launch.toml SEC", ["SEC-01", "SEC-02"]),
        ("readiness show SEC", ["SEC-01", "SEC-02"]),
        ("readiness note SEC-0", ["SEC-01", "SEC-02"]),
        ("readiness set SEC", ["SEC-01", "SEC-02"]),
        ("readiness set boards/launch.toml SEC", ["SEC-01", "SEC-02"]),
        ("readiness set SEC-02 status=d", ["status=done"]),
        (
            "readiness set boards/launch.toml SEC-02 priority=",
            ["priority=P0", "priority=P1", "priority=P2", "priority=P3"],
        ),
        ("readiness set SEC-02 depends_on+=SEC", ["depends_on+=SEC-01", "depends_on+=SEC-02"]),
        ("readiness set SEC-02 own", ["owner="]),
    ],
)
def test_ids_fields_and_values_complete(project: Path, shell: str, line: str, expected: list[str]) -> None:
    assert complete(shell, line) == expected


def test_nothing_after_the_id_of_show_and_a_board_file_first(project: Path) -> None:
    assert complete("bash", "readiness show SEC-01 ") == []
    assert complete("bash", "readiness show boards/") == ["boards/"]  # a path: the shell's file completion
    assert (
        "plain,status="
        not in CliRunner()
        .invoke(
            cli,
            [],
            env={"_READINESS_COMPLETE": "bash_complete", "COMP_WORDS": "readiness show SEC-01 st", "COMP_CWORD": "3"},
            prog_name="readiness",
        )
        .stdout
    )


def test_set_without_board_edits_the_projects_board(project: Path) -> None:
    res = CliRunner().invoke(cli, ["set", "SEC-02", "status=Blocked"])
    assert res.exit_code == 0, res.output
    assert 'status = "blocked"' in (project / "boards" / "launch.toml").read_text(encoding="utf-8")
