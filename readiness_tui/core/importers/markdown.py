"""Import a readiness plan written in Markdown into a board.

``import_markdown(text, source)`` parses the document with markdown-it-py (CommonMark + tables),
walks the tree of headings and blocks it gives (every block keeps its source line from
``token.map``), recognizes the structures plans use (tables with an id column, ticket sections,
streams, checklists, phases, risk-to-task lists and risk registers, milestones, waivers, dependency
matrices, priority-scoring tables, board metadata) and returns an :class:`ImportResult`: the board
TOML text, a report of every table, section and list it used or skipped (with line numbers and the
reason), and counts.

The board text starts with ``#:schema ./board.schema.json``, then ``[board]``, then one
``[[items]]`` table per item preceded by ``# from PLAN.md line N``, then risks, phases, milestones,
waivers, deliverables, progress notes, free-text sections and the ``[matrix]``.

Re-import (``merge.merge_into``) needs to know what the document said last time, to tell a field
edited in the board since (kept) from one the document changed (updated). Each imported item
therefore carries an ``imported = {...}`` inline table (one line): one key per field the document gave it
(``status``, ``owner``, ``gate-verify``, ``custom-why_now`` ...), whose value is
6 hex digits of a digest of the imported value (see ``result.fingerprint``; older boards kept the value itself or
``"sha1:<8 hex>"``, which merge still reads).
It is bookkeeping for the importer only; nothing else reads it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..model import (
    CLOSED,
    Board,
    BoardMeta,
    Deliverable,
    Item,
    Milestone,
    Phase,
    Progress,
    Risk,
    Waiver,
)
from ..model import (
    Section as SectionModel,
)
from .blocks import ListBlock, Paragraph, Section, Table, parse_sections, plain
from .builder import Builder, split_keyval
from .dates_effort import parse_date
from .generic import generic_block
from .group_refs import resolve_dependency_words
from .heading_groups import risk_prose
from .heading_roles import heading_role
from .merge import _get, _is_default
from .patterns import STREAM_RE, Ctx, _title_has, entry_id
from .render import render_board
from .result import IMPORTED_KEY, ImportResult, Rec, _jsonable, fingerprint, flatten_item
from .sections import walk
from .status_words import PRIORITY_WORDS

_RECORD_MODELS: dict[str, type[BaseModel]] = {
    "risks": Risk,
    "phases": Phase,
    "milestones": Milestone,
    "waivers": Waiver,
    "deliverables": Deliverable,
    "progress": Progress,
    "sections": SectionModel,
}
_META_KEYS = {
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


def import_markdown(text: str, source: str = "PLAN.md", priority_words: dict[str, str] | None = None) -> ImportResult:
    """Import one Markdown plan. Never raises for odd input; what it cannot use it reports.

    ``priority_words`` maps the plan's own priority words to P0..P3 (``{"blocker": "P0"}``), read before
    the built-in scale (Critical/High/Medium/Low -> P0..P3; see ``status_words._PRIO_WORDS``).
    """
    token = PRIORITY_WORDS.set({" ".join(k.lower().split()): v for k, v in (priority_words or {}).items()})
    try:
        return _import(text, source)
    finally:
        PRIORITY_WORDS.reset(token)


def _import(text: str, source: str) -> ImportResult:
    text, front = _front_matter(text)
    b = Builder(text, source)
    for n, (key, value) in enumerate(front, start=2):
        mk = _META_KEYS.get(key.lower()) or ("title" if key.lower() == "title" else None)
        if mk == "title":
            b.meta["title"] = value
            b.used(n, "front matter title -> board.title")
        elif not mk or not _meta_value(b, mk, value, n):
            b.skipped(n, f"front matter key {key!r} has no place on a board")
    root = parse_sections(text)
    _prepass_streams(b, root)
    _walk_document(b, root)
    _keep_free_text(b, root)
    resolve_dependency_words(b, root)
    risk_prose(b)
    _finalize(b)
    return _result(b)


def _front_matter(text: str) -> tuple[str, list[tuple[str, str]]]:
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


# ---------------------------------------------------------------------- passes
def _prepass_streams(b: Builder, root: Section) -> None:
    prefix = {"stream": "S", "workstream": "WS", "epic": "E", "track": "TR"}
    for sec in root.walk():
        if sec.heading is None or heading_role(sec) != "stream":
            continue
        m = STREAM_RE.match(sec.bare_title)
        assert m
        word, num = m.group("word").lower(), m.group("num")
        sid = f"{prefix[word]}{num}"
        b.streams[(word, num)] = sid
        b.stream_titles[sid] = plain(m.group("title") or sec.title)


def _walk_document(b: Builder, root: Section) -> None:
    _meta_blocks(b, root)
    for sec in root.children:
        if sec.level == 1 and "h1" not in b.meta:
            b.meta["h1"] = True
            title = plain(sec.heading.text) if sec.heading else ""
            # "Final_Implementation_Plan.md" as a title is a file name: make it words.
            if re.fullmatch(r"[\w.-]+\.(md|markdown|txt)", title):
                title = re.sub(r"\.(md|markdown|txt)$", "", title).replace("_", " ").replace("-", " ")
            if "title" not in b.meta:
                b.meta["title"] = title
                b.used(sec.line, f"H1 {title!r} -> board.title")
            b.mark(sec)
            _meta_blocks(b, sec)
            for child in sec.children:
                walk(b, child, Ctx())
        else:
            walk(b, sec, Ctx())


def _meta_blocks(b: Builder, sec: Section) -> None:
    """Key-value lines before the first section: ``**Date:** 2026-02-16``, ``- Source: ...``."""
    extra: list[str] = []
    for blk in sec.blocks:
        lines: list[tuple[int, str]] = []
        if isinstance(blk, Paragraph):
            lines = [(blk.line + n, ln) for n, ln in enumerate(blk.text.split("\n"))]
        elif isinstance(blk, ListBlock):
            if blk.has_checkboxes or sum(1 for it in blk.items if entry_id(it.text, plain(it.text))) * 2 > len(
                blk.items
            ):
                generic_block(b, blk, sec, Ctx())
                continue
            lines = [(it.line, it.text) for it in blk.items]
        else:
            generic_block(b, blk, sec, Ctx())
            continue
        known = 0
        for line, ln in lines:
            kv = split_keyval(ln)
            key = _META_KEYS.get(kv[0].lower().strip()) if kv else None
            if not kv or not key:
                extra.append(plain(ln, keep_code=True))
                continue
            value = plain(kv[1], keep_code=True)
            if _meta_value(b, key, value, line):
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


def _meta_value(b: Builder, key: str, value: str, line: int) -> bool:
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


def _subtree_used(b: Builder, sec: Section) -> bool:
    if id(sec) in b.used_sections or any(id(blk) in b.used_blocks for blk in sec.blocks):
        return True
    return any(_subtree_used(b, c) for c in sec.children)


def _keep_free_text(b: Builder, root: Section) -> None:
    """Sections nothing was recognized in are kept as free text ([[sections]]), or skipped if empty."""

    def visit(sec: Section) -> None:
        if id(sec) in b.templates:
            return
        if sec.heading is None:
            for c in sec.children:
                visit(c)
            return
        if not _subtree_used(b, sec):
            body = re.sub(
                r"(?:\n\s*(?:-{3,}|\*{3,}|_{3,})\s*)+$", "", "\n" + b.src(sec.line + 1, sec.end).strip()
            ).strip()
            placeholder = not re.sub(r"[-*\s:|#]+", "", plain(body))
            if not body or placeholder or _title_has(sec, "template"):
                b.skipped(
                    sec.line, f"section {sec.title!r}: " + ("empty" if not body else "only placeholders (a template)")
                )
            elif _is_template_body(sec):
                b.skipped(sec.line, f"section {sec.title!r}: a fill-in template (keys without values)")
            else:
                b.records["sections"].append(
                    Rec("sections", {"title": sec.title, "body": body + "\n"}, sec.line, "text")
                )
                b.used(sec.line, f"section {sec.title!r}: no structure recognized; kept as text ([[sections]])")
            return
        own = [blk for blk in sec.blocks if id(blk) not in b.used_blocks and getattr(blk, "kind", "") != "hr"]
        for blk in own:
            kind = type(blk).__name__.lower()
            if isinstance(blk, Table):
                continue  # tables report themselves
            text = plain(getattr(blk, "text", "")) if not isinstance(blk, ListBlock) else ""
            if id(sec) in b.used_sections or not text:
                b.skipped(blk.line, f"{kind} in {sec.title!r}: prose next to recognized structure, not imported")
            else:
                b.records["sections"].append(
                    Rec("sections", {"title": sec.title, "body": b.src(blk.line, blk.end) + "\n"}, blk.line, "text")
                )
                b.used(blk.line, f"{kind} in {sec.title!r} kept as text")
        for c in sec.children:
            visit(c)

    visit(root)


def _is_template_body(sec: Section) -> bool:
    entries = [it for blk in sec.blocks if isinstance(blk, ListBlock) for it in blk.items]
    if not entries or any(isinstance(blk, (Paragraph, Table)) for blk in sec.blocks):
        return False
    kvs = [split_keyval(it.text) for it in entries]
    return all(kv is not None and not plain(kv[1]).strip() for kv in kvs)


# ---------------------------------------------------------------------- after the walk
def _finalize(b: Builder) -> None:
    items = b.items
    # Milestones "P0 complete" -> the P0 items.
    for rec in b.records["milestones"]:
        prios = rec.values.pop("_prio_items", [])
        if prios and not rec.values.get("items"):
            rec.values["items"] = [
                i for i, r in items.items() if r.values.get("priority") in prios and r.values.get("kind") != "stream"
            ]
            b.note(
                rec.line,
                f"milestone {rec.values['id']}: items = the {'/'.join(prios)} items ({len(rec.values['items'])})",
            )
    # Items in exactly one phase carry it; phase groups (P0 Tickets) list their items.
    for rec in b.records["phases"]:
        pid = rec.values["id"]
        listed = rec.values.get("items", [])
        if not listed:
            members = [i for i, r in items.items() if r.values.get("phase") == pid]
            if members and rec.origin == "priority group":
                rec.values["items"] = members
    # Likewise items in exactly one milestone.
    for kind, fld in (("phases", "phase"), ("milestones", "milestone")):
        membership: dict[str, list[str]] = {}
        for rec in b.records[kind]:
            for i in rec.values.get("items", []):
                membership.setdefault(i, []).append(rec.values["id"])
        for i, ids in membership.items():
            if i in items and len(set(ids)) == 1 and not items[i].values.get(fld):
                items[i].values[fld] = ids[0]
    # Statuses of streams/parents the document did not state: from their progress notes and children.
    notes_for: dict[str, list[str]] = {}
    for rec in b.records["progress"]:
        if rec.values.get("item"):
            notes_for.setdefault(rec.values["item"], []).append(rec.values.get("status", "done"))
    children: dict[str, list[str]] = {}
    for i, r in items.items():
        if r.values.get("parent"):
            children.setdefault(r.values["parent"], []).append(i)
    for i, r in items.items():
        if i in b.status_stated or "status" in r.values:
            continue
        kids = [items[k].values.get("status", "todo") for k in children.get(i, [])]
        notes = notes_for.get(i, [])
        if kids and all(s in CLOSED for s in kids) and (not notes or all(s in CLOSED for s in notes)):
            r.values["status"] = "done"
            b.note(r.line, f"{i}: status done (every child item is closed)")
        elif notes or any(s != "todo" for s in kids):
            r.values["status"] = "in_progress"
            b.note(r.line, f"{i}: status in_progress (from {len(notes)} progress notes and its child items)")
    # The dependency matrix: fills dependencies nobody stated, else is checked against them.
    if b.matrix:
        order, rows, line = b.matrix
        stated = any(i in b.deps_stated for i in order)
        if not stated:
            for row_n, rid in enumerate(order):
                if rid in items:
                    items[rid].values["depends_on"] = [order[c] for c, ch in enumerate(rows[row_n]) if ch == "1"]
            b.note(line, "no dependency column for the matrix's items: their depends_on are taken from the matrix")
    # Fields a section gives its items ("Owner: X" under the heading): the innermost section wins.
    for start, end, fields in sorted(b.defaults, key=lambda d: d[1] - d[0], reverse=True):
        for r in items.values():
            if start <= r.line <= end:
                for k, v in fields.items():
                    if not r.values.get(k) or r.values.get("_default_" + k):
                        r.values[k] = v
                        r.values["_default_" + k] = True
    for r in items.values():
        for k in [k for k in r.values if k.startswith("_default_")]:
            del r.values[k]
    # Week-by-week schedules: the latest week an item is to be completed in is its target.
    latest: dict[str, tuple[str, int]] = {}
    for ref, target, line in b.schedule:
        if ref in items and (ref not in latest or target > latest[ref][0]):
            latest[ref] = (target, line)
    for ref, (target, line) in latest.items():
        if not items[ref].values.get("target"):
            items[ref].values["target"] = target
            b.note(line, f"{ref}: target {target} from the schedule")
    # Phases and milestones items name but the document never defined: made, so nothing dangles.
    for kind, fld in (("phases", "phase"), ("milestones", "milestone")):
        known = {r.values.get("id") for r in b.records[kind]}
        for i, r in items.items():
            named = r.values.get(fld)
            if named and named not in known:
                b.records[kind].append(
                    Rec(kind, {"id": named, "title": f"{fld.title()} {named}"}, r.line, "named by items")
                )
                known.add(named)
                b.note(r.line, f"{i} names {fld} {named!r}, which the document does not describe; added it")
    # Defaults every item gets.
    for r in items.values():
        r.values.setdefault("status", "todo")
        r.values.setdefault("kind", "task")
        if "title" not in r.values:
            r.values["title"] = ""


def _validate_record(b: Builder, rec: Rec) -> dict[str, Any] | None:
    """Make a record valid for its model: fields the model refuses are moved to custom/notes."""
    model: type[BaseModel] = Item if rec.kind == "items" else _RECORD_MODELS[rec.kind]
    values = dict(rec.values)
    for _ in range(len(values) + 1):
        try:
            model.model_validate(values)
            return values
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = [str(x) for x in err["loc"]]
            key = loc[0] if loc else ""
            if not key or key not in values or key in ("id", "item", "path", "text", "title"):
                b.warn(rec.line, f"{rec.kind} record dropped: {err['msg']} ({'.'.join(loc)})")
                return None
            bad = values.pop(key)
            if rec.kind == "items":
                values.setdefault("custom", {})[key] = bad if isinstance(bad, (str, int, float, list)) else str(bad)
            b.warn(rec.line, f"{values.get('id', rec.kind)}: {key} {bad!r} refused ({err['msg']}); kept in custom")
    return None


def _valid_records(b: Builder, recs: Iterable[Rec]) -> list[Rec]:
    """The records that validate (made valid by ``_validate_record``), in document order."""
    out: list[Rec] = []
    for rec in sorted(recs, key=lambda r: r.line):
        values = _validate_record(b, rec)
        if values is not None:
            rec.values = values
            out.append(rec)
    return out


def _result(b: Builder) -> ImportResult:
    items = _valid_records(b, b.items.values())
    records = {kind: _valid_records(b, recs) for kind, recs in b.records.items()}
    meta = _board_meta(b)
    matrix = None
    if b.matrix:
        matrix = {"order": b.matrix[0], "rows": b.matrix[1]}
    imported: dict[str, dict[str, Any]] = {}
    for rec in items:
        dump = Item.model_validate(rec.values).model_dump(mode="json")
        # A field at the model's default needs no fingerprint: merge counts a default board value as
        # unedited and any other as edited, which is what the fingerprint of the default would say.
        values = {k: _get(dump, k) for k in flatten_item(rec.values)}
        imported[rec.values["id"]] = {k: fingerprint(_jsonable(v)) for k, v in values.items() if not _is_default(k, v)}
    text = render_board(b.source, meta, items, records, matrix, imported)
    board = None
    try:
        from ..store import BoardStore

        board = BoardStore.from_text(text, b.source).board
    except Exception as exc:  # noqa: BLE001 - report, never crash the import
        b.warn(0, f"the generated board does not load: {exc}")
    result = ImportResult(b.source, text, board, b.report, {}, imported, {r.values["id"]: r.line for r in items})
    if board is not None:
        _check(b, board)
        result.report = b.report
    result.counts = _counts(b, board, items)
    return result


def _board_meta(b: Builder) -> dict[str, Any]:
    meta = dict(b.meta)
    meta.pop("h1", None)
    meta.setdefault("title", "Imported plan")
    try:
        BoardMeta.model_validate(meta)
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            if key in meta and key != "title":
                b.warn(0, f"board.{key} {meta[key]!r} refused ({err['msg']}); left out")
                meta.pop(key)
    return meta


def _check(b: Builder, board: Board) -> None:
    from ..analysis import Analysis

    an = Analysis(board)
    known_items = set(an.items)
    for item, ref in an.unknown_dependencies:
        b.warn(0, f"{item} depends on {ref!r}, which names no item; kept as written")
    for it in board.items:
        for ref in it.soft_depends_on:
            if ref not in known_items:
                b.warn(0, f"{it.id}: soft dependency {ref!r} names no item; kept")
        if it.parent and it.parent not in known_items:
            b.warn(0, f"{it.id}: parent {it.parent!r} names no item; kept")
    for r in board.risks:
        for ref in r.mitigated_by:
            if ref not in known_items:
                b.warn(0, f"risk {r.id}: {ref!r} names no item; kept as written")
    for p in board.phases:
        for ref in p.items:
            if ref not in known_items:
                b.warn(0, f"phase {p.id}: {ref!r} names no item; kept as written")
    for w in board.waivers:
        if w.item not in known_items:
            b.warn(0, f"waiver for {w.item!r}: names no item")
    for cyc in an.cycles:
        b.warn(0, f"dependency cycle: {' -> '.join(cyc)}")
    if an.duplicates:
        b.warn(0, f"duplicate item ids: {', '.join(an.duplicates)}")
    if board.matrix:
        dis = an.matrix_disagreements
        if dis:
            for d in dis[:50]:
                b.warn(
                    b.matrix[2] if b.matrix else 0,
                    f"matrix says {d.row} {'depends' if d.recorded else 'does not depend'} on {d.col}; "
                    f"the dependency column says {'it does' if d.derived else 'it does not'}",
                )
        else:
            b.used(b.matrix[2] if b.matrix else 0, "dependency matrix agrees with the dependency column")


def _counts(b: Builder, board: Board | None, items: list[Rec]) -> dict[str, int]:
    if board is None:
        return {"items": 0}
    its = board.items
    unresolved = 0
    known = {i.id for i in its}
    for it in its:
        unresolved += sum(1 for d in it.depends_on if d not in known)
    for r in board.risks:
        unresolved += sum(1 for d in r.mitigated_by if d not in known)
    return {
        "items": len(its),
        "dependencies": sum(len(i.depends_on) for i in its),
        "soft_dependencies": sum(len(i.soft_depends_on) for i in its),
        "risks": len(board.risks),
        "risk_mappings": sum(len(r.mitigated_by) for r in board.risks),
        "statuses": sum(1 for i in its if i.id in b.status_stated or i.status != "todo"),
        "owners": sum(1 for i in its if i.owner),
        "priorities": sum(1 for i in its if i.priority),
        "verify_commands": sum(1 for i in its if i.gate and i.gate.verify),
        "evidence_paths": sum(len(i.gate.evidence) for i in its if i.gate),
        "estimates": sum(1 for i in its if i.estimate_days is not None),
        "targets": sum(1 for i in its if i.target),
        "phases": len(board.phases),
        "milestones": len(board.milestones),
        "waivers": len(board.waivers),
        "deliverables": len(board.deliverables),
        "progress": len(board.progress),
        "sections": len(board.sections),
        "unresolved_refs": unresolved,
        "matrix": 1 if board.matrix else 0,
    }


__all__ = ["import_markdown", "ImportResult", "IMPORTED_KEY"]
