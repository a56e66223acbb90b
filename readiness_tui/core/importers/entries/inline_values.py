"""One ``key: value`` written inside a list entry, read into the field its key names (dependencies and
mitigated risks by their own keys; every other field as a table cell of it is read), and entries
written as parts between pipes, whose parts are such fields."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.tables.row_fields import apply_cell
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field
from readiness_tui.core.importers.vocabulary.statuses import exact_status

#: Inline keys that state dependencies (``depends: 1.2``; without a colon only before ids, see
#: ``INLINE_PROSE_DEP_RE``), and those that name the risks an entry mitigates.
DEP_KEYS = frozenset(
    {"depends on", "depends", "deps", "dependencies", "dependency", "blocked by", "requires", "prereq", "prereqs"}
    | {"after", "needs", "waits on", "waiting on", "waits for"}
)
RISK_KEYS = frozenset({"risk", "risks", "mitigates"})


def add_note(values: dict[str, Any], said: str) -> None:
    """``said`` after the entry's notes so far (``; `` between), never in their place."""
    values["notes"] = f"{values['notes']}; {said}" if values.get("notes") else said


#: An entry written as parts between pipes: ``FULLSTACK | Docker setup | 担当:%2 | 完了:12:30``.
_PIPE = re.compile(r"\s+\|\s+")
#: A part naming people and nothing else: "Alice", "Alice, Carol", "Ana Lima, Bo".
_NAMES_PART = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?(?:, ?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)*")
#: A part that is a tag in capitals (``BACKEND``), and one that is a key and its value.
_TAG_PART = re.compile(r"^[A-Z][A-Z0-9_/-]{1,24}$")
_KV_PART = re.compile(r"^(?P<key>[^:：|]{1,24})[:：]\s*(?P<value>.*)$")


def pipe_parts(b: Builder, text: str, values: dict[str, Any], line: int, rid: str) -> str:
    """What is left of an entry of three parts or more between pipes once the parts that are fields are read: a
    ``key: value`` part the field its key names (a key the board has no field for goes to the notes), a word in
    capitals a tag (a state or a P0..P3 in capitals is that field); the first other part is the title, the rest
    notes. An entry with no such part is text with pipes in it, left as it is."""
    parts = _PIPE.split(text.strip())
    if len(parts) < 3:
        return text
    kinds = [(p, _KV_PART.match(p), bool(_TAG_PART.match(p))) for p in parts]
    if not any(kv or tag for _, kv, tag in kinds):
        return text
    rest: list[str] = []

    for n, (part, kv, tag) in enumerate(kinds):
        key = kv.group("key").lower().strip() if kv else ""
        if kv and (header_field(key) or key in DEP_KEYS):
            inline_value(b, key, kv.group("value").strip(), True, values, line, rid)
        elif kv and n == 0:
            # "API Gateway Migration: Jul W1-Jul W4 | Alice, Carol | …": the entry opens with its name, what
            # follows the colon said of it.
            rest.append(kv.group("key").strip())
            add_note(values, kv.group("value").strip())
        elif kv:
            add_note(values, part)
        elif rest and not tag and "owner" not in values and _NAMES_PART.fullmatch(part):
            # "| Alice, Carol |" after the entry's name: the people who do it (read as an owner cell is).
            inline_value(b, "owner", part, True, values, line, rid)
        elif tag and exact_status(part) and "status" not in values:
            values["status"] = exact_status(part)  # "| DONE |": a state in capitals, not a tag
            b.status_stated.add(rid)
        elif tag and re.fullmatch(r"P[0-3]", part) and "priority" not in values:
            values["priority"] = part
        elif tag:
            values.setdefault("tags", []).append(part)
        else:
            rest.append(part)
    # The first part of words is the title; the others ("850tok") are notes on the entry.
    for part in rest[1:]:
        add_note(values, part)
    return rest[0] if rest else ""


def inline_value(b: Builder, key: str, value: str, colon: bool, values: dict[str, Any], line: int, rid: str) -> None:
    if key in DEP_KEYS:
        refs = parse_refs(value, loose=colon)
        values["depends_on"] = values.get("depends_on", []) + [
            r for r in refs.ids if r not in values.get("depends_on", [])
        ]
        b.deps_stated.add(rid)
        for n in refs.negated:
            b.note(line, f"{rid}: {n} is named as not a dependency ({value!r}); not added")
        if refs.rest:
            values["dependency_note"] = value
        return
    if key in RISK_KEYS:
        values.setdefault("_mitigates", []).extend(parse_refs(value, loose=colon).ids)
        return
    fld = header_field(key)
    if fld is None:
        return
    # Every other field is read as a table cell of that field is (one parser per field); an inline
    # estimate without a unit ("est: 3") counts days.
    if fld == "owner":
        value = value.rstrip(". ")  # "Owner: Corporate Comms + Legal.": the sentence's full stop, not the name's
    gate, custom = values.setdefault("gate", {}), values.setdefault("custom", {})
    header = "estimate days" if fld == "estimate_days" else key
    if not apply_cell(b, fld, value, values, gate, custom, line, rid, header):
        custom[custom_key(key)] = value
    for sub in ("gate", "custom"):
        if not values[sub]:
            del values[sub]
