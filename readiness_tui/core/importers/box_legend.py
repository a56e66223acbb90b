"""A plan's legend for its checkboxes: ``Status: `[x]` done · `[~]` in progress · `[-]` on hold``.

``[-]`` is cancelled by default (see ``blocks.BOX_STATUS``), but plans use it for "on hold" or "skipped" as
often; ``[~]`` may be "in review". When one line names two marks or more with status words, that line is the
plan's own key: every checkbox with a mark it names takes the status its word says.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.blocks import ListBlock, ListItem, Section
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.status_words import exact_status

#: One legend entry: a mark in brackets (in a code span or not), then its word, up to the next separator or mark.
_ENTRY_RE = re.compile(r"`?\[(?P<mark>[ xX✓✔~/-])\]`?\s*[:=]?\s*(?P<word>[^`\[·|,;•/]+?)\s*(?=[·|,;•/]|`?\[|$)")
#: A checklist entry is not a legend, even when its text shows marks.
_ENTRY_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]\]")


def box_legend(text: str) -> tuple[int, dict[str, str]]:
    """(line, mark -> status) of the first legend line in the plan; (0, {}) when it has none."""
    fenced = False
    for n, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or line.count("]") < 2 or _ENTRY_LINE_RE.match(line):
            continue
        pairs = [(m.group("mark"), exact_status(m.group("word"))) for m in _ENTRY_RE.finditer(line)]
        said = {mark: st for mark, st in pairs if st}
        if len(said) >= 2:
            return n, said
    return 0, {}


def apply_box_legend(b: Builder, text: str, root: Section) -> None:
    """Give every checkbox the status the plan's legend gives its mark; report the legend once."""
    line, legend = box_legend(text)
    if not legend:
        return
    changed = sum(
        _relabel(it, legend)
        for sec in root.walk()
        for blk in sec.blocks
        if isinstance(blk, ListBlock)
        for it in blk.items
    )
    shown = ", ".join(f"[{mark}] {st}" for mark, st in legend.items())
    b.used(line, f"checkbox legend: {shown}" + (f" ({changed} boxes read by it)" if changed else ""))


def _relabel(it: ListItem, legend: dict[str, str]) -> int:
    """Relabel one entry and the entries under it; how many boxes changed status."""
    changed = 0
    if it.mark is not None and it.mark in legend and legend[it.mark] != it.box:
        it.box = legend[it.mark]
        changed += 1
    return changed + sum(_relabel(sub, legend) for sub in it.sub_items())
