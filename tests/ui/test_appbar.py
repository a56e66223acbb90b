"""The top bar fits its messages to the terminal at word boundaries, never cutting a word."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from readiness_tui.core.outputs.display import fit_words
from readiness_tui.ui.widgets.appbar import AppBar

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"
LONG_TITLE = "Payments platform production readiness for the spring launch across every region"
LONG_EDIT = "LT-01: title Rotate the payment gateway certificates before they expire in March"


def top_row(svg: str) -> str:
    """The first screen row of a Textual SVG screenshot, as plain text (one character per cell)."""
    row = [" "] * 400
    for x, raw in re.findall(r'<text class="terminal-\d+-r\d+" x="([\d.]+)" y="20"[^>]*>([^<]*)</text>', svg):
        col = round(float(x) / 12.2)
        for n, ch in enumerate(html.unescape(raw).replace("\xa0", " ")):
            row[col + n] = ch
    return "".join(row).rstrip()


def assert_whole_words(shown: str, source: str) -> None:
    """``shown`` is ``source``, or its leading words followed by an ellipsis."""
    if shown.endswith("…"):
        kept = shown[:-1]
        assert source.startswith(kept) and kept, (shown, source)
        rest = source[len(kept) :]
        assert rest[:1] in (" ", ",", ":", ";", "·", "-", "—"), f"cut inside a word: {shown!r}"
    else:
        assert shown == source


@pytest.fixture
def long_board(tmp_path: Path) -> Path:
    board = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, board)
    board.write_text(board.read_text().replace('title = "Payments API launch"', f'title = "{LONG_TITLE}"', 1))
    return board


@pytest.mark.parametrize("width", [80, 120])
async def test_long_title_and_last_edit_end_at_a_word(width: int, long_board: Path, make_app) -> None:
    app = make_app(long_board)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(AppBar)
        bar.set_state(False, LONG_EDIT, 3)
        await pilot.pause()
        row = top_row(app.export_screenshot())
        assert len(row) <= width
        title = str(app.screen.query_one("#bar-title").render()).strip()
        assert title.endswith("launch.toml")  # the file always shows: the title gives way
        if width == 120:  # at 80 the file name is all there is room for
            assert_whole_words(title.removesuffix("  launch.toml"), LONG_TITLE)
        else:
            assert title == "launch.toml"
        assert title in row  # drawn as fitted: nothing cut off after it by the layout
        state = str(app.screen.query_one("#bar-state").render()).strip()
        # Not dirty: "saved" (the undo count shows only while edits are unsaved), after the edit fitted.
        edit, saved = state.split(" · ")
        assert saved == "saved"
        assert_whole_words(edit, LONG_EDIT)
        assert edit.startswith("LT-01: title")  # both widths have room for the edit's first words
        assert state in row
        assert "NO-GO" in row
        if width == 120:
            assert "LT-01: title Rotate" in row  # there is room for part of the edit at 120


async def test_a_real_edit_shows_in_the_bar_and_the_file_at_80_columns(tmp_path: Path, make_app) -> None:
    board = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, board)
    app = make_app(board)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        row = top_row(app.export_screenshot())
        item = app.main.current_item_id
        status = app.store.item(item).status
        assert f"{item}: status {status} · saved" in row
        assert f'status = "{status}"' in board.read_text()


def test_fit_words_keeps_whole_words() -> None:
    assert fit_words("short", 10) == "short"
    assert fit_words("one two three", 13) == "one two three"
    assert fit_words("one two three", 12) == "one two…"
    assert fit_words("one two, three", 10) == "one two…"  # no dangling comma
    assert fit_words("extraordinarily", 6) == "extra…"  # one word alone: nothing else to do
    assert fit_words("a  b\tc", 10) == "a b c"
    assert fit_words("anything", 1) == "…" and fit_words("anything", 0) == ""
    wide = "計画 の 準備"
    assert fit_words(wide, 6, lambda s: sum(2 if ord(c) > 0x2E7F else 1 for c in s)) == "計画…"


@pytest.mark.parametrize("width", [80, 120])
async def test_read_only_stays_in_the_header_when_the_title_is_shortened(
    width: int, long_board: Path, make_app
) -> None:
    app = make_app(long_board, read_only=True)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        row = top_row(app.export_screenshot())
        title = str(app.screen.query_one("#bar-title").render()).strip()
        # The title gives way (at a word, or cut with … when one word is all there is room for).
        assert title.endswith("read-only") and "read-only" in row and len(row) <= width


@pytest.mark.parametrize("count", [8106, 85101])
async def test_a_large_problem_count_is_shown_whole(count: int, long_board: Path, make_app) -> None:
    # An imported 10,000-item plan has thousands of warnings: the badge once read "8106 problem".
    from readiness_tui.core.model.problems import LevelCounts

    app = make_app(long_board)
    async with app.run_test(size=(121, 30)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(AppBar)
        bar.set_problems(LevelCounts(), "")  # no badge while the title is fitted to the bar
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        bar.set_problems(LevelCounts(warnings=count), "")
        await pilot.pause()
        row = top_row(app.export_screenshot())
        assert f"▲ {count} problems" in row
        # The title gives the badge its room at a word, not cut off by the layout.
        title = str(app.screen.query_one("#bar-title").render()).strip()
        assert title.endswith("  launch.toml")
        assert_whole_words(title.removesuffix("  launch.toml"), LONG_TITLE)
        assert title in row


async def test_the_title_and_file_give_way_when_an_edit_brings_the_first_problems(tmp_path: Path, make_app) -> None:
    # Title and file fit the bar until an edit brings the first problems (M-02 done -> todo: what
    # depends on it is done before it): the badge takes room, and the file name must give way
    # whole, not be cut mid-word by the layout (seen in tmux as "Production Readiness Tracker  seed.tom").
    board = tmp_path / "seed.toml"
    shutil.copy(FIXTURE.parents[3] / "boards" / "dome-production-readiness-tracker.toml", board)
    app = make_app(board)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Production Readiness Tracker  seed.toml" in top_row(app.export_screenshot())
        await pilot.press("j", "s")  # M-02: done -> todo
        await pilot.pause()
        row = top_row(app.export_screenshot())
        title = str(app.screen.query_one("#bar-title").render()).strip()
        assert "problems" in row and title in row
        # the title gives way at a word; the file stays: it is what tells two boards apart
        assert title == "Production Readiness…  seed.toml"


async def test_two_boards_of_one_title_are_told_apart_by_their_file(make_app) -> None:  # type: ignore[no-untyped-def]
    boards = FIXTURE.parents[3] / "boards"
    rows = []
    for name in ("final-implementation-plan.toml", "memory-subsystem-remediation-plan.toml"):
        app = make_app(boards / name)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert app.store.board.board.title == "Final Implementation Plan"
            rows.append(top_row(app.export_screenshot()))
    assert "final-implementation-plan.toml" in rows[0]
    assert "memory-subsystem-remediation" in rows[1]


@pytest.mark.parametrize(("width", "shown"), [(80, "checkout-ser"), (120, "checkout-service-readiness.toml")])
async def test_a_board_with_levels_keeps_its_file_name_in_the_bar(
    tmp_path: Path, make_app, width: int, shown: str
) -> None:  # type: ignore[no-untyped-def]
    """The level beside the state takes its room from the state's share, not the file name's."""
    boards = FIXTURE.parents[3] / "boards"
    shutil.copytree(boards / "checkout-service", tmp_path / "checkout-service")
    board = tmp_path / "checkout-service-readiness.toml"
    shutil.copy(boards / board.name, board)
    app = make_app(board)
    async with app.run_test(size=(width, 24)) as pilot:
        for _ in range(40):  # the level arrives from the gates' first results, after the first frame
            await pilot.pause()
            row = top_row(app.export_screenshot())
            if "level silver" in row:
                break
        assert "level silver" in row
        assert shown in row
