"""A checklist written as headings alone, where nothing else in the plan reads as work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PORTING = """# Porting from Python 2 to 3

## Essential syntax differences

### print

Possibly many

### Division

Not sure

## Strings and bytes

### basestring :checkmark:

None

### unicode

Not sure

## Imports relative to package

Not sure
"""


def test_each_heading_with_none_under_it_is_an_item() -> None:
    report, items = imported(PORTING)
    # Before: nothing recognizable as a plan, no board.
    got = [(i.title, i.status, i.workstream, i.description) for i in items.values()]
    assert got == [
        ("print", "todo", "Essential syntax differences", "Possibly many"),
        ("Division", "todo", "Essential syntax differences", "Not sure"),
        ("basestring", "done", "Strings and bytes", "None"),  # the mark closing it says its state
        ("unicode", "todo", "Strings and bytes", "Not sure"),
        ("Imports relative to package", "todo", "", "Not sure"),
    ]
    assert any("each of the 5 headings with no heading under it is an item" in line for line in report)


def test_headings_beside_other_work_or_too_few_stay_as_they_were() -> None:
    # Beside a checklist, headings of prose are text.
    _, items = imported("# P\n\n## Work\n\n- [ ] Ship it\n\n## Notes\n\n### A\n\nx\n\n### B\n\ny\n\n### C\n\nz\n")
    assert [i.title for i in items.values()] == ["Ship it"]
    # Two headings of prose are a short note, not a checklist.
    _, items = imported("# P\n\n## Background\n\nWhy.\n\n## Approach\n\nHow.\n")
    assert items == {}


def test_a_document_of_sections_is_no_checklist() -> None:
    # A README: its sections hold code and prose, not a line of findings each.
    prose = "Long prose about the terms. " * 20
    md = f"# Tool\n\n## Install\n\n```\npip install tool\n```\n\n## Usage\n\n{prose}\n\n## License\n\n{prose}\n"
    _, items = imported(md)
    assert items == {}
    # Sections of prose alone, most of them long.
    md = f"# Essay\n\n## Why\n\n{prose}\n\n## How\n\n{prose}\n\n## When\n\n{prose}\n\n## Who\n\nUs.\n"
    _, items = imported(md)
    assert items == {}


def test_a_document_outline_right_under_the_title_is_no_checklist() -> None:
    md = "# Migration plan\n\n" + "".join(
        f"## {n}. {w}\n\n{w} in a line.\n\n"
        for n, w in enumerate(("Overview", "Scope", "Design", "Rollout", "Risks"), 1)
    )
    _, items = imported(md)
    assert items == {}


def test_a_mark_closing_a_heading_after_brackets_is_its_state() -> None:
    from readiness_tui.core.importers.vocabulary.title_states import closing_marks

    assert closing_marks("reduce() ✔️") == ("reduce()", "done")
    assert closing_marks("2.0 IAM Context 🔄") == ("2.0 IAM Context", "in_progress")
    assert closing_marks("No mark here") == ("No mark here", None)
