"""Phase sections that give their work as a labelled list (``**Actions:**``) and their criteria likewise."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

_PLAN = """# Plan

## Phase 1 — Beta

**Actions:**
1. Create the accounts
2. Send the welcome mail

**Exit criteria:**
- [ ] No blocking bug open

## Phase 2 — Launch

**Aufgaben:**
- [x] Domain moved
"""


def test_a_labelled_work_list_in_a_phase_is_items_of_that_phase() -> None:
    _, items = imported(_PLAN)
    assert sorted(items) == ["P1-1", "P1-2", "P2-1"]
    assert items["P1-2"].title == "Send the welcome mail" and items["P1-2"].phase == "1"
    assert items["P2-1"].status == "done"


def test_a_labelled_criteria_list_is_the_phase_exit_not_items() -> None:
    result = import_markdown(_PLAN, "PLAN.md")
    assert result.board is not None
    phase = next(p for p in result.board.phases if p.id == "1")
    assert phase.exit == ["No blocking bug open"]
    assert any("criteria of phase 1, not items" in line for line in result.report_lines)


def test_a_label_that_names_no_work_makes_no_items() -> None:
    result = import_markdown("# Plan\n\n## Phase 1 — Beta\n\n**Notes:**\n- the tap leaks\n- bring gloves\n", "P.md")
    assert result.board is not None
    assert result.board.items == []


def test_a_phase_table_without_ids_numbers_its_rows_within_the_phase() -> None:
    md = "# Plan\n\n## Phase 0 — Setup\n\n| Tâche | Responsable | Statut |\n|---|---|---|\n"
    md += "| Deploy the database | Dev | ☐ |\n| Write the welcome mail | Lead | ☐ |\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert {i.id: i.owner for i in result.board.items} == {"P0-1": "Dev", "P0-2": "Lead"}


def test_boxes_under_another_label_in_a_phase_are_its_items_a_risk_id_is_no_item_id() -> None:
    md = "# Plan\n\n## Phase 4 — Launch\n\n**Prerequisites:**\n- [ ] R-01 resolved\n- [x] Payments wired\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert {i.id: i.status for i in result.board.items} == {"P4-1": "todo", "P4-2": "done"}


def test_boxes_right_under_a_phase_heading_are_its_items() -> None:
    md = "# Plan\n\n## Phase 1 — Pilot\n\n- [ ] T1: Upload works\n\n## Phase 2 — Rollout\n\n- [ ] Train the team\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert sorted(i.id for i in result.board.items) == ["P2-1", "T1"]


def test_boxes_beside_item_headings_stay_checks() -> None:
    md = "# Plan\n\n## Phase 1: Build\n\n#### Task 1.1: Repo\n\nMake it.\n\n#### Task 1.2: CI\n\nRun it.\n\n"
    md += "### Phase 1 Deliverables\n\n- [ ] Repo public\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert not any(i.id.startswith("P1-") for i in result.board.items)


_TICKED = """# Roadmap

## Phase 0 – Bootstrap – closed
- ✅ [2025-10-07] Monorepo set up
- ✅ [2025-10-07] CI base

## Phase 1 – Backend – in-progress
- ✅ Database
  - ✅ Schema
  - 🚧 Init test
- ❌ Admin portal

## Phase 2 – Release – open
**Complete when:**
- ✅ Build passes
- ✅ HTTPS works
"""


def test_bullets_that_tick_themselves_off_under_phases_are_the_phases_items() -> None:
    _, items = imported(_TICKED)
    # The phases stay groups (not items PHASE-0 ..) though their headings close with a state.
    assert sorted(items) == ["P0-1", "P0-2", "P1-1", "P1-2", "P1-3", "P1-4"]
    assert items["P0-1"].title == "[2025-10-07] Monorepo set up" and items["P0-1"].status == "done"
    # "❌ Admin portal" beside "✅ Database": not done yet, as a plan's cross means (not blocked).
    assert (items["P1-2"].title, items["P1-3"].status, items["P1-4"].status) == ("Schema", "in_progress", "todo")
    assert items["P1-4"].phase == "1"
    # Entries beneath that tick themselves off are items of their own, not the entry's description.
    assert not items["P1-1"].description


def test_ticked_bullets_under_a_completion_label_are_conditions_not_items() -> None:
    result = import_markdown(_TICKED, "PLAN.md")
    assert result.board is not None
    assert not [i for i in result.board.items if i.phase == "2"]
    assert next(p for p in result.board.phases if p.id == "2").exit == ["✅ Build passes", "✅ HTTPS works"]


_DELIVERABLES = """# Plan

### Phase 1 — Foundation (Weeks 1–6)

**Goals:**
- Stand up the pipeline

**Key Deliverables:**
- Database schema
- API connectors

**Exit Criteria:** Live dashboard

### Phase 2 — Review (Weeks 7–12)

**Key Deliverables:**
- Approval UI
"""


def test_phases_that_list_key_deliverables_are_groups_of_those_items() -> None:
    # Phases over prose and bold lead-ins only are items; a lead-in that names work makes them groups.
    result = import_markdown(_DELIVERABLES, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.id, i.title, i.phase) for i in result.board.items] == [
        ("P1-1", "Database schema", "1"),
        ("P1-2", "API connectors", "1"),
        ("P2-1", "Approval UI", "2"),
    ]


_FIELDS = """# Plan

## 2. Workstreams

### Phase 0: Foundation (Week 1)
- **Goal**: Core data models and JSON contracts
- **Tasks**:
  - Define `BuildConfig` in `build_pipeline.py`
  - Implement the `ErrorCode` enum
- **Dependencies**: None
- **Deliverables**: `data-model.md`

### Phase 1: Toolchain Detection (Week 1–2)
- **Goal**: `setup --check`
- **Tasks**:
  - Implement `detect_tool()` with a 30s timeout
- **Dependencies**: Phase 0

## Validation Checklist

### Code Quality
- [ ] `ruff check .` passes
- [ ] `pyright` passes
"""


def test_tasks_under_a_label_in_a_phase_field_list_are_items_of_that_phase() -> None:
    # "- **Tasks**:" over sentences, beside the phase's Goal and Dependencies: the phase's work.
    report, items = imported(_FIELDS)
    assert list(items) == ["P0-1", "P0-2", "P1-1"]
    assert items["P0-2"].title == "Implement the ErrorCode enum" and items["P0-2"].phase == "0"
    assert items["P1-1"].phase == "1"
    # The review boxes after them are checks around that work, not more of it.
    assert any("checks around the plan's item rows" in ln for ln in report)


def test_tasks_naming_items_by_id_stay_the_phase_list_of_them() -> None:
    plan = "# Plan\n\n## Items\n\n| ID | Task |\n|---|---|\n| T-1 | a |\n| T-2 | b |\n\n### Phase 1: Setup\n- **Tasks**:\n  - T-1\n  - T-2\n"
    result = import_markdown(plan, "PLAN.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1", "T-2"]
    assert next(p for p in result.board.phases if p.id == "1").items == ["T-1", "T-2"]


def test_deliverables_after_a_phases_own_numbered_tasks_are_what_they_deliver_not_items() -> None:
    md = (
        "# TODO\n\n## Phase 1: Style Guide\n\n- [x] **1.1**: Write the outline (Est: 1h)\n"
        "- [ ] **1.2**: Add the examples (Est: 2h)\n\n**Deliverables**:\n- ✅ style-guide.md (1,631 lines)\n"
        "- ✅ All 18 sections complete\n\n## Phase 2: Launch\n\n**Deliverables**:\n- ✅ Site published\n"
    )
    report, items = imported(md)
    # Beside its own tasks a phase's deliverables are their outputs; a phase with none delivers work.
    assert [(i, it.title) for i, it in items.items()] == [
        ("1.1", "Write the outline"),
        ("1.2", "Add the examples"),
        ("P2-1", "Site published"),
    ]
    assert any("what the phase's tasks deliver, not items" in line for line in report)


def test_deliverables_after_a_phases_tasks_led_in_are_kept_as_text_not_items() -> None:
    md = (
        "# Plan 111\n\n## Implementation Phases\n\n### Phase 1: Database Schema (Weeks 1-2)\n\n**Tasks:**\n"
        "- [ ] Create all 5 main tables\n- [ ] Create indexes for performance\n\n**Deliverables:**\n"
        "- Database migrations in `backend/prisma/migrations/`\n- Seed data with example coupons\n\n"
        "**Acceptance Criteria:**\n- Migrations reversible\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Create all 5 main tables", "Create indexes for performance"]
    # The outputs are kept where the board keeps text, not dropped.
    assert any("Seed data with example coupons" in s.body for s in result.board.sections)


def test_key_actions_under_a_phase_are_its_work_beside_its_fields() -> None:
    md = (
        "# Coverage plan\n\n## Phased Improvement Plan\n\n### Phase 1: January 2025\n- **Global threshold**: 70%\n"
        "- **Focus**: Stabilize existing tests\n- **Key actions**:\n  - Fix API contract mismatches (Task 24)\n"
        "  - Remove obsolete tests (Task 26)\n\n### Phase 2: March 2025\n- **Global threshold**: 73%\n"
        "- **Key actions**:\n  - Add main server functionality tests\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.phase) for i in result.board.items}
    assert got == {
        "P1-1": ("Fix API contract mismatches (Task 24)", "1"),
        "P1-2": ("Remove obsolete tests (Task 26)", "1"),
        "P2-1": ("Add main server functionality tests", "2"),
    }


def test_a_phase_named_by_a_topic_of_standards_holds_its_boxes_as_work() -> None:
    md = (
        "# V1.0 Release Plan\n\n## Release Blockers\n\n### Phase 1: Code Quality Standards\n\n"
        "- [x] Consolidate documentation\n- [ ] Add Prettier configuration file\n\n"
        "### Phase 2: Architecture Cleanup\n\n- [ ] Move business logic to services\n\n"
        "### Phase 2 exit criteria\n\n- [ ] No lint warnings\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == [
        "Consolidate documentation",
        "Add Prettier configuration file",
        "Move business logic to services",
    ]


def test_a_label_closing_lines_of_labelled_values_leads_the_list_in() -> None:
    # "**Goal**: …" and "**Deliverables**:" are one paragraph (no blank line between): before, its first line was
    # read as the lead-in, and the phase's deliverables were skipped as prose.
    plan = (
        "# Backup plan\n\n## Implementation Order\n\n### Phase 2A: Schema-Only Backup (4 hours)\n"
        "**Goal**: Basic backup without data\n**Deliverables**:\n- `col backup --schema-only` command\n"
        "- Dry-run support\n\n### Phase 2B: Data Backup (6 hours)\n**Goal**: Add data backup\n**Deliverables**:\n"
        "- Progress bars for large backups\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.phase) for i in items.values()] == [
        ("col backup --schema-only command", "2A"),
        ("Dry-run support", "2A"),
        ("Progress bars for large backups", "2B"),
    ]


def test_a_phases_key_activities_are_its_work() -> None:
    plan = (
        "# Migration\n\n## Phase 1: Preparation\n\n**Objectives:**\n- Set up the vault\n\n**Key Activities:**\n"
        "1. Deploy the vault service\n2. Document all current secrets\n\n**Success Criteria:**\n- Vault reachable\n"
    )
    _, items = imported(plan)
    # Before: the activities were skipped as prose; the objectives and criteria are still no items.
    assert [(i.id, i.title) for i in items.values()] == [
        ("P1-1", "Deploy the vault service"),
        ("P1-2", "Document all current secrets"),
    ]
