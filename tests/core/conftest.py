"""Fixtures shared by the core tests."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from readiness_tui.core.board import store as store_module
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import loader as caches

GATES_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "gates"
LAUNCH = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def cache_on() -> Iterator[None]:
    """The parse cache on, as the CLI's entry point turns it on (off again after the test): through
    the caches' one door, which also installs the hooks a load reaches the cache by."""
    caches.enable(answers=False)
    yield
    caches.enable(False)


@pytest.fixture
def answers_on() -> Iterator[None]:
    """Both caches on, the parse cache and the answer cache, as the CLI's entry point turns them
    on (off again after the test)."""
    caches.enable()
    yield
    caches.enable(False)


@pytest.fixture
def launch_copy(tmp_path: Path) -> Path:
    """tests/fixtures/boards/launch.toml copied to ``tmp_path/launch.toml``."""
    dst = tmp_path / "launch.toml"
    shutil.copy(LAUNCH, dst)
    return dst


@pytest.fixture
def write_board(tmp_path: Path) -> Callable[..., Path]:
    """Board text written to ``tmp_path / name``: ``write_board(BOARD, "plan.toml")`` is its path."""

    def write(text: str, name: str = "board.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def gates_repo(tmp_path: Path) -> Path:
    """tests/fixtures/gates/repo as a repository with board.toml at its root, and a file outside it."""
    root = tmp_path / "repo"
    shutil.copytree(GATES_FIXTURES / "repo", root)
    (root / ".git").mkdir()
    shutil.copy(GATES_FIXTURES / "board.toml", root / "board.toml")
    (tmp_path / "outside.txt").write_text("never read")
    return root


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The boards a command really read (an answer given from the cache reads none)."""
    seen: list[str] = []
    real = BoardStore.load.__func__  # type: ignore[attr-defined]

    def counting(cls: type[BoardStore], path: Path | str) -> BoardStore:
        seen.append(str(path))
        return real(cls, path)

    monkeypatch.setattr(BoardStore, "load", classmethod(counting))
    return seen


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the boards the store really parsed (a cache hit parses nothing)."""
    seen: list[str] = []
    real = store_module.parse_board_segments

    def counting(text: str, name: str = "<board>"):  # type: ignore[no-untyped-def]
        seen.append(name)
        return real(text, name)

    monkeypatch.setattr(store_module, "parse_board_segments", counting)
    return seen


@pytest.fixture(scope="session")
def reports_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny project with reports written by pytest, coverage.py and Bandit, and git history with
    set dates (``tests/core/real_reports.py``). Shared: copy it before changing it."""
    from tests.core.real_reports import build

    return build(tmp_path_factory.mktemp("reports") / "project")
