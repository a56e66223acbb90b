"""Phases written as list entries: ``1. Phase 1: Foundations`` over ``Entrance:``, ``Exit:``, ``Tasks:`` and
``Window:`` bullets, and the fields such bullets (or a phase table's cells) give a phase."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.sections.patterns import (
    PHASE_RE,
    Rule,
    rule_for,
)

#: What a bullet under a phase gives it: ``Entrance:``, ``Exit:``, ``Tasks:`` (or ``Key actions:``), ``Window:``.
_PHASE_KEYS: tuple[Rule, ...] = (
    ("entrance", re.compile(r"(entrance|entry|start|preconditions?)\b")),
    ("exit", re.compile(r"(exit|done when|completion|success)\b")),
    ("items", re.compile(r"(tasks?|items?|work|scope|includes?|tickets?|(?:key\s+)?actions?)\b")),
    ("window", re.compile(r"(window|dates?|timeline|duration|when|weeks?)\b")),
)


def phase_key(text: str) -> str | None:
    return rule_for(_PHASE_KEYS, text.lower().strip().rstrip(":"))


def phase_value(b: Builder, key: str, texts: list[str], values: dict[str, Any]) -> None:
    if key == "items":
        refs: list[str] = []
        for t in texts:
            refs += [r for r in b.refs_in(t) if r not in refs]
        values["items"] = values.get("items", []) + refs
    elif key == "window":
        values["window"] = "; ".join(texts)
    else:
        parts: list[str] = []
        for t in texts:
            parts += [p.strip().rstrip(".").strip() for p in t.split(";") if p.strip().rstrip(".").strip()]
        values[key] = values.get(key, []) + parts


def phase_fields(b: Builder, entries: list[ListItem], values: dict[str, Any]) -> bool:
    found = False
    for it in entries:
        kv = split_keyval(it.text)
        if not kv or re.search(r"\d", kv[0]):
            continue  # "**Task 1.1:** Set up CI": an entry labelled with its own number, no field of the phase
        key = phase_key(kv[0])
        if key is None:
            continue
        texts = ([plain(kv[1], keep_code=True)] if plain(kv[1]) else []) + [
            plain(x.text, keep_code=True) for x in it.sub_items()
        ]
        if texts:
            phase_value(b, key, texts, values)
            found = True
    return found


def phase_entry(it: ListItem) -> bool:
    return bool(PHASE_RE.match(plain(it.text))) and any(split_keyval(x.text) for x in it.sub_items())


def phase_list(b: Builder, lst: ListBlock, sec: Section) -> None:
    made = 0
    for it in lst.items:
        m = PHASE_RE.match(plain(it.text))
        assert m
        values: dict[str, Any] = {"id": m.group("num"), "title": plain(m.group("title"), keep_code=True)}
        if m.group("extra"):
            values["window"] = m.group("extra")
        if phase_fields(b, it.sub_items(), values):
            b.records["phases"].append(Rec("phases", values, it.line, "phase list"))
            made += 1
        else:
            b.skipped(it.line, f"phase entry {plain(it.text)!r} has no criteria or tasks (template?)")
    b.consume(lst, sec)
    b.used(lst.line, f"list of phases -> {made} phases")


def phase_cards(b: Builder, blk: ListBlock) -> dict[int, tuple[str, str]]:
    """The entries of ``blk`` (by ``id``) as (PHASE-n, title) when every one names a phase of the plan by its word
    and number, with a title of its own (``Phase 2: Tasks & Duties``) and nothing beneath (no fields, no work of
    its own): the phases are the plan's units of work. {} otherwise, or when an id is taken."""
    out: dict[int, tuple[str, str]] = {}
    for it in blk.items:
        m = PHASE_RE.match(plain(it.text, keep_code=True))
        if m is None or m["word"].lower() not in ("phase", "stage") or not m["title"].strip() or m["extra"]:
            return {}
        rid = f"{m['word'].upper()}-{m['num']}"
        if rid in b.items or any(rid == taken for taken, _ in out.values()) or it.children:
            return {}
        out[id(it)] = (rid, m["title"])
    return out
