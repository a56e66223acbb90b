"""A table whose cells hold lists: ``| Week | Phase | Key Activities |`` over ``- Monitor x<br>- Address y``. Each
entry of such a cell is a task of its own, the row's other cells (its week, its phase) its fields.

So too where the column of titles holds such lists in two cells or more (``| Semana | Atividade | Responsável |``
over ``-Gameplay; <br>-Storyboard;``: a dash may touch its words, a closing ";" is no part of them): an owner cell
listing as many lines gives each entry its own (``**-Ian Rocha**<br>**-Equipe**``; a line of a dash alone names
nobody), else every entry takes the cell as it is."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.tables.cells import padded_cells
from readiness_tui.core.importers.vocabulary.headers import norm_header

#: A line break inside a cell, as Markdown tables write one.
_BREAK = re.compile(r"<br\s*/?>", re.I)
#: A list entry's bullet at the start of a line of a cell; a dash or a dot may touch the words ("-Gameplay").
_BULLET = re.compile(r"^\s*(?:(?:[-*•]|\d+[.)])\s+|[-•](?=[^\W\d_]))")
#: An owner line of a cell listing owners: a dash, maybe in bold ("**-Equipe**", "**-**").
_OWNER_LINE = re.compile(r"^[\s*_]*-\s*")
#: Headers over the work a row's period holds.
_WORK_HEADERS = re.compile(
    r"^(?:key\s+|main\s+)?(?:activities|activity|tasks|actions|deliverables|work items?)$|^in focus(?:\s+now)?$"
    r"|^(?:atividades?|actividad(?:es)?|tarefas?|tareas?|attività|aufgaben|tâches|activités)$"
)


def _entries(cell: str) -> list[str]:
    """The entries of a list written in a cell with line breaks; none when any line is no entry."""
    lines = [ln for ln in _BREAK.split(cell) if ln.strip()]
    if not lines or not all(_BULLET.match(ln) for ln in lines):
        return []
    return [plain(_BULLET.sub("", ln, count=1)).strip().rstrip(";").strip() for ln in lines]


def listed_titles(table: Table, fields: list[str | None]) -> Table | None:
    """The table with one row per entry of the lists its column of titles holds (see the module doc), or None."""
    if "title" not in fields or "id" in fields:
        return None
    n = fields.index("title")
    owner = fields.index("owner") if "owner" in fields else None
    cells = [padded_cells(table, r.cells) for r in table.rows]
    lists = [_entries(c[n]) for c in cells]
    if sum(len(e) >= 2 for e in lists) < 2:
        return None
    rows = []
    for r, c, entries in zip(table.rows, cells, lists, strict=True):
        if len(entries) < 2:
            # "-Entrega da avaliação" alone: one entry, written as the others are; its dash is no part of it.
            rows.append(TableRow(r.line, [*c[:n], entries[0], *c[n + 1 :]]) if entries else r)
            continue
        owners = [ln for ln in _BREAK.split(c[owner]) if ln.strip()] if owner is not None else []
        for k, entry in enumerate(entries):
            part = list(c)
            part[n] = entry
            if owner is not None and len(owners) == len(entries):
                part[owner] = plain(_OWNER_LINE.sub("", owners[k])).strip(" *_")
            rows.append(TableRow(r.line, part))
    return Table(table.line, table.end, table.headers, rows)


def listed_in_cells(table: Table, fields: list[str | None]) -> tuple[Table, list[str | None]] | None:
    """The table with one row per entry of the lists its column of work holds, that column the titles; None unless
    the column's header names work and most of its cells list two entries or more."""
    if "title" in fields or "id" in fields:
        return None
    for n, header in enumerate(table.headers):
        if not _WORK_HEADERS.match(norm_header(plain(header))):
            continue
        cells = [padded_cells(table, r.cells) for r in table.rows]
        lists = [_entries(c[n]) for c in cells]
        if not lists or sum(len(e) >= 2 for e in lists) * 2 < len(lists):
            continue
        rows = [
            TableRow(r.line, [*c[:n], entry, *c[n + 1 :]])
            for r, c, entries in zip(table.rows, cells, lists, strict=True)
            for entry in entries or [plain(c[n]).strip()]
            if entry
        ]
        titled: list[str | None] = ["title" if k == n else f for k, f in enumerate(fields)]
        return Table(table.line, table.end, table.headers, rows), titled
    return None
