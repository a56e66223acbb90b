"""A RACI matrix: rows of work, a column per person, R/A/C/I letters in the cells (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Course project

## Matrix

| Task / Activity | Thom | Austin | Stuart |
|-----------------|------|--------|--------|
| Project Charter |  R   |   C    |   A    |
| User Stories    |  A   |   R    |   C    |
| Prototype       |  R   |   R    |   I    |
"""


def test_the_person_marked_r_owns_each_row() -> None:
    lines, items = imported(PLAN)
    got = [(i.title, i.owner, i.contributors, i.custom.get("accountable")) for i in items.values()]
    assert got == [
        ("Project Charter", "Thom", [], "Stuart"),
        ("User Stories", "Austin", [], "Thom"),
        ("Prototype", "Thom", ["Austin"], None),
    ]
    assert any("a RACI matrix" in ln for ln in lines)


def test_a_table_of_words_is_no_raci_matrix() -> None:
    plan = "# P\n\n## Work\n\n| Task | Team | Area |\n|---|---|---|\n| Set up CI | Infra | Build |\n| Docs | Web | Site |\n"
    lines, _ = imported(plan)
    assert not any("RACI" in ln for ln in lines)


def test_a_raci_matrix_beside_the_plans_items_says_who_answers_not_more_work() -> None:
    plan = (
        "# Plan\n\n## Tasks\n\n| ID | Task | Owner |\n|---|---|---|\n| P1.1 | Storage | Backend dev |\n"
        "| P1.2 | Endpoints | Backend dev |\n\n## Responsibilities (RACI)\n\n"
        "| Activity | Project lead | Backend dev | QA |\n|---|---|---|---|\n"
        "| Requirements & scope | A | C | R |\n| Testing | I | C | R |\n"
    )
    lines, items = imported(plan)
    assert list(items) == ["P1.1", "P1.2"]
    assert any("a RACI matrix beside the plan's items" in ln for ln in lines)
