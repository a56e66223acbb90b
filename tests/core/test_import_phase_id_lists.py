"""A tracker's table of tasks with slug ids, its legend of status words, and an execution plan whose phases list the
ids of those tasks (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Tasks

## Status Legend

| Symbol | Status |
|--------|--------|
| `Todo` | Not started |
| `In Progress` | Being worked on |
| `Done` | Completed |

## Task Table

| ID | Task | Priority | Status | Dependencies |
|----|------|----------|--------|--------------|
| TASK-python-scaffold | Create the Python project | P0 | Done | - |
| TASK-vue-scaffold | Create the Vue project | P0 | Todo | - |
| TASK-api-skeleton | FastAPI app skeleton | P1 | Todo | TASK-python-scaffold |

## Execution Plan

### Phase 1: Project Scaffolding

**Tasks:**
1. TASK-python-scaffold
2. TASK-vue-scaffold

### Phase 2: API

**Tasks:**
1. TASK-api-skeleton
"""


def test_the_phases_list_the_tables_tasks_and_the_legend_is_no_work() -> None:
    lines, items = imported(PLAN)
    got = [(i.id, i.status, i.phase, i.depends_on) for i in items.values()]
    assert got == [
        ("TASK-python-scaffold", "done", "1", []),
        ("TASK-vue-scaffold", "todo", "1", []),
        ("TASK-api-skeleton", "todo", "2", ["TASK-python-scaffold"]),
    ]
    assert any("a legend of status words, not work" in ln for ln in lines)


def test_slug_ids_with_a_dotted_number_are_ids_beside_the_other_slugs() -> None:
    plan = (
        "# Tasks\n\n## Deploy\n\n| ID | Task | Dependencies |\n|----|------|--------------|\n"
        "| TASK-startup-script | Create the startup script | - |\n"
        "| TASK-setup-documentation | Write setup instructions | TASK-startup-script |\n"
        "| TASK-phase-3.1-manual-testing | Test phase 3.1 by hand | TASK-setup-documentation |\n"
    )
    _, items = imported(plan)
    assert [(i.id, i.depends_on) for i in items.values()] == [
        ("TASK-startup-script", []),
        ("TASK-setup-documentation", ["TASK-startup-script"]),
        ("TASK-phase-3.1-manual-testing", ["TASK-setup-documentation"]),
    ]


def test_a_wp_column_of_ids_marked_done_and_short_dependencies() -> None:
    plan = (
        "# Fahrplan\n\n## Work-Package-Übersicht\n\n| WP | Unit | Inhalt | Phase | Abhängig von |\n|---|---|---|---|---|\n"
        "| PCI-01 ✅ | `pci_types.lyx` | Konstanten | 1 | — |\n| PCI-02 ✅ | `pci_syscalls.lyx` | Syscalls | 1 | — |\n"
        "| PCI-03 | `pci_config.lyx` | Config-Space | 1 | 01, 02 |\n| PCI-04 | `pci_enum.lyx` | Enumeration | 2 | 01–03 |\n"
    )
    _, items = imported(plan)
    assert [(i.id, i.status, i.depends_on) for i in items.values()] == [
        ("PCI-01", "done", []),
        ("PCI-02", "done", []),
        ("PCI-03", "todo", ["PCI-01", "PCI-02"]),
        ("PCI-04", "todo", ["PCI-01", "PCI-02", "PCI-03"]),
    ]
