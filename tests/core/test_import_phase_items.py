"""Roadmaps that tick their phases off (issue 43): each phase is an item ``PHASE-N``."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.patterns import PHASE_RE
from readiness_tui.core.importers.sections.phases import phase_item_ids, rewrite_phase_line

TICKED = ["- [x] **Phase 1: Ledger** - x", "- [ ] Phase 2: API (0/2 plans)"]


def test_two_ticked_phases_make_phases_items() -> None:
    assert phase_item_ids(TICKED) == {"1": "PHASE-1", "2": "PHASE-2"}
    assert phase_item_ids(TICKED[:1]) == {}


def test_boxes_that_name_a_phase_more_than_once_are_work_about_it_not_the_phase() -> None:
    boxes = [*TICKED, "- [x] Phase 2: add step 6 (done)"]
    assert phase_item_ids(boxes) == {}
    md = "# P\n\n## Follow-ups\n\n" + "\n".join(boxes) + "\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and len(result.board.items) == 3  # none merged into another


def test_a_phase_holding_items_with_ids_stays_a_group() -> None:
    lines = [*TICKED, "## Phase 1: Ledger", "- [ ] 1.1 Schema", "- [ ] 1.2 Writes"]
    assert phase_item_ids(lines) == {}
    # Plan files and plain steps under a phase are no items of their own.
    assert phase_item_ids([*TICKED, "### Phase 1: Ledger", "- [x] 01-01-PLAN.md — schema", "- [ ] write docs"])


def test_headings_entries_and_references_name_the_item() -> None:
    ids = {"1": "PHASE-1", "2": "PHASE-2"}
    assert rewrite_phase_line("### Phase 2: API", ids)[0] == "### PHASE-2: API"
    assert rewrite_phase_line("- [x] **Phase 1: Ledger** - x", ids)[0] == "- [x] **PHASE-1: Ledger** - x"
    assert rewrite_phase_line("**Depends on**: Phases 1 and 2", ids)[0] == "**Depends on**: PHASE-1, PHASE-2"
    # A phase the plan does not tick off is left alone.
    assert rewrite_phase_line("after Phase 7", ids) == ("after Phase 7", None)


def test_a_phase_word_before_a_title_word_is_not_a_phase_number() -> None:
    assert PHASE_RE.match("Phase Details") is None
    m = PHASE_RE.match("Phase B: Move")
    assert m is not None and m.group("num") == "B"


def test_roadmap_imports_phases_with_status_and_dependencies() -> None:
    md = (
        "# R\n\n## Phases\n\n- [x] **Phase 1: Ledger** - a\n- [ ] **Phase 2: API** - b\n\n"
        "## Phase Details\n\n### Phase 2: API\n**Depends on**: Phase 1 (from v1.0)\n\nPlans:\n- [ ] 02-01-PLAN.md — x\n"
    )
    result = import_markdown(md, "ROADMAP.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.id, i.status, i.depends_on) for i in result.board.items] == [
        ("PHASE-1", "done", []),
        ("PHASE-2", "todo", ["PHASE-1"]),
    ]
    assert not result.board.phases  # "Phase Details" is a heading, not a phase


def test_sub_phases_keep_their_whole_number() -> None:
    """``## Phase 2.1`` .. ``## Phase 2.2`` are two phases, not phase 2 twice (a board lint refuses)."""
    md = "# P\n\n## Phase 2.1: Setup\n\n### Task 2.1.1: Types\n\n## Phase 2.2: Data\n\n### Task 2.2.1: Merge\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [p.id for p in result.board.phases] == ["2.1", "2.2"]
    assert {i.id: i.phase for i in result.board.items} == {"2.1.1": "2.1", "2.2.1": "2.2"}
    m = PHASE_RE.match("Phase 2.1: Setup")
    assert m is not None and (m.group("num"), m.group("title")) == ("2.1", "Setup")


def test_a_phase_written_twice_is_one_phase() -> None:
    plan = (
        "# P\n\n| Fase | Tareas |\n|---|---|\n| **Phase 1: Setup** | 2 |\n| **Phase 8: Polish** | 10 |\n\n"
        "### Phase 8: Search speed\n\n| ID | Task |\n|---|---|\n| T-1 | Indexes |\n\n"
        "### Phase 8: Browsers\n\n| ID | Task |\n|---|---|\n| T-2 | Playwright |\n"
    )
    result = import_markdown(plan, "P.md")
    assert result.board is not None
    assert [(p.id, p.title) for p in result.board.phases] == [("1", "Setup"), ("8", "Polish")]
    assert {i.id: i.phase for i in result.board.items} == {"T-1": "8", "T-2": "8"}


def test_boxes_under_a_phases_tasks_heading_are_its_items_not_dropped() -> None:
    # "### Tasks" over boxes without ids under "## Phase 1": the phase's own work. It was taken for a list of
    # references to items made elsewhere, found none, and dropped every box without a word in the report.
    md = (
        "# Plan\n\n## Phase 1: Discovery\n\n### Objective\nKnow the API.\n\n### Tasks\n- [ ] Inventory all endpoints\n"
        "- [x] Document schemas\n\n### Testing & Validation\n- [ ] Create usage report\n\n## Phase 2: Design\n\n"
        "### Tasks\n- [ ] Define core types\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.title, i.status, i.phase) for i in result.board.items]
    assert got[:2] == [("Inventory all endpoints", "todo", "1"), ("Document schemas", "done", "1")]
    assert ("Define core types", "todo", "2") in got
