"""``[go_no_go] scope`` in the project's settings is what report, check, export and the app's
header read (``core.settings.with_settings``) (the board's own rule wins), and a value it cannot take is refused with its file, line
and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.settings import config

BOARD = """[board]
title = "scope"
today = 2026-03-10

[[items]]
id = "A"
title = "must"
priority = "P0"
status = "done"

[[items]]
id = "B"
title = "should"
priority = "P1"
status = "todo"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the project ends here: no settings file above it is read
    board = tmp_path / "board.toml"
    board.write_text(BOARD, encoding="utf-8")
    return board


def settings(project: Path, text: str) -> None:
    (project.parent / ".readiness.toml").write_text(text, encoding="utf-8")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


def verdict(project: Path) -> dict:  # type: ignore[type-arg]
    result = run("report", str(project), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["go_no_go"]  # type: ignore[no-any-return]


def test_scope_all_in_the_settings_is_what_report_and_check_read(project: Path) -> None:
    assert verdict(project)["go"] is True  # by default only P0 counts, and A is done
    settings(project, '[go_no_go]\nscope = "all"\n')
    got = verdict(project)
    assert got["go"] is False and got["scope"] == "every item" and got["reasons"] == ["B is not done (todo)"]
    checked = json.loads(run("check", str(project), "--json").stdout)
    assert checked["go_no_go"]["go"] is False


def test_the_boards_own_rule_wins_over_the_settings(project: Path) -> None:
    project.write_text(
        BOARD.replace("today = 2026-03-10\n", 'today = 2026-03-10\n[board.go_no_go]\npriorities = ["P0"]\n')
    )
    settings(project, '[go_no_go]\nscope = "all"\n')
    assert verdict(project)["go"] is True


def test_a_scope_the_settings_cannot_take_is_refused_with_file_line_and_key(project: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    settings(project, '# team settings\n[go_no_go]\nscope = "bogus"\n')
    monkeypatch.chdir(project.parent)
    result = run("config")
    assert result.exit_code == 1
    where = f"{project.parent / '.readiness.toml'}:3: ERROR config-value go_no_go.scope must be P0"
    assert where in result.output
    cfg = config.load_config(project.parent)
    assert cfg.origins["go_no_go.scope"] == "default"
    assert config.with_settings(BoardStore.load(project).board, cfg).board.go_no_go.every_item is False
    report = run("report", str(project))
    assert "readiness: settings: " in report.output and "go_no_go.scope" in report.output


@pytest.mark.parametrize(
    ("text", "rule"),
    [("p1", {"priorities": ["P1"]}), ("all", {"every_item": True}), ("milestone:M1", {"milestone": "M1"}),
     ("phase:A", {"phase": "A"}), ("", {})],
)  # fmt: skip
def test_scope_words(text: str, rule: dict) -> None:  # type: ignore[type-arg]
    assert config.scope_rule(text) == rule
