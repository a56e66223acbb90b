"""A table row that stands for nothing ("None | None | ...", "TBD" or "—" in its id and title cells) is not an
item; it is reported. A row with a real id keeps its item whatever its other cells say."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.tables.cells import is_placeholder
from tests.core.import_plan import imported


@pytest.mark.parametrize(
    "cell", ["None", "—", "N/A", "n/a", "TBD", "*None*", "(none)", "-", "__", "`___`", "None yet", "Nothing yet"]
)
def test_placeholder_words(cell: str) -> None:
    assert is_placeholder(cell)


@pytest.mark.parametrize("cell", ["None yet decided", "T-1", "Nonexistent", "", "_"])
def test_cells_that_say_something_are_no_placeholders(cell: str) -> None:
    assert not is_placeholder(cell)


def test_a_table_of_only_a_placeholder_row_makes_no_item() -> None:
    report, items = imported(
        "# Plan\n\n## Blocked tasks\n\n| Task | Blocked by | Unblock criteria |\n|---|---|---|\n"
        "| None | None | Nothing is blocked. |\n"
    )
    assert items == {}
    assert any("plan.md:7: skipped: placeholder row ('None | None | Nothing is blocked.')" in ln for ln in report)
    assert any(
        "plan.md:5: skipped: table (Task, Blocked by, Unblock criteria) holds only placeholder" in ln for ln in report
    )


def test_placeholder_rows_among_real_ones_are_dropped_and_reported() -> None:
    report, items = imported(
        "# Plan\n\n## Work\n\n| Task | Owner | Priority |\n|---|---|---|\n| Load-test checkout | tea | P2 |\n"
        "| TBD | TBD | TBD |\n| N/A | rui | P3 |\n"
    )
    assert [i.title for i in items.values()] == ["Load-test checkout"]
    assert sum("placeholder row" in ln for ln in report) == 2


def test_a_row_with_a_real_id_is_an_item_even_if_its_other_cells_are_dashes() -> None:
    _, items = imported(
        "# Plan\n\n## Work\n\n| ID | Title | Owner |\n|---|---|---|\n| A-1 | Ship | ana |\n| A-2 | — | — |\n"
    )
    assert set(items) == {"A-1", "A-2"}


def test_placeholder_cells_leave_their_fields_unset() -> None:
    report, items = imported(
        "# P\n\n## W\n\n| ID | Title | Owner | Status | Priority | Due |\n|---|---|---|---|---|---|\n"
        "| A-1 | Ship | - | — | N/A | TBD |\n| A-2 | Docs | TBD | n/a | P2 | — |\n"
    )
    a1, a2 = items["A-1"], items["A-2"]
    assert (a1.owner, a1.status, a1.priority, a1.target, a1.custom) == ("", "todo", None, None, {})
    # "n/a" is a word of the status scale (not applicable: cancelled), so it still says something.
    assert (a2.owner, a2.status, a2.priority) == ("", "cancelled", "P2")
    assert not any("not a known status" in ln or "not understood" in ln for ln in report)


def test_a_row_of_empty_cells_makes_no_item() -> None:
    report, items = imported(
        "# Plan\n\n## Discoveries\n\n| Date | Task | Type | Discovery |\n|---|---|---|---|\n| | | | |\n"
    )
    assert items == {}
    assert any("plan.md:7: skipped: placeholder row" in ln for ln in report)


def test_a_row_of_a_pull_request_merged_into_a_branch_is_no_item() -> None:
    report, items = imported(
        "# Kanban\n\n## Phase 1\n\n| Statut | Tâche | Commits |\n|---|---|---|\n"
        "| ✅ Done | Structure FastAPI + routes | 4 |\n| ✅ Merged | **PR #9** — 5-modify-helm-chart → dev | — |\n"
        "| ✅ Merged | **PR #15, #19, #20** → dev | — |\n| 🔄 En cours | Review the PR #12 checklist | 1 |\n"
    )
    assert sorted(i.title for i in items.values()) == ["Review the PR #12 checklist", "Structure FastAPI + routes"]
    assert any("row of a pull request merged into a branch ('PR #9" in ln for ln in report)
