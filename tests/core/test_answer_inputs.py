"""What a kept answer depends on is all there: ``lint``, ``order`` and ``export`` read nothing of the
file system but what ``read_log`` notes (or what the answer cache keys itself), and over random
edits, days and repositories an answer from the cache is the answer computed now."""

from __future__ import annotations

import builtins
import io
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.cli import cli
from readiness_tui.core.board import hooks
from readiness_tui.core.board.fsutil import sha256_bytes
from readiness_tui.core.cache import answers as answer_cache
from readiness_tui.core.cache import loader as caches
from readiness_tui.core.cache import read_log

from .test_answer_cache import BOARD, COMMANDS

ROOTED = BOARD.replace('title = "Answers"\n', 'title = "Answers"\nrepo_root = ".."\n').replace(
    'id = "A-03"\n',
    'id = "A-03"\n[items.gate]\nverify = "make check"\nevidence = ["reports/*.xml", "docs/x.md"]\nwatch = ["src/**"]\n',
)
#: What the file system is asked, by name: each call's first argument.
WATCHED = [
    (os, "stat"),
    (os, "lstat"),
    (os, "open"),
    (os, "scandir"),
    (os, "listdir"),
    (os, "readlink"),
    (os, "access"),
    (builtins, "open"),
    (io, "open"),
]


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def watching(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if args and isinstance(args[0], (str, bytes, os.PathLike)):
                seen.append(os.path.abspath(os.fsdecode(args[0])))
            return real(*args, **kwargs)

        return call

    for module, name in WATCHED:
        monkeypatch.setattr(module, name, watching(getattr(module, name)))
    return seen


def _ancestors(path: str) -> set[str]:
    out, cur = {path}, path
    while os.path.dirname(cur) != cur:
        cur = os.path.dirname(cur)
        out.add(cur)
    return out


def allowed(board: Path, reads: list[read_log.Read]) -> set[str]:
    """Every path the noted reads may touch: the board and its folders (resolving it); for a
    ``repo_root``, each folder's ``.git`` and the folders its target passes through."""
    paths = _ancestors(str(board)) | _ancestors(str(board.resolve()))
    for kind, args, _ in reads:
        if kind == "root_problem":
            folders = _ancestors(os.path.dirname(os.path.abspath(args[0])))
            paths |= {os.path.join(f, ".git") for f in folders}
            paths |= _ancestors(os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(args[0])), args[1])))
        if kind == "file":  # a file besides the board, such as its history
            paths.add(args[0])
        if kind == "settings":  # the user's file, and the project's searched for from here up
            paths |= _ancestors(args[1])
            for folder in _ancestors(args[0]):
                paths |= {os.path.join(folder, name) for name in (".readiness.toml", "pyproject.toml", ".git")}
    return paths


def computed_reads(words: list[str], board: Path, watched: list[str]) -> tuple[list[str], list[read_log.Read]]:
    """What the command touched of the file system while it computed, and what it noted (the
    board goes last, or where ``words`` says BOARD)."""
    env = {answer_cache.OFF_ENV: "1"}
    args = [str(board) if w == "BOARD" else w for w in words] if "BOARD" in words else [*words, str(board)]
    CliRunner().invoke(cli, args, catch_exceptions=False, env=env)  # imports done first
    watched.clear()
    # The caches' hooks pass the domain's notes on to the log, as when the entry point turns them on.
    hooks.install(caches.CacheHooks())
    read_log.start()
    try:
        CliRunner().invoke(cli, args, catch_exceptions=False, env=env)
    finally:
        reads = read_log.stop()
        hooks.install(None)
    return list(watched), reads


#: The kept answers of the item commands and the weekly report, besides ``test_answer_cache``'s.
ITEM_COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["list", "-f", "owner:@ana ready"],
    ["show", "BOARD", "A-02"],
    ["show", "--json", "BOARD", "A-03"],
    ["search", "BOARD", "third"],
    ["report"],
    ["report", "--json"],
]


@pytest.mark.parametrize("words", COMMANDS + ITEM_COMMANDS, ids=" ".join)
def test_a_command_reads_only_what_its_answer_is_keyed_on(words: list[str], tmp_path: Path, watched: list[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "boards").mkdir(parents=True)
    (repo / "reports").mkdir()
    (repo / "reports" / "unit.xml").write_text("<testsuite/>")
    board = repo / "boards" / "plan.toml"
    board.write_text(ROOTED, encoding="utf-8")
    touched, reads = computed_reads(words, board, watched)
    assert ("board", (str(board.resolve()),), sha256_bytes(board.read_bytes())) in reads
    if words[0] == "lint":
        assert any(kind == "root_problem" for kind, _, _ in reads)
    # click looks for translations of its own words (usage errors, never part of an answer)
    stray = [p for p in touched if p not in allowed(board, reads) and "/LC_MESSAGES/" not in p]
    assert not stray, f"{' '.join(words)} read {stray}, which no kept answer would be checked against"


def test_the_watch_sees_a_read_nobody_noted(
    tmp_path: Path, watched: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: a lint rule looking at an evidence file is caught."""
    from readiness_tui.core.lint import run as lint_run

    def evidence_exists(ctx: Any) -> None:
        for it in ctx.board.items:
            for pattern in it.gate.evidence if it.gate else []:
                (Path(ctx.store.path).parent / pattern).exists()

    monkeypatch.setattr(lint_run, "RULES", (*lint_run.RULES, evidence_exists))
    board = tmp_path / "plan.toml"
    board.write_text(ROOTED, encoding="utf-8")
    touched, reads = computed_reads(["lint"], board, watched)
    stray = [p for p in touched if p not in allowed(board, reads) and "/LC_MESSAGES/" not in p]
    assert stray == [str(tmp_path / "reports" / "*.xml"), str(tmp_path / "docs" / "x.md")]


# --------------------------------------------------------------------------- cache == computed
STEPS = st.one_of(
    st.tuples(st.just("today"), st.sampled_from(["2026-01-10", "2026-02-20", "2026-06-01"])),
    st.tuples(st.just("status"), st.sampled_from(["todo", "in_progress", "done", "blocked"])),
    st.tuples(st.just("target"), st.sampled_from(["2026-W02", "2026-W30", "2026-03-01"])),
    st.tuples(st.just("dep"), st.sampled_from(['"A-01", "Z-99"', '"A-01"', '"A-03"'])),
    st.tuples(st.just("git"), st.booleans()),
    st.tuples(st.just("touch"), st.just("")),
)
#: One command per kind of answer (each is run after every step).
RUNS = [["lint"], ["lint", "-f", "json"], ["order", "--json"], ["export", "-f", "csv"], ["list"], ["report"]]


@pytest.fixture
def answers_on() -> Iterator[None]:
    caches.enable()
    yield
    caches.enable(False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEPS, min_size=1, max_size=8))
def test_an_answer_from_the_cache_is_the_answer_computed_now(
    steps: list[tuple[str, Any]], tmp_path_factory: pytest.TempPathFactory, answers_on: None
) -> None:
    repo = tmp_path_factory.mktemp("repo")
    (repo / "boards").mkdir()
    board = repo / "boards" / "plan.toml"
    fields = {"today": "2026-02-20", "status": "in_progress", "target": "2026-W05", "dep": '"A-01", "Z-99"'}

    def write() -> None:
        text = ROOTED.replace('status = "in_progress"', f'status = "{fields["status"]}"')
        text = text.replace('target = "2026-W05"', f'target = "{fields["target"]}"')
        board.write_text(text.replace('"A-01", "Z-99"', fields["dep"]), encoding="utf-8")

    write()
    for kind, value in [("touch", ""), *steps]:
        if kind == "git":
            if value and not (repo / ".git").exists():
                subprocess.run(["git", "init", "-q", str(repo)], check=True)
            elif not value:
                subprocess.run(["rm", "-rf", str(repo / ".git")], check=True)
        elif kind == "touch":
            os.utime(board)
        elif kind == "today":
            fields["today"] = value
        else:
            fields[kind] = value
            write()
        for words in RUNS:
            argv = [*words, str(board)]
            env = {"READINESS_TODAY": fields["today"]}
            kept = CliRunner().invoke(cli, argv, catch_exceptions=False, env=env)
            caches.flush()
            now = CliRunner().invoke(cli, argv, catch_exceptions=False, env={**env, answer_cache.OFF_ENV: "1"})
            assert (kept.exit_code, kept.stdout, kept.stderr) == (now.exit_code, now.stdout, now.stderr)
