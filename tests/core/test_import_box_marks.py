"""Boxes that open with a mark before their words (issue 43): a mark the plan's legend ranks as a priority
("🟢 Low Priority" under "## Legend", beside the state marks) is the entry's priority, not a state; a mark that
repeats the box's state ("- [x] ✅ 1. Add Items") leaves the entry's own number as its id."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Home inventory TODO

## Legend
- 🔴 High Priority - Core functionality, blocking features
- 🟡 Medium Priority - Important features, enhancements
- 🟢 Low Priority - Nice-to-have features, optimizations
- ✅ Completed
- 🚧 In Progress

## 1. Core Item Management

- [x] ✅ 1. Add Items - Multiple entry methods: manual, barcode scan, photo capture
- [x] ✅ 2. Edit Items - Full CRUD operations with inline editing for all properties
- [ ] 🔴 3. Delete Items - Single deletion with confirmation and bulk deletion
- [ ] 🟢 4. Custom Fields - Add unlimited custom properties to every item
"""


def test_the_legend_ranks_the_marks_and_the_numbers_are_the_ids() -> None:
    report, items = imported(PLAN)
    got = [(i.id, i.title, i.status, i.priority) for i in items.values()]
    assert got == [
        ("1", "Add Items", "done", None),
        ("2", "Edit Items", "done", None),
        ("3", "Delete Items", "todo", "P1"),
        ("4", "Custom Fields", "todo", "P3"),
    ]
    assert any("priority legend: 🔴 P1, 🟡 P2, 🟢 P3" in line for line in report)


def test_without_a_legend_naming_priorities_a_colour_mark_stays_where_it_was() -> None:
    plain = PLAN.replace("- 🔴 High Priority - Core functionality, blocking features\n", "").replace(
        "- 🟡 Medium Priority - Important features, enhancements\n- 🟢 Low Priority - Nice-to-have features, optimizations\n",
        "",
    )
    _, items = imported(plain)
    assert [i.priority for i in items.values()] == [None, None, None, None]
    assert [i.id for i in items.values()][:2] == ["1", "2"]
