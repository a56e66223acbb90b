"""Ids by a plan's own convention: ``[ids] "VA-" = "V-"`` gives every item the import numbered ``VA-1``, ``VA-2``…
the ids ``V-1``, ``V-2``… in one entry (``"" = "PWR-"``: the ids that are a bare number, ``1``, ``2``…; ``"PHASE-" = ""``:
the number alone). ``"*" = "T-"`` numbers every id the import made, whatever it made it from, in one running sequence
in the plan's order: a plan that writes no ids gets one numbering, not one per list or table.

The import makes ids where a plan writes none (a table whose id cells are ``✅`` or ``—``, a box list, an id-less
ledger): the heading's or column's initials and a running number. A team that numbers such rows its own way
(``P-1``, ``3.1-1``, ``W-1``) would otherwise rename each item in turn. The entry keeps the number and changes what
comes before it; an item's own ``[items."ID"] id`` still has the last word. It is applied with those renames, before
any other correction, so every reference follows and the other entries (like the board) name the new ids, while
``[items."ID"]`` keys keep naming the item by the id the import made.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace

from readiness_tui.core.importers.guided.recipe import Recipe

#: The ``[ids]`` key that numbers every id the import made (no word of the plan writes it) in one sequence.
EVERY_MADE = "*"
#: A word of the plan that could be an id it writes: ``EX-20``, ``2.1``, ``#17``.
_WORD = re.compile(r"[\w#][\w.#-]*")
#: An id ending in a number: what comes before it, and the number (``VA-12`` -> "VA-", "12"; ``3.1-2`` -> "3.1-", "2").
_NUMBERED = re.compile(r"(.*?)(\d+)")


def id_stem(rid: str) -> str | None:
    """What comes before the closing number of ``rid`` ("" for a bare number; None when it ends in no number)."""
    found = _NUMBERED.fullmatch(rid)
    return found.group(1) if found else None


def stem_renames(recipe: Recipe, ids: Collection[str]) -> dict[str, str]:
    """The import's id -> the id ``[ids]`` gives it, for each of ``ids`` whose stem the recipe renames; the steps of
    a renamed item (``TASK-1.2`` of ``TASK-1``) follow it (``1.2``)."""
    out = {}
    for rid in ids:
        found = _NUMBERED.fullmatch(rid)
        if found and found.group(1) in recipe.ids:
            out[rid] = recipe.ids[found.group(1)] + found.group(2)
    for rid in ids:
        parent, dot, n = rid.rpartition(".")
        if dot and n.isdigit() and parent in out and rid not in out:
            out[rid] = f"{out[parent]}.{n}"
    return out


def stem_import_id(recipe: Recipe, shown: str) -> str:
    """The import's id of an item shown as ``shown`` after an ``[ids]`` entry (``V-3`` -> ``VA-3``), else ``shown``."""
    found = _NUMBERED.fullmatch(shown)
    if found:
        for old, new in recipe.ids.items():
            if found.group(1) == new:
                return old + found.group(2)
    return shown


def ids_entry(recipe: Recipe, stem: str | None, text: str) -> Recipe:
    """``recipe`` with ``[ids] stem = text`` (a new recipe; what it was when ``text`` is ``stem`` again);
    ``ValueError`` says why the new stem is refused. ``stem`` "" numbers the ids that are a bare number, and
    ``text`` "" leaves the number alone (``PHASE-3`` -> ``3``)."""
    new = text.strip()
    if stem is None:
        raise ValueError("only ids that end in a number are numbered by a convention")
    if re.search(r"\s", new):
        raise ValueError("ids are one word: no spaces")
    if EVERY_MADE in new:
        raise ValueError("write what comes before the number (T- gives T-1, T-2…)")
    if new and new.rstrip("0123456789") != new:
        raise ValueError("write what comes before the number (V- for V-1), not a whole id")
    ids = {k: v for k, v in recipe.ids.items() if k != stem}
    if new != stem:
        ids[stem] = new  # "" keeps only the number: PHASE-1, PHASE-2… become 1, 2…
    return replace(recipe, ids=ids, applied=set(), lines={})


def every_made(
    lines: Mapping[str, int], text: str, prefix: str, taken: Collection[str], made_ids: Collection[str] = ()
) -> dict[str, str]:
    """The import's id -> ``prefix`` and a running number, for each of ``lines`` (id -> the line it was read from)
    the import made: one of ``made_ids`` ("T1/T2" in a row's tier column does not make the rows T1 and T2 the plan's
    own), else one no word of the plan ``text`` writes; in the plan's order. Numbers whose id stays (one the plan
    writes, or one in ``taken``) are passed over."""
    written = {w.lstrip("#").rstrip(".-").lower() for w in _WORD.findall(text)}
    # "#49" is written as the plan's word "49" once its hash is off, as every word's is.
    own = {rid for rid in lines if rid.lstrip("#").lower() in written and rid not in made_ids}
    made = sorted((line, n, rid) for n, (rid, line) in enumerate(lines.items()) if rid not in own)
    taken = {*taken, *own}
    out: dict[str, str] = {}
    number = 0
    for _, _, rid in made:
        number += 1
        while f"{prefix}{number}" in taken:
            number += 1
        out[rid] = f"{prefix}{number}"
    return out
