"""Sections that describe the plan rather than its items, read into ``[board]``: execution order, not in scope,
the production definition, the scoring method, assumptions and constraints, objectives.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.blocks import ListBlock, Paragraph, Section, code_spans, plain
from readiness_tui.core.importers.builder import Builder, split_keyval
from readiness_tui.core.importers.generic import generic_block, read_lists
from readiness_tui.core.importers.id_shapes import is_id
from readiness_tui.core.importers.patterns import (
    Ctx,
    title_has,
)


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
