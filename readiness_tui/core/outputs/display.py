"""Text shown to a person: what came from a file someone else wrote (commands, paths) with control
characters escaped, so a ``\\r`` or an ANSI escape cannot make the terminal show one command while
another is what runs or is trusted; and the one way every surface writes ages, durations and ids
that share a prefix."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

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


def fit_words(text: str, width: int, cell_len: Callable[[str], int] = len) -> str:
    """``text`` if it fits in ``width`` cells, else as many of its leading words as fit followed by
    ``…``: a message is shortened at a word boundary, never cut inside a word. A first word that
    alone is too long is the one thing cut, since no boundary is left to keep (``cell_len``
    measures wide characters, e.g. ``rich.cells.cell_len``)."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…" if width == 1 else ""
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if cell_len(candidate) + 1 > width:
            break
        kept = candidate
    if not kept:  # the first word alone is too long
        while words[0] and cell_len(words[0]) + 1 > width:
            words[0] = words[0][:-1]
        kept = words[0]
    return kept.rstrip(" ,;:·-—") + "…"


#: Characters that end a part of an id (``CODEX-`` of ``CODEX-P0-001``).
ID_SEPARATORS = frozenset("-_./: ")


def shared_id_prefix(ids: Sequence[str]) -> str:
    """The parts of an id every one of ``ids`` starts with: up to and including the last separator
    they share (``CODEX-`` for ``CODEX-P0-001`` and ``CODEX-P1-002``), so that what is left is the
    part that tells them apart. ``""`` for fewer than two ids, or when it would leave an id empty."""
    if len(ids) < 2:
        return ""
    common = os.path.commonprefix(list(ids))
    cut = max((n + 1 for n, c in enumerate(common) if c in ID_SEPARATORS), default=0)
    prefix = common[:cut]
    return prefix if prefix and all(len(i) > cut for i in ids) else ""


def format_age(seconds: float | None) -> str:
    """How long ago, in its largest whole unit: ``"5s ago"``, ``"2m ago"``, ``"3h ago"``, ``"4d ago"``,
    or ``"never"``. Every surface that shows a gate's last run writes it this way."""
    if seconds is None:
        return "never"
    s = int(seconds)
    for unit, n in (("d", 86400), ("h", 3600), ("m", 60)):
        if s >= n:
            return f"{s // n}{unit} ago"
    return f"{s}s ago"


def format_duration(seconds: float | None) -> str:
    """How long something took, always with its unit: ``"40ms"``, ``"1.2s"``, ``"2m 05s"``; ``"-"``
    when it did not run."""
    if seconds is None:
        return "-"
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    if seconds < 60:
        return f"{seconds:.1f}s"
    whole = int(seconds)
    return f"{whole // 60}m {whole % 60:02d}s"
