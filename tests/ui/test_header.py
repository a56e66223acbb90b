"""The top bar's messages are shortened at a word, never cut mid-word."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static
from ui_helpers import wait_for

from readiness_tui.ui.screens.main import STATE_WIDTH, header_label

SIZE = (120, 40)
LONG_ID = "PLATFORM-RELIABILITY-2026-Q1-0001"


def test_a_long_label_is_cut_at_a_word_and_fits() -> None:
    label = "SEC-02: status in progress after the review"
    shown = header_label(label, dirty=False, undo=12, missing=False)
    assert shown == "SEC-02: status in …"
    assert header_label(f"{LONG_ID}: status done", dirty=False, undo=12, missing=False) == "…"  # no cut id
    assert shown.endswith(" …") and len(shown) + len("saved · 12 to undo · ") <= STATE_WIDTH
    words = label.split()
    assert all(w in words for w in shown.removesuffix(" …").split())
    assert header_label("S-1: status done", dirty=True, undo=1, missing=False) == "S-1: status done"
    assert header_label(label, dirty=False, undo=3, missing=True) == ""  # no room beside "file deleted"


async def test_the_top_bar_shows_whole_words_after_an_edit(tmp_path: Path, make_app) -> None:
    board = tmp_path / "board.toml"
    board.write_text('[board]\ntitle = "B"\n\n[[items]]\nid = "REL-2026-01"\ntitle = "x"\n', encoding="utf-8")
    app = make_app(board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await wait_for(pilot, lambda: "saved" in str(app.screen.query_one("#bar-state", Static).render()))
        text = str(app.screen.query_one("#bar-state", Static).render())
        label = text.split(" · ")[0]
        assert label.endswith(" …")  # too long to show whole beside "saved · 1 to undo"
        full = "REL-2026-01: status in progress".split()
        assert all(w in full for w in label.removesuffix(" …").split()), text
