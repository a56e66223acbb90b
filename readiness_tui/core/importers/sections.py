"""The walk over the document's sections: what each heading means (``heading_role``), and the
handlers for phases, risks, milestones, waivers, progress notes, action/task lists, execution
order, not-in-scope, production definition, scoring, assumptions, schedules and templates.

Tickets and streams are in ``tickets``, list shapes in ``lists``, tables in ``tables``."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .blocks import ListBlock, Other, Paragraph, Section, Table, plain
from .builder import Builder, split_keyval
from .dates_effort import parse_date, parse_target, put_due
from .headers import custom_key, header_field
from .heading_groups import is_group, is_prose_heading, is_risk_heading, risk_heading
from .heading_roles import heading_role
from .id_shapes import is_id
from .inline import _initials, _span, inline_fields
from .lists import (
    _arrow_left_id,
    _phase_entry,
    _phase_fields,
    _phase_key,
    _phase_value,
    checklist,
    id_list,
    phase_list,
    risk_entries,
    risk_list,
)
from .patterns import (
    _STATUS_MARKS,
    ARROW_RE,
    MILESTONE_RE,
    PHASE_RE,
    PRIO_GROUP_RE,
    TICKET_RE,
    Ctx,
    _title_has,
    entry_id,
    is_criteria,
    leading_id,
    numbered,
    strip_heading_marks,
)
from .refs import ids_in_text
from .result import Rec
from .status_words import parse_priority, parse_status
from .tables import handle_table
from .tickets import handle_stream, handle_ticket

_SECTION_DEFAULT_KEYS = {
    "owner": "owner",
    "owners": "owner",
    "lead": "owner",
    "assignee": "owner",
    "dri": "owner",
    "priority": "priority",
    "due": "target",
    "target": "target",
    "deadline": "target",
}


def section_defaults(b: Builder, sec: Section) -> None:
    """``Owner: X`` / ``Priority: P1`` lines right under a heading apply to the items of the section."""
    found: dict[str, Any] = {}
    hm = re.search(r"\((owner|lead|dri)\s*:\s*([^)]+)\)", sec.title, re.I)
    if hm:
        found["owner"] = hm.group(2).strip()
    for blk in sec.blocks:
        if not isinstance(blk, Paragraph):
            continue
        pairs = [split_keyval(ln) for ln in blk.text.split("\n")]
        if not pairs or any(p is None or p[0].lower() not in _SECTION_DEFAULT_KEYS for p in pairs):
            continue
        for key, value in pairs:  # type: ignore[misc]
            fld = _SECTION_DEFAULT_KEYS[key.lower()]
            if fld == "priority":
                pr, _ = parse_priority(value)
                if pr:
                    found["priority"] = pr
            elif fld == "target":
                tgt, _ = parse_target(value)
                if tgt:
                    found["target"] = tgt
            else:
                found["owner"] = plain(value)
        b.consume(blk, None)
    if found:
        b.defaults.append((sec.line, sec.end, found))
        b.used(sec.line, f"section {sec.title!r}: {', '.join(f'{k} {v!r}' for k, v in found.items())} for its items")


def _ticket_or_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx | None:
    """A ticket heading, unless it is a risk, a group of tickets or a prose section (see ``heading_groups``)."""
    m = TICKET_RE.match(strip_heading_marks(sec.title)[0])
    assert m
    if is_risk_heading(sec, m.group("id")):
        risk_heading(b, sec, m.group("id"), m.group("title"))
        return None
    if is_group(sec, lambda c: heading_role(c) == "ticket"):
        b.mark(sec)
        b.note(sec.line, f"heading {sec.title!r} groups the items under it; not an item itself")
        return ctx
    if is_prose_heading(sec):
        b.note(sec.line, f"heading {sec.title!r} holds only prose: kept as text, not an item")
        return ctx
    handle_ticket(b, sec, ctx)
    return None


def walk(b: Builder, sec: Section, ctx: Ctx) -> None:
    role = heading_role(sec)
    if role not in ("ticket", "stream", "template", "title", "root"):
        section_defaults(b, sec)
    handler = _HANDLERS.get(role, handle_plain)
    new_ctx = handler(b, sec, ctx)
    if new_ctx is None:  # the handler took the children too
        return
    for child in sec.children:
        walk(b, child, new_ctx)


# ---------------------------------------------------------------------- generic blocks
def handle_notes(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """A section the plan says holds no tasks ("Things to remember (not tasks)"): its lists stay text."""
    for block in sec.blocks:
        if isinstance(block, ListBlock):
            b.note(block.line, f"list under {sec.title!r}: the heading says these are not tasks; kept as text")
        else:
            generic_block(b, block, sec, ctx)
    return ctx


def handle_plain(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for block in sec.blocks:
        generic_block(b, block, sec, ctx)
    return ctx


def generic_block(b: Builder, block: Any, sec: Section, ctx: Ctx) -> None:
    if id(block) in b.used_blocks:
        return
    if isinstance(block, Table):
        defaults = {
            k: v
            for k, v in (("phase", ctx.group_phase or ctx.phase), ("priority", ctx.priority), ("parent", ctx.parent))
            if v
        }
        handle_table(b, block, sec, "tracker" if _title_has(sec, "tracker") else "task", defaults)
    elif isinstance(block, ListBlock):
        generic_list(b, block, sec, ctx)
    elif isinstance(block, Other) and block.kind == "html_block":
        handle_comment(b, block, sec)


def generic_list(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> None:
    entries = lst.items
    if not entries:
        return
    if any(it.checked is not None for it in entries):
        with_ids = sum(1 for it in entries if entry_id(it.text, plain(it.text)) or numbered(plain(it.text)))
        if sec.heading is not None and is_criteria(sec.title) and ctx.parent is None and with_ids * 2 < len(entries):
            # "## Success criteria", "### Exit criteria for Phase 3": conditions; kept as the section's text.
            b.note(lst.line, f"checklist under {sec.title!r}: criteria, not tasks; no items made")
            return
        checklist(b, lst, sec, ctx)
        return
    texts = [plain(it.text) for it in entries]
    if sum(1 for t in texts if len(ARROW_RE.split(t, maxsplit=1)) == 2 and is_id(_arrow_left_id(t) or "")) >= max(
        1, len(texts) // 2
    ):
        risk_list(b, lst, sec)
        return
    if all(_phase_entry(it) for it in entries):
        phase_list(b, lst, sec)
        return
    if sum(1 for it in entries if entry_id(it.text, plain(it.text))) >= max(1, (len(entries) + 1) // 2):
        id_list(b, lst, sec, ctx, "task")
        return


def handle_comment(b: Builder, block: Other, sec: Section) -> None:
    text = re.sub(r"^\s*<!--|-->\s*$", "", block.text.strip()).strip()
    if not text or block.text.strip().startswith("<!--") is False:
        return
    m = re.search(
        r"\bevery\s+(task|item|ticket|row|entry)\s+must\s+have\s+(?:at least one\s+|a\s+|an\s+)?([\w /-]+?)(?:\s+reference)?s?\b[.;]",
        text,
        re.I,
    )
    if m:
        fld = header_field(m.group(2)) or custom_key(m.group(2))
        rules = b.meta.setdefault("rules", {})
        rules.setdefault("require_fields", []).append(fld)
        kind = m.group(1).lower()
        if kind in ("task", "ticket"):
            rules.setdefault("require_fields_kinds", []).append(kind)
        b.used(block.line, f"comment rule {m.group(0)!r} -> [board.rules] require_fields = {fld!r}")
    title, sep, body = text.partition(":")
    if sep and len(title.split()) <= 4:
        b.records["sections"].append(
            Rec("sections", {"title": title.strip(), "body": body.strip()}, block.line, "comment")
        )
    else:
        b.records["sections"].append(Rec("sections", {"title": "Comment", "body": text}, block.line, "comment"))
    b.consume(block, sec)


# ---------------------------------------------------------------------- phases
def handle_phase(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    m = PHASE_RE.match(sec.bare_title)
    assert m
    pid = m.group("num")
    title = plain(m.group("title"), keep_code=True) or sec.title
    values: dict[str, Any] = {"id": pid, "title": title}
    wm = re.search(r"\s*\(([^)]*)\)\s*$", title)
    if m.group("extra"):
        values["window"] = m.group("extra")
    elif wm and re.search(r"\b(weeks?|days?|sprints?|q[1-4]|\d{4})\b", wm.group(1), re.I):
        values["window"] = wm.group(1)
        values["title"] = title[: wm.start()].strip()
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and not blk.has_checkboxes:
            if _phase_fields(b, blk.items, values):
                b.consume(blk, sec)
    for child in sec.children:
        key = _phase_key(child.title)
        if key:
            texts = [
                plain(it.text, keep_code=True) for blk in child.blocks if isinstance(blk, ListBlock) for it in blk.items
            ]
            _phase_value(b, key, texts, values)
            for blk in child.blocks:
                b.consume(blk, child)
            b.mark(child)
    b.records["phases"].append(Rec("phases", values, sec.line, "phase"))
    b.mark(sec)
    b.used(
        sec.line,
        f"phase heading -> phase {pid!r}"
        + (f" with {len(values.get('items', []))} listed items" if values.get("items") else ""),
    )
    inner = replace(ctx, phase=pid)
    handle_plain(b, sec, inner)
    return inner


def handle_risks(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and not blk.has_checkboxes:
            texts = [plain(it.text) for it in blk.items]
            if any(len(ARROW_RE.split(t, maxsplit=1)) == 2 for t in texts):
                risk_list(b, blk, sec)
                continue
            if risk_entries(b, blk, sec):
                continue
        generic_block(b, blk, sec, ctx)
    return ctx


# ---------------------------------------------------------------------- milestones, waivers
def handle_milestones(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and not blk.has_checkboxes:
            made = 0
            for it in blk.items:
                text = plain(it.text, keep_code=True)
                m = MILESTONE_RE.match(text)
                if not m or not is_id(m.group("id")):
                    b.skipped(it.line, f"milestone entry without an id: {text[:60]!r}")
                    continue
                values: dict[str, Any] = {"id": m.group("id"), "title": m.group("title").strip()}
                when = m.group("when") or ""
                if not when:
                    dm = re.search(r"\b(?:due|by|on|target)\s*:?\s*([^;,)]+)", m.group("title"), re.I)
                    when = dm.group(1) if dm else ""
                if when:
                    put_due(values, when, when.strip())
                refs = [r for r in b.refs_in(m.group("title")) if r != m.group("id")]
                pm = re.findall(r"\b(P[0-3])\s+(?:complete|done|finished|closed)", m.group("title"), re.I)
                values["_prio_items"] = [p.upper() for p in pm]
                if refs:
                    values["items"] = refs
                b.records["milestones"].append(Rec("milestones", values, it.line, "milestone list"))
                made += 1
            b.consume(blk, sec)
            b.used(blk.line, f"milestone list -> {made} milestones")
            continue
        generic_block(b, blk, sec, ctx)
    return ctx


def handle_milestone_heading(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    m = MILESTONE_RE.match(sec.title) or TICKET_RE.match(sec.title)
    assert m
    values: dict[str, Any] = {"id": m.group("id"), "title": m.group("title")}
    items: list[str] = []
    for blk in sec.blocks:
        if isinstance(blk, ListBlock):
            for it in blk.items:
                kv = split_keyval(it.text)
                if kv and re.match(r"(due|date|target|when|by)$", kv[0], re.I):
                    put_due(values, kv[1], plain(kv[1]))
                else:
                    items += [r for r in b.refs_in(it.text) if r not in items]
            b.consume(blk, sec)
    if items:
        values["items"] = items
    b.records["milestones"].append(Rec("milestones", values, sec.line, "milestone heading"))
    b.mark(sec)
    b.used(sec.line, f"milestone heading -> milestone {values['id']}")
    return ctx


def handle_waivers(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and not blk.has_checkboxes:
            made = 0
            for it in blk.items:
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
                    b.skipped(it.line, f"waiver entry names no item: {text[:60]!r}")
                    continue
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
                b.records["waivers"].append(Rec("waivers", values, it.line, "waiver list"))
                made += 1
            b.consume(blk, sec)
            b.used(blk.line, f"waiver list -> {made} waivers")
            continue
        generic_block(b, blk, sec, ctx)
    return ctx


# ---------------------------------------------------------------------- progress, actions, order
def handle_progress(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    date = parse_date(sec.title)
    for blk in sec.blocks:
        if isinstance(blk, ListBlock) and not blk.has_checkboxes:
            made = 0
            for it in blk.items:
                text = plain(it.text, keep_code=True)
                st = None
                for mark in _STATUS_MARKS:
                    if text.startswith(mark):
                        st = parse_status(mark)
                        text = text[len(mark) :].strip()
                        break
                refs = b.refs_in(text)
                values: dict[str, Any] = {"text": text, "status": st or "done"}
                if date:
                    values["date"] = date
                if refs:
                    values["item"] = refs[0]
                b.records["progress"].append(Rec("progress", values, it.line, "progress"))
                made += 1
            b.consume(blk, sec)
            b.used(blk.line, f"progress list -> {made} progress notes" + (f" dated {date}" if date else ""))
            continue
        generic_block(b, blk, sec, ctx)
    return ctx


_TASKY = re.compile(r"\b(tasks?|backlog|work items?|to-?dos?|steps|action items|actions?|next steps)\b", re.I)


def handle_actions(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    """Plain lists under "Next Actions", "Tasks", "Backlog", "Steps": each entry an item, A1/T1/... by number."""
    tasky = _TASKY.search(sec.title)
    word = (tasky.group(1) if tasky else "action").lower()
    is_action = word.startswith(("action", "next"))
    prefix = "A" if is_action else ("S" if word == "steps" else "T")
    kind = "action" if is_action else "task"
    for blk in sec.blocks:
        if (
            isinstance(blk, ListBlock)
            and not blk.has_checkboxes
            and not any(leading_id(plain(it.text)) for it in blk.items)
            and not all(split_keyval(it.text) for it in blk.items)
        ):
            made = []
            for n, it in enumerate(blk.items, start=1):
                num = it.number if blk.ordered and it.number is not None else n
                rid = f"{prefix}{num}"
                if rid in b.items:
                    rid = f"{_initials(sec.title)}-{prefix}{num}"
                title, fields = inline_fields(b, plain(it.text, keep_code=True), it.line, rid)
                values: dict[str, Any] = {"id": rid, "title": title, "kind": kind}
                ws = re.search(r"\b(?:streams?|workstreams?)\s+\d+(?:\s*(?:-|–|to|and|,)\s*\d+)*", plain(it.text), re.I)
                if ws:
                    values["workstream"] = ws.group(0)
                if ctx.phase:
                    values["phase"] = ctx.phase
                if ctx.parent:
                    values["parent"] = ctx.parent
                if ctx.priority:
                    values["priority"] = ctx.priority
                fields.pop("_mitigates", None)
                values.update(fields)
                if it.children:
                    values["description"] = b.item_source(it)
                if b.add_item(values, it.line, kind):
                    made.append(rid)
            b.consume(blk, sec)
            b.used(blk.line, f"{kind} list under {sec.title!r} -> items {_span(made)}")
            continue
        generic_block(b, blk, sec, ctx)
    return ctx


def handle_order(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, ListBlock):
            ids = [plain(it.text).strip("*` ") for it in blk.items]
            if ids and all(is_id(i) for i in ids):
                b.meta["suggested_order"] = ids
                b.consume(blk, sec)
                b.used(blk.line, f"execution order list ({len(ids)} ids) -> board.suggested_order")
                continue
        generic_block(b, blk, sec, ctx)
    return ctx


def handle_not_in_scope(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, ListBlock):
            b.meta["not_in_scope"] = b.meta.get("not_in_scope", []) + [
                plain(it.text, keep_code=True) for it in blk.items
            ]
            b.consume(blk, sec)
            b.used(blk.line, f"not-in-scope list ({len(blk.items)} entries) -> board.not_in_scope")
    return ctx


def handle_definition(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, ListBlock):
            defs: dict[str, str] = {}
            for it in blk.items:
                kv = split_keyval(it.text)
                if kv:
                    defs[re.sub(r"[^A-Za-z0-9_-]+", "_", plain(kv[0]).lower()).strip("_")] = plain(
                        kv[1], keep_code=True
                    )
            if defs:
                b.meta["production_definition"] = defs
                b.consume(blk, sec)
                b.used(blk.line, f"production definition ({len(defs)} areas) -> board.production_definition")
                continue
        if isinstance(blk, Paragraph):
            b.consume(blk, sec)
            continue
        generic_block(b, blk, sec, ctx)
    return ctx


def handle_scoring(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    from .blocks import code_spans

    for blk in sec.blocks:
        if not isinstance(blk, Paragraph):
            generic_block(b, blk, sec, ctx)
            continue
        for span in code_spans(blk.text) or [plain(blk.text)]:
            if "=" in span and "+" in span:
                left, right = span.split("=", 1)
                names = [n.strip() for n in right.split("+") if n.strip()]
                scoring = b.meta.setdefault("scoring", {})
                scoring["formula"] = span.strip()
                scoring["factors"] = [
                    {"key": re.sub(r"[^a-z0-9]+", "_", n.lower()).strip("_"), "name": n} for n in names
                ]
                b.consume(blk, sec)
                b.used(blk.line, f"scoring formula -> board.scoring ({len(names)} factors)")
        rm = re.search(r"\b(\d+)\s*(?:-|–|to)\s*(\d+)\b", plain(blk.text))
        if rm and "factor" in plain(blk.text).lower():
            scoring = b.meta.setdefault("scoring", {})
            scoring["min"], scoring["max"] = int(rm.group(1)), int(rm.group(2))
            b.consume(blk, sec)
            b.used(blk.line, f"scoring scale {rm.group(0)} -> board.scoring min/max")
    return ctx


def handle_assumptions(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if not isinstance(blk, ListBlock):
            generic_block(b, blk, sec, ctx)
            continue
        default = (
            "constraints" if _title_has(sec, "constraint") and not _title_has(sec, "assumption") else "assumptions"
        )
        for it in blk.items:
            kv = split_keyval(it.text)
            key = default
            text = plain(it.text, keep_code=True)
            if kv and re.match(r"^(assumptions?|constraints?)$", kv[0], re.I):
                key = "constraints" if kv[0].lower().startswith("constraint") else "assumptions"
                text = plain(kv[1], keep_code=True)
            if ";" in text:
                parts = [p.strip().rstrip(".") for p in text.split(";")]
            else:
                parts = [p.strip() for p in re.split(r"(?<=\.)\s+(?=[A-Z])", text)]
            b.meta[key] = b.meta.get(key, []) + [p for p in parts if p]
        b.consume(blk, sec)
        b.used(blk.line, "assumptions/constraints list -> board.assumptions / board.constraints")
    return ctx


def handle_objectives(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, (ListBlock, Paragraph)) and "objective" not in b.meta:
            first = blk.items[0].text if isinstance(blk, ListBlock) and blk.items else getattr(blk, "text", "")
            if plain(first):
                b.meta["objective"] = plain(first, keep_code=True)
                b.note(blk.line, "first objective -> board.objective (the section is kept as text too)")
        generic_block(b, blk, sec, ctx)
    return ctx


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"


_RANGE_END = re.compile(
    rf"(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})\s*(?:-|–|—|to|\.\.)\s*(?:(?P<m2>{_MONTH})\s*)?(?P<d2>\d{{1,2}})\b", re.I
)


_FINISH_VERBS = re.compile(
    r"^\W*(complete|finish|finalize|finalise|deliver|ship|publish|execute|close|land|wrap up|done)\b", re.I
)


def _window_end(b: Builder, text: str):  # type: ignore[no-untyped-def]
    """The last day of a window written in a heading: ``Week 8 (Feb 23-Mar 01)``, ``2026-03-02 .. 2026-03-08``."""
    import datetime as dt

    from .dates_effort import MONTHS

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
    return ctx


def handle_template(b: Builder, sec: Section, ctx: Ctx) -> None:
    b.mark(sec)
    b.templates.add(id(sec))
    for s in sec.walk():
        for blk in s.blocks:
            if isinstance(blk, Other) and blk.kind == "html_block":
                handle_comment(b, blk, s)
    b.skipped(sec.line, f"section {sec.title!r} is a template, not data")
    return None


def handle_prio_group(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    m = PRIO_GROUP_RE.match(sec.bare_title)
    assert m
    prio = m.group("prio").upper()
    has_items = any(heading_role(c) == "ticket" for c in sec.children) or any(
        isinstance(blk, (Table, ListBlock)) for blk in sec.blocks
    )
    if not has_items:
        return handle_plain(b, sec, ctx)
    values: dict[str, Any] = {"id": prio, "title": f"{prio} {m.group('title')}".strip()}
    if m.group("extra"):
        values["window"] = m.group("extra")
    b.records["phases"].append(Rec("phases", values, sec.line, "priority group"))
    b.mark(sec)
    b.used(sec.line, f"priority group heading -> priority {prio} for what it holds, phase {prio!r}")
    inner = replace(ctx, priority=prio, group_phase=prio)
    handle_plain(b, sec, inner)
    return inner


_HANDLERS = {
    "ticket": lambda b, s, c: _ticket_or_group(b, s, c),
    "notes": lambda b, s, c: handle_notes(b, s, c),
    "stream": handle_stream,
    "phase": handle_phase,
    "prio_group": handle_prio_group,
    "template": handle_template,
    "risks": handle_risks,
    "milestones": handle_milestones,
    "milestone_heading": handle_milestone_heading,
    "waivers": handle_waivers,
    "not_in_scope": handle_not_in_scope,
    "progress": handle_progress,
    "actions": handle_actions,
    "order": handle_order,
    "definition": handle_definition,
    "scoring": handle_scoring,
    "assumptions": handle_assumptions,
    "objectives": handle_objectives,
    "schedule": handle_schedule,
}
