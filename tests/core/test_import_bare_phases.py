"""Phases over prose alone are the plan's units of work (``PHASE-N``); phases over steps, bullets, boxes or ids are
their groups, the steps the work."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.phases import phase_item_ids, rewrite_phase_line

_STEPS = """# Plan

### Phase 1: Helpers

1. **Screen hook** - reads the size
2. Spacing scale

### Phase 2: Grid

1. Two columns upright
"""


def test_phases_over_numbered_steps_are_groups_of_the_steps() -> None:
    result = import_markdown(_STEPS, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    # Before: each phase was one item (PHASE-1, PHASE-2), its steps its description.
    assert [(i.title, i.phase) for i in result.board.items] == [
        ("Screen hook", "1"),
        ("Spacing scale", "1"),
        ("Two columns upright", "2"),
    ]
    assert phase_item_ids(_STEPS.split("\n")) == {}


def test_phases_over_prose_alone_are_items() -> None:
    plan = "# Plan\n\n## Phase 1: Audit\n\nList the hosts and tag them.\n\n## Phase 2: Patch\n\nPatch the kernel.\n"
    assert phase_item_ids(plan.split("\n")) == {"1": "PHASE-1", "2": "PHASE-2"}
    result = import_markdown(plan, "PLAN.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["PHASE-1", "PHASE-2"]


def test_phases_that_list_ids_stay_groups() -> None:
    lines = _STEPS.replace("2. Spacing scale", "- 1.1 Spacing scale").split("\n")
    assert phase_item_ids(lines) == {}
    drawn = _STEPS.replace("1. Two columns upright", "```\n├── UI-004: grid\n```").split("\n")
    assert phase_item_ids(drawn) == {}


def test_phases_listing_their_work_as_plain_bullets_stay_groups() -> None:
    plan = (
        "# Milestones\n\n## Phase 1: Plan (Weeks 1–2)\n- Finalize workstream leads\n- Validate tooling\n\n"
        "## Phase 2: Design (Weeks 3–5)\n- Co-create future-state workflows\n"
    )
    assert phase_item_ids(plan.split("\n")) == {}
    result = import_markdown(plan, "PLAN.md")
    assert result.board is not None
    assert [(i.title, i.phase) for i in result.board.items] == [
        ("Finalize workstream leads", "1"),
        ("Validate tooling", "1"),
        ("Co-create future-state workflows", "2"),
    ]


def test_phases_with_boxes_stay_groups() -> None:
    lines = _STEPS.replace("2. Spacing scale", "- [ ] Spacing scale").split("\n")
    assert phase_item_ids(lines) == {}


def test_a_phase_range_names_each_phase() -> None:
    ids = {str(n): f"PHASE-{n}" for n in range(1, 6)}
    assert rewrite_phase_line("- Phases 2-4 follow", ids)[0] == "- PHASE-2, PHASE-3, PHASE-4 follow"


def test_a_list_speaking_of_the_phases_is_no_work() -> None:
    md = _STEPS + "\n### Phase 3: Polish\n\n1. Bigger buttons\n\n## Order\n\n"
    md += "- **Phase 1** must complete first (all other phases depend on it)\n- **Phase 3** should be last\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.title for i in result.board.items] == [
        "Screen hook",
        "Spacing scale",
        "Two columns upright",
        "Bigger buttons",
    ]
    assert any("each entry speaks of one of the plan's phases, not work" in ln for ln in result.report_lines)


def test_phases_over_numbered_tasks_with_their_own_estimates_are_groups() -> None:
    md = (
        "# Status\n\n## Priority Action Plan\n\n### Phase 1: Validation & Testing (HIGH PRIORITY)\n"
        "**Goal:** Ensure the pipelines work\n\n1. **Create test data** (1-2 days)\n   - Download small datasets\n\n"
        "2. **Run pipeline validation** (2-3 days)\n   - Test the variant calling\n\n"
        "### Phase 2: Documentation (MEDIUM PRIORITY)\n\n1. **Write the tutorial** (2 days)\n   - One notebook\n\n"
        "2. **Write the API reference** (1 day)\n   - Every module\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    # Each numbered task names its own work and how long it takes: the tasks are the items, the phases their groups.
    got = {i.id: (i.title, i.phase, i.priority) for i in result.board.items}
    assert got == {
        "1.1": ("Create test data", "1", "P1"),
        "1.2": ("Run pipeline validation", "1", "P1"),
        "2.1": ("Write the tutorial", "2", "P2"),
        "2.2": ("Write the API reference", "2", "P2"),
    }


def test_phases_over_steps_named_in_bold_over_their_bullets_stay_groups() -> None:
    # Before: each phase was one item (PHASE-1, PHASE-2) and its named tasks and their bullets its description.
    plan = (
        "## Migration Plan\n\n### Migration Phases\n\n#### Phase 1: Assessment\n1. **Inventory Assessment**\n"
        "   - Identify all workloads\n   - List all namespaces\n\n2. **Dependency Mapping**\n"
        "   - Map dependencies between services\n\n#### Phase 2: Preparation\n1. **Target Cluster Setup**\n"
        "   - Provision the target cluster\n"
    )
    assert phase_item_ids(plan.split("\n")) == {}
    result = import_markdown(plan, "PLAN.md")
    assert result.board is not None
    # Each phase's named steps are its items, numbered within the phase; their bullets say what each holds.
    assert [(i.id, i.title, i.phase) for i in result.board.items] == [
        ("1.1", "Inventory Assessment", "1"),
        ("1.2", "Dependency Mapping", "1"),
        ("2.1", "Target Cluster Setup", "2"),
    ]
    assert "Identify all workloads" in result.board.items[0].description
    assert not [i.id for i in result.board.items if i.id.startswith("PHASE-")]
