"""Three-row block letters for the few words a standup screen shouts (GO, NO-GO)."""

from __future__ import annotations

# Each glyph is three rows of half blocks (six pixel rows); letters are four columns wide.
GLYPHS: dict[str, tuple[str, str, str]] = {
    "G": ("▄▀▀▀", "█ ▀█", "▀▄▄█"),
    "O": ("▄▀▀▄", "█  █", "▀▄▄▀"),
    "N": ("█▄ █", "█ ▀█", "█  █"),
    "-": ("   ", "▀▀▀", "   "),
    " ": ("  ", "  ", "  "),
}


def big_text(word: str) -> str:
    """``big_text("NO-GO")`` -> three lines; characters without a glyph are left out."""
    glyphs = [GLYPHS[c] for c in word.upper() if c in GLYPHS]
    return "\n".join(" ".join(g[row] for g in glyphs) for row in range(3))
