"""``| Priority | Category | Description | Effort |`` over "Legacy patterns", "Dead code": each row a piece of work named
by its category, when every row's is another (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_category_naming_each_row_is_its_title() -> None:
    _, items = imported(
        "# Tech Debt\n\n## Code Quality Debt\n\n"
        "| Priority | Category | Description | Estimated Effort |\n|---|---|---|---|\n"
        "| HIGH | Legacy patterns | Refactor class components to hooks | 40 hours |\n"
        "| MEDIUM | Dead code | Remove unused code paths | 16 hours |\n"
        "| LOW | Naming conventions | Standardize naming | 8 hours |\n"
    )
    got = [(i.title, i.description, i.priority, i.estimate_days) for i in items.values()]
    assert got == [
        ("Legacy patterns", "Refactor class components to hooks", "P1", 5.0),
        ("Dead code", "Remove unused code paths", "P2", 2.0),
        ("Naming conventions", "Standardize naming", "P3", 1.0),
    ]


def test_a_category_repeated_down_the_rows_groups_them() -> None:
    report, items = imported(
        "# Plan\n\n## Work\n\n"
        "| Priority | Category | Description | Effort |\n|---|---|---|---|\n"
        "| HIGH | Backend | Add rate limiting | 2 days |\n"
        "| LOW | Backend | Cache the profile | 1 day |\n"
    )
    assert not any(i.title in ("Backend",) for i in items.values())


def test_an_inventory_without_work_columns_is_not_read_as_work() -> None:
    _, items = imported(
        "# System\n\n## Components\n\n| Category | Description |\n|---|---|\n"
        "| Gateway | Routes the calls |\n| Store | Keeps the rows |\n"
    )
    assert items == {}
