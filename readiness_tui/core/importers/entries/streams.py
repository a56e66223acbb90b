"""Stream sections: ``## Stream 2 (P0): Title`` with Tasks / Owners / Definition of Done / Dependencies, its
boxes, tables and sub-sections."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder, stream_key
from readiness_tui.core.importers.document.blocks import (
    ListBlock,
    ListItem,
    Paragraph,
    Section,
    plain,
)
from readiness_tui.core.importers.entries.box_groups import box_group, group_boxes
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.entries.key_bullets import kv_children, link_risks
from readiness_tui.core.importers.entries.lists import checklist
from readiness_tui.core.importers.entries.ticket_blocks import ticket_blocks
from readiness_tui.core.importers.references.refs import ids_in_text, parse_refs
from readiness_tui.core.importers.references.title_words import named_among
from readiness_tui.core.importers.sections.patterns import (
    STREAM_RE,
    Ctx,
    Rule,
    Walk,
    rule_for,
)
from readiness_tui.core.importers.tables.cells import owners_of, split_list
from readiness_tui.core.importers.tables.risk_tables import about_risks
from readiness_tui.core.importers.vocabulary.priorities import parse_priority


def handle_stream(b: Builder, sec: Section, ctx: Ctx, walk: Walk) -> Ctx | None:
    """A stream heading and what it holds; ``walk`` (the section walk's own) recurses into its
    ticket, phase and stream subsections."""
    from readiness_tui.core.importers.sections.generic import generic_block
    from readiness_tui.core.importers.sections.headings import heading_role, holds_table

    m = STREAM_RE.match(sec.bare_title)
    assert m
    sid = b.streams[stream_key(m.group("word"), m.group("num"))]  # "EPIC 01" is known as epic 1
    if box_group(sec):
        group_boxes(b, sec, ctx, sid, m.group("prio") or _trailing_paren(m.group("title") or ""))
        return None
    if not sec.children and about_risks(plain(m.group("title") or "").lower()):
        # "## EPIC 15: Risk Register" over a risk table: the plan's risks, numbered as its epics are; no work.
        for blk in sec.blocks:
            generic_block(b, blk, sec, ctx)
        b.mark(sec)
        b.used(sec.line, f"section {sec.title!r}: risks, no item")
        return None
    values: dict[str, Any] = {
        "id": sid,
        "title": plain(m.group("title") or sec.title, keep_code=True),
        "kind": "stream",
    }
    if m.group("prio"):
        pr, _ = parse_priority(m.group("prio"))
        if pr:
            values["priority"] = pr
    elif ctx.priority:
        values["priority"] = ctx.priority
    desc: list[str] = []
    for blk in sec.blocks:
        if isinstance(blk, (Paragraph, ListBlock)):
            # "**Priorité :** P0 (bloquant)" under "## Epic 1 — Setup": the stream's own field, given on to the
            # items under it; the other lines describe it.
            ticket_blocks(b, sec, [blk], values, sid, desc)
        else:
            generic_block(b, blk, sec, replace(ctx, parent=sid))
    used_subs = []
    for child in sec.children:
        if heading_role(child) in ("ticket", "phase", "stream") or (
            _stream_sub(child.title) == "description" and holds_table(child)
        ):
            walk(b, child, replace(ctx, parent=sid, priority=values.get("priority") or ctx.priority))
            continue
        role = _stream_sub(child.title)
        b.mark(child)
        used_subs.append(f"{child.title!r} ({child.line}) as {role}")
        lists = [blk for blk in child.blocks if isinstance(blk, ListBlock)]
        items = [it for blk in lists for it in blk.items]
        if role == "tasks":
            if any(it.checked is not None for it in items):
                for blk in lists:
                    checklist(b, blk, child, Ctx(parent=sid, priority=None, phase=ctx.phase), kind="task")
            else:
                for n, it in enumerate(items, start=1):
                    _stream_task(b, it, sid, n, ctx)
                for blk in lists:
                    b.consume(blk, child)
                for blk in child.blocks:
                    if isinstance(blk, Paragraph) and (order := _ORDER_LINE.match(plain(blk.text))):
                        _ordered_tasks(b, sid, order.group("clauses"), blk.line)
        elif role == "owners":
            names: list[str] = []
            for it in items:
                names += split_list(plain(it.text, keep_code=True).rstrip("."), ",;")
            for blk in child.blocks:
                if isinstance(blk, Paragraph):
                    names += split_list(plain(blk.text).rstrip("."), ",;")
            owner, contributors = owners_of(names)
            if owner:
                values["owner"] = owner
            if contributors:
                values["contributors"] = contributors
        elif role == "acceptance":
            values["acceptance"] = [plain(it.text, keep_code=True) for it in items]
        elif role == "dependencies":
            texts = [plain(it.text, keep_code=True) for it in items] + [
                plain(blk.text, keep_code=True) for blk in child.blocks if isinstance(blk, Paragraph)
            ]
            _stream_deps(b, sid, " ".join(texts), values, child.line)
        elif role in ("deliverables", "verify", "evidence"):
            vals = [plain(it.text, keep_code=True) for it in items]
            if role == "deliverables":
                values["deliverables"] = vals
            elif role == "verify":
                values.setdefault("gate", {})["verify"] = "\n".join(plain(v) for v in vals)
            else:
                values.setdefault("gate", {})["evidence"] = [plain(v) for v in vals]
        elif role == "risks":
            for it in items:
                link_risks(b, sid, ids_in_text(it.text), it.line)
            desc.append(f"{child.title}:\n{b.src(child.line + 1, child.end).strip()}")
        else:
            body = b.src(child.line + 1, child.end).strip()
            if body:
                desc.append(f"{child.title}:\n{body}")
        for blk in child.blocks:
            b.consume(blk, child)
    if desc:
        values["description"] = "\n\n".join(desc) + "\n"
    if values.get("owner") and not values.get("contributors"):
        # "**Responsable:** Federico" under "## Stream A": the one who answers for the stream does the work listed in
        # it, where an entry names nobody. ("GTM (primary), Architect, Dev" says no more than who takes part.)
        b.defaults.append((sec.line, sec.end, {"owner": values["owner"]}))
    b.add_item(values, sec.line, "stream")
    b.mark(sec)
    b.used(sec.line, f"stream section -> item {sid}" + (f"; subsections {', '.join(used_subs)}" if used_subs else ""))
    return None


#: What a subsection of a stream holds, from its heading ("Tasks", "Owners", "Definition of Done", ...).
_STREAM_SUBS: tuple[Rule, ...] = (
    ("tasks", re.compile(r".*\b(tasks?|work items?|actions?|steps|todo|backlog)\b")),
    ("owners", re.compile(r".*\b(owners?|raci|team|assignees?)\b")),
    ("acceptance", re.compile(r".*(definition of done|\bdod\b|acceptance|exit criteria|done when|success criteria)")),
    ("dependencies", re.compile(r".*\b(dependenc\w*|prereq\w*|blocked by|depends)\b")),
    ("deliverables", re.compile(r".*\bdeliverables?\b")),
    ("verify", re.compile(r".*(\bverif\w*|\bcommands?\b)")),
    ("evidence", re.compile(r".*\bevidence\b")),
    ("risks", re.compile(r".*\brisks?\b")),
)


def _trailing_paren(title: str) -> str:
    """What a title closes with in parentheses ("Foundation (P0)" -> "P0"), else ""."""
    tail = re.search(r"\(([^()]*)\)\s*$", title)
    return tail.group(1) if tail else ""


def _stream_sub(title: str) -> str:
    return rule_for(_STREAM_SUBS, title.lower()) or "description"


def _stream_task(b: Builder, it: ListItem, sid: str, n: int, ctx: Ctx) -> None:
    rid = f"{sid}-T{n}"
    title, fields = inline_fields(b, plain(it.text, keep_code=True), it.line, rid)
    values: dict[str, Any] = {"id": rid, "title": title.rstrip(":").strip(), "kind": "task", "parent": sid}
    mit = fields.pop("_mitigates", [])
    values.update(fields)
    if it.box is not None:
        values["status"] = it.box
        b.status_stated.add(rid)
    if it.children:
        values["description"] = b.item_source(it)
        # "- Priority: P0  Status: TODO" beneath the task: its fields (the lines stay in its description).
        kv_children(b, it, values, rid)
    b.add_item(values, it.line, "stream task")
    link_risks(b, rid, mit, it.line)


#: "Dependencies: Schema before Firehose; Selector after the feeds": the epic's tasks in order, named in words.
_ORDER_LINE = re.compile(r"^\s*(?:dependencies|order|sequencing|sequence)\s*:\s*(?P<clauses>.+)$", re.I | re.S)
_BEFORE = re.compile(r"^(?P<first>.+?)\s+(?:before|then|->|→)\s+(?P<then>.+)$", re.I)
_AFTER = re.compile(r"^(?P<then>.+?)\s+after\s+(?P<first>.+)$", re.I)


def _ordered_tasks(b: Builder, sid: str, clauses: str, line: int) -> None:
    """Each ``A before B`` (or ``B after A``) clause whose sides name one task of epic ``sid`` each (by their rarest
    title words, ``named_among``): B waits on A. A side naming no task, or two alike, orders nothing."""
    titles = {i: str(r.values.get("title") or "") for i, r in b.items.items() if r.values.get("parent") == sid}
    for clause in re.split(r"\s*[;.]\s*", clauses):
        m = _BEFORE.match(clause) or _AFTER.match(clause)
        if not m:
            continue
        first, then = named_among(m.group("first"), titles), named_among(m.group("then"), titles)
        if first is None or then is None or first == then:
            continue
        if b.wait_on(then, [first]):
            b.note(line, f"{then}: {clause.strip()!r} names {first} as the task before it; guessed a dependency")


#: A stated dependency that only orders work ("Stream 2 recommended before rollout"): soft.
_SOFT_WORDS = re.compile(
    r"\b(recommended|preferred|ideally|nice to have|not required|optional|have priority|should precede|prefer)\b", re.I
)
#: A dependency cell that names ids only to say there is no hard dependency on them.
_NO_DEP_WORDS = re.compile(r"\b(in parallel|no hard dependenc\w*|independent|no dependenc\w*)\b", re.I)


def _stream_deps(b: Builder, sid: str, text: str, values: dict[str, Any], line: int) -> None:
    refs = [r for r in b.refs_in(text) if r != sid]
    stripped = plain(text).strip().rstrip(".").lower()
    if stripped in ("none", "n/a", "-", "—", "") and not refs:
        values["depends_on"] = []
        b.deps_stated.add(sid)
        return
    if parse_refs(text).rest or not refs:
        values["dependency_note"] = plain(text, keep_code=True)
    b.deps_stated.add(sid)
    if not refs or _NO_DEP_WORDS.search(text):
        values["depends_on"] = []
        if refs:
            b.note(
                line, f"{sid}: {text!r} names {', '.join(refs)} but says there is no hard dependency; kept as a note"
            )
        return
    if _SOFT_WORDS.search(text):
        values["depends_on"] = []
        values["soft_depends_on"] = refs
        b.note(line, f"{sid}: {text!r} read as soft dependencies on {', '.join(refs)}")
        return
    values["depends_on"] = refs
