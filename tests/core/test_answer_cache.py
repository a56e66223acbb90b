"""The answer cache: a read-only command's answer is given again only while everything it was
computed from is as it was; anything else computes it again."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import answers as answer_cache
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache.files import cache_root

BOARD = """\
[board]
title = "Answers"

# the first item
[[items]]
id = "A-01"
title = "First"
status = "in_progress"
target = "2026-W05"
estimate_days = 2

[[items]]
id = "A-02"
title = "Second"
depends_on = ["A-01", "Z-99"]

[[items]]
id = "A-03"
title = "Third"
depends_on = ["A-02"]
"""

COMMANDS = [
    ["lint"],
    ["lint", "-q"],
    ["lint", "-f", "json"],
    ["lint", "-f", "github"],
    ["lint", "-f", "junit"],
    ["order"],
    ["order", "--json"],
    ["order", "--all"],
    ["export", "-f", "json"],
    ["export", "-f", "csv"],
    ["export", "-f", "md"],
    ["export", "-f", "mermaid"],
    ["export", "-f", "dot"],
]


pytestmark = pytest.mark.usefixtures("answers_on")  # the caches on, as the CLI has them (conftest)


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


def run(*args: str, **env: str) -> tuple[int, str, str]:
    """The command in process, then the cache's writes (the CLI makes them in a child, after)."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env or None)
    caches.flush()
    return result.exit_code, result.stdout, result.stderr


def fresh(*args: str) -> tuple[int, str, str]:
    """The command computed, the cache off."""
    return run(*args, **{answer_cache.OFF_ENV: "1"})


def entries() -> list[Path]:
    return sorted((cache_root() / "answers").glob("*.answer"))


@pytest.mark.parametrize("words", COMMANDS, ids=" ".join)
def test_a_repeated_command_is_answered_from_the_cache_byte_for_byte(
    board: Path, loads: list[str], words: list[str]
) -> None:
    first = run(*words, str(board))
    assert loads == [str(board)]
    second = run(*words, str(board))
    assert loads == [str(board)], "the second run read the board: its answer was not kept"
    assert second == first == fresh(*words, str(board))
    assert first[1], "every command here prints something"


def test_problems_and_exit_codes_come_back_as_they_were(board: Path, loads: list[str]) -> None:
    code, out, err = run("lint", str(board))
    assert code == 1 and "unknown-dependency A-02: depends on 'Z-99'" in out and "error" in err
    assert run("lint", str(board)) == (code, out, err) and len(loads) == 1


def test_a_changed_board_is_computed_again(board: Path, loads: list[str]) -> None:
    run("lint", str(board))
    board.write_text(BOARD.replace(', "Z-99"', ""), encoding="utf-8")
    code, out, _ = run("lint", str(board))
    assert len(loads) == 2 and code == 0 and "Z-99" not in out
    assert run("lint", str(board)) == (code, out, _) and len(loads) == 2


def test_the_same_bytes_named_differently_are_answered_apart(board: Path, tmp_path: Path, loads: list[str]) -> None:
    other = tmp_path / "copy.toml"
    other.write_bytes(board.read_bytes())
    _, out, _ = run("lint", str(board))
    _, out2, _ = run("lint", str(other))
    assert len(loads) == 2 and str(other) in out2 and str(board) not in out2


def test_another_day_is_computed_again(board: Path, loads: list[str]) -> None:
    _, before, _ = run("lint", str(board), READINESS_TODAY="2026-01-20")
    _, after, _ = run("lint", str(board), READINESS_TODAY="2026-03-20")
    assert len(loads) == 2
    assert "overdue" not in before and "overdue" in after
    assert run("lint", str(board), READINESS_TODAY="2026-03-20")[1] == after and len(loads) == 2


def test_where_repo_root_resolves_is_checked_again(tmp_path: Path, loads: list[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "boards").mkdir(parents=True)
    board = repo / "boards" / "plan.toml"
    board.write_text('[board]\ntitle = "Rooted"\nrepo_root = ".."\n\n[[items]]\nid = "A"\ntitle = "A"\n')
    code, out, _ = run("lint", str(board))
    assert code == 1 and "repo-root-outside" in out  # no git repository: ".." leaves the board's folder
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    code, out, _ = run("lint", str(board))
    assert len(loads) == 2, "the repository changed under an unchanged board: the kept answer is stale"
    assert code == 0 and "repo-root-outside" not in out
    assert run("lint", str(board)) == (code, out, "") and len(loads) == 2


def test_other_code_is_computed_again(board: Path, loads: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    run("order", str(board))
    monkeypatch.setattr(answer_cache, "version_line", lambda: b"readiness-answer another version")
    run("order", str(board))
    assert len(loads) == 2


def test_a_damaged_or_foreign_entry_is_ignored(board: Path, loads: list[str]) -> None:
    expected = run("lint", str(board))
    (entry,) = entries()
    entry.chmod(entry.stat().st_mode | stat.S_IWOTH)  # anyone could have written it
    assert run("lint", str(board)) == expected and len(loads) == 2
    (entry,) = entries()
    assert not entry.stat().st_mode & stat.S_IWOTH  # replaced by one of ours
    data = entry.read_bytes()
    for damaged in (data[:-5], data + b"more", b"garbage"):
        entry.write_bytes(damaged)
        assert run("lint", str(board)) == expected
    assert len(loads) == 2 + 3


def test_standard_input_a_file_output_and_the_html_page_are_not_kept(board: Path, tmp_path: Path) -> None:
    CliRunner().invoke(cli, ["lint", "-"], input=board.read_text(), catch_exceptions=False)
    CliRunner().invoke(cli, ["order", "-"], input=board.read_text(), catch_exceptions=False)
    run("export", str(board), "-f", "json", "-o", str(tmp_path / "out.json"))
    run("export", str(board), "-f", "html")
    caches.flush()
    assert entries() == []


def test_the_switch_turns_it_off(board: Path, loads: list[str]) -> None:
    fresh("order", str(board))
    fresh("order", str(board))
    assert len(loads) == 2 and entries() == []


def test_a_board_changed_while_the_command_ran_is_not_kept(
    board: Path, monkeypatch: pytest.MonkeyPatch, loads: list[str]
) -> None:
    real = BoardStore.load

    def changing(cls: type[BoardStore], path: Path | str) -> BoardStore:
        # Another writer, after the key was made from the bytes and before the command read them.
        board.write_text(BOARD.replace('"First"', '"Renamed"'), encoding="utf-8")
        return real(path)

    monkeypatch.setattr(BoardStore, "load", classmethod(changing))
    run("export", "-f", "csv", str(board))
    assert entries() == []


@pytest.mark.parametrize(("words", "code"), [(["lint"], 1), (["export", "-f", "json"], 0)], ids=["lint", "export"])
def test_the_entry_point_answers_without_importing_the_model(
    board: Path, tmp_path: Path, words: list[str], code: int
) -> None:
    """A real process, twice: the second prints the same bytes and never imports pydantic (export
    reads the project's settings, which the kept answer checks again without the model)."""
    env = {k: v for k, v in os.environ.items() if k != answer_cache.OFF_ENV}
    argv = [sys.executable, "-X", "importtime", "-m", "readiness_tui", words[0], str(board), *words[1:]]
    first = subprocess.run(argv, capture_output=True, env=env, timeout=60)
    assert b"pydantic" in first.stderr  # computed: the model was imported
    start = time.monotonic()
    while not entries() and time.monotonic() - start < 60:  # the child writes it after we exit
        time.sleep(0.02)
    second = subprocess.run(argv, capture_output=True, env=env, timeout=60)
    assert second.returncode == first.returncode == code
    assert second.stdout == first.stdout
    imports = [line for line in second.stderr.decode().splitlines() if line.startswith("import time:")]
    # Neither pydantic nor the records (the model package's problems module is a few located-error classes).
    records = ("core.model.board", "core.model.record", "core.model.item_model")
    assert imports and not any("pydantic" in line or any(r in line for r in records) for line in imports)
    said = [line for line in second.stderr.decode().splitlines() if not line.startswith("import time:")]
    assert said == [line for line in first.stderr.decode().splitlines() if not line.startswith("import time:")]


def test_a_kept_export_is_computed_again_when_the_project_settings_change(board: Path, loads: list[str]) -> None:
    """export reads the project's settings (the go/no-go scope): a kept answer holds only while
    they read the same, and is computed again once they change."""
    settings = board.parent / ".readiness.toml"
    settings.write_text('[go_no_go]\nscope = "P0"\n', encoding="utf-8")
    first = run("export", "-f", "json", str(board))
    assert run("export", "-f", "json", str(board)) == first and len(loads) == 1
    settings.write_text('[go_no_go]\nscope = "all"\n', encoding="utf-8")
    assert run("export", "-f", "json", str(board)) == fresh("export", "-f", "json", str(board))
    assert len(loads) == 3  # computed again (and once more for the fresh reference)
