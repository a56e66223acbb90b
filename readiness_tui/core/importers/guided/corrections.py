"""Corrections of one entry each, and plan-wide options: what a person fixes in the import screen that no
relabel of a block reaches (one cell's dependencies, a group row that is not an item, owners named first).

A recipe's ``[items."ID"]`` / ``[risks."ID"]`` tables and its ``[options]`` (see ``guided.recipe``) are applied
once the import's records are complete (after ``assembly.finalize``) and before they are validated, written and
checked (``assembly.assemble``): the board, its report, ``import --merge`` and ``import --recipe`` all see them.
Each entry applied is a line of the report; an entry naming an id this import did not make, or holding a value
the board refuses, is a warning naming the recipe file, its line and the entry, and is not applied.

The ``struck`` option is read where a struck-through id or row is (``tables.items``, through ``recipe.recipe_option``);
``owner`` and ``outside_ids`` act here, on every owner and dependency the import found, wherever it read them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.guided.additions import ADDED, add_items, add_risks, step_fields
from readiness_tui.core.importers.guided.groups import apply_groups
from readiness_tui.core.importers.guided.ids import EVERY_MADE, every_made, id_stem, stem_import_id, stem_renames
from readiness_tui.core.importers.guided.recipe import ITEM_FIELDS, LIST_FIELDS, OPTIONS, RISK_FIELDS, FixValue, Recipe
from readiness_tui.core.importers.guided.values import board_value, split_ids
from readiness_tui.core.importers.vocabulary.owners import split_owner

#: Where each corrected field lives on an item.
_ITEM_KEYS = {"estimate": "estimate_days"}
#: Between names of an owner cell when the first named owns it: any slash, a comma or semicolon, ``+`` (``docs+SE``,
#: ``手動+Claude Code``), and ``&`` with spaces around (``R&D`` stays one name).
_NAME_SEP = re.compile(r"\s*[/,;、，+]\s*|\s+&\s+")
#: An aside in brackets: ``Xavier (seed par Jean-Paul)``.
_ASIDE = re.compile(r"\s*[(（\[][^()（）\[\]]*[)）\]]")


def first_named(cell: str) -> tuple[str, list[str]]:
    """(owner, others) of an owner cell whose first named owns it: ``Legal / BizDev`` -> ("Legal", ["BizDev"]),
    ``Xavier (seed par Jean-Paul)`` -> ("Xavier", []): the aside in brackets names no owner."""
    names = [n.strip() for n in _NAME_SEP.split(_ASIDE.sub("", cell)) if n.strip()]
    return (names[0], names[1:]) if names else (cell, [])


def correct_entry(recipe: Recipe, table: str, key: str, fld: str, text: str, known: Collection[str]) -> Recipe:
    """``recipe`` with ``[table."key"] fld`` set to what a person typed (a new recipe); ``ValueError`` when the board
    would refuse it (``known``: the ids of the import's items, which dependencies and mitigations may name). A new
    id for an item the recipe added moves its entry: an added item's id is its key."""
    allowed = [f for f in (ITEM_FIELDS if table == "items" else RISK_FIELDS) if f not in ("drop", "add")]
    if fld not in allowed:
        raise ValueError(f"{fld!r} is not a field of [{table}]; expected one of {', '.join(allowed)}")
    value: FixValue = split_ids(text) if fld in LIST_FIELDS else text.strip()
    board_value(fld, value, known, new_id(recipe, key) if table == "items" else "")
    entries: dict[str, dict[str, FixValue]] = getattr(recipe, table)
    if fld == "id" and entries.get(key, {}).get("add"):
        return _with(recipe, table, {str(value) if k == key else k: fix for k, fix in entries.items()})
    return _with(recipe, table, {**entries, key: {**entries.get(key, {}), fld: value}})


def drop_entry(recipe: Recipe, table: str, key: str) -> Recipe:
    """``recipe`` with ``[table."key"] drop = true``: the row is not an item (or not a risk); a new recipe. An item
    the recipe added is taken out of the recipe instead."""
    entries: dict[str, dict[str, FixValue]] = getattr(recipe, table)
    if entries.get(key, {}).get("add"):
        return _with(recipe, table, {k: fix for k, fix in entries.items() if k != key})
    return _with(recipe, table, {**entries, key: {"drop": True}})


def _with(recipe: Recipe, table: str, entries: dict[str, dict[str, FixValue]]) -> Recipe:
    if table == "items":
        return replace(recipe, items=entries, applied=set(), lines={})
    return replace(recipe, risks=entries, applied=set(), lines={})


def set_option(recipe: Recipe, name: str, value: str) -> Recipe:
    """``recipe`` with ``[options] name = value`` (the default value takes the entry out); a new recipe."""
    if value not in OPTIONS.get(name, ()):
        raise ValueError(f"{name!r} = {value!r} is not a plan-wide option; see [options] in guided.recipe")
    options = {k: v for k, v in recipe.options.items() if k != name}
    if value != OPTIONS[name][0]:
        options[name] = value
    return replace(recipe, options=options, applied=set(), lines={})


def apply_corrections(b: Builder, recipe: Recipe) -> None:
    """Apply ``recipe``'s options and per-entry corrections to the records ``b`` found (see the module doc)."""
    _owner_first(b, recipe)
    _owner_whole(b, recipe)
    _group_waits(b, recipe)
    _drop(b, recipe, "items")
    _drop(b, recipe, "risks")
    _rename(b, recipe)
    add_items(b, recipe)
    step_fields(b, recipe)
    add_risks(b, recipe)
    apply_groups(b, recipe)
    _correct_items(b, recipe)
    _correct_risks(b, recipe)
    _outside_ids(b, recipe)
    _all_links(b, recipe)
    _read_options_report(b, recipe)


#: Options the reading of the plan applies as it goes -> what it found none of, when it found none.
_READ_OPTIONS = {
    "struck": "struck-through id or row",
    "steps": "box under an item",
    "sub_boxes": "box indented under a box",
    "asides": "title closing with a bracketed aside",
    "dashes": "title with a spaced dash",
    "colons": "title with a colon",
    "tags": "bracketed tag opening an entry",
}
#: What a value of one of them finds, where it differs from what the option's other values find.
_READ_VALUES = {("asides", "title"): "file's details in brackets closing a title"}
#: What each of their values other than the default says, once applied.
_APPLIED = {
    ("struck", "done"): "a struck-through id or row means done",
    ("steps", "description"): "the boxes under an item are its steps, in its description",
    ("steps", "items"): "the boxes under an item are items of their own",
    ("sub_boxes", "steps"): "the boxes indented under a box are its steps",
    ("asides", "description"): "a bracketed aside closing a title is its description",
    ("asides", "title"): "a bracketed aside closing a title stays in it, a file's details too",
    ("dashes", "description"): "what follows a spaced dash in a title is its description",
    ("colons", "description"): "what follows a colon in a title is its description",
    ("colons", "title"): "a colon in a title keeps what follows in it",
    ("tags", "owner"): "a bracketed tag opening an entry names its owner",
}


def _read_options_report(b: Builder, recipe: Recipe) -> None:
    """One line for each such option the recipe sets: applied, or matched nothing in this plan."""
    for name, what in _READ_OPTIONS.items():
        value = recipe.options.get(name)
        if value is None or value == OPTIONS[name][0]:
            continue
        said = f"{recipe.where('options', name)}: [options] {name} = {value!r}"
        if ("options", name) in recipe.applied:
            b.used(0, f"{said} applied: {_APPLIED[(name, value)]}")
        else:
            b.warn(0, f"{said} matches no {_READ_VALUES.get((name, value), what)} of the plan; not applied")


def _entry(table: str, key: str) -> str:
    return f'[{table}."{key}"]'


def _owner_first(b: Builder, recipe: Recipe) -> None:
    if recipe.option("owner") != "first":
        return
    said = f"{recipe.where('options', 'owner')}: [options] owner = 'first'"
    cut = 0
    for rec in [*b.items.values(), *b.records["risks"]]:
        cell = rec.values.get("owner")
        if not isinstance(cell, str) or not cell:
            continue
        owner, others = first_named(cell)
        if owner == cell:
            continue
        rec.values["owner"] = owner
        if rec.kind == "items":
            more = [n for n in others if n not in rec.values.get("contributors", []) and n != owner]
            if more:
                rec.values["contributors"] = [*rec.values.get("contributors", []), *more]
            rec.values.setdefault("custom", {})["owner_as_written"] = cell  # the aside too: nothing lost
        cut += 1
        b.note(0, f"{rec.values.get('id')}: owner {cell!r} -> {owner!r} (the first named; {said})")
    if cut:
        b.used(0, f"{said} applied: {cut} owner cells keep the first named")
    else:
        b.warn(0, f"{said} matches no owner cell naming several; not applied")


def _owner_whole(b: Builder, recipe: Recipe) -> None:
    """``owner = "whole"``: an owner cell is the owner as written, several names or an aside in it
    (``Builder.owner_cells``)."""
    if recipe.option("owner") != "whole":
        return
    said = f"{recipe.where('options', 'owner')}: [options] owner = 'whole'"
    kept = 0
    for rid, cell in b.owner_cells.items():
        rec = b.items.get(rid)
        if rec is None or rec.values.get("owner") == cell:
            continue
        rec.values["owner"] = cell
        split = split_owner(cell)[1]
        rest = [n for n in rec.values.get("contributors", []) if n not in split]
        if rest:
            rec.values["contributors"] = rest
        else:
            rec.values.pop("contributors", None)
        kept += 1
    if kept:
        b.used(0, f"{said} applied: {kept} owner cells kept as written")
    else:
        b.warn(0, f"{said} matches no owner cell the import cut; not applied")


def _drop(b: Builder, recipe: Recipe, table: str) -> None:
    dropped: set[str] = set()
    found = b.items if table == "items" else {r.values.get("id"): r for r in b.records["risks"]}
    for key, fix in getattr(recipe, table).items():
        if not fix.get("drop"):
            continue
        said = f"{recipe.where(table, key, 'drop')}: {_entry(table, key)} drop = true"
        rec = found.get(key)
        if rec is None:
            b.warn(0, f"{said}: names no {table[:-1]} of this import; not applied")
            continue
        if table == "items":
            del b.items[key]
        else:
            b.records["risks"].remove(rec)
        dropped.add(key)
        title = rec.values.get("title", "")
        b.used(
            0,
            f"{said} applied: {key} ({title!r}, line {rec.line}) is not {'an item' if table == 'items' else 'a risk'}",
        )
    if table == "items" and dropped:
        _unlink(b, dropped, "is dropped by the recipe")


def _unlink(b: Builder, gone: set[str], why: str) -> None:
    """Take references to the items ``gone`` out of every record that names them, one note each."""
    for ref in sorted(gone):
        for rec, fld in b.repoint(ref, None):
            b.note(0, f"{rec.kind[:-1]} {rec.values.get('id')}: {fld} {ref!r} removed: {ref} {why}")


def renamed(recipe: Recipe) -> dict[str, str]:
    """The import's id -> the id a person gave the item (``[items."A-1"] id = "CC-1"``)."""
    return {key: str(fix["id"]) for key, fix in recipe.items.items() if isinstance(fix.get("id"), str)}


def new_id(recipe: Recipe, key: str) -> str:
    """The id the board gives the item the import made as ``key``: its own rename, else its ``[ids]`` numbering."""
    return renamed(recipe).get(key) or stem_renames(recipe, [key]).get(key, key)


def import_id(recipe: Recipe, shown: str, numbered: Mapping[str, str] | None = None) -> str:
    """The import's own id of an item shown as ``shown``: what the recipe's ``[items."ID"]`` keys name.
    ``numbered``: the board's ids -> the import's, for the items the last import's ``[ids]`` numbered."""
    own = next((key for key, new in renamed(recipe).items() if new == shown), None)
    if own is not None:
        return own
    return (numbered or {}).get(shown) or stem_import_id(recipe, shown)


def _rename(b: Builder, recipe: Recipe) -> None:
    """Give items the ids a person chose, before any other correction: every reference to an item follows it,
    so the dependencies a person types (and the board) name the new ids. ``[ids]`` numbers first, so that an
    item's own rename has the last word."""
    own = renamed(recipe)
    made = stem_renames(recipe, list(b.items))  # from the import's ids: an id one entry gives, no other entry moves

    def stem_of(k: str) -> str | None:
        parent = k.rpartition(".")[0]  # a step follows its item (TASK-1.2 with TASK-1)
        return stem_of(parent) if parent in made else id_stem(k)

    entries = {
        stem: {k: v for k, v in made.items() if stem_of(k) == stem and k not in own}
        for stem in recipe.ids
        if stem != EVERY_MADE
    }
    if EVERY_MADE in recipe.ids:
        moved = {k for moves in entries.values() for k in moves} | set(own)
        rest = {k: r.line for k, r in b.items.items() if k not in moved}
        given = set(own.values()) | {v for moves in entries.values() for v in moves.values()}
        entries[EVERY_MADE] = every_made(rest, "\n".join(b.lines), recipe.ids[EVERY_MADE], given, b.made_ids)
    for stem, moves in entries.items():
        said = f"{recipe.where('ids', stem)}: [ids] {stem!r} = {recipe.ids[stem]!r}"
        # A sequence may give one made id the id another made id holds until its own turn: those move aside first.
        aside = {k: f"{k}--renumbered" for k in moves if k in moves.values() and moves[k] != k}
        for k, tmp in aside.items():
            _move(b, k, tmp, said)
        done = [f"{k} -> {v}" for k, v in moves.items() if _move(b, aside.get(k, k), v, f"{said}: {k} -> {v}")]
        b.numbered.update({k: v for k, v in moves.items() if v in b.items})
        if done:
            b.used(0, f"{said} applied to {len(done)} items: {', '.join(done)}")
        elif not moves:
            b.warn(0, f"{said} matches no item id of this import; not applied")
    for key, new in own.items():
        said = f"{recipe.where('items', key, 'id')}: {_entry('items', key)} id = {new!r}"
        if key not in b.items:
            b.warn(0, f"{said}: names no item of this import; not applied")
        elif _move(b, key, new, said):
            b.used(0, f"{said} applied: {key} is {new}, and so is every reference to it")


def _move(b: Builder, key: str, new: str, said: str) -> bool:
    """Give the item ``key`` the id ``new`` and every reference to it; a warning (False) when the board refuses."""
    rec = b.items[key]
    try:
        board_value("id", new, b.items, key)
    except ValueError as exc:
        b.warn(0, f"{said}: {exc}; not applied")
        return False
    rec.values["id"] = new
    b.items = {new if k == key else k: r for k, r in b.items.items()}
    for stated in (b.status_stated, b.deps_stated):
        if key in stated:
            stated.discard(key)
            stated.add(new)
    b.repoint(key, new)
    return True


def _correct_items(b: Builder, recipe: Recipe) -> None:
    for key, fix in recipe.items.items():
        if fix.get("drop"):
            continue
        rec = b.items.get(renamed(recipe).get(key) or b.numbered.get(key) or key)
        if rec is None:
            if "id" not in fix:  # a rename of no item is reported by _rename
                b.warn(
                    0, f"{recipe.where('items', key)}: {_entry('items', key)} names no item of this import; not applied"
                )
            continue
        for fld, value in fix.items():
            added = fld == "title" and rec.origin == ADDED  # its report line says the title
            if fld not in ("id", "add") and not added:
                _set(b, recipe, "items", key, rec, fld, value)


def _correct_risks(b: Builder, recipe: Recipe) -> None:
    risks = {r.values.get("id"): r for r in b.records["risks"]}
    for key, fix in recipe.risks.items():
        if fix.get("drop"):
            continue
        rec = risks.get(key)
        if rec is None:
            b.warn(0, f"{recipe.where('risks', key)}: {_entry('risks', key)} names no risk of this import; not applied")
            continue
        for fld, value in fix.items():
            if fld != "add" and not (fld == "title" and rec.origin == ADDED):
                _set(b, recipe, "risks", key, rec, fld, value)


def _set(b: Builder, recipe: Recipe, table: str, key: str, rec: Rec, fld: str, value: FixValue) -> None:
    said = f"{recipe.where(table, key, fld)}: {_entry(table, key)} {fld} = {value!r}"
    rid = str(rec.values["id"])  # the item's id once renamed: what the board and its dependencies name
    try:
        new = board_value(fld, value, b.items, rid if table == "items" else "")
    except ValueError as exc:
        b.warn(0, f"{said}: {exc}; not applied")
        return
    at = _ITEM_KEYS.get(fld, fld)
    old = rec.values.get(at)
    if new is None:
        rec.values.pop(at, None)
    else:
        rec.values[at] = new
    if fld == "status":
        b.status_stated.add(rid)
    elif fld == "depends_on":
        b.deps_stated.add(rid)
    b.used(0, f"{said} applied (was {'not set' if old is None else repr(old)})")


def _group_waits(b: Builder, recipe: Recipe) -> None:
    """``group_waits = "none"``: the dependencies made because an item's group waits on another group, or because a
    dependency named a group, are taken back (``Builder.group_waits``); the plan said them of its groups only."""
    if recipe.option("group_waits") != "none":
        return
    said = f"{recipe.where('options', 'group_waits')}: [options] group_waits = 'none'"
    taken: dict[str, list[str]] = {}
    for item, dep in sorted(b.group_waits, key=lambda p: (b.items[p[0]].line if p[0] in b.items else 0, p)):
        deps = b.items[item].values.get("depends_on") if item in b.items else None
        if isinstance(deps, list) and dep in deps:
            deps.remove(dep)
            taken.setdefault(item, []).append(dep)
    for item, deps in taken.items():
        b.note(b.items[item].line, f"{item}: waits on a group's items taken back: {', '.join(deps)} ({said})")
    if taken:
        b.used(0, f"{said} applied: {sum(map(len, taken.values()))} dependencies on a group's items taken back")
    else:
        b.warn(0, f"{said} matches no wait on a group of items; not applied")


def _outside_ids(b: Builder, recipe: Recipe) -> None:
    if recipe.option("outside_ids") != "drop":
        return
    said = f"{recipe.where('options', 'outside_ids')}: [options] outside_ids = 'drop'"
    n = 0
    for rec in b.items.values():
        for fld in ("depends_on", "soft_depends_on"):
            refs = rec.values.get(fld)
            outside = [r for r in refs if r not in b.items] if isinstance(refs, list) else []
            if outside:
                rec.values[fld] = [r for r in refs if r in b.items] if isinstance(refs, list) else refs
                n += len(outside)
                b.note(
                    0, f"{rec.values['id']}: {fld} {', '.join(map(repr, outside))} not on this board; dropped ({said})"
                )
    if n:
        b.used(0, f"{said} applied: {n} dependencies on ids not on this board dropped")
    else:
        b.warn(0, f"{said} matches no dependency on an id outside this board; not applied")


def _all_links(b: Builder, recipe: Recipe) -> None:
    """``all = "every"``: a risk whose items cell said "All" is mitigated by every item; an item whose risk cell
    said "All" mitigates every risk (``Builder.says_all``)."""
    if recipe.option("all") != "every":
        return
    said = f"{recipe.where('options', 'all')}: [options] all = 'every'"
    risks = {str(r.values.get("id")): r for r in b.records["risks"]}
    order = {i: n for n, i in enumerate(b.items)}
    n = 0
    for kind, rid, line in b.says_all:
        pairs = [(risks.get(rid), i) for i in b.items] if kind == "risk" else [(r, rid) for r in risks.values()]
        for risk, item in pairs:
            if risk is None or item not in b.items:
                continue
            links = risk.values.setdefault("mitigated_by", [])
            if item not in links:
                links.append(item)
                links.sort(key=lambda i: order.get(i, len(order)))  # board order, whichever cell came first
                n += 1
        b.note(
            line,
            f"{'risk ' if kind == 'risk' else ''}{rid}: 'All' read as every {'item' if kind == 'risk' else 'risk'} ({said})",
        )
    if n:
        b.used(0, f"{said} applied: {n} links from cells saying 'All'")
    else:
        b.warn(0, f"{said} matches no cell saying 'All' where ids go; not applied")
