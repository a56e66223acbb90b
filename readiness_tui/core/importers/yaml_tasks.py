"""Task lists kept in a fenced YAML block: ``tasks:`` entries with ``id:``, ``depends-on: [...]`` and fields.

The YAML gives the structure outright, so its ids and dependency lists are taken as written (``anchor-extraction``
needs no digits); the other keys are read as the column headers of a table would be.
"""

from __future__ import annotations

from typing import Any

import yaml

from readiness_tui.core.importers.blocks import Other, Section
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.headers import custom_key, header_field
from readiness_tui.core.importers.inline import id_span
from readiness_tui.core.importers.row_fields import apply_cell

#: Keys whose list holds the plan's work.
_LIST_KEYS = ("tasks", "items", "stories", "work_items", "work items", "backlog", "issues", "tickets")
#: Title keys, best first; a description is the title only when there is none.
_TITLE_KEYS = ("title", "name", "summary", "task", "description")


def _entries(text: str) -> tuple[str, list[dict[str, Any]]] | None:
    """(key, entries) when the block is YAML with a list of mappings that all carry an id; else None."""
    if ":" not in text:
        return None
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(doc, dict):
        return None
    for key, value in doc.items():
        if str(key).lower().replace("-", "_") in _LIST_KEYS and isinstance(value, list) and value:
            if all(isinstance(e, dict) and e.get("id") not in (None, "") for e in value):
                return str(key), value
    return None


def _refs(value: Any) -> list[str]:
    if value in (None, "", []):
        return []
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def yaml_tasks(b: Builder, block: Other, sec: Section, kind: str) -> bool:
    """Read a fenced block that is a YAML task list into items; False when it is not one (left as it was)."""
    found = _entries(block.text) if block.kind == "fence" else None
    if found is None:
        return False
    key, entries = found
    made: list[str] = []
    for entry in entries:
        rid = str(entry["id"]).strip()
        values: dict[str, Any] = {"id": rid, "kind": kind}
        gate: dict[str, Any] = {}
        custom: dict[str, Any] = {}
        title_key = next((k for k in _TITLE_KEYS if entry.get(k)), None)
        if title_key:
            values["title"] = str(entry[title_key]).strip()
        for k, v in entry.items():
            name = str(k).replace("-", " ").replace("_", " ")
            if k in ("id", title_key) or v in (None, ""):
                continue
            fld = header_field(name)
            if fld == "depends_on":
                values["depends_on"] = _refs(v)
                b.deps_stated.add(rid)
            elif fld and not isinstance(v, (list, dict)):
                if not apply_cell(b, fld, str(v), values, gate, custom, block.line, rid, name):
                    custom[custom_key(name)] = str(v)
            else:
                custom[custom_key(name)] = v if isinstance(v, (str, int, float, bool)) else str(v)
        if gate:
            values["gate"] = gate
        if custom:
            values["custom"] = custom
        got = b.add_item(values, block.line, "yaml")
        if got:
            made.append(got)
    b.consume(block, sec)
    b.used(block.line, f"YAML block ({key}: {len(entries)} entries with ids) -> items {id_span(made)}")
    return True
