"""A Gantt chart drawn as a table: a column naming each row's work, then a column per week, sprint or month whose
cells mark when the work runs and how far it got (``| Rate limiting | `░░` | -- | -- |`` under ``| Tarea | S15 ·
06–12 Abr | S16 · 13–19 Abr | S17 … |``). The marks mean what the plan's legend says (``██`` = completado,
``▒▒`` = parcial); the row's state is read from all of them, and the periods it spans are kept as it wrote them.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.tables.cells import is_placeholder, padded_cells
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A header naming a period: "S15 · 06–12 Abr", "W3", "Week 2", "Sprint 4", "KW 12", "Semana 3", "Q1", "Jan", "03/10".
_PERIOD = re.compile(
    r"^\W*(?:(?:s|w|wk|week|semana|sem|woche|kw|sprint|iteration|month|mes|mois|monat|m|q)\s*\d{1,2}\b|"
    r"\d{1,2}\s*[./]\s*\d{1,2}\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic|mai|okt|dez)[a-z]*\.?(?:\s+\d{2,4})?\s*$)",
    re.I,
)
#: A cell saying the work does not run in that period: empty, or a dash.
_OUT = re.compile(r"^[-–—.\s]*$")


def gantt_table(table: Table, fields: list[str | None]) -> Table | None:
    """The table with its period columns folded into a ``Status`` column (the state their marks say) and a ``Notes``
    column (the periods marked), when it is a Gantt chart: a title column, three period columns at least, every
    period cell a mark of a state the plan reads or no mark; else None."""
    periods = [n for n, h in enumerate(table.headers) if fields[n] is None and _PERIOD.match(plain(h))]
    if "title" not in fields or "status" in fields or len(periods) < 3:
        return None
    rows = []
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        marked = [(n, plain(cells[n]).strip("` ")) for n in periods if not _OUT.match(plain(cells[n]).strip("` "))]
        states = [parse_status(mark) for _, mark in marked if not is_placeholder(mark)]
        if any(s is None for s in states) or any(len(mark) > 4 for _, mark in marked):
            return None  # words in a week's cell: a schedule of another kind
        kept = [c for n, c in enumerate(cells) if n not in periods]
        span = " – ".join(dict.fromkeys(plain(table.headers[n]) for n, _ in marked[:1] + marked[-1:]))
        when = f"runs {span}" if span else ""
        rows.append(TableRow(row.line, [*kept, _row_state([s for s in states if s]), when]))
    headers = [h for n, h in enumerate(table.headers) if n not in periods] + ["Status", "Notes"]
    return Table(table.line, table.end, headers, rows)


def _row_state(states: list[str]) -> str:
    """The state of a row whose periods say ``states``: done when all are, blocked when one is, in progress when one
    is or some are done and some not, else to do ("" when no period is marked)."""
    if not states:
        return ""
    if all(s == "done" for s in states):
        return "done"
    if "blocked" in states:
        return "blocked"
    if "in_progress" in states or "done" in states:
        return "in_progress"
    return states[0]
