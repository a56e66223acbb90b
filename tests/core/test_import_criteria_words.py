"""A checklist of closure criteria written in Arabic, Hebrew, Greek, Hindi or Vietnamese is no list of tasks
(issue 43)."""

from __future__ import annotations

import pytest

from tests.core.import_plan import imported

PLAN = """# M4

| ID | Task | Status |
|----|------|--------|
| T51 | Migration | done |
| T52 | Indexes | done |

## {heading}

- [x] all endpoints answer
- [x] no 500 on empty tables
"""


@pytest.mark.parametrize(
    "heading", ["معيار إغلاق M4", "קריטריונים לסגירה", "Κριτήρια ολοκλήρωσης", "समापन मानदंड", "Tiêu chí hoàn thành"]
)
def test_criteria_in_other_scripts_make_no_items(heading: str) -> None:
    _, items = imported(PLAN.format(heading=heading))
    assert list(items) == ["T51", "T52"]


@pytest.mark.parametrize("heading", ["Coverage targets", "测试覆盖率目标"])
def test_coverage_targets_are_criteria(heading: str) -> None:
    _, items = imported(PLAN.format(heading=heading))
    assert list(items) == ["T51", "T52"]


_DOCS = """# Docs plan

## Issues

- [ ] Write the install guide
- [ ] Update the API reference

## {heading}

{lead}
- [ ] Be written in clear English
- [ ] Have working links
"""


@pytest.mark.parametrize(
    ("heading", "lead"),
    [("✅ Quality Standards", "Every document must:"), ("Review", "All pull requests should:")],
)
def test_standards_every_piece_of_work_keeps_make_no_items(heading: str, lead: str) -> None:
    _, items = imported(_DOCS.format(heading=heading, lead=lead))
    assert [i.title for i in items.values()] == ["Write the install guide", "Update the API reference"]


_RUNBOOK = "# Day 43\n\n## 1 · Pull issues\n\n1. Read the new issues\n2. Label each one\n\n## {heading}\n\n{lead}\n\n- 0 Sev-1 open\n- At most 5 Sev-2\n"


@pytest.mark.parametrize(
    ("heading", "lead"),
    [("✅ End-of-Day 43 Definition", "By the end of the day:"), ("3 · Label", "Target ratio guideline:")],
)
def test_a_definition_or_guideline_in_other_words_makes_no_items(heading: str, lead: str) -> None:
    # A plan of plain lists: without the rule, the two bullets would be items too.
    _, items = imported(_RUNBOOK.format(heading=heading, lead=lead))
    assert [i.title for i in items.values()] == ["Read the new issues", "Label each one"]


def test_a_heading_opening_with_success_leads_in_conditions() -> None:
    # "Success Validation", like "Success criteria" and "Success metrics": conditions met, not more work.
    md = "# Migration\n\n## Retrospective\n\n- [ ] Hold the retrospective\n- [ ] Write down lessons\n\n"
    md += "### Success Validation\n\n- [ ] All tests passing consistently\n- [ ] Coverage kept at 65%\n"
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Hold the retrospective", "Write down lessons"]


@pytest.mark.parametrize("heading", ["Security (Common Criteria)", "Trust Services Criteria: Availability"])
def test_a_control_family_named_criteria_holds_tasks(heading: str) -> None:
    _, items = imported(PLAN.format(heading=heading))
    assert [i.title for i in items.values()][2:] == ["all endpoints answer", "no 500 on empty tables"]


def test_exit_criteria_still_make_no_items() -> None:
    _, items = imported(PLAN.format(heading="Exit criteria"))
    assert list(items) == ["T51", "T52"]
