"""Fixtures for the app's tests: a copy of the launch board in a temp dir, and a quiet app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE_BOARDS = Path(__file__).resolve().parent.parent / "fixtures" / "boards"
FIXTURE_REPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "reports"


@pytest.fixture(autouse=True)
def _keys_wait_for_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """The status key's save is written in a thread (``ui.background_save``): a test's keys are
    done once the save they started has landed, as when it was written on the UI thread."""
    from textual.pilot import Pilot
    from ui_helpers import saves_landed

    real = Pilot.press

    async def press(self: Pilot, *keys: str) -> None:  # type: ignore[type-arg]
        await real(self, *keys)
        await saves_landed(self)

    monkeypatch.setattr(Pilot, "press", press)


@pytest.fixture
def launch_board(tmp_path: Path) -> Path:
    """tests/fixtures/boards/launch.toml copied into ``tmp_path/boards`` (with a second board)."""
    boards = tmp_path / "boards"
    boards.mkdir()
    dst = boards / "launch.toml"
    shutil.copy(FIXTURE_BOARDS / "launch.toml", dst)
    (boards / "small.toml").write_text(
        '# a second board\n[board]\ntitle = "Small board"\n\n[[items]]\nid = "S-1"\ntitle = "Only item"\n',
        encoding="utf-8",
    )
    return dst


@pytest.fixture
def make_app():
    """Build a ReadinessApp for run_test: no animations, no file watcher unless ``watch=True``."""

    def _make(path: Path, **kwargs):  # type: ignore[no-untyped-def]
        from readiness_tui.ui.app import ReadinessApp

        # No file watcher unless a test asks for it (watch=True): the others call check_disk().
        kwargs.setdefault("watch", False)
        app = ReadinessApp(path, **kwargs)
        app.animation_level = "none"
        return app

    return _make


@pytest.fixture
def launch(tmp_path: Path) -> Path:
    """The standup and report fixture board (tests/fixtures/reports/launch.toml) with its history."""
    shutil.copy(FIXTURE_REPORTS / "launch.toml", tmp_path / "launch.toml")
    shutil.copy(FIXTURE_REPORTS / "launch.history.jsonl", tmp_path / "launch.history.jsonl")
    return tmp_path / "launch.toml"
