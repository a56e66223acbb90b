"""A bold id-and-title line over a bullet list of ``Key: value`` fields is a ticket written without a heading.

    **TASK-010: Set up the package**
    - Depends on:  —
    - Size:        S
    - Description: Add the target and
                   its tests.

reads as ``#### TASK-010: Set up the package`` one level below the heading it stands under, so the ticket
handler reads its fields as it does for any id heading. The bold line alone (a paragraph that names an id)
or one over prose is left as it is: without fields beneath it, the line may as well be emphasis.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.id_shapes import is_id

#: ``**TASK-010: Title**``, ``**T-3 — Title**``: the whole line bold, an id, a separator, a title.
_BOLD_ID_LINE = re.compile(r"^\*\*(?P<id>[^\s*:]+?)\s*(?P<sep>:|—|–|\s-\s)\s*(?P<title>[^*].*?)\*\*\s*$")
#: ``- Depends on: TASK-1``, ``- **Owner:** Ana``: a bullet whose text opens with a short label and a colon.
_FIELD_BULLET = re.compile(r"^[-*+]\s+(?:\*\*)?(?P<key>[^\W\d_][\w ()/'-]{0,30}?)(?:\*\*)?\s*:(?:\*\*)?(?:\s|$)")
_BULLET = re.compile(r"^[-*+]\s")
_HEADING = re.compile(r"^(#{1,6})\s")
_FENCE = re.compile(r"^\s*(```|~~~)")


def _fields_follow(lines: list[str], start: int) -> bool:
    """The first block after ``start`` is a bullet list whose top-level entries are mostly ``Key: value``."""
    n = start + 1
    while n < len(lines) and not lines[n].strip():
        n += 1
    if n >= len(lines) or n - start > 2 or not _FIELD_BULLET.match(lines[n]):
        return False
    fields = bullets = 0
    while n < len(lines) and (lines[n].strip() == "" or lines[n][:1] in " \t" or _BULLET.match(lines[n])):
        if _BULLET.match(lines[n]):
            bullets += 1
            fields += bool(_FIELD_BULLET.match(lines[n]))
        elif (
            not lines[n].strip()
            and n + 1 < len(lines)
            and not (lines[n + 1][:1] in " \t" or _BULLET.match(lines[n + 1]))
        ):
            break
        n += 1
    return fields >= 2 and fields * 2 > bullets


def promote_bold_tickets(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite each bold id-and-title line over a field list as a heading below the current one, in place."""
    level = 1
    fenced = False
    for n, ln in enumerate(lines):
        if _FENCE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        h = _HEADING.match(ln)
        if h:
            level = len(h.group(1))
            continue
        m = _BOLD_ID_LINE.match(ln)
        if not m or not is_id(m.group("id")) or not _fields_follow(lines, n):
            continue
        sep = ":" if m.group("sep") == ":" else f" {m.group('sep').strip()}"
        lines[n] = "#" * min(level + 1, 6) + f" {m.group('id')}{sep} {m.group('title').strip()}"
        note(n + 1, f"bold line {m.group('id')!r} over a field list read as the heading of an item")
