"""Sections that are records of their own: milestone lists and headings, waivers, dated progress notes.

Week-by-week schedules: "Complete Stream 1" under "Week 7 (Feb 16-22)" makes Feb 22 the target of S1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, Table, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import entry_id
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.references.refs import ids_in_text
from readiness_tui.core.importers.sections.generic import generic_block, read_lists
from readiness_tui.core.importers.sections.headings import tickets_under
from readiness_tui.core.importers.sections.lead_ins import is_work_label, lead_in_label
from readiness_tui.core.importers.sections.patterns import MILESTONE_RE, STATUS_MARKS, TICKET_RE, Ctx, leading_id
from readiness_tui.core.importers.vocabulary.dates import MONTHS, parse_date, put_due
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: Reads one list entry into a record's values, or says why it is none (reported as skipped).
EntryReader = Callable[[Builder, ListItem, str], "dict[str, Any] | str"]


def record_lists(b: Builder, sec: Section, ctx: Ctx, kind: str, what: str, read: EntryReader, context: str = "") -> Ctx:
    """Each plain list in the section: one ``kind`` record per entry ``read`` understands; other blocks as usual."""
    noun = "progress notes" if kind == "progress" else kind

    def read_list(blk: ListBlock) -> str | None:
        if kind == "milestones" and (dated := _dated_checkpoints(b, blk)) is not None:
            # "- [ ] Discovery Complete (2024-03-15)" under "## Milestones": checkpoints, each on its date.
            made = b.add_records(kind, what, dated)
            return f"{what} (dated boxes) -> {made} {noun}"
        if blk.has_checkboxes:
            return None
        if kind in ("milestones", "progress") and _new_work_led_in(b, sec, blk):
            # "Work packages:" over "- WP-EXT-5.1: AR UX Enhancements (P1/M)" under a milestone, "**Backend (6
            # tasks):**" over "- T067: Create …" in a snapshot of progress: work of its own, read as any list.
            return None
        got = [(it.line, read(b, it, context)) for it in blk.items]
        if kind == "milestones" and all(isinstance(v, str) for _, v in got):
            # "### Milestone 1: Multi-Agent System" over "- ✅ Parallel dispatcher": the heading is the one
            # milestone, its list the work in it; read as any list.
            return None
        made = b.add_records(kind, what, got)
        return f"{what} -> {made} {noun}" + (f" dated {context}" if context else "")

    return read_lists(b, sec, ctx, read_list)


def _dated_checkpoints(b: Builder, blk: ListBlock) -> list[tuple[int, dict[str, Any] | str]] | None:
    """Milestones of a list of boxes each closing with its date (two or more, none with an id), numbered M-1 on; else
    None."""
    # A checkpoint's box: its name, then its date in brackets closing it ("Site Launch (2024-05-24)").
    found = [(text, CLOSING_BRACKET.search(text)) for it in blk.items if (text := plain(it.text, keep_code=True))]
    if (
        not blk.has_checkboxes
        or len(found) < 2
        or len(found) < len(blk.items)
        or any(m is None or not m.start() or parse_date(m[1]) is None or leading_id(t[: m.start()]) for t, m in found)
    ):
        return None
    taken = {str(r.values.get("id")) for r in b.records["milestones"]}
    out: list[tuple[int, dict[str, Any] | str]] = []
    n = 0
    for it, (text, m) in zip(blk.items, found, strict=True):
        assert m is not None
        n += 1
        while f"M-{n}" in taken:
            n += 1
        values: dict[str, Any] = {"id": f"M-{n}", "title": text[: m.start()].strip()}
        put_due(values, m[1], m[1].strip())
        out.append((it.line, values))
    return out


def _new_work_led_in(b: Builder, sec: Section, blk: ListBlock) -> bool:
    """Whether the paragraph right before a list leads it in as work (``Work packages:``, ``**Tasks:**``) and no
    entry opens with the id of an item read already (those are notes on that item)."""
    at = next(n for n, x in enumerate(sec.blocks) if x is blk)
    if at == 0 or not is_work_label(lead_in_label(sec.blocks[at - 1])):
        return False
    return not any((lead := leading_id(plain(it.text))) and lead[0] in b.items for it in blk.items)


def _milestone_entry(b: Builder, it: ListItem, _: str) -> dict[str, Any] | str:
    text = plain(it.text, keep_code=True)
    m = MILESTONE_RE.match(text)
    if m and is_id(m.group("id")):
        mid, title, when = m.group("id"), m.group("title"), m.group("when") or ""
    else:
        # "**M1 Design settled**": an id marked in bold needs no separator before its name.
        lead = entry_id(it.text, text)
        if not lead or not is_id(lead[0]) or not lead[1].strip():
            return f"milestone entry without an id: {text[:60]!r}"
        mid, title, when = lead[0], lead[1], ""
    values: dict[str, Any] = {"id": mid, "title": title.strip()}
    if not when:
        dm = re.search(r"\b(?:due|by|on|target)\s*:?\s*([^;,)]+)", title, re.I)
        when = dm.group(1) if dm else ""
    if when:
        put_due(values, when, when.strip())
    refs = [r for r in b.refs_in(title) if r != mid]
    pm = re.findall(r"\b(P[0-3])\s+(?:complete|done|finished|closed)", title, re.I)
    values["_prio_items"] = [p.upper() for p in pm]
    if refs:
        values["items"] = refs
    return values


def _waiver_entry(b: Builder, it: ListItem, _: str) -> dict[str, Any] | str:
    text = plain(it.text, keep_code=True)
    for sub in it.sub_items():
        text += "; " + plain(sub.text, keep_code=True)
    refs = ids_in_text(text)
    values: dict[str, Any] = {}
    lead = leading_id(text)
    if lead and re.match(r"^(W|WV|WAIVER|EX)\b|^(W|WV|WAIVER|EX)-", lead[0], re.I):
        values["id"] = lead[0]
        refs = [r for r in refs if r != lead[0]]
    if not refs:
        return f"waiver entry names no item: {text[:60]!r}"
    values["item"] = refs[0]
    em = re.search(r"\b(?:expires?|expiry|until|valid until|exp)\s*:?\s*(?:on\s+)?([^;,)]+)", text, re.I)
    d = parse_date(em.group(1)) if em else parse_date(text)
    if d:
        values["expires"] = d
    else:
        b.warn(it.line, f"waiver for {refs[0]} has no expiry date")
    am = re.search(r"\bapproved by\s*:?\s*([^;,().]+)", text, re.I)
    if am:
        values["approved_by"] = am.group(1).strip()
    values["reason"] = text
    return values


def _progress_entry(b: Builder, it: ListItem, date: str) -> dict[str, Any] | str:
    text = plain(it.text, keep_code=True)
    st = None
    for mark in STATUS_MARKS:
        if text.startswith(mark):
            st = parse_status(mark)
            text = text[len(mark) :].strip()
            break
    refs = b.refs_in(text)
    values: dict[str, Any] = {"text": text, "status": st or "done"}
    if date:
        values["date"] = parse_date(date)
    if refs:
        values["item"] = refs[0]
    return values


def handle_milestones(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    return record_lists(b, sec, ctx, "milestones", "milestone list", _milestone_entry)


def handle_waivers(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    return record_lists(b, sec, ctx, "waivers", "waiver list", _waiver_entry)


def handle_progress(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    date = parse_date(sec.title)
    return record_lists(b, sec, ctx, "progress", "progress list", _progress_entry, date.isoformat() if date else "")


def handle_milestone_heading(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    m = MILESTONE_RE.match(sec.title) or TICKET_RE.match(sec.title)
    assert m
    values: dict[str, Any] = {"id": m.group("id"), "title": m.group("title")}
    items: list[str] = []
    under = tickets_under(sec)
    for blk in sec.blocks:
        if (
            isinstance(blk, ListBlock)
            and under
            and any(it.text.strip().startswith("**" + i) for i in under for it in blk.items)
        ):
            generic_block(b, blk, sec, ctx)  # the entries are the milestone's items
            continue
        if isinstance(blk, ListBlock):
            for it in blk.items:
                kv = split_keyval(it.text)
                if kv and re.match(r"(due|date|target|when|by)$", kv[0], re.I):
                    put_due(values, kv[1], plain(kv[1]))
                else:
                    items += [r for r in b.refs_in(it.text) if r not in items]
            b.consume(blk, sec)
    items += [i for i in under if i not in items]
    if items:
        values["items"] = items
    b.records["milestones"].append(Rec("milestones", values, sec.line, "milestone heading"))
    b.mark(sec)
    b.used(sec.line, f"milestone heading -> milestone {values['id']}")
    return ctx


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


_RANGE_END = re.compile(
    rf"(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})\s*(?:-|–|—|to|\.\.)\s*(?:(?P<m2>{_MONTH})\s*)?(?P<d2>\d{{1,2}})\b", re.I
)


_FINISH_VERBS = re.compile(
    r"^\W*(complete|finish|finalize|finalise|deliver|ship|publish|execute|close|land|wrap up|done)\b", re.I
)


def _window_end(b: Builder, text: str) -> dt.date | None:
    """The last day of a window written in a heading: ``Week 8 (Feb 23-Mar 01)``, ``2026-03-02 .. 2026-03-08``."""

    dates = re.findall(r"\d{4}-\d{2}-\d{2}", text)
    if dates:
        try:
            return dt.date.fromisoformat(dates[-1])
        except ValueError:
            return None
    m = _RANGE_END.search(text)
    year = b.meta.get("scope_start") or b.meta.get("date")
    if not m or year is None:
        return None
    month = MONTHS.get((m.group("m2") or m.group("m1"))[:3].lower())
    if month is None:
        return None
    try:
        end = dt.date(year.year, month, int(m.group("d2")))
    except (TypeError, ValueError):
        return None
    return end


def handle_schedule(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """Week-by-week sections: "Complete Stream 1" under "Week 7 (Feb 16-22)" -> S1's target is Feb 22.

    The section is still kept as text: the schedule says more than the targets."""
    set_any = False
    for child in [sec, *sec.children]:
        end = _window_end(b, child.title) if child is not sec else None
        if end is None:
            continue
        for blk in child.blocks:
            if not isinstance(blk, ListBlock):
                continue
            for it in blk.items:
                text = plain(it.text)
                if not _FINISH_VERBS.match(text):
                    continue
                for ref in b.refs_in(text):
                    b.schedule.append((ref, end.isoformat(), it.line))
                    set_any = True
    if set_any:
        b.note(
            sec.line, f"schedule {sec.title!r}: targets for the items it says are completed in a week; kept as text too"
        )
    for blk in sec.blocks:
        if isinstance(blk, Table) or (isinstance(blk, ListBlock) and any(it.checked is not None for it in blk.items)):
            # "| Milestone | Target Date | Status |", "#### Timeline Development" over "- [ ] Phase definitions": a
            # table or a checklist in the schedule is read, or said skipped, as anywhere.
            generic_block(b, blk, sec, ctx)
    return ctx
