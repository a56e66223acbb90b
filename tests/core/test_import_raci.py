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
