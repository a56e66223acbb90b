"""The backlog as CSV, for spreadsheets: one row per item, lists joined with ``; ``.

``target`` is as written (a week or a date); ``target_date`` beside it is a date that sorts: the
date itself, or the Monday of the week.
"""

from __future__ import annotations

import csv
import io
import re

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.dates import target_first_day

COLUMNS = (
    "id",
    "title",
    "kind",
    "status",
    "priority",
    "score",
    "owner",
    "workstream",
    "estimate_days",
    "target",
    "target_date",
    "phase",
    "milestone",
    "parent",
    "depends_on",
    "tags",
    "ready",
    "blocked",
    "overdue",
    "gate_verify",
)


_HANDLE = re.compile(r"@[\w.-]+")


def _cell(value: object) -> str:
    text = "" if value is None else ("; ".join(map(str, value)) if isinstance(value, list) else str(value))
    # A cell a spreadsheet would run as a formula (=, +, -, @ ...) is kept as text; an owner's
    # handle (@ana) calls nothing and stays as it is.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _HANDLE.fullmatch(text):
        return "'" + text
    return text


#: The byte order mark that tells a spreadsheet program (Excel, say) the file is UTF-8: without
#: it, non-ASCII titles are read in the system's legacy code page.
BOM = "\ufeff"


def to_csv(board: Board, analysis: Analysis | None = None, *, bom: bool = False) -> str:
    """The CSV text; ``bom`` starts it with a byte order mark."""
    a = analysis or Analysis(board)
    ready, blocked, overdue = set(a.ready), set(a.blocked), set(a.overdue)
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for it in board.items:
        writer.writerow(
            [
                _cell(v)
                for v in (
                    it.id,
                    it.title,
                    it.kind,
                    it.status,
                    it.priority,
                    it.total_score,
                    it.owner,
                    it.workstream,
                    it.estimate_days,
                    it.target,
                    target_first_day(it.target),
                    it.phase,
                    it.milestone,
                    it.parent,
                    it.depends_on,
                    it.tags,
                    "yes" if it.id in ready else "",
                    "yes" if it.id in blocked else "",
                    "yes" if it.id in overdue else "",
                    it.gate.verify if it.gate else "",
                )
            ]
        )
    return out.getvalue()
