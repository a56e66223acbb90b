"""The plan's own metadata: YAML front matter and the key-value lines under the title (date, scope window,
objective, source, tracking model), read into ``[board]``.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.blocks import ListBlock, ListItem, Paragraph, Section, plain
from readiness_tui.core.importers.builder import Builder, split_keyval
from readiness_tui.core.importers.dates_effort import parse_date
from readiness_tui.core.importers.generic import generic_block
from readiness_tui.core.importers.patterns import Ctx, entry_id
from readiness_tui.core.importers.result import Rec

META_KEYS = {
    "date": "date",
    "as of": "date",
    "updated": "date",
    "last updated": "date",
    "created": "date",
    "scope window": "scope",
    "scope": "scope",
    "window": "scope",
    "timeline": "scope",
    "period": "scope",
    "timeframe": "scope",
    "time frame": "scope",
    "objective": "objective",
    "goal": "objective",
    "goals": "objective",
    "purpose": "objective",
    "mission": "objective",
    "source": "source",
    "sources": "source",
    "based on": "source",
    "tracking model": "tracking_model",
    "tracking": "tracking_model",
}


def front_matter(text: str) -> tuple[str, list[tuple[str, str]]]:
    """YAML front matter (``---`` ... ``---``) as simple key-values; blanked so line numbers hold."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text, []
    for end in range(1, min(len(lines), 200)):
        if lines[end].strip() in ("---", "..."):
            pairs = []
            for ln in lines[1:end]:
                key, sep, value = ln.partition(":")
                if sep and key.strip() and not ln.startswith((" ", "\t", "-")):
                    pairs.append((key.strip(), value.strip().strip("'\"")))
            return "\n".join([""] * (end + 1) + lines[end + 1 :]), pairs
    return text, []


def meta_blocks(b: Builder, sec: Section) -> None:
    """Key-value lines before the first section: ``**Date:** 2026-02-16``, ``- Source: ...``."""
    extra: list[str] = []
    for blk in sec.blocks:
        lines: list[tuple[int, str]] = []
        if isinstance(blk, Paragraph):
            lines = [(blk.line + n, ln) for n, ln in enumerate(blk.text.split("\n"))]
        elif isinstance(blk, ListBlock):
            if _holds_items(blk.items) or any(_holds_items(it.sub_items()) for it in blk.items):
                generic_block(b, blk, sec, Ctx())
                continue
            lines = [(it.line, it.text) for it in blk.items]
        else:
            generic_block(b, blk, sec, Ctx())
            continue
        known = 0
        for line, ln in lines:
            kv = split_keyval(ln)
            key = META_KEYS.get(kv[0].lower().strip()) if kv else None
            if not kv or not key:
                extra.append(plain(ln, keep_code=True))
                continue
            value = plain(kv[1], keep_code=True)
            if meta_value(b, key, value, line):
                known += 1
            else:
                extra.append(plain(ln, keep_code=True))
        if known or sec.heading is not None:
            b.consume(blk, sec)  # known keys went to [board], the rest to the Introduction section
    if extra and any(x.strip() for x in extra) and sec.heading is not None:
        b.records["sections"].append(
            Rec(
                "sections",
                {"title": "Introduction", "body": "\n".join(x for x in extra if x.strip())},
                sec.line + 1,
                "text",
            )
        )
        b.note(sec.line, "text under the title kept as the section 'Introduction'")


def _holds_items(entries: list[ListItem]) -> bool:
    """Whether list entries are items (checkboxes, or mostly entries opening with an id), not key-value lines."""
    return any(it.checked is not None for it in entries) or sum(
        1 for it in entries if entry_id(it.text, plain(it.text))
    ) * 2 > len(entries)


def meta_value(b: Builder, key: str, value: str, line: int) -> bool:
    if key == "date":
        d = parse_date(value)
        if d is None:
            return False
        b.meta["date"] = d
    elif key == "scope":
        parts = re.split(r"\s*(?:\.\.|…|–|—|\bto\b|\buntil\b|\s-\s)\s*", value)
        dates = [parse_date(p) for p in parts if p.strip()]
        if len(dates) >= 2 and dates[0] and dates[-1]:
            b.meta["scope_start"], b.meta["scope_end"] = dates[0], dates[-1]
        else:
            return False
    else:
        b.meta[key] = value
    b.used(line, f"{key.replace('_', ' ')} -> board.{key if key != 'scope' else 'scope_start/scope_end'}")
    return True
