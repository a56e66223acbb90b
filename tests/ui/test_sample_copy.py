"""Sample boards are never written: the first edit offers a copy in ./boards (or a typed path), and
editing goes on there; the sample stays byte-identical whatever the user answers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Input
from ui_helpers import record_notices, wait_for

from readiness_tui.cli.open_cmd import sample_dir_of
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore
from readiness_tui.resources import bundled_boards_dir
from readiness_tui.ui.screens.dialogs import ChoiceScreen, PromptScreen

SIZE = (120, 40)
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for the installed package's ``_bundled/boards``, and a working directory beside it."""
    samples = tmp_path / "site-packages" / "readiness_tui" / "_bundled" / "boards"
    samples.mkdir(parents=True)
    board = samples / "launch.toml"
    shutil.copy(FIXTURE, board)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return board


def status_of(path: Path, item: str) -> str:
    return BoardStore.load(path).item(item).status


async def test_the_first_edit_offers_a_copy_in_boards_and_goes_on_there(sample: Path, make_app) -> None:
    original = sample.read_bytes()
    app = make_app(sample, sample_dir=sample.parent)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = app.main.current_item_id
        before = status_of(sample, item)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen), what="the copy offer")
        assert app.screen.query_one(Input).value == "boards/launch.toml"
        assert sample.read_bytes() == original  # nothing written while asking
        await pilot.press("enter")
        copy = Path.cwd() / "boards" / "launch.toml"
        await wait_for(pilot, lambda: copy.exists() and not isinstance(app.screen, PromptScreen), what="the copy")
        after = status_of(copy, item)
        assert after != before
        assert app.store.path is not None and app.store.path.resolve() == copy.resolve()
        # Editing goes on in the copy, saved at once, with no further question.
        await pilot.press("s")
        await wait_for(pilot, lambda: status_of(copy, item) != after, what="the next edit saved in the copy")
        assert not isinstance(app.screen, PromptScreen)
        recorded = [r for r in audit.read(audit.history_path(copy)) if r.item == item and r.field == "status"]
        assert len(recorded) == 2  # both edits are in the copy's history
    assert [p.name for p in sample.parent.iterdir()] == ["launch.toml"]  # no lock, history or state file
    assert sample.read_bytes() == original


async def test_a_typed_path_is_checked_and_used(sample: Path, make_app) -> None:
    original = sample.read_bytes()
    (Path.cwd() / "taken.toml").write_text("# someone's board\n", encoding="utf-8")
    app = make_app(sample, sample_dir=sample.parent)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = app.main.current_item_id
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen), what="the copy offer")
        field = app.screen.query_one(Input)
        field.value = "taken.toml"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)  # refused: the file exists
        assert "exists" in str(app.screen.query_one("#prompt-error").render())
        field.value = "plans/q3.toml"
        await pilot.press("enter")
        target = Path.cwd() / "plans" / "q3.toml"
        await wait_for(pilot, lambda: target.exists(), what="the copy at the typed path")
        assert status_of(target, item) != status_of(sample, item)
    assert sample.read_bytes() == original
    assert (Path.cwd() / "taken.toml").read_text(encoding="utf-8") == "# someone's board\n"


async def test_declining_keeps_edits_in_memory_and_quitting_asks_again(sample: Path, make_app) -> None:
    original = sample.read_bytes()
    app = make_app(sample, sample_dir=sample.parent)
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen), what="the copy offer")
        await pilot.press("escape")
        await wait_for(pilot, lambda: any("never written" in n.message for n in notices), what="the warning")
        await pilot.press("s")  # declined once: the next edit does not ask again
        await pilot.pause()
        assert not isinstance(app.screen, PromptScreen)
        assert app.editor.dirty and sample.read_bytes() == original
        await pilot.press("q")  # unsaved edits: save, discard or cancel
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceScreen), what="the unsaved question")
        await pilot.press("1")  # save, then quit: the copy is offered again
        await wait_for(pilot, lambda: isinstance(app.screen, PromptScreen), what="the copy offer again")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not app.is_running, what="the app to quit")
    copy = Path.cwd() / "boards" / "launch.toml"
    assert copy.exists() and copy.read_bytes() != original
    assert sample.read_bytes() == original


def test_only_the_installed_samples_or_the_fallback_are_samples(tmp_path: Path) -> None:
    bundled = bundled_boards_dir()
    board = next(bundled.glob("*.toml"))
    installed = bundled.parent.name == "_bundled"
    # Reached because no board was named: a sample, in a checkout as in a wheel.
    assert sample_dir_of(board, named=False) == bundled.resolve()
    # Named on the command line: a sample only inside the installed package.
    assert (sample_dir_of(board, named=True) is not None) == installed
    other = tmp_path / "mine.toml"
    shutil.copy(board, other)
    assert sample_dir_of(other, named=False) is None
