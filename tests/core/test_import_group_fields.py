"""Fields a plan states once under a group's heading, for every item under it (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = """# Launch

## Sprint 1: Pin

**Priority:** P0
**Dependencies:** None (foundational)

### Task 1.1: Pin the version
**Dependencies:** none

### Task 1.2: Verify exports
**Priority:** P2
**Dependencies:** Task 1.1

## Sprint 2: Contract

**Priority:** ⭐⭐⭐ High (the contract is what users see)
**Owner:** Kim
**Dependencies:** Sprint 1

### Task 2.1: Contract entrypoint

### Task 2.2: Bundle hash
**Dependencies:** Task 2.1

## Polish

**Blocks:** Sprint 2

| ID | Task |
|----|------|
| P-1 | Lint pass |
"""


def test_a_groups_priority_and_owner_reach_the_items_that_state_none() -> None:
    _, items = imported(PLAN)
    assert {i: (it.priority, it.owner) for i, it in items.items()} == {
        "1.1": ("P0", ""),
        "1.2": ("P2", ""),  # its own line wins
        "2.1": ("P1", "Kim"),  # the stars and the aside in brackets aside
        "2.2": ("P1", "Kim"),
        "P-1": (None, ""),
    }


def test_a_groups_dependencies_add_to_each_items_own_and_blocks_reverses_them() -> None:
    report, items = imported(PLAN)
    assert {i: it.depends_on for i, it in items.items()} == {
        "1.1": [],
        "1.2": ["1.1"],
        "2.1": ["1.1", "1.2", "P-1"],
        "2.2": ["2.1", "1.1", "1.2", "P-1"],
        "P-1": [],
    }
    assert any("'Sprint 1' under 'Sprint 2: Contract' given to its items: 2.1, 2.2" in line for line in report)


def test_a_sentence_or_a_list_of_labelled_entries_is_no_groups_field() -> None:
    plan = PLAN.replace("**Dependencies:** Sprint 1", "**Dependencies:** Sprint 1 must ship before we start. Ask Kim.")
    plan = plan.replace("**Owner:** Kim", "- **Owner:** Kim")
    _, items = imported(plan)
    assert items["2.1"].depends_on == ["P-1"]
    assert items["2.1"].owner == ""


_HEADING_WAITS = """# Handoff

### PLATAFORMA

| # | Acción | Estado |
|---|--------|--------|
| P3 | Registrar app | Pendiente |
| P4 | Registrar cliente | Pendiente |

### DESARROLLO — Requiere P3 y P4 completados

| # | Acción | Estado |
|---|--------|--------|
| D1 | Implementar token | Pendiente |
| D2 | Añadir caché | Pendiente |

### CATÁLOGO

| # | Tarea | Prerrequisito | Estado |
|---|-------|---------------|--------|
| DC1 | Primer dominio | — | Pendiente |
| DC2 | Segundo dominio | DC1 | Pendiente |
"""


def test_a_heading_that_closes_with_what_its_group_requires_gives_it_to_the_items() -> None:
    result = import_markdown(_HEADING_WAITS, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    deps = {i.id: i.depends_on for i in result.board.items}
    # "P3" reads as a priority elsewhere; here it is an id of the board.
    assert deps["D1"] == deps["D2"] == ["P3", "P4"]
    assert deps["P3"] == deps["P4"] == []


def test_a_prerequisite_column_in_spanish_is_the_dependencies() -> None:
    result = import_markdown(_HEADING_WAITS, "PLAN.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items}["DC2"] == ["DC1"]
