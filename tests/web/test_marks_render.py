"""The app's marks drawn by Chromium (Debian's, with its fonts): none may fall back to the empty
box a browser draws for a character no installed font has (issue 41: ⛔ and ⧗ were boxes in
``readiness serve``'s page)."""

from __future__ import annotations

from readiness_tui.ui.panes.problems import LEVEL_GLYPH
from readiness_tui.ui.panes.risks import STATE_GLYPH
from readiness_tui.ui.screens.help import MARKS
from readiness_tui.ui.widgets.backlog_cells import LIVE_GATE
from readiness_tui.ui.widgets.item_text import GATE_MARK
from readiness_tui.ui.widgets.line_parts import STATUS_GLYPH
from readiness_tui.ui.widgets.standup_bigtext import GLYPHS
from readiness_tui.ui.widgets.standup_slides import SECTION_LOOK

#: What textual-serve's page sets for its terminal (its template), offline: "Roboto Mono" is a web
#: font the page cannot fetch, so Chromium uses the rest.
FONT = '16px "Roboto Mono", menlo, monospace'
#: Characters no font has (a private-use code point of plane 16): drawn as the fallback box.
NO_GLYPH = "\U0010fffd"


def marks() -> set[str]:
    texts = [
        *(look[0] for look in SECTION_LOOK.values()),
        *GATE_MARK.values(),
        *(shown for shown, _ in LIVE_GATE.values()),
        *STATUS_GLYPH.values(),
        *STATE_GLYPH.values(),
        *LEVEL_GLYPH.values(),
        *("".join(rows) for rows in GLYPHS.values()),
        MARKS,
    ]
    return {ch for text in texts for ch in text if not ch.isascii() and ch.isprintable()}


#: Each character drawn alone on a canvas: its pixels, to compare with the box's.
PIXELS_JS = """
([font, chars]) => {
  const c = document.createElement('canvas');
  c.width = 40; c.height = 40;
  const g = c.getContext('2d', {willReadFrequently: true});
  const out = {};
  for (const ch of chars) {
    g.clearRect(0, 0, 40, 40);
    g.font = font; g.fillStyle = '#000'; g.textBaseline = 'top';
    g.fillText(ch, 4, 4);
    const d = g.getImageData(0, 0, 40, 40).data;
    let s = '';
    for (let i = 3; i < d.length; i += 4) s += d[i] > 127 ? '1' : '0';
    out[ch] = s;
  }
  return out;
}
"""


def test_every_mark_of_the_app_has_a_font_in_chromium(browser) -> None:
    chars = sorted(marks())
    assert len(chars) > 20  # the tables were read
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset=utf-8><body></body>")
    drawn = page.evaluate(PIXELS_JS, [FONT, [NO_GLYPH, "⛔", *chars]])
    page.close()
    box = drawn.pop(NO_GLYPH)
    assert "1" in box
    assert drawn.pop("⛔") == box  # the check tells a missing glyph (the old blocked mark) apart
    missing = sorted(f"{ch} U+{ord(ch):04X}" for ch, pixels in drawn.items() if pixels == box or "1" not in pixels)
    assert missing == []
