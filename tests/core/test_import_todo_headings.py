"""In a to-do list (``# TODO``), a heading over prose alone is one thing to do, and the lists under its other
headings are its work too (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# TODO


### Cells should have `formatAs` fields.
Instead of non-primitives, cells should have formats.


### Cell.rawFormulaText does not get reset when updating a cell.


### Formulas to write

* ERROR.TYPE - Requires changes to parser.js
* ISEMAIL
"""


def test_prose_headings_and_the_lists_beside_them_are_the_work() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Cells should have formatAs fields.",
        "Cell.rawFormulaText does not get reset when updating a cell.",
        "ERROR.TYPE - Requires changes to parser.js",
        "ISEMAIL",
    ]
    assert "formats" in list(items.values())[0].description
    assert any("list under 'Formulas to write', in a to-do list" in line for line in report)


def test_under_another_title_the_prose_headings_stay_text() -> None:
    _, items = imported(PLAN.replace("# TODO", "# Design notes"))
    assert not any(i.title.startswith("Cells should have") for i in items.values())


def test_headings_under_a_topic_of_a_to_do_list_are_its_entries() -> None:
    # "# Todos" > "## Dashboards" > "#### Add bucket dashboards" with nothing beneath: before, nothing was read.
    md = (
        "# Todos\n\n## Dashboards\n\n#### Add bucket-related dashboards\n#### Document dashboard meta model\n\n"
        "## Code\n\n#### Better comments in the code\n#### Consider splitting into modules\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == [
        "Add bucket-related dashboards",
        "Document dashboard meta model",
        "Better comments in the code",
        "Consider splitting into modules",
    ]


def test_a_to_do_list_named_with_a_word_before_holds_its_topics_lists() -> None:
    # "# Refined TODO" named no to-do list, so the lists under its topics were skipped; a "None reported yet" entry
    # says its list is empty.
    md = (
        "# Refined TODO\n\n## Build 1+\n\n### Refactoring\n\n- Rework the plugin manager\n- Simplify serialization\n"
        "  - look at the CAD example\n\n### Bugs\n\n- Scrollbar resets when selecting an entity\n\n### Known issues\n\n"
        "- None reported yet\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == [
        "Rework the plugin manager",
        "Simplify serialization",
        "Scrollbar resets when selecting an entity",
    ]
    assert any("'None reported yet'" in line and "says there is none" in line for line in report)
