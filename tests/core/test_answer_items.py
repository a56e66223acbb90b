"""Kept answers of ``list``, ``show``, ``search`` and ``report``: given again byte for byte while
the board, the settings, the arguments, the day and (for ``report``) the history and its git
anchors are as they were, and computed again as soon as any of them is not. A cache keyed on the
command line alone fails every test after the first."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.cache import answers as answer_cache
from readiness_tui.core.cache import loader as caches

pytestmark = pytest.mark.usefixtures("answers_on")  # the caches on, as the CLI has them (conftest)

BOARD = """\
[board]
title = "Kept lists"

[[items]]
id = "A-01"
title = "Schema first"
status = "in_progress"
owner = "@ana"
target = "2026-W05"

[[items]]
id = "A-02"
title = "Then the migration"
owner = "@bo"
depends_on = ["A-01"]

[[items]]
id = "A-03"
title = "Schema docs"
status = "done"
"""

#: Each command with BOARD where the board goes.
COMMANDS = [
    ["list", "BOARD"],
    ["list", "--json", "BOARD"],
    ["list", "-f", "owner:@ana", "BOARD"],
    ["show", "BOARD", "A-01"],
    ["show", "--json", "BOARD", "A-01"],
    ["search", "BOARD", "schema"],
    ["search", "--json", "BOARD", "schema"],
    ["report", "BOARD"],
    ["report", "--json", "BOARD"],
]
TODAY = {"READINESS_TODAY": "2026-01-20"}


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def argv(words: list[str], board: Path) -> list[str]:
    return [str(board) if w == "BOARD" else w for w in words]


def run(args: list[str], **env: str) -> tuple[int, str, str]:
    """The command in process, then the caches' writes (the CLI makes them in a child, after)."""
    result = CliRunner().invoke(cli, args, catch_exceptions=False, env={**TODAY, **env})
    caches.flush()
    return result.exit_code, result.stdout, result.stderr


def fresh(args: list[str], **env: str) -> tuple[int, str, str]:
    """The command computed, the answer cache off."""
    return run(args, **{answer_cache.OFF_ENV: "1", **env})


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_a_repeated_command_is_answered_from_the_cache(words: list[str], board: Path, loads: list[str]) -> None:
    args = argv(words, board)
    first = run(args)
    assert first[0] == 0 and first[1]
    assert run(args) == first and loads == [str(board)], "the second run read the board: nothing was kept"
    assert fresh(args) == first


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_an_edited_board_is_computed_again(words: list[str], board: Path, loads: list[str]) -> None:
    args = argv(words, board)
    before = run(args)
    board.write_text(BOARD.replace('status = "in_progress"', 'status = "blocked"'), encoding="utf-8")
    now = run(args)
    assert now == fresh(args) != before and len(loads) == 2 + 1


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_another_day_is_computed_again(words: list[str], board: Path, loads: list[str]) -> None:
    args = argv(words, board)
    before = run(args)
    # A-01's target week is past by March: it is overdue, and the report is of another week.
    after = run(args, READINESS_TODAY="2026-03-04")
    assert len(loads) == 2
    assert after == fresh(args, READINESS_TODAY="2026-03-04") != before


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (["list", "-f", "owner:@ana", "BOARD"], ["list", "-f", "owner:@bo", "BOARD"]),
        (["show", "BOARD", "A-01"], ["show", "BOARD", "A-02"]),
        (["search", "BOARD", "schema"], ["search", "BOARD", "migration"]),
        (["report", "BOARD"], ["report", "--week", "2026-W02", "BOARD"]),
        (["list", "BOARD"], ["list", "--json", "BOARD"]),
    ],
    ids=lambda words: " ".join(words),
)
def test_other_arguments_are_answered_apart(one: list[str], other: list[str], board: Path, loads: list[str]) -> None:
    first = run(argv(one, board))
    second = run(argv(other, board))
    assert len(loads) == 2 and second != first
    assert run(argv(one, board)) == first and run(argv(other, board)) == second and len(loads) == 2


def test_a_list_through_a_view_of_the_settings_is_computed_again_when_the_view_changes(
    board: Path, loads: list[str]
) -> None:
    settings = board.parent / ".readiness.toml"
    settings.write_text('views = { mine = "owner:@ana" }\n', encoding="utf-8")
    args = ["list", "-f", "view:mine", str(board)]
    first = run(args)
    assert "A-01" in first[1] and "A-02" not in first[1]
    assert run(args) == first and len(loads) == 1
    settings.write_text('views = { mine = "owner:@bo" }\n', encoding="utf-8")
    second = run(args)
    assert len(loads) == 2 and "A-02" in second[1] and "A-01" not in second[1]


def test_a_report_is_computed_again_when_the_project_settings_change(board: Path, loads: list[str]) -> None:
    settings = board.parent / ".readiness.toml"
    settings.write_text('[go_no_go]\nscope = "P0"\n', encoding="utf-8")
    args = ["report", "--json", str(board)]
    first = run(args)
    assert run(args) == first and len(loads) == 1
    settings.write_text('[go_no_go]\nscope = "all"\n', encoding="utf-8")
    assert run(args) == fresh(args) != first and len(loads) == 3


def test_a_report_is_computed_again_when_its_history_grows(board: Path, loads: list[str]) -> None:
    args = ["report", str(board)]
    first = run(args)
    assert run(args) == first and len(loads) == 1
    history = board.with_name("plan.history.jsonl")
    # An edit by another process: the board is back as it was, its history has one more record.
    assert CliRunner().invoke(cli, ["set", str(board), "A-02", "status=done"], env=TODAY).exit_code == 0
    board.write_text(BOARD, encoding="utf-8")
    assert history.exists()
    grown = run(args)
    assert grown != first and grown == fresh(args)
    assert run(args) == grown and len(loads) == 1 + 1 + 1 + 1  # set, grown, fresh; not the last


def test_a_report_is_computed_again_when_an_anchor_is_taken(board: Path, loads: list[str]) -> None:
    repo = board.parent
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert CliRunner().invoke(cli, ["set", str(board), "A-02", "status=done"], env=TODAY).exit_code == 0
    args = ["report", str(board)]
    first = run(args)
    assert "not anchored" in first[1]
    assert run(args) == first and len(loads) == 2  # set, then the report once
    assert CliRunner().invoke(cli, ["audit", "anchor", str(board)]).exit_code == 0
    anchored = run(args)
    assert "not anchored" not in anchored[1] and anchored == fresh(args)


def test_a_report_of_a_board_with_levels_is_not_kept(board: Path, loads: list[str]) -> None:
    """The level reads the gates' evidence and their last runs, which no kept answer checks."""
    board.write_text(BOARD.replace('title = "Kept lists"\n', 'title = "Kept lists"\nlevels = ["L1"]\n'))
    args = ["report", str(board)]
    first = run(args)
    assert run(args) == first and len(loads) == 2
