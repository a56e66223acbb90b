"""An order of work written as a numbered list citing the plan's items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_TASKS = (
    "# MVP\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| T3.2 | Roll-up green |\n| T3.3 | Check green |\n"
    "| T3.4 | Strict smoke |\n| T4.1 | Submit |\n| T4.2 | Refresh status |\n| T4.3 | Refresh report |\n\n"
)


def test_each_step_of_an_execution_order_comes_after_the_step_before() -> None:
    md = _TASKS + (
        "## Current execution order\n\n1. Run T3.4 (strict smoke) to refresh the artifacts.\n"
        "2. Run T3.2 and T3.3 to confirm readiness.\n3. Run T4.1 then refresh reports via T4.2 and T4.3.\n"
    )
    report, items = imported(md)
    assert not any(it.depends_on for it in items.values())  # an order, not a wait: nothing is blocked by it
    assert {i: it.soft_depends_on for i, it in items.items() if it.soft_depends_on} == {
        "T3.2": ["T3.4"],
        "T3.3": ["T3.4"],
        "T4.1": ["T3.2", "T3.3"],
        "T4.2": ["T4.1"],
        "T4.3": ["T4.1"],
    }
    assert any(
        "soft dependencies (an order, not a wait) read from the order under 'Current execution order'" in ln
        for ln in report
    )


def test_a_numbered_list_citing_items_under_another_heading_orders_nothing() -> None:
    md = _TASKS + "## Notes\n\n1. Run T3.4 first.\n2. Run T3.2 and T3.3.\n"
    _, items = imported(md)
    assert not any(it.soft_depends_on for it in items.values())


def test_a_step_naming_no_item_leaves_the_order_unread() -> None:
    md = _TASKS + "## Execution order\n\n1. Run T3.4.\n2. Tell the team.\n3. Run T3.2.\n"
    _, items = imported(md)
    assert not any(it.soft_depends_on for it in items.values())
