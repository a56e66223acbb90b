"""Text shown to a person that came from a file someone else wrote (commands, paths): control
characters escaped, so a ``\\r`` or an ANSI escape cannot make the terminal show one command while
another is what runs or is trusted."""

from __future__ import annotations

import re

# C0 controls (tab included: it can hide text by alignment), DEL, C1 controls, and the Unicode
# marks that reorder or hide text (bidi overrides and isolates, zero-width characters).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1b": "\\e"}


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character a terminal would not show as itself."""
    return _CONTROL.search(text) is not None


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def printable(text: str) -> str:
    """``text`` with every control character written as an escape (``\\r``, ``\\e``, ``\\x00``, ``\\u202e``),
    backslashes left as they are."""
    return _CONTROL.sub(_escape, text)


CONTROL_WARNING = "contains control characters (shown escaped): read it carefully"
