"""A table of the people or agents who own the plan's work, read as items by its id column: a roster, not work.

``| Agent | ID | Role | Status |`` over ``OWL-FE``, ``OWL-BE``, then a task table assigning ``OWL-BE``: the first
table's ids are who does the work. Told apart by that alone: every row's id is an owner of the plan's other items,
and no other record cites the rows as work (a dependency, a parent, a risk's mitigation).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder


def _owners(b: Builder, exclude: set[str]) -> set[str]:
    """Every owner named by an item outside ``exclude``, without ``@``, in capitals (``OWL-FE, OWL-BE`` is two)."""
    found: set[str] = set()
    for i, r in b.items.items():
        owner = r.values.get("owner")
        if i not in exclude and isinstance(owner, str):
            found |= {o.strip().lstrip("@").upper() for o in re.split(r"[,/&]", owner) if o.strip()}
    return found


def _table_runs(b: Builder) -> list[list[str]]:
    """The items made from table rows, in runs of consecutive lines: one run a table."""
    rows = sorted((r.line, i) for i, r in b.items.items() if r.origin == "table")
    runs: list[list[str]] = []
    last = -2
    for line, i in rows:
        if line != last + 1:
            runs.append([])
        runs[-1].append(i)
        last = line
    return runs


def drop_rosters(b: Builder) -> None:
    """Drop the items of a table whose every row (two or more) names an owner of the plan's other items."""
    cited: set[str] = set()
    for r in b.items.values():
        cited |= set(r.values.get("depends_on") or [])
        if r.values.get("parent"):
            cited.add(str(r.values["parent"]))
    for rec in b.records["risks"]:
        cited |= set(rec.values.get("mitigated_by") or [])
    for run in _table_runs(b):
        run_set = set(run)
        owners = _owners(b, run_set)
        if len(run) < 2 or any(i.upper() not in owners or i in cited for i in run):
            continue
        line = min(b.items[i].line for i in run)
        for i in run:
            del b.items[i]
        b.skipped(
            line,
            f"table rows {', '.join(run)} name the owners of the plan's work: a roster of people; dropped, not items",
        )
