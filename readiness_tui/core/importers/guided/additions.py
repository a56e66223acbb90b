"""Items the import did not make, added by a person: a ticket named only in a risk row, a heading word, a slug.

``[items."NUL-027"] add = true`` with a ``title`` (and any other field of an item entry) makes the item. It is
added once the import's own items are renamed or dropped and before any other correction, so dependencies, risk
links and group entries may name it as any other item, and references the plan already made to that id (a risk
"mitigated by NUL-027", a dependency left outside the board) now find it. An id the import already made is a
warning and the entry's other fields correct that item instead.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.guided.recipe import FixValue, Recipe, _quote
from readiness_tui.core.importers.guided.values import board_value

#: What an added item's record says it came from.
ADDED = "added by the recipe"


def add_items(b: Builder, recipe: Recipe) -> None:
    """Make the item of every ``add = true`` entry ``b`` does not hold yet; the other fields are set afterwards."""
    for key, fix in recipe.items.items():
        if not fix.get("add"):
            continue
        said = f"{recipe.where('items', key, 'add')}: [items.{_quote(key)}] add = true"
        if key in b.items:
            b.warn(0, f"{said}: {key} is already an item of this import; not added (the entry corrects it)")
            continue
        try:
            board_value("id", key, b.items)
        except ValueError as exc:
            b.warn(0, f"{said}: {exc}; not added")
            continue
        title = str(fix.get("title", key))
        b.items[key] = Rec("items", {"id": key, "title": title}, 0, ADDED)
        b.used(0, f"{said} applied: {key} ({title!r}) is an item the plan names but the import did not make")


#: A field of an item that lists its steps: "**Implementation Steps**:", "Subtasks:", "Action items:" (its key as
#: the import keeps it, ``implementation_steps``).
_STEPS_FIELD = re.compile(r"(?:^|_)(?:steps|tasks|subtasks|todos?|action_items)$")


def step_fields(b: Builder, recipe: Recipe) -> None:
    """With the recipe's ``steps = "items"``, the entries of a field that lists an item's steps (``**Implementation
    Steps**:`` over ``1. Add the endpoint``, kept as the field elsewhere) are its child items ``<item>.<n>``, right
    after it in the plan's order, as the boxes under an item are."""
    if recipe.options.get("steps") != "items":
        return
    order: list[tuple[str, Rec]] = []
    taken = set(b.items)
    for rid, rec in b.items.items():
        order.append((rid, rec))
        custom = rec.values.get("custom") or {}
        for key in [k for k, v in custom.items() if _STEPS_FIELD.search(k) and isinstance(v, list)]:
            steps = [str(v) for v in custom.pop(key) if str(v).strip()]
            for n, text in enumerate(steps, start=1):
                sid = f"{rid}.{n}"
                while sid in taken:
                    sid += "a"
                taken.add(sid)
                order.append(
                    (sid, Rec("items", {"id": sid, "title": text, "kind": "task", "parent": rid}, rec.line, "step"))
                )
            recipe.applied.add(("options", "steps"))
            b.used(
                rec.line, f"{rid}: its {key!r} field's {len(steps)} entries -> child items (recipe: steps = 'items')"
            )
    if len(order) > len(b.items):  # the children go right after their items, in the plan's order
        b.items.clear()
        b.items.update(order)


def add_risks(b: Builder, recipe: Recipe) -> None:
    """Make the risk of every ``[risks."ID"] add = true`` entry ``b`` does not hold yet (its links are set after)."""
    have = {str(r.values.get("id")) for r in b.records["risks"]}
    for key, fix in recipe.risks.items():
        if not fix.get("add"):
            continue
        said = f"{recipe.where('risks', key, 'add')}: [risks.{_quote(key)}] add = true"
        if key in have:
            b.warn(0, f"{said}: {key} is already a risk of this import; not added (the entry corrects it)")
            continue
        try:
            board_value("id", key, have)
        except ValueError as exc:
            b.warn(0, f"{said}: {exc}; not added")
            continue
        title = str(fix.get("title", key))
        b.records["risks"].append(Rec("risks", {"id": key, "title": title, "mitigated_by": []}, 0, ADDED))
        b.used(0, f"{said} applied: {key} ({title!r}) is a risk the import did not read")


def add_entry(recipe: Recipe, key: str, title: str, known: Collection[str], table: str = "items") -> Recipe:
    """``recipe`` with ``[items."key"] add = true, title = title`` (or ``[risks."key"]``; a new recipe);
    ``ValueError`` when the id is not one word or already an item (a risk: ``known``), or the title is empty."""
    new = board_value("id", key, known)
    board_value("title", title, known)
    entry: dict[str, FixValue] = {"add": True, "title": title.strip()}
    if table == "risks":
        return replace(recipe, risks={**recipe.risks, str(new): entry}, applied=set(), lines={})
    return replace(recipe, items={**recipe.items, str(new): entry}, applied=set(), lines={})
