"""A table of phases that is the plan's only account of its work: each row is the item ``PHASE-<name>``.

    | Phase | Scope                          | Dependencies |
    |-------|--------------------------------|--------------|
    | **A** | Schema migration               | None         |
    | **E** | Frontend display               | Phases B-D   |

When no heading of the plan opens a phase (so no section writes a phase's work out), the rows are the units of
work: ``PHASE-A`` .. with the first text column as title, and the dependencies column read as phases
(``Phase A``, ``Phases B-D``, ``Phases 2 and 3``; a range of letters or numbers is expanded).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.blocks import Section, Table, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.id_shapes import NONE_WORDS
from readiness_tui.core.importers.row_fields import padded_cells

#: A phase cell that is only its name: ``A``, ``**B**``, ``3``, ``Phase C``.
_NAME = re.compile(r"^(?:phase\s+)?(?P<name>[A-Z]|\d{1,2})$", re.I)
#: ``Phase A``, ``Phases B-D``, ``Phases 2, 3 and 5`` in a dependencies cell.
_REF = re.compile(r"\bphases?\s+(?P<names>[A-Z0-9]{1,2}(?:\s*(?:[-–,&]|\band\b|\bto\b)\s*[A-Z0-9]{1,2}\b)*)", re.I)
_PHASE_HEADING = re.compile(r"^#{1,6}\s+(?:[^\w\s#*]+\s*)*(?:\*\*)?(?:phase|stage)\s+\w", re.I)


def _names(text: str) -> list[str]:
    out: list[str] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", text):
        r = re.fullmatch(r"(\w{1,2})\s*(?:-|–|\bto\b)\s*(\w{1,2})", part.strip())
        if r and r.group(1).isdigit() == r.group(2).isdigit():
            a, z = r.group(1).upper(), r.group(2).upper()
            if a.isdigit():
                out += [str(n) for n in range(int(a), int(z) + 1)]
            elif len(a) == len(z) == 1 and a < z:
                out += [chr(c) for c in range(ord(a), ord(z) + 1)]
        elif part.strip():
            out.append(part.strip().upper())
    return out


def phase_row_items(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> bool:
    """Read the table as above; False (nothing done) unless it has that shape."""
    if "phase" not in fields or "depends_on" not in fields or "title" in fields or "id" in fields:
        return False
    if any(_PHASE_HEADING.match(ln) for ln in b.lines):
        return False
    pcol, dcol = fields.index("phase"), fields.index("depends_on")
    tcol = next((n for n, f in enumerate(fields) if f in (None, "description") and n not in (pcol, dcol)), None)
    rows = [padded_cells(table, r.cells) for r in table.rows]
    names = [_NAME.match(plain(cells[pcol]).strip()) for cells in rows]
    if tcol is None or len(rows) < 2 or not all(names):
        return False
    ids = [f"PHASE-{m.group('name').upper()}" for m in names if m]
    if len(set(ids)) != len(ids):
        return False
    for row, cells, rid in zip(table.rows, rows, ids, strict=True):
        dep_text = plain(cells[dcol]).strip()
        deps: list[str] = []
        if dep_text.lower().rstrip(".") not in NONE_WORDS:
            for m in _REF.finditer(dep_text):
                deps += [f"PHASE-{n}" for n in _names(m.group("names")) if f"PHASE-{n}" in ids]
        values: dict[str, Any] = {"id": rid, "title": plain(cells[tcol], keep_code=True), "kind": "task"}
        values["depends_on"] = list(dict.fromkeys(d for d in deps if d != rid))
        b.add_item(values, row.line, "phase row")
    b.consume(table, sec)
    b.used(
        table.line,
        f"table of phases with their dependencies, no phase heading in the plan -> items {ids[0]} .. {ids[-1]}",
    )
    return True
