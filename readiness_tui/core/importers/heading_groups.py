"""Numbered headings that are not items: groups of items, risks written as headings, prose sections.

``### 2.3 Tables`` over ``#### **2.3.1: data_imports table**`` groups items; ``### R1 — GPU capacity`` under
``## Risks`` is a risk whose prose names the tasks that mitigate it; ``### 2.1 Time-boxed blocks`` holding
only prose is a section of text. Each recogniser says so in the report.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.blocks import ListBlock, Paragraph, Section, plain
from readiness_tui.core.importers.builder import RISK_PROSE, Builder, split_keyval
from readiness_tui.core.importers.id_shapes import RISK_ID_RE
from readiness_tui.core.importers.id_shapes import looks_like_text_id as is_text_id
from readiness_tui.core.importers.refs import ids_in_text
from readiness_tui.core.importers.result import Rec


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
    return bool(RISK_ID_RE.match(rid)) and any(a.heading and "risk" in a.title.lower() for a in sec.ancestors())


def risk_heading(b: Builder, sec: Section, rid: str, title: str) -> None:
    """A risk from its heading; the task ids its prose names mitigate it (read by ``risk_prose`` once every
    item is known, so that short ids such as ``A1`` count too)."""
    text = "\n".join(plain(blk.text) for blk in sec.blocks if isinstance(blk, Paragraph))
    values: dict[str, Any] = {"id": rid, "title": title, "mitigated_by": [], RISK_PROSE: text}
    if text:
        values["notes"] = text
    rec = Rec("risks", values, sec.line, "risk heading")
    b.records["risks"].append(rec)
    b.risk_prose.append(rec)
    for blk in sec.blocks:
        b.consume(blk, sec)
    b.mark(sec)


#: A sentence that denies a mitigation: "B2 only makes it visible; it does not mitigate it."
_DENIES = re.compile(r"\b(?:not|n't|never|no longer)\b[^.]*\b(?:mitigat|address|cover|reduc|help|fix)", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9#][\w#-]*(?:\.\d+)*")


#: "until M-5", "after T-3 and T-4": the items name a point in time, not what mitigates the risk.
_TIMED = re.compile(
    r"\b(?:until|till|before|after|once)\s+(?:the\s+)?(?P<ids>[\w#.-]+(?:\s*(?:,|and|&|or)\s*[\w#.-]+)*)", re.I
)


def _timed_only(prose: str) -> set[str]:
    """The words of ``prose`` named only as a point in time ("until M-5")."""
    timed = {i for m in _TIMED.finditer(prose) for i in _TOKEN.findall(m.group("ids"))}
    return timed - set(_TOKEN.findall(_TIMED.sub(" ", prose)))


def _id_tails(b: Builder) -> dict[str, str]:
    """``A02`` -> ``SPARK-SRCH-A02``: the last part of each item id, when no other item id ends so and it is
    no id of its own; a plan's prose names its items by that short form."""
    seen: dict[str, list[str]] = {}
    for item_id in b.items:
        tail = item_id.rsplit("-", 1)[-1]
        if tail != item_id and len(tail) >= 2 and any(c.isdigit() for c in tail) and any(c.isalpha() for c in tail):
            seen.setdefault(tail, []).append(item_id)
    return {t: ids[0] for t, ids in seen.items() if len(ids) == 1 and t not in b.items}


def risk_prose(b: Builder) -> None:
    """The items each risk heading's prose names: unmistakable ids, and tokens that are items of this plan.

    A sentence that says an item does not mitigate the risk names no mitigation; reported. Items named as a
    point in time ("until M-5") are not mitigations; reported. Prose in a risk table's mitigation cell links
    only items of the plan (an ``ADR-12`` there is a reference to read, not a task)."""
    tails = _id_tails(b) if b.risk_prose else {}
    for rec in b.risk_prose:
        rid = rec.values["id"]
        cell = rec.origin == "risk register"
        prose = rec.values.pop(RISK_PROSE, "")
        only_timed = _timed_only(prose)
        found: list[str] = [
            i for i in rec.values.get("mitigated_by", []) if (not cell or i in b.items) and i not in only_timed
        ]
        for sentence in re.split(r"(?<=[.!?])\s+|\n", prose):
            untimed = _TIMED.sub(" ", sentence)
            named = [tails[i] if i in tails else i for i in ids_in_text(untimed) + _TOKEN.findall(untimed) if i != rid]
            named = [
                i
                for i in dict.fromkeys(named)
                if i in b.items or (not cell and is_text_id(i) and not RISK_ID_RE.match(i))
            ]
            timed = [i for m in _TIMED.finditer(sentence) for i in _TOKEN.findall(m.group("ids")) if i in b.items]
            timed = [i for i in dict.fromkeys(timed) if i not in named and i not in found]
            if timed:
                b.note(rec.line, f"risk {rid}: {', '.join(timed)} named as a point in time, not a mitigation")
            if named and _DENIES.search(sentence):
                b.note(rec.line, f"risk {rid}: {', '.join(named)} named as not mitigating it ({sentence.strip()!r})")
                continue
            found += [i for i in named if i not in found]
        rec.values["mitigated_by"] = found
        b.used(rec.line, f"risk {rid!r}: mitigated by the tasks its text names ({', '.join(found) or 'none'})")
