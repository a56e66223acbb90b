"""Tables that number their rows from 1 again under each of several headings (and the prefix rule that plain
numbered lists doing the same share, ``sections.bullet_plan``).

    ### Sprint 0 — Setup                 ### Sprint 1 — Core
    | # | Task           | Owner |       | # | Task         | Owner |
    | 1 | Set up the repo | Ana   |       | 1 | Login API    | Bo    |
    | 2 | Seed the data   | Bo    |       | 2 | Users CRUD   | Bo    |

The same numbers name different work in each table. Read as ids, the second table's rows were taken for the first
table's (a table of known items adds to them) and its work was lost. Each row's id is the heading's number and the
row's (``0.1``, ``1.2``), or the table's place among them where the headings carry no number of their own. Tables
whose rows restate the same work by the same numbers (a status view) keep the numbers as they are.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Section, Table, plain
from readiness_tui.core.importers.tables.cells import padded_cells
from readiness_tui.core.importers.vocabulary.headers import header_field

_HEADING_NUMBER = re.compile(r"\b(\d+(?:\.\d+)*)\b")


def _numbered(table: Table) -> list[str] | None:
    """The title cells of a table whose first column numbers its rows 1, 2, 3 …, else None."""
    if not table.headers or header_field(plain(table.headers[0])) != "id" or len(table.rows) < 2:
        return None
    title = next((c for c, h in enumerate(table.headers) if header_field(plain(h)) == "title"), None)
    if title is None:
        return None
    rows = [padded_cells(table, r.cells) for r in table.rows]
    if [plain(cells[0]).strip().rstrip(".") for cells in rows] != [str(n) for n in range(1, len(rows) + 1)]:
        return None
    return [plain(cells[title]).strip().lower() for cells in rows]


def restart_prefixes(root: Section) -> dict[int, str]:
    """Table line -> what comes before its row numbers, for tables that number their rows from 1 again under
    their own headings (see the module); empty when the plan has fewer than two, or they restate each other."""
    found: list[tuple[Section, int, list[str]]] = []
    for sec in root.walk():
        for blk in sec.blocks:
            if isinstance(blk, Table) and (titles := _numbered(blk)) is not None:
                found.append((sec, blk.line, titles))
    return restarted(found)


def restarted(found: list[tuple[Section, int, list[str]]]) -> dict[int, str]:
    """Block line -> its prefix (``heading_prefixes``), for blocks numbered from 1 again under their own headings,
    given as (heading, line, titles): none when fewer than two, two under one heading, or one restating another (most
    of its titles those of another at the same places: a status view of the same work by the same numbers)."""
    if len(found) < 2 or len({id(sec) for sec, _, _ in found}) < len(found):
        return {}
    for n, (_, _, titles) in enumerate(found):
        for _, _, other in found[:n]:
            if sum(a == b for a, b in zip(titles, other, strict=False)) * 2 > min(len(titles), len(other)):
                return {}
    prefixes = heading_prefixes([sec for sec, _, _ in found])
    return {line: prefix for (_, line, _), prefix in zip(found, prefixes, strict=True)}


def heading_prefixes(sections: list[Section]) -> list[str]:
    """What comes before the numbers a block restarts from 1 under each of ``sections``: the heading's own number
    (``Sprint 0`` -> ``0.``), or the block's place among them where the headings carry none or the same."""
    numbers = [m.group(1) if (m := _HEADING_NUMBER.search(sec.bare_title)) else None for sec in sections]
    if None in numbers or len(set(numbers)) < len(numbers):
        numbers = [str(n) for n in range(1, len(sections) + 1)]
    return [f"{num}." for num in numbers]
