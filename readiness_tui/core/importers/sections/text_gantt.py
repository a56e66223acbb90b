"""A Gantt chart drawn in text: one line a task, its name, a colon, then its bar across the weeks.

    Weken: 01 02 03 04 05 06
    Initiatie & PID           : ██████
    Analyse & Ontwerp         :       ████

Each bar line (three or more in a block, as a paragraph or in a plain fenced block) is an item named by its
label; the chart gives no ids, so they are made from the heading, as a checklist's are. Where the bars stand in
time is kept as the item's notes (``Weken 3-4``) when a line of numbers above them says which column is which.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Other, Paragraph, Section
from readiness_tui.core.importers.entries.lists import heading_prefix
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.sections.patterns import Ctx

_BAR = "█▓▒■▇▆=#"
#: "Analyse & Ontwerp :       ████": a label, a colon or pipe, then blanks or dots and a bar.
_BAR_LINE = re.compile(rf"^(?P<label>[^\s:|][^:|]{{0,60}}?)\s*[:|](?P<lane>[ ·.]*[{_BAR}]+[ ·.{_BAR}]*)$")
#: "Weken: 01 02 03": the columns' numbers, each standing over its stretch of the bars.
_SCALE = re.compile(r"^(?P<word>[^\W\d_][\w ]{0,20}?)\s*[:|]\s*(?P<nums>\d{1,3}(?:\s+\d{1,3}){2,})\s*$")


def read_text_gantts(b: Builder, sec: Section, ctx: Ctx) -> None:
    """Every text Gantt chart among the section's own blocks, whatever the section's heading says it is."""
    for blk in sec.blocks:
        if isinstance(blk, (Paragraph, Other)) and id(blk) not in b.used_blocks:
            if isinstance(blk, Paragraph) or blk.kind == "fence":
                text_gantt(b, blk, sec, ctx)


def bar_lines(text: str) -> bool:
    """Whether ``text`` is, or holds, three bar lines or more."""
    return sum(1 for ln in text.splitlines() if _BAR_LINE.match(ln.rstrip())) >= 3


def text_gantt(b: Builder, block: Paragraph | Other, sec: Section, ctx: Ctx) -> bool:
    """Items from the bar lines of ``block``; False, and nothing done, when it holds fewer than three."""
    if not bar_lines(block.text):
        return False
    first = block.line + (1 if isinstance(block, Other) else 0)  # a fence's text starts a line below it
    scale: re.Match[str] | None = None
    bars: list[tuple[int, str, int, int]] = []  # (line, label, first and last column of the bar in its lane)
    for n, line in enumerate(block.text.splitlines()):
        m = _BAR_LINE.match(line.rstrip())
        if m:
            cells = [i for i, ch in enumerate(m.group("lane")) if ch in _BAR]
            bars.append((first + n, m.group("label").strip(), cells[0], cells[-1]))
        elif scale is None:
            scale = _SCALE.match(line.rstrip())
    prefix = heading_prefix(b, sec)
    origin = min(bar[2] for bar in bars)  # the earliest bar starts in the scale's first column
    made: list[str] = []
    for at, label, start, end in bars:
        values: dict[str, Any] = {"id": f"{prefix}{len(made) + 1}", "title": label, **ctx.item_fields()}
        if scale is not None:
            values["notes"] = _span(scale, start - origin, end - origin)
        rid = b.add_item(values, at, "text gantt")
        if rid:
            made.append(rid)
    b.consume(block, sec)
    b.used(block.line, f"Gantt chart drawn in text ({len(made)} bars) -> items {id_span(made)}")
    return True


def _span(scale: re.Match[str], start: int, end: int) -> str:
    """Where a bar stands on the scale ("Weken 3-4"): its columns counted in the scale's steps from its first
    number (``01 02 03``: three characters a step)."""
    nums = [(m.start(), int(m.group())) for m in re.finditer(r"\d+", scale.group("nums"))]
    step = max(nums[1][0] - nums[0][0], 1)
    lo, hi = nums[0][1] + start // step, nums[0][1] + end // step
    word = scale.group("word").strip()
    return f"{word} {lo}" if lo == hi else f"{word} {lo}-{hi}"
