"""A list indented by a tab or four spaces below a line of text, which CommonMark reads as a code block, is the list
its writer meant (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = (
    "MVP PLANS:\n\n"
    "\t- PHASE ONE\n"
    "\t\t- Build out basic home page\n"
    "\t\t\t- Design a friendly home page\n"
    "\t\t- Build out Database\n"
    "\t\t\t- Design the schema\n"
    "\n"
    "\t- PHASE TWO\n"
    "\t\t- Host on Azure or AWS\n"
    "\t\t- Ramp up security\n"
)


def test_a_tab_indented_list_under_a_line_of_text_is_read_as_a_list() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Build out basic home page",
        "Build out Database",
        "Host on Azure or AWS",
        "Ramp up security",
    ]
    assert any("list lines indented as code read as the list they draw" in ln for ln in report)


def test_an_indented_code_block_that_is_not_a_list_stays_code() -> None:
    plan = "# Plan\n\n## Tasks\n\n- [ ] Ship it\n\n## Example\n\nRun this:\n\n    make deploy\n    - not a task\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["Ship it"]


def test_an_indented_list_under_a_list_entry_stays_its_nested_list() -> None:
    plan = "# Plan\n\n## Tasks\n\n- [ ] Ship it\n\n    - [ ] Tag the release\n"
    _, items = imported(plan)
    assert [(i.title, i.parent) for i in items.values()][1][1] is not None
