"""Shared fixtures: a frozen "today", user dirs kept out of the developer's own config."""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BOARDS = ROOT / "boards"
#: The five sample plans the bundled boards were made from (Markdown, despite the .txt ending).
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
FROZEN_TODAY = "2026-02-20"


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("READINESS_TODAY", FROZEN_TODAY)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    # A command run in-process (``main(argv)``, ``CliRunner``) applies the entry point's GC policy
    # to the test process: each test starts as the one before it found the collector.
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.fixture
def board_copy(tmp_path: Path):
    """Copy a bundled board into a temp dir and return its path: ``board_copy("name.toml")``."""

    def _copy(name: str) -> Path:
        dst = tmp_path / name
        shutil.copy(BOARDS / name, dst)
        return dst

    return _copy


def pytest_sessionstart(session: pytest.Session) -> None:
    """The browser tests drive Debian's Chromium: install it when it is missing (root on Debian, as
    on CI), or stop before any test runs with the one line that says what to install."""
    config = session.config
    if hasattr(config, "workerinput"):  # an xdist worker: the controller saw to it
        return
    from tests.browser import ensure_chromium

    ensure_chromium(config.args, config.rootpath)
