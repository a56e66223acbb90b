"""A table row one cell short whose writer left out an empty cell in its middle: its later cells are read under the
columns they fit (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Backlog

| ID | Task | Description | Estimate (h) | Priority | Status | Dependencies |
|----|------|-------------|--------------|----------|--------|--------------|
| T-1 | Create the connection service | 8 | High | In progress | |
| T-2 | Write the unit tests | Cover all caching logic | 16 | Medium | Planned | T-1 |
| T-3 | Write the release notes | 4 | Low | Done | |
"""


def test_a_row_missing_a_middle_cell_reads_its_later_cells_under_their_columns() -> None:
    # Before: padded at its end, "High" stood as T-1's estimate and "In progress" as its priority.
    report, items = imported(PLAN)
    got = [(it.id, it.estimate_days, it.priority, it.status, it.description) for it in items.values()]
    assert got == [
        ("T-1", 1.0, "P1", "in_progress", ""),
        ("T-2", 2.0, "P2", "todo", "Cover all caching logic"),
        ("T-3", 0.5, "P3", "done", ""),
    ]
    assert "table: 2 row(s) one cell short read with 'Description' left empty" in "\n".join(report)


def test_a_row_short_of_its_last_cell_stays_as_written() -> None:
    md = "# Backlog\n\n| ID | Task | Priority | Status | Notes |\n|---|---|---|---|---|\n| T-1 | Ship it | High | Done |\n"
    report, items = imported(md)
    assert [(it.priority, it.status) for it in items.values()] == [("P1", "done")]
    assert "one cell short" not in "\n".join(report)
