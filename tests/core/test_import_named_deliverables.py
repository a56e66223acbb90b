"""Numbered sections of a plan that list named deliverables, and those that say what the work needs or risks
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Multi-tenant roadmap

## PHASE 1: FOUNDATION

### 1.1 Strategic Goals
- Establish tenant data isolation
- Build a performance validation framework

### 1.2 Key Deliverables

#### 1.2.1 Database Foundation
- **Core tenant entity** with status management
- **Row-Level Security** implementation for isolation
- **Performance validation framework** with an indexing strategy

#### 1.2.2 Context Management
- **Tenant resolution strategy** with priority-based identification
- **Automatic context propagation** across all layers
- **Middleware integration** for transparent tenant handling

### 1.3 Key Dependencies
- Database team approval for the RLS approach

### 1.4 Risk Mitigation
- **Performance Risk**: early validation prevents late optimization
"""


def test_numbered_sections_of_named_deliverables_are_their_group() -> None:
    # Before: 1.1, 1.2.1, 1.2.2, 1.3 and 1.4 were five items, the deliverables their descriptions.
    report, items = imported(PLAN)
    assert [(it.title, it.workstream) for it in items.values()] == [
        ("Core tenant entity with status management", "Database Foundation"),
        ("Row-Level Security implementation for isolation", "Database Foundation"),
        ("Performance validation framework with an indexing strategy", "Database Foundation"),
        ("Tenant resolution strategy with priority-based identification", "Context Management"),
        ("Automatic context propagation across all layers", "Context Management"),
        ("Middleware integration for transparent tenant handling", "Context Management"),
    ]
    said = "\n".join(report)
    assert "heading '1.3 Key Dependencies': a numbered section about the plan, not an item" in said
    assert "heading '1.4 Risk Mitigation': a numbered section about the plan, not an item" in said


def test_a_numbered_section_over_fields_or_few_entries_stays_an_item() -> None:
    md = PLAN.replace("- **Middleware integration** for transparent tenant handling\n", "").replace(
        "#### 1.2.1 Database Foundation\n", "#### 1.2.1 Database Foundation\n- **Owner:** ana\n- **Status:** Done\n\n"
    )
    _, items = imported(md)
    assert [(it.id, it.title) for it in items.values()][:2] == [
        ("1.2.1", "Database Foundation"),
        ("1.2.2", "Context Management"),
    ]
