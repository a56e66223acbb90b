"""Numbered headings that are not items: groups of items, risks written as headings, prose sections.

``### 2.3 Tables`` over ``#### **2.3.1: data_imports table**`` groups items; ``### R1 — GPU capacity`` under
``## Risks`` is a risk whose prose names the tasks that mitigate it; ``### 2.1 Time-boxed blocks`` holding
only prose is a section of text. Each recogniser says so in the report.
"""

from __future__ import annotations

import re
from typing import Any

from .blocks import ListBlock, Paragraph, Section, plain
from .builder import Builder, split_keyval
from .cells import ids_in_text
from .result import Rec

_RISKY_ID = re.compile(r"^(?:R\d|R-|RSK|RISK)", re.I)


def is_group(sec: Section, is_ticket: Any) -> bool:
    """A ticket-shaped heading whose children are ticket headings and which states no fields of its own."""
    if not any(is_ticket(c) for c in sec.children):
        return False
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and (blk.has_checkboxes or any(split_keyval(it.text) for it in blk.items)):
            return False
        if isinstance(blk, Paragraph) and any(split_keyval(ln) for ln in blk.text.split("\n")):
            return False
    return True


def is_prose_heading(sec: Section) -> bool:
    """A numbered heading ("2.1 Time-boxed blocks") over paragraphs only: text, not a task."""
    return (
        bool(sec.blocks)
        and not sec.children
        and all(
            isinstance(blk, Paragraph) and not any(split_keyval(ln) for ln in blk.text.split("\n"))
            for blk in sec.blocks
        )
        and bool(re.match(r"^\d+(?:\.\d+)+\s", sec.title))
    )


def is_risk_heading(sec: Section, rid: str) -> bool:
    """``### R1 — GPU capacity`` under a heading about risks."""
    return bool(_RISKY_ID.match(rid)) and any(a.heading and "risk" in a.title.lower() for a in sec.ancestors())


def risk_heading(b: Builder, sec: Section, rid: str, title: str) -> None:
    """A risk from its heading; the task ids its prose names mitigate it."""
    text = "\n".join(plain(blk.text) for blk in sec.blocks if isinstance(blk, Paragraph))
    items = [i for i in ids_in_text(text) if i != rid and not _RISKY_ID.match(i)]
    values: dict[str, Any] = {"id": rid, "title": title, "mitigated_by": items}
    if text:
        values["notes"] = text
    b.records["risks"].append(Rec("risks", values, sec.line, "risk heading"))
    for blk in sec.blocks:
        b.consume(blk, sec)
    b.mark(sec)
    b.used(sec.line, f"risk heading {rid!r}: mitigated by the tasks its text names ({', '.join(items) or 'none'})")
