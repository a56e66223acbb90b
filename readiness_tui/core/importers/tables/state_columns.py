"""Columns of bare state marks, one per target, in a table with no status column.

``| Id | Task | Extortion | Alchemistry | Manufactur'inc |`` over ``| #2 | CI: tests | ✅ | ✅ | ❌ |``: a roadmap shared by
several products (platforms, environments, services) ticks each row off per product. The row's own state is read
from them: done when every product it applies to has it done, to do when none has begun, in progress between. A
cell that says nothing ("-", "n/a", empty) is a product the row does not apply to. A cross beside ticks is "not
yet" for that product, not a block: to do. The marks stay as written in ``custom``, one key per column.

``| To Do | In Progress | Done |`` over cards: a kanban board drawn as a table (``board_table``). Every column names a
state, and each cell holding words is a card in its column's state.
"""

from __future__ import annotations

from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, Table, plain
from readiness_tui.core.importers.entries.inline import inline_fields
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.tables.cells import is_placeholder, padded_cells
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from readiness_tui.core.importers.vocabulary.title_states import status_heading


def _mark(cell: str) -> str | None:
    """The state a cell that is one mark and nothing else says ("✅", "❌"); None for words, or no mark."""
    text = plain(cell).strip()
    if not text or len(text) > 3 or any(c.isalnum() for c in text):
        return None
    return parse_status(text)  # a cross is "not yet" for that product, as anywhere in a plan


def state_columns(table: Table, fields: list[str | None]) -> list[int]:
    """The columns no header maps whose every cell is one state mark or says nothing, with a mark on most rows;
    none when a column is the status already."""
    if "status" in fields or len(table.rows) < 2:
        return []
    rows = [padded_cells(table, r.cells) for r in table.rows]
    out = []
    for n, fld in enumerate(fields):
        if fld is not None:
            continue
        cells = [plain(cells[n]).strip() for cells in rows]
        marked = [c for c in cells if _mark(c)]
        if len(marked) * 2 > len(cells) and all(_mark(c) or not c or is_placeholder(c) for c in cells):
            out.append(n)
    return out


def row_state(cells: list[str], columns: list[int]) -> str | None:
    """The row's state from its marks in ``columns`` (see the module doc); None when it has none there."""
    states = [s for n in columns if n < len(cells) and (s := _mark(cells[n]))]
    if not states:
        return None
    if len(set(states)) == 1:
        return states[0]
    if any(s in ("done", "in_progress") for s in states):
        return "in_progress"
    return "blocked" if "blocked" in states else "todo"


def board_table(b: Builder, table: Table, sec: Section) -> bool:
    """A kanban board drawn as a table (two columns or more, each header a state, "To Do | In Progress | Done"): each
    cell with words is an item ``T<n>``, in its column's state, its inline fields read (``setup the server @jdjak``).
    False, and nothing made, for any other table."""
    states = [status_heading(plain(h)) for h in table.headers]
    if len(states) < 2 or not all(states):
        return False
    counter = [0]
    made: list[str] = []
    for row in table.rows:
        for cell, state in zip(padded_cells(table, row.cells), states, strict=True):
            text = plain(cell, keep_code=True).strip()
            if not text or is_placeholder(text):
                continue
            rid = b.free_id("T", counter)
            title, fields = inline_fields(b, text, row.line, rid)
            values: dict[str, Any] = {"id": rid, "title": title, "kind": "task", **fields, "status": state}
            if b.add_item(values, row.line, "table"):
                made.append(rid)
    b.consume(table, sec)
    b.used(table.line, f"table whose columns are a board's states -> cards {id_span(made)}")
    return True
