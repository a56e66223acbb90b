"""The item edit form's fields: what the form shows for an item and how its text is read back.

The text of each field is read by ``fields.parse_field``, the same reader ``readiness set`` uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.fields import LINE_LIST_FIELDS, REQUIRED_ITEM_FIELDS, blank, parse_field, split_list

#: Form field -> item attribute path; the order the edit form shows them in.
FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "Id"),
    ("title", "Title"),
    ("kind", "Kind"),
    ("status", "Status"),
    ("priority", "Priority (P0-P3)"),
    ("owner", "Owner"),
    ("workstream", "Workstream"),
    ("phase", "Phase"),
    ("milestone", "Milestone"),
    ("target", "Target (2026-W09, 2026-02-20)"),
    ("estimate_days", "Estimate (days)"),
    ("score", "Score"),
    ("depends_on", "Depends on (ids, a, b)"),
    ("tags", "Tags (a, b)"),
    ("description", "Description"),
    ("acceptance", "Acceptance (one per line)"),
    ("deliverables", "Deliverables (paths, a, b)"),
    ("notes", "Notes"),
    ("gate.exit_criteria", "Gate: exit criteria"),
    ("gate.verify", "Gate: verify command"),
    ("gate.evidence", "Gate: evidence (paths, a, b)"),
    ("gate.watch", "Gate: watch (paths, a, b)"),
)
LIST_FIELDS = {"depends_on", "tags", "deliverables", "gate.evidence", "gate.watch"}
#: Free text, kept as typed (trailing blanks aside).
TEXT_FIELDS = {"description", "notes"}
#: Fields edited in a text area of several lines: free text, and lists of sentences one per line.
AREA_FIELDS = TEXT_FIELDS | LINE_LIST_FIELDS


def field_value(item: Any, key: str) -> Any:
    """An item's value for a form key: ``gate.verify`` is the gate's (None without a gate)."""
    if key.startswith("gate."):
        return getattr(item.gate, key[5:], None) if item.gate else None
    return getattr(item, key, None)


def form_values(item: Any | None, factor_keys: Sequence[str] = ()) -> dict[str, str]:
    """The strings the form starts with for ``item`` (None: a new item)."""
    out: dict[str, str] = {}
    for key, _ in FORM_FIELDS:
        value = field_value(item, key) if item is not None else None
        if isinstance(value, list):
            out[key] = ("\n" if key in LINE_LIST_FIELDS else ", ").join(value)
        elif isinstance(value, float):
            out[key] = f"{value:g}"
        else:
            out[key] = "" if value is None else str(value)
    for fk in factor_keys:
        v = item.score_factors.get(fk) if item is not None else None
        out[f"factor.{fk}"] = "" if v is None else str(v)
    if item is None:
        out["status"] = "todo"
        out["kind"] = "task"
    return out


def validate_form(store: BoardStore, item_id: str | None, raw: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the form's strings; return (values to set, errors by field).

    ``item_id`` None means a new item: values then include ``id`` and omit empty fields. For an
    existing item only the fields that changed are returned; an emptied field maps to None (removed).
    """
    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    scoring = store.board.board.scoring
    aliases = store.board.board.status_aliases
    for key, text in raw.items():
        text = text.strip() if key not in TEXT_FIELDS else text.rstrip()
        try:
            if key == "id":
                if item_id is None:
                    if not text:
                        raise ValueError("an id is required")
                    if any(c.isspace() for c in text):
                        raise ValueError("an id has no spaces")
                    if text in {it.id for it in store.board.items}:
                        raise ValueError(f"{text} already exists")
                parsed[key] = text
            elif key == "status":
                parsed[key] = parse_field(key, text or "todo", aliases)
            elif key.startswith("factor."):
                value = parse_field("score_factors." + key[7:], text)
                if value is not None and scoring and not scoring.min <= value <= scoring.max:
                    raise ValueError(f"rate {scoring.min} to {scoring.max}")
                parsed[key] = value
            elif key in LIST_FIELDS:
                parsed[key] = split_list(text)
            else:
                parsed[key] = parse_field(key, text, aliases)
        except ValueError as exc:
            errors[key] = str(exc)
    for name, why in REQUIRED_ITEM_FIELDS.items():
        if name in raw and blank(raw[name]):
            errors[name] = why  # the editor refuses it too: said here, on the field, first
    me = item_id or parsed.get("id") or ""
    deps = parsed.get("depends_on") or []
    if "depends_on" in parsed and "depends_on" not in errors:
        known = {it.id for it in store.board.items}
        unknown = [d for d in deps if d not in known]
        if me in deps:
            errors["depends_on"] = "an item cannot depend on itself"
        elif unknown:
            errors["depends_on"] = f"no item {', '.join(unknown)}"
        elif item_id is not None:
            cycle = store.find_cycle_path(item_id, deps)
            if cycle:
                errors["depends_on"] = "would close the cycle " + " -> ".join(cycle)
    if errors:
        return {}, errors

    factors = {k[7:]: v for k, v in parsed.items() if k.startswith("factor.")}
    values = {k: v for k, v in parsed.items() if not k.startswith("factor.")}
    if factors:
        set_factors = {k: v for k, v in factors.items() if v is not None}
        values["score_factors"] = set_factors or None
    if item_id is None:
        out: dict[str, Any] = {}
        gate: dict[str, Any] = {}
        for k, v in values.items():
            if v in (None, "", []):
                continue
            if k.startswith("gate."):
                gate[k[5:]] = v
            else:
                out[k] = v
        if gate:
            out["gate"] = gate
        return out, {}
    cur_parsed = _current(store, item_id)
    changed: dict[str, Any] = {}
    for k, v in values.items():
        if k == "id":
            continue
        if k == "score_factors":
            old = dict(store.item(item_id).score_factors)
            if (v or {}) != old:
                changed[k] = _inline(v) if v else None
            continue
        new = v if v != [] else None
        if cur_parsed.get(k) != new:
            changed[k] = new
    return changed, {}


def _current(store: BoardStore, item_id: str) -> dict[str, Any]:
    it = store.item(item_id)
    out: dict[str, Any] = {}
    for key, _ in FORM_FIELDS:
        v = field_value(it, key)
        out[key] = v if v not in ("", []) else None
    return out


def _inline(values: dict[str, int]) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    table.update(values)
    return table
