"""Fields written as ``Key: value`` bullets beneath an entry (tickets and tasks written as lists): each key read
for the field it names; list keys (acceptance, deliverables, tags) collect their lines; the rest kept in custom."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListItem, plain
from readiness_tui.core.importers.document.fields import field_parts, is_field_bullet, split_keyval
from readiness_tui.core.importers.entries.item_steps import task_boxes_into
from readiness_tui.core.importers.guided.recipe import recipe_option
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.lead_ins import is_task_label
from readiness_tui.core.importers.tables.cells import split_list
from readiness_tui.core.importers.tables.row_fields import apply_cell
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field


def link_risks(b: Builder, item_id: str, risks: list[str], line: int) -> None:
    for rid in risks:
        rec = next((r for r in b.records["risks"] if r.values.get("id") == rid), None)
        if rec is None:
            rec = Rec("risks", {"id": rid, "mitigated_by": []}, line, "item")
            b.records["risks"].append(rec)
        if item_id not in rec.values.setdefault("mitigated_by", []):
            rec.values["mitigated_by"].append(item_id)


def kv_children(b: Builder, it: ListItem, values: dict[str, Any], rid: str) -> None:
    """Nested ``Key: value`` bullets under an entry (tickets written as lists); with the recipe's ``sub_bullets =
    "items"``, only those that are fields (``is_field_bullet``): the others are its child items."""
    children = recipe_option("sub_bullets") == "items"
    for sub in it.sub_items():
        if children and not is_field_bullet(sub.text):
            continue
        for key, value in field_parts(sub.text):
            apply_key(b, key, value, sub, values, rid)


# ---------------------------------------------------------------------- key: value bullets
LIST_KEYS = {
    "acceptance": "acceptance",
    "acceptance criteria": "acceptance",
    "definition of done": "acceptance",
    "dod": "acceptance",
    "done when": "acceptance",
    "success criteria": "acceptance",
    "deliverable": "deliverables",
    "deliverables": "deliverables",
    "outputs": "outputs",
    "output": "outputs",
    "inputs": "inputs",
    "input": "inputs",
    "links": "links",
    "tags": "tags",
    "labels": "tags",
    "sources": "source_refs",
    "source": "source_refs",
    "refs": "source_refs",
    "references": "source_refs",
    "contributors": "contributors",
    "notes": "notes",
}


#: A key naming what is related to an item ("**Related:** DEF-15"), beside what it waits on: no dependency.
_RELATED = re.compile(r"^(?:related(?: to| issues?| tickets?| items?| work)?|relates to|see also)$")

#: A key over who does what: "**Responsibilities**:" over "- Network Team: Configure the routers."
_DUTIES = re.compile(r"^(?:responsibilit(?:y|ies)|assignments?|who does what|duties|tasks by role)$", re.I)


def apply_key(b: Builder, key: str, value_md: str, it: ListItem, values: dict[str, Any], rid: str) -> None:
    k = " ".join(key.lower().split())
    subs = [plain(x.text, keep_code=True) for x in it.sub_items()]
    value = plain(value_md, keep_code=True)
    if _duties(b, it, values, rid):
        return
    boxes = it.sub_items()
    if boxes and all(x.checked is not None for x in boxes) and is_task_label(k, boxes=True):
        # "- **Deliverables**:" over "  - [x] Create the project tree": each box is work ticked off on its own, the
        # item's child; a flat list of their words would lose which are done.
        if task_boxes_into(b, rid, boxes, values, key):
            return
    if k in LIST_KEYS:
        list_fld = LIST_KEYS[k]
        vals = ([value] if value else []) + subs
        if list_fld == "notes":
            values["notes"] = "\n".join(vals)
        elif list_fld == "source_refs":
            values[list_fld] = values.get(list_fld, []) + [x for v in vals for x in split_list(v, ";")]
        elif list_fld in ("inputs", "outputs", "links", "tags", "contributors") and not subs:
            values[list_fld] = values.get(list_fld, []) + split_list(value)
        else:
            values[list_fld] = values.get(list_fld, []) + vals
        return
    fld = header_field(k)
    if fld in ("severity", "likelihood", "expires", "approved_by", "reason", "path", "purpose", "mitigated_by", "id"):
        fld = None
    if fld == "mitigated_by" or k in ("risks", "risk", "mitigates"):
        link_risks(b, rid, parse_refs(value_md).ids, it.line)
        return
    if fld is None:
        values.setdefault("custom", {})[custom_key(key)] = value if not subs else ([value] if value else []) + subs
        return
    if fld == "title" and values.get("title"):
        # "- **Action:** Add Colab notebooks" under "#### 6. Add cloud targets": the heading named the item; the
        # line says what to do, and a "**Title:**" line under it words it again (as a paragraph's does).
        said = "; ".join(([value] if value else []) + subs)
        values["description"] = (values.get("description", "") + f"\n{key}: {said}").strip()
        return
    if not value and subs and fld in ("depends_on", "blocks") and _linked_pairs(b, key, it, values, rid):
        return
    if not value and subs:
        if fld == "gate.exit_criteria":
            values.setdefault("gate", {})["exit_criteria"] = "\n".join(subs)
            return
        if fld == "depends_on":
            value_md = ", ".join(subs)
        else:
            value_md = "; ".join(subs)
    gate = values.setdefault("gate", {})
    custom = values.setdefault("custom", {})
    if not apply_cell(b, fld, value_md, values, gate, custom, it.line, rid, key):
        custom[custom_key(key)] = value
    if not gate:
        values.pop("gate")
    if not custom:
        values.pop("custom")


def _linked_pairs(b: Builder, key: str, it: ListItem, values: dict[str, Any], rid: str) -> bool:
    """``#### Dependencies`` over ``- **Blocked by**: T-6`` and ``- **Blocks**: T-4``: each line says its own way
    round, not the heading's; a ``- **Related**: T-9`` line beside them names no dependency (kept in custom). False,
    and nothing done, unless every line under the key is such a pair or a related line, one at least a pair."""
    pairs = [split_keyval(sub.text) for sub in it.sub_items()]
    ways = [header_field(kv[0]) if kv else None for kv in pairs]
    related = [kv for kv in pairs if kv and _RELATED.match(" ".join(kv[0].lower().split()))]
    if not all(w in ("depends_on", "blocks") or kv in related for kv, w in zip(pairs, ways, strict=True)):
        return False
    if len(related) == len(pairs):
        return False
    for kv in related:
        values.setdefault("custom", {})[custom_key(kv[0])] = plain(kv[1], keep_code=True)
        b.note(it.line, f"{rid}: {plain(kv[0])!r} names what is related, not what it waits on; kept in custom")
    for way in ("depends_on", "blocks"):
        said = ", ".join(kv[1] for kv, w in zip(pairs, ways, strict=True) if kv and w == way)
        if said:
            apply_key(b, "blocks" if way == "blocks" else key, said, ListItem(it.line, it.end, ""), values, rid)
    return True


def duty_pairs(it: ListItem) -> list[tuple[str, str, int]] | None:
    """(role, work, line) of each entry under a responsibilities key ("**Responsibilities**:" over "- IT Manager:
    Approve the final design."), when the entry is such a key with no value and every entry under it names a role
    and its work; else None."""
    kv = split_keyval(it.text)
    if kv is None or kv[1].strip() or not _DUTIES.match(" ".join(kv[0].lower().split())):
        return None
    pairs = []
    for x in it.sub_items():
        sub = split_keyval(x.text)
        if sub is None or len(sub[0].split()) > 4 or len(sub[1].split()) < 2:
            return None
        pairs.append((sub[0].strip(), plain(sub[1], keep_code=True), x.line))
    return pairs or None


def _duties(b: Builder, it: ListItem, values: dict[str, Any], rid: str) -> bool:
    """The responsibilities under an item (``duty_pairs``): its child items, each owned by the role it names."""
    pairs = duty_pairs(it)
    if pairs is None:
        return False
    made = [
        b.add_child(values, rid, f"{rid}.{n}", line, title=work, owner=role)
        for n, (role, work, line) in enumerate(pairs, start=1)
    ]
    b.used(it.line, f"{rid}: {len(made)} responsibilities -> its child items {made[0]} .. {made[-1]}, each its role's")
    return True
