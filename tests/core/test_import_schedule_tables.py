"""A table or a checklist under a schedule heading ("## Timeline") is read, or reported skipped, as anywhere: it
was kept as the section's text with no line of the report saying so."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_timeline_table_of_steps_with_a_state_is_work() -> None:
    md = (
        "# Brief\n\n## Timeline\n\n| Milestone | Target Date | Status |\n|---|---|---|\n"
        "| Brief sent | 2026-04-25 | Pending |\n| Design locked | 2026-04-26 | Not started |\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [("Brief sent", "todo"), ("Design locked", "todo")]


def test_a_checklist_under_a_timeline_heading_is_work_as_under_its_siblings() -> None:
    md = (
        "## Planning Phase\n\n#### Resource Requirements\n\n- [ ] Network connectivity\n- [x] Security controls\n\n"
        "#### Timeline Development\n\n- [ ] Phase definitions\n- [ ] Milestone identification\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Network connectivity", "todo"),
        ("Security controls", "done"),
        ("Phase definitions", "todo"),
        ("Milestone identification", "todo"),
    ]


def test_a_timeline_table_that_is_no_work_is_reported() -> None:
    md = "# Brief\n\n## Timeline\n\n| Week | Focus |\n|---|---|\n| 1 | Research |\n| 2 | Design |\n"
    lines, items = imported(md)
    assert any(":5:" in line and "table" in line for line in lines), "\n".join(lines)


def test_a_weeks_schedule_naming_items_by_id_gives_them_its_owners() -> None:
    md = (
        "# Tracking\n\n## Tasks\n\n### T001: TLS\n\n- [x] T001.1: Update config\n- [x] T001.2: Dry run\n"
        "- [ ] T001.3: Deploy\n\n### T002: Operator\n\n- [ ] T002.1: Analyse\n\n"
        "## Sprint 1\n\n| Day | Tasks | Owner | Deliverables |\n|---|---|---|---|\n"
        "| Mon | T001.1-T001.3 | Platform | TLS done |\n| Tue | T002.1 | QA | Analysis |\n| Fri | Review | All | Demo |\n"
    )
    _, items = imported(md)
    owners = {i.id: i.owner for i in items.values()}
    assert owners["T001.1"] == owners["T001.2"] == owners["T001.3"] == "Platform"
    assert owners["T002.1"] == "QA"
    assert "Review" not in {i.title for i in items.values()}


def test_a_timeline_naming_phases_gives_their_steps_its_owners_and_makes_no_items() -> None:
    md = (
        "# Migration\n\n## Plan\n\n### Phase 1: Grants\n\n#### 1.1 Grant roles\n\n- grant select\n\n#### 1.2 Test v2\n\n- call the endpoints\n\n"
        "### Phase 2: Parallel run\n\n#### 2.1 Flag\n\n- add the flag\n\n### Phase 3: Cut over\n\n#### 3.1 Read APIs\n\n- move reads\n\n"
        "## Timeline\n\n| Week | Task | Owner | Status |\n|---|---|---|---|\n"
        "| Week 1 | Phase 1-2: grants and parallel run | Backend | Ready |\n"
        "| Week 2 | Phase 3: cut over | Full Stack | Not started |\n"
    )
    lines, items = imported(md)
    assert {i.id: i.owner for i in items.values()} == {
        "1.1": "Backend",
        "1.2": "Backend",
        "2.1": "Backend",
        "3.1": "Full Stack",
    }
    assert any("column 'Task' names the plan's items; owners given to 1.1, 1.2, 2.1, 3.1" in line for line in lines)


def test_a_table_of_deliverables_with_owners_and_estimates_is_work() -> None:
    md = (
        "# QBO plan\n\n## Implementation phasing\n\n| Deliverable | Owner | Estimate |\n|---|---|---|\n"
        "| QBO adapter end-to-end | integrations-engineer | ~6-8h |\n| Per-client mapping UI | frontend-eng | ~2-3h |\n"
    )
    _, items = imported(md)
    got = [(i.title, i.owner) for i in items.values()]
    assert got == [("QBO adapter end-to-end", "integrations-engineer"), ("Per-client mapping UI", "frontend-eng")]


def test_a_weekly_table_of_deliverables_with_owners_is_work() -> None:
    md = (
        "# Plan\n\n## Phase 1: Foundation (Weeks 1-4)\n\n| Week | Deliverable | Owner | Model |\n|---|---|---|---|\n"
        "| 1 | Load the dataset | Claude + Mykyta | Infrastructure |\n| 2 | Build the pacing model | Mykyta | Model 1 |\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Load the dataset", "Build the pacing model"]
    assert [i.owner for i in items.values()] == ["Claude", "Mykyta"]


def test_a_schedules_range_between_hyphenated_ids_names_each_item() -> None:
    md = (
        "# T\n\n## Tasks\n\n- [ ] T-1.1: Update config\n- [ ] T-1.2: Dry run\n- [ ] T-1.3: Deploy\n"
        "- [ ] T-2.1: Analyse\n\n## Sprint 1\n\n| Day | Tasks | Owner |\n|---|---|---|\n"
        "| Mon | T-1.1-T-1.3 | Platform |\n| Tue | T-2.1 | QA |\n"
    )
    _, items = imported(md)
    assert {i.id: i.owner for i in items.values()} == {
        "T-1.1": "Platform",
        "T-1.2": "Platform",
        "T-1.3": "Platform",
        "T-2.1": "QA",
    }


def test_a_swimlane_table_of_person_and_task_is_work_each_row_owned_by_its_person() -> None:
    md = (
        "# Work plan\n\n### Phase 0 — Setup · Hr 0–1\n\n| Person | Task |\n|---|---|\n"
        "| Tejas | Stand up the repo on the host |\n| Keval | Scaffold the Express server |\n"
    )
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Stand up the repo on the host", "Tejas"),
        ("Scaffold the Express server", "Keval"),
    ]


def test_a_gate_row_between_the_swimlane_rows_is_no_item() -> None:
    md = (
        "# Work plan\n\n### Phase 3 — Hardening\n\n| Person | Task |\n|---|---|\n"
        "| Keval | Harden the sync path |\n| **GATE @ Hr 12** | Core solid? → start the extension. Shaky? → harden it. |\n"
        "| Ravi | Wire the read-sync |\n"
    )
    lines, items = imported(md)
    assert [i.owner for i in items.values()] == ["Keval", "Ravi"]
    assert any("table row 'GATE @ Hr 12' is a gate between the rows of work: not an item" in x for x in lines)
