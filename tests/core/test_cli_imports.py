"""What a command imports, in a real process (``python -X importtime -m readiness_tui``): help,
``--version``, completion and the read commands import neither Textual, tomlkit, the web server,
the MCP server nor the importers; the edits import no more than tomlkit of those; and an answer
replayed from the cache imports no pydantic at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from readiness_tui.core.cache import answers as answer_cache

#: Never imported by the commands below (a module or any module under it).
HEAVY = ("textual", "tomlkit", "aiohttp", "textual_serve", "mcp", "readiness_tui.core.importers")
#: What only the edits may import of HEAVY.
EDITING = ("tomlkit",)

BOARD = """\
[board]
title = "Imports"
today = 2026-03-02

[[items]]
id = "A-01"
title = "Schema first"
status = "in_progress"
owner = "@ana"
target = "2026-W05"

[[items]]
id = "A-02"
title = "Then the migration"
depends_on = ["A-01"]
"""

#: Read commands, each with BOARD where the board goes; each answer is kept.
READS = [
    ["lint", "-q", "BOARD"],
    ["order", "BOARD"],
    ["export", "-f", "json", "BOARD"],
    ["list", "BOARD"],
    ["list", "--json", "BOARD"],
    ["list", "-f", "owner:@ana", "BOARD"],
    ["show", "BOARD", "A-02"],
    ["search", "BOARD", "schema"],
    ["report", "BOARD"],
]
EDITS = [
    ["set", "BOARD", "A-02", "status=blocked"],
    ["add", "BOARD", "--title", "A third"],
    ["note", "BOARD", "A-01", "halfway"],
]


@pytest.fixture
def board(tmp_path: Path) -> Path:
    path = tmp_path / "plan.toml"
    path.write_text(BOARD, encoding="utf-8")
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The user's environment with a cache directory of this test's own, the answer cache on."""
    out = {k: v for k, v in os.environ.items() if k != answer_cache.OFF_ENV}
    out["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return out


def imported(args: list[str], env: dict[str, str], cwd: Path) -> tuple[set[str], subprocess.CompletedProcess[bytes]]:
    """The modules the entry point imports for ``args``, and the finished process."""
    argv = [sys.executable, "-X", "importtime", "-m", "readiness_tui", *args]
    proc = subprocess.run(argv, capture_output=True, env=env, cwd=cwd, timeout=120, check=False)
    names = {
        line.rsplit("|", 1)[1].strip()
        for line in proc.stderr.decode().splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "readiness_tui.cli" in names, proc.stderr.decode()[-2000:]
    return names, proc


def under(names: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


def keep_answer(args: list[str], env: dict[str, str], cwd: Path) -> None:
    """Run the command with the caches on, as the entry point has them, and write its answer now
    (the entry point writes it in a child after it exits; this way the next run finds it)."""
    code = (
        "from readiness_tui.cli import main\n"
        "from readiness_tui.core.cache import loader\n"
        "loader.enable()\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "loader.flush()\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, cwd=cwd, timeout=120, check=True)


@pytest.mark.parametrize(
    "args",
    [["--help"], ["--version"], ["list", "--help"], ["set", "--help"], ["serve", "--help"], ["check", "--help"]],
    ids=" ".join,
)
def test_help_and_version_import_no_command_body(args: list[str], env: dict[str, str], tmp_path: Path) -> None:
    names, proc = imported(args, env, tmp_path)
    assert proc.returncode == 0
    assert under(names, (*HEAVY, "pydantic")) == []


@pytest.mark.parametrize(
    ("line", "cword"), [("readiness li", "1"), ("readiness show A-0", "2")], ids=["command", "item id"]
)
def test_completion_imports_nothing_heavy(line: str, cword: str, env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "boards").mkdir()
    (tmp_path / "boards" / "plan.toml").write_text(BOARD, encoding="utf-8")
    env = {**env, "_READINESS_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": cword}
    names, proc = imported([], env, tmp_path)
    assert proc.returncode == 0
    offered = proc.stdout.decode().split()
    assert offered == (["plain,lint", "plain,list"] if cword == "1" else ["plain,A-01", "plain,A-02"])
    assert under(names, HEAVY) == []


@pytest.mark.parametrize("words", READS, ids=" ".join)
def test_a_read_command_imports_nothing_heavy_and_its_replay_no_pydantic(
    words: list[str], board: Path, env: dict[str, str], tmp_path: Path
) -> None:
    args = [str(board) if w == "BOARD" else w for w in words]
    names, computed = imported(args, env, tmp_path)
    assert computed.returncode == 0, computed.stderr.decode()[-2000:]
    assert "pydantic" in names  # computed: the board was read into the model
    assert under(names, HEAVY) == []
    keep_answer(args, env, tmp_path)
    names, replayed = imported(args, env, tmp_path)
    assert replayed.stdout == computed.stdout and replayed.returncode == computed.returncode
    assert under(names, (*HEAVY, "pydantic", "readiness_tui.core.model.board")) == []


@pytest.mark.parametrize("words", [["lint", "BOARD"], ["order", "BOARD"]], ids=" ".join)
def test_lint_and_order_import_no_toml_reader_and_no_diff_of_the_standard_library(
    words: list[str], board: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """The board is read by rtoml; the standard library's reader serves the settings files (which
    these commands do not read), an edit's comment move and a warning's alias alone; difflib, a
    mistake's hint and a refused save's diff."""
    args = [str(board) if w == "BOARD" else w for w in words]
    names, proc = imported(args, env, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert under(names, ("tomllib", "difflib")) == []


@pytest.mark.parametrize(
    "words",
    [
        ["list", "BOARD"],
        ["list", "--json", "BOARD"],
        ["search", "--json", "BOARD", "schema"],
        ["show", "BOARD", "A-01"],
        ["show", "--json", "BOARD", "A-01"],
    ],
    ids=" ".join,
)
def test_item_records_import_no_gates_and_no_go_no_go(
    words: list[str], board: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """An item's record reads the analysis alone: the gates and the go/no-go the other JSON
    documents carry are not imported for it."""
    args = [str(board) if w == "BOARD" else w for w in words]
    names, proc = imported(args, env, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert b"A-01" in proc.stdout
    assert under(names, ("readiness_tui.core.gates", "readiness_tui.core.analysis.gonogo")) == []


@pytest.mark.parametrize("words", EDITS, ids=" ".join)
def test_an_edit_imports_tomlkit_but_nothing_else_heavy(
    words: list[str], board: Path, env: dict[str, str], tmp_path: Path
) -> None:
    args = [str(board) if w == "BOARD" else w for w in words]
    names, proc = imported(args, env, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert under(names, tuple(p for p in HEAVY if p not in EDITING)) == []
    # Only a save refused for an outside change shows a diff; only an edit that moves a record's
    # closing comments reads TOML with the standard library.
    assert under(names, ("difflib", "tomllib")) == []


@pytest.mark.parametrize("words", EDITS, ids=" ".join)
def test_an_edit_of_a_cached_board_imports_no_analysis_and_no_completion(
    words: list[str], board: Path, env: dict[str, str], tmp_path: Path
) -> None:
    """The board comes from the parse cache with its kept analysis attached for the command that
    analyses it; an edit analyses nothing, so neither the delta nor the schedule is imported, nor
    the shell completion its arguments offer when the shell asks (`add --json` analyses the new
    item for its record)."""
    keep_answer(["lint", "-q", str(board)], env, tmp_path)  # the entry and its kept analysis written
    args = [str(board) if w == "BOARD" else w for w in words]
    names, proc = imported(args, env, tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert "readiness_tui.core.cache.analysis_seed" in names  # read from the entry, the analysis attached
    unused = ("readiness_tui.core.analysis.delta", "readiness_tui.core.analysis.schedule", "click.shell_completion")
    assert under(names, unused) == []


@pytest.mark.parametrize("words", [["list"], ["show", "A-02"], ["search", "schema"]], ids=" ".join)
def test_a_read_without_board_finds_it_and_replays_without_pydantic(
    words: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    """BOARD left out: the board is found through the settings, which are read without the model."""
    (tmp_path / "boards").mkdir()
    (tmp_path / "boards" / "plan.toml").write_text(BOARD, encoding="utf-8")
    _, computed = imported(words, env, tmp_path)
    assert computed.returncode == 0 and computed.stdout
    keep_answer(words, env, tmp_path)
    names, replayed = imported(words, env, tmp_path)
    assert replayed.stdout == computed.stdout
    assert under(names, (*HEAVY, "pydantic")) == []


@pytest.mark.parametrize("words", [["lint", "BOARD"], ["lint", "-f", "json", "BOARD"]], ids=" ".join)
def test_a_replay_checks_where_repo_root_resolves_without_pydantic(
    words: list[str], env: dict[str, str], tmp_path: Path
) -> None:
    board = tmp_path / "plan.toml"
    board.write_text(BOARD.replace('title = "Imports"\n', 'title = "Imports"\nrepo_root = "."\n'), encoding="utf-8")
    args = [str(board) if w == "BOARD" else w for w in words]
    _, computed = imported(args, env, tmp_path)
    keep_answer(args, env, tmp_path)
    names, replayed = imported(args, env, tmp_path)
    assert replayed.stdout == computed.stdout and replayed.returncode == computed.returncode
    assert "readiness_tui.core.gates.paths" in names  # the read was made again
    assert under(names, (*HEAVY, "pydantic")) == []


def test_item_ids_completed_again_read_no_model_until_the_board_changes(env: dict[str, str], tmp_path: Path) -> None:
    (tmp_path / "boards").mkdir()
    board = tmp_path / "boards" / "plan.toml"
    board.write_text(BOARD, encoding="utf-8")
    env = {**env, "_READINESS_COMPLETE": "bash_complete", "COMP_WORDS": "readiness show A-0", "COMP_CWORD": "2"}
    _, computed = imported([], env, tmp_path)
    keep_answer([], env, tmp_path)
    names, replayed = imported([], env, tmp_path)
    assert replayed.stdout == computed.stdout == b"plain,A-01\nplain,A-02\n"
    assert under(names, (*HEAVY, "pydantic")) == []
    board.write_text(BOARD + '\n[[items]]\nid = "A-03"\ntitle = "Added"\n', encoding="utf-8")
    _, after = imported([], env, tmp_path)
    assert after.stdout == b"plain,A-01\nplain,A-02\nplain,A-03\n"
