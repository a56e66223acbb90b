"""The plan's own metadata: YAML front matter and the key-value lines under the title (date, scope window,
objective, source, tracking model), read into ``[board]``.

Sections that describe the plan rather than its items, read into ``[board]``: execution order, not in scope,
the production definition, the scoring method, assumptions and constraints, objectives.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Paragraph, Section, code_spans, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.entry_ids import entry_id
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.sections.generic import generic_block, read_lists
from readiness_tui.core.importers.sections.patterns import Ctx, title_has
from readiness_tui.core.importers.vocabulary.dates import parse_date
from readiness_tui.core.importers.vocabulary.headers import header_field

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
    """YAML front matter (``---`` ... ``---``) as simple key-values; blanked so line numbers hold. A block between
    rules that holds a line of prose is no front matter (``---``, ``# Chess to-do list``, a sentence, ``---``: a plan
    that opens with a rule): it stays the plan's text."""
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
                elif ln.strip() and not ln.startswith((" ", "\t", "-", "#")):
                    return text, []
            return "\n".join([""] * (end + 1) + lines[end + 1 :]), pairs
    return text, []


def meta_blocks(b: Builder, sec: Section) -> None:
    """Key-value lines before the first section: ``**Date:** 2026-02-16``, ``- Source: ...``."""
    extra: list[str] = []
    for blk in sec.blocks:
        if id(blk) in b.used_blocks:  # a chart read before (``text_gantt``)
            continue
        lines: list[tuple[int, str]] = []
        if isinstance(blk, Paragraph):
            lines = [(blk.line + n, ln) for n, ln in enumerate(blk.text.split("\n"))]
        elif isinstance(blk, ListBlock):
            if _holds_items(blk.items) or any(_holds_items(it.sub_items()) for it in blk.items):
                generic_block(b, blk, sec, Ctx())
                continue
            lines = [(it.line, it.text) for it in blk.items]
            pairs = [kv for _, ln in lines if (kv := split_keyval(ln))]
            known_key = any(META_KEYS.get(kv[0].lower().strip()) for kv in pairs)
            if not known_key and 2 * sum(1 for kv in pairs if kv[1].strip()) <= len(lines):
                # "- Sprints", "- Bug fixing" right under the title: no keys of the board, and mostly no key-value
                # pairs ("- Animation flare:" over its bullets among to-dos is one of them). The plain lists' reading
                # (``bullet_plan``) may take it for the plan's work; else it joins the introduction at the end.
                continue
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


#: "Owner: backend dev. Build to the contract…": the plan's owner, said in the first words under its title.
_PLAN_OWNER = re.compile(r"^\**(?P<key>[^\W\d_][^:*]{1,20}?)\**\s*:\**\s*(?P<who>[^.;\n]{1,40}?)\s*(?:[.;]\s|[.;]?$)")


def plan_owner(b: Builder, sec: Section) -> None:
    """The owner a plan names for all its work on the first line under its title (``Owner: backend dev.``), given to
    every item that names none of its own. A sentence after it on the line is the plan's text."""
    first = sec.blocks[0] if sec.blocks else None
    if not isinstance(first, Paragraph):
        return
    m = _PLAN_OWNER.match(plain(first.text.split("\n", 1)[0]))
    if not m or header_field(m.group("key").strip()) != "owner" or len(m.group("who").split()) > 4:
        return
    b.defaults.append((sec.line, sec.end, {"owner": m.group("who").strip()}))
    b.used(first.line, f"the plan's owner {m.group('who').strip()!r}, said under its title, for its items")


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


def handle_order(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    def read(blk: ListBlock) -> str | None:
        ids = [plain(it.text).strip("*` ") for it in blk.items]
        if not ids or not all(is_id(i) for i in ids):
            return None
        b.meta["suggested_order"] = ids
        return f"execution order list ({len(ids)} ids) -> board.suggested_order"

    return read_lists(b, sec, ctx, read)


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
    default = "constraints" if title_has(sec, "constraint") and not title_has(sec, "assumption") else "assumptions"

    def read(blk: ListBlock) -> str:
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
        return "assumptions/constraints list -> board.assumptions / board.constraints"

    return read_lists(b, sec, ctx, read)


def handle_objectives(b: Builder, sec: Section, ctx: Ctx) -> Ctx:
    for blk in sec.blocks:
        if isinstance(blk, (ListBlock, Paragraph)) and "objective" not in b.meta:
            first = blk.items[0].text if isinstance(blk, ListBlock) and blk.items else getattr(blk, "text", "")
            if plain(first):
                b.meta["objective"] = plain(first, keep_code=True)
                b.note(blk.line, "first objective -> board.objective (the section is kept as text too)")
        generic_block(b, blk, sec, ctx)
    return ctx
