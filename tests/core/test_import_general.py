"""The shape classes of issue 43, one at a time: what the importer takes, and what it says it guessed."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown


def _imp(text: str):  # type: ignore[no-untyped-def]
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result, {i.id: i for i in result.board.items}


def said(result, words: str) -> bool:  # type: ignore[no-untyped-def]
    return any(words in ln for ln in result.report_lines)


TASK_HEADINGS = """# Plan

### ✅ TASK 1: Pin the SDK
- **Status:** ✅ DONE
- **Priority:** HIGH
- **Assigned To:** Marta

**Acceptance Criteria:**
- [x] pinned

**Files to Modify:**
- `requirements.txt`

### ⛔ TASK 2: Verify webhooks
- **Status:** **BLOCKED** (waiting on secrets)
- **Assigned To:** Lena

**Dependencies:** Task 1 (needs the SDK)

### TASK 3: Runbook

**Dependencies:** Task 1, 2 (both)
"""


def test_a_heading_with_a_task_word_and_number_is_one_item_with_its_bold_fields() -> None:
    result, items = _imp(TASK_HEADINGS)
    assert set(items) == {"TASK-1", "TASK-2", "TASK-3"}  # no item per checkbox or file bullet
    assert (items["TASK-1"].status, items["TASK-1"].priority, items["TASK-1"].owner) == ("done", "P1", "Marta")
    assert items["TASK-2"].status == "blocked"
    assert items["TASK-2"].depends_on == ["TASK-1"]
    assert items["TASK-3"].depends_on == ["TASK-1", "TASK-2"]
    assert said(result, "plan.md:3: note: heading names TASK 1: item id TASK-1")


def test_a_range_of_task_numbers_names_each_task() -> None:
    # "Task 1-3完了後" (after tasks 1 to 3): every task of the range, not an id "TASK-1-3"; a row of a
    # timeline table that only names a range of tasks makes no item of its own.
    plan = "# P\n\n" + "".join(f"#### Task {n}: step {n}\n**依存関係**: なし\n\n" for n in (1, 2, 3))
    plan += (
        "#### Task 4: release\n**依存関係**: Task 1-3完了後\n\n#### Task 5: docs\n**Dependencies**: Tasks 2 – 3, 4\n\n"
    )
    plan += "## Week 1\n\n| Day | Work |\n|---|---|\n| Mon | Task 1-2 |\n| Tue | Task 3 to 4 |\n"
    result, items = _imp(plan)
    assert set(items) == {"TASK-1", "TASK-2", "TASK-3", "TASK-4", "TASK-5"}
    assert items["TASK-4"].depends_on == ["TASK-1", "TASK-2", "TASK-3"]
    assert items["TASK-5"].depends_on == ["TASK-2", "TASK-3", "TASK-4"]


def test_a_reversed_task_range_is_left_as_written() -> None:
    result, items = _imp("# P\n\n#### Task 1: a\n\n#### Task 2: b\n**Dependencies**: Task 2-1\n")
    assert "TASK-2-1" not in items["TASK-2"].depends_on


def test_letter_suffix_ids_and_key_dependencies_lines() -> None:
    result, items = _imp(
        "# P\n\n#### Task 2.1.1: Model\n**Status**: Complete\n\n"
        "#### Task 2.4.1: CSV\n**Key Dependencies**: pandas, chardet\n**Dependencies**: Task 2.1.1\n\n"
        "#### Task 2.4.1a: Sniffing\n**Dependencies**: Task 2.4.1\n"
    )
    assert set(items) == {"2.1.1", "2.4.1", "2.4.1a"}
    assert items["2.4.1"].depends_on == ["2.1.1"]
    assert items["2.4.1a"].depends_on == ["2.4.1"]
    assert said(result, "'Key Dependencies' names libraries or services, not items")


def test_id_cells_with_emphasis_and_strike_through_and_hyphen_ranges() -> None:
    result, items = _imp(
        "# P\n\n| ID | Task | Status | Depends on |\n|--|--|--|--|\n"
        "| **2.01** | a | Done | — |\n| 2.02 | b | To do | 2.01 |\n| 2.03 | c | To do | 2.01 |\n"
        "| ~~2.04~~ | ~~d~~ | — | — |\n| **2.05** | e | To do | 2.01-2.03 |\n"
    )
    assert set(items) == {"2.01", "2.02", "2.03", "2.04", "2.05"}
    assert items["2.04"].status == "cancelled" and items["2.04"].title == "d"
    assert items["2.05"].depends_on == ["2.01", "2.02", "2.03"]
    assert said(result, "2.04: its id is struck through: cancelled")


def test_status_headings_of_a_kanban_and_dependency_phrases_in_its_notes() -> None:
    result, items = _imp(
        "# Board\n\n## Shipped\n\n| Issue | Notes |\n|--|--|\n| [#2 Export](https://x/issues/2) | PR #31 |\n\n"
        "## Blocked\n\n| Issue | Notes |\n|--|--|\n| [#11 Parquet](https://x/issues/11) | Blocked by #9, #2 |\n\n"
        "## Up next\n\n| Issue | Notes |\n|--|--|\n| [#9 Upgrade](https://x/issues/9) | after #2 |\n"
    )
    assert {i: (it.status, it.depends_on) for i, it in items.items()} == {
        "#2": ("done", []),  # "PR #31" names no dependency
        "#11": ("blocked", ["#9", "#2"]),
        "#9": ("todo", ["#2"]),
    }
    assert said(result, "heading 'Shipped': status done for the items under it")


@pytest.mark.parametrize(
    ("heading", "status"),
    [("Completed This Sprint", "done"), ("Done this week", "done"), ("Planned for next release", "todo")],
)
def test_a_status_heading_may_say_when(heading: str, status: str) -> None:
    _, items = _imp(f"# Board\n\n## {heading}\n\n| ID | Task |\n|--|--|\n| T-1 | Backups |\n| T-2 | Failover |\n")
    assert (items["T-1"].status, items["T-2"].status) == (status, status)


def test_a_completed_column_of_dates_marks_the_rows_done() -> None:
    result, items = _imp(
        "# Board\n\n## Work\n\n| ID | Task | Completed |\n|--|--|--|\n| T-1 | Backups | 2026-02-15 |\n"
        "| T-2 | Failover | Mar 3, 2026 |\n| T-3 | Docs | |\n"
    )
    assert [items[i].status for i in ("T-1", "T-2", "T-3")] == ["done", "done", "todo"]
    assert said(result, "T-1: column 'Completed' dates it: done (2026-02-15)")


def test_a_field_value_table_under_an_item_heading_gives_its_fields() -> None:
    result, items = _imp(
        "# P\n\n### AUTH-1 Client\n\n| Field | Value |\n|--|--|\n| Owner | Rosa |\n| Status | Done |\n\n"
        "### AUTH-2 Exchange\n\n| Field | Value |\n|--|--|\n| Owner | Femi |\n| Priority | Critical |\n"
        "| Depends on | AUTH-1 |\n"
    )
    assert (items["AUTH-1"].owner, items["AUTH-1"].status) == ("Rosa", "done")
    assert (items["AUTH-2"].priority, items["AUTH-2"].depends_on) == ("P0", ["AUTH-1"])
    assert said(result, "AUTH-2: table of 3 fields")


def test_an_epic_holding_items_with_ids_groups_them_even_when_named_templates() -> None:
    result, items = _imp(
        "# P\n\n## Epic 1: Migration\n\n- [x] DOC-1 Inventory\n- [ ] DOC-2 Move — depends on DOC-1\n\n"
        "## Epic 2: Page Templates\n\n- [ ] DOC-4 Tutorial template\n- [ ] DOC-5 Reference template\n"
    )
    assert set(items) == {"DOC-1", "DOC-2", "DOC-4", "DOC-5"}  # no E1/E2 items; no section skipped as a template
    assert not said(result, "is a template")


def test_a_template_heading_whose_subsections_hold_items_with_ids_is_their_group() -> None:
    result, items = _imp(
        "# Sprint backlog templates\n\n## Sprint 1 Backlog Template\n\n### Stories\n\n#### P0 - Blockers\n"
        "- [ ] **INFRA-1** (3 SP) - Monorepo setup\n  - **Assignee**: Backend Lead\n"
        "- [x] **INFRA-2** (2 SP) - Docker environment\n  - **Dependencies**: INFRA-1\n\n"
        "## Retro Template\n\n- What went well:\n- What to change:\n"
    )
    assert set(items) == {"INFRA-1", "INFRA-2"}
    assert items["INFRA-1"].owner == "Backend Lead" and items["INFRA-1"].priority == "P0"
    assert items["INFRA-2"].depends_on == ["INFRA-1"] and items["INFRA-2"].status == "done"
    assert said(result, "'Retro Template' is a template") and not said(result, "'Sprint 1 Backlog Template' is a")


def test_a_risk_table_without_ids_is_numbered_and_linked() -> None:
    result, items = _imp(
        "# P\n\n- [ ] DOC-3 Redirects\n- [ ] DOC-7 Reindex\n\n## Risks\n\n"
        "| Risk | Probability | Impact | Mitigation |\n|--|--|--|--|\n"
        "| Broken links | High | High | DOC-3 in CI |\n| Stale search | Low | Medium | DOC-7 on launch day |\n"
    )
    assert {r.id: r.mitigated_by for r in result.board.risks} == {"R-1": ["DOC-3"], "R-2": ["DOC-7"]}
    assert said(result, "risk table without an id column: its rows numbered R-1..R-2")


def test_checklists_that_restate_ids_or_review_a_plan_are_not_items() -> None:
    result, items = _imp(
        "# P\n\n| ID | Item | Status |\n|--|--|--|\n| SR-03 | a | Todo |\n| SR-05 | b | **BLOCKED** |\n\n"
        "## Sprint 14 goals\n\n- [ ] Finish SR-03\n- [ ] Unblock SR-05\n\n"
        "## Review checklist\n\n- [ ] Eval set reviewed\n- [ ] Metrics agreed\n\n"
        "## Follow-ups\n\n- [ ] Ping SR-03's owner\n- [ ] Ask about SR-05\n"
    )
    assert set(items) == {"SR-03", "SR-05"} and items["SR-05"].status == "blocked"
    assert said(result, "checklist under 'Follow-ups' only names items by their ids: a view, kept as text")


def test_boxes_each_closing_on_their_own_issue_number_are_work_not_a_view() -> None:
    # "(#40)" names the entry's own issue: no item of the plan is named, so the boxes are its work.
    result, items = _imp(
        "# Roadmap\n\n## Phase 1 -- Core\n\n**Outcome:** users find a drink.\n\n"
        "- [ ] Define ingredient canonicalization strategy (#40)\n- [ ] Normalize quantity storage (#38)\n\n"
        "## Phase 2 -- Polish\n\n- [ ] Remove UI deprecation warnings (#19)\n- [ ] Add onboarding\n"
    )
    titles = sorted(it.title for it in items.values())
    assert titles[:2] == ["Add onboarding", "Define ingredient canonicalization strategy (#40)"]
    assert len(titles) == 4
    assert not said(result, "only names items by their ids")


def test_a_box_opening_with_a_range_of_known_items_ticks_each_of_them() -> None:
    result, items = _imp(
        "# P\n\n| ID | Task |\n|--|--|\n| P3-1 | a |\n| P3-2 | b |\n| P3-3 | c |\n| P3-4 | d |\n\n"
        "## Master checklist\n\n- [ ] P3-1 a\n- [x] P3-2〜P3-4 the collectors\n"
    )
    assert set(items) == {"P3-1", "P3-2", "P3-3", "P3-4"}
    assert [items[i].status for i in ("P3-1", "P3-2", "P3-3", "P3-4")] == ["todo", "done", "done", "done"]


def test_bracketed_ids_with_dash_separated_fields_and_a_shouted_status() -> None:
    result, items = _imp(
        "# P\n\n1. [REL-1] Define SLOs — P0 — @amir — done\n"
        "2. [REL-2] Budget alerts — P1 — @amir — in progress — blocked by REL-1\n\n"
        "## Security\n\n- [x] LR-5 Pen-test triage\n- [ ] LR-6 Fix findings (after LR-5) — **BLOCKED** on the vendor\n"
    )
    assert (items["REL-1"].priority, items["REL-1"].owner, items["REL-1"].status) == ("P0", "@amir", "done")
    assert (items["REL-2"].status, items["REL-2"].depends_on, items["REL-2"].title) == (
        "in_progress",
        ["REL-1"],
        "Budget alerts",
    )
    assert (items["LR-6"].status, items["LR-6"].depends_on) == ("blocked", ["LR-5"])
    assert said(result, "LR-6: 'BLOCKED' read as status blocked")


def test_a_milestone_table_over_items_already_made_adds_to_those_items() -> None:
    result, items = _imp(
        "# Plan\n\n## M1 — upload handshake\n\nDo it.\n\n## M2 — arm and take off\n\nThen this.\n\n"
        "## M3 — telemetry\n\nLast.\n\n## Summary\n\n| Milestone | Result | Depends on |\n|---|---|---|\n"
        "| M1 | handshake | — |\n| M2 | arm | M1 |\n| M3 | telemetry | M1–M2 |\n"
    )
    assert set(items) == {"M1", "M2", "M3"}
    assert (items["M2"].depends_on, items["M3"].depends_on) == (["M1"], ["M1", "M2"])
    assert result.board.milestones == []


def test_an_entry_the_rows_name_as_their_milestone_is_that_milestone() -> None:
    result, items = _imp(
        "# Plan\n\n## Milestones\n\n1. **M1 Design settled**\n   - tokens and boards\n2. **M2 Static screens**\n"
        "   - no logic yet\n\n## Work\n\n| ID | Milestone | Task | Depends on |\n|---|---|---|---|\n"
        "| M1-01 | M1 | Rules | none |\n| M1-02 | M1 | Cards | M1-01 |\n| M2-01 | M2 | Gate screen | M1 done |\n"
    )
    assert set(items) == {"M1-01", "M1-02", "M2-01"}
    assert items["M2-01"].depends_on == ["M1-01", "M1-02"]
    assert {m.id: m.title for m in result.board.milestones} == {"M1": "Design settled", "M2": "Static screens"}
    assert [items[i].milestone for i in ("M1-01", "M1-02", "M2-01")] == ["M1", "M1", "M2"]


def test_an_item_the_rows_name_as_their_milestone_becomes_it() -> None:
    # Under a heading no milestone word names, the list is read as items first; the rows say what it is.
    result, items = _imp(
        "# Plan\n\n## Stages\n\n1. **M1 Design settled**\n2. **M2 Static screens**\n\n## Work\n\n"
        "| ID | Stage | Task | Depends on |\n|---|---|---|---|\n| M1-01 | M1 | Rules | none |\n"
        "| M1-02 | M1 | Cards | M1-01 |\n| M2-01 | M2 | Gate screen | M1 done |\n"
    )
    assert set(items) == {"M1-01", "M1-02", "M2-01"}
    assert items["M2-01"].depends_on == ["M1-01", "M1-02"]


def test_a_range_across_phases_runs_through_the_plans_order_and_a_boxed_bold_title_is_read() -> None:
    result, items = _imp(
        "# Tasks\n\n## Phase 1\n\n| # | Task | Deps |\n|---|---|---|\n| 1.1 | [x] **Schema** - the tables | none |\n"
        "| 1.2 | [ ] **Index** | 1.1 |\n\n## Phase 2\n\n| # | Task | Deps |\n|---|---|---|\n"
        "| 2.1 | [ ] **API** - endpoints | 1.1-1.2 |\n| 2.2 | [ ] **Docs** | 1.2-2.1 |\n| 2.3 | [ ] **Bench** | 1.1-9.9 |\n"
    )
    assert (items["1.1"].title, items["1.1"].status, items["1.1"].description) == ("Schema", "done", "the tables")
    assert (items["1.2"].title, items["1.2"].status) == ("Index", "todo")
    assert items["2.1"].depends_on == ["1.1", "1.2"]
    assert items["2.2"].depends_on == ["1.2", "2.1"]
    assert items["2.3"].depends_on == []
    assert said(result, "2.3: range '1.1-9.9' could not be expanded; kept in dependency_note")
    assert not said(result, "2.2: range")


def test_priority_dotted_ids_in_headings_and_a_matrix_of_them_and_next_steps_as_text() -> None:
    result, items = _imp(
        "# Backlog\n\n## P0 — Blocker: fix the build\n\n### P0.1 — Fix imports\n\n**Effort:** 15min\n\n"
        "### P0.2 — Verify the build\n\nRun it.\n\n## P1 — Must have: tests\n\n### P1.1 — Login tests\n\nCover CPF.\n\n"
        "## Priority matrix\n\n| Task | P | Owner |\n|---|---|---|\n| **P0.1** Fix imports | 0 | Dev |\n"
        "| **P0.2** Verify | 0 | QA |\n| P1.1 Login tests | 1 | QA-Exec |\n\n"
        "## Next steps\n\n1. **This week:** delegate P0 to Dev\n2. **Before merge:** all P0 + P1 done\n"
    )
    assert list(items) == ["P0.1", "P0.2", "P1.1"]
    assert [(items[i].priority, items[i].owner) for i in items] == [("P0", "Dev"), ("P0", "QA"), ("P1", "QA-Exec")]
    assert items["P0.1"].title == "Fix imports"
    assert said(result, "numbered list under 'Next steps' beside the plan's items with ids: kept as text")


def test_a_ledger_of_workstreams_with_owners_and_states_is_work() -> None:
    result, items = _imp(
        "# Implementation ledger\n\n| Workstream | Owner | Status | Dependency |\n| --- | --- | --- | --- |\n"
        "| Source repository | Operations | live | GitHub |\n| Production build | Operations | tested | Node |\n"
        "| Recurring executor | Operations | partial | Vercel cron |\n"
    )
    assert [(i.title, i.owner, i.status) for i in items.values()] == [
        ("Source repository", "Operations", "done"),
        ("Production build", "Operations", "review"),
        ("Recurring executor", "Operations", "in_progress"),
    ]
    assert all(i.depends_on == [] for i in items.values())


def test_priority_headings_and_owner_columns_in_swedish() -> None:
    _, items = _imp(
        "# Readiness report\n\n### Kritiska blockers (maste atgardas innan lansering)\n\n"
        "| # | Atgard | Ansvarig | Estimat |\n|---|---|---|---|\n| 1 | **CSRF:** skydd | Arkitekt + Developer | 1 dag |\n\n"
        "### Hog prioritet (bor atgardas)\n\n| # | Atgard | Ansvarig | Estimat |\n|---|---|---|---|\n"
        "| 2 | Felhantering | Developer | 2 dagar |\n\n### Alta prioridad\n\n| # | Atgard | Ansvarig |\n|---|---|---|\n"
        "| 3 | Tester | Testare |\n"
    )
    assert [(i.id, i.priority, i.owner) for i in items.values()] == [
        ("1", "P0", "Arkitekt"),
        ("2", "P1", "Developer"),
        ("3", "P1", "Testare"),
    ]


def test_status_headings_with_a_gloss_and_an_id_column_of_marks() -> None:
    result, items = _imp(
        "# Taak tracker\n\n## 🔴 ACTIEF (In Progress)\n\n| ID | Taak | Eigenaar |\n|---|---|---|\n| T-001 | Server | Musa |\n\n"
        "## 🟡 GEPLAND (Todo)\n\n| ID | Taak | Prioriteit |\n|---|---|---|\n| T-002 | Mailflow | Middel |\n\n"
        "## ✅ VOLTOOID (Afgerond)\n\n| ID | Taak | Datum |\n|---|---|---|\n| ✅ | Video pipeline | 2026-04-20 |\n"
        "| ✅ | Swap geheugen | 2026-04-20 |\n"
    )
    assert [(i.id, i.status) for i in items.values()] == [
        ("T-001", "in_progress"),
        ("T-002", "todo"),
        ("VA-1", "done"),
        ("VA-2", "done"),
    ]
    assert items["T-002"].priority == "P2"
    assert said(result, "table: column 'ID' holds state marks, not ids")


def test_a_sprint_summary_and_a_list_of_links_to_epic_documents_are_no_items() -> None:
    result, items = _imp(
        "# Sprint board\n\n## Overview\n\n| Sprint | Theme | Epics | Status |\n|---|---|---|---|\n"
        "| **Sprint 1** | Security | EPIC-001, 003 | NOT STARTED |\n| **Sprint 2** | ML | EPIC-002 | NOT STARTED |\n\n"
        "## Sprint 1\n\n| ID | Epic | Story | Status |\n|---|---|---|---|\n| US-001 | EPIC-001 | Login | Todo |\n\n"
        "## Quick links\n\n- [EPIC-001: Security](/docs/epics/epic-001.md)\n- [EPIC-002: ML](/docs/epics/epic-002.md)\n"
    )
    assert list(items) == ["US-001"]
    assert said(result, "list of links (2 entries) to documents: an index, not items")


def test_spec_kit_bracketed_ids_and_its_parallel_column() -> None:
    _, items = _imp(
        "# Task breakdown\n\n## Phase 0: Setup\n\n| ID | Task | [P] | Depends | Status |\n|---|---|---|---|---|\n"
        "| [T099] | Errors module | - | - | ✅ |\n| [T100.5] | Money module | [P] | [T099] | ✅ (98%) |\n"
    )
    assert [(i.id, i.depends_on, i.status, i.priority) for i in items.values()] == [
        ("T099", [], "done", None),
        ("T100.5", ["T099"], "done", None),
    ]


def test_slug_ids_in_a_column_headed_id_and_camel_case_states() -> None:
    _, items = _imp(
        "# Stories\n\n| ID | Title | Requires | Status |\n| --- | --- | --- | --- |\n"
        "| ENA-Entitlements | Plans catalog | – | InProgress |\n| ST-Builder-Estimator | Estimator | ENA-Entitlements | Planned |\n"
    )
    assert [(i.id, i.depends_on, i.status) for i in items.values()] == [
        ("ENA-Entitlements", [], "in_progress"),
        ("ST-Builder-Estimator", ["ENA-Entitlements"], "todo"),
    ]


def test_piped_fields_in_a_task_heading_and_a_summary_with_a_total_row() -> None:
    _, items = _imp(
        "# Sprint\n\n### T2I.1 — Framework review | Cx: 8 | P0\n\nReview it.\n\n### T2I.2 — Session resume | Cx: 5 | P1\n\n"
        "Build it.\n\n## Summary\n\n| Task | Title | Cx |\n|---|---|---|\n| T2I.1 | Framework review | 8 |\n"
        "| T2I.2 | Session resume | 5 |\n| **Total** | | **13** |\n"
    )
    assert [(i.id, i.title, i.priority, i.custom.get("cx")) for i in items.values()] == [
        ("T2I.1", "Framework review", "P0", "8"),
        ("T2I.2", "Session resume", "P1", "5"),
    ]


def test_idless_task_tables_under_sprint_headings_are_numbered_within_their_sprint() -> None:
    _, items = _imp(
        "# GDPR handlingsplan\n\n### 🔥 Sprint 1-2: Kritisk Sikkerhed (14 dage)\n\n| Opgave | Dage | Ansvarlig | Status |\n"
        "|---|---|---|---|\n| Bcrypt hashing | 2 | Backend dev | ⏳ TODO |\n| CSRF protection | 1 | Legal + Dev | ⏳ TODO |\n\n"
        "### 📝 Sprint 3-4: Brugerrettigheder\n\n| Opgave | Dage | Ansvarlig | Status |\n|---|---|---|---|\n"
        "| Data export | 2 | Backend dev | ⏳ TODO |\n"
    )
    assert [(i.id, i.title, i.owner, i.status) for i in items.values()] == [
        ("S1-1", "Bcrypt hashing", "Backend dev", "todo"),
        ("S1-2", "CSRF protection", "Legal", "todo"),
        ("S3-1", "Data export", "Backend dev", "todo"),
    ]


def test_lines_of_labelled_stories_under_phase_headings_are_items() -> None:
    result, items = _imp(
        "# Epic: migration\n\n## Stories\n\n### Phase 1: Preparation (Week 1)\n\n**Story 6.1:** Feature flags\n"
        "**Story 6.2:** Environment config\n\n### Phase 2: Rollout (Week 2)\n\n**Story 6.3:** Monitoring\n"
        "**Story 6.4:** Staged rollout\n\n## Notes\n\n- **Dependencies:** Story 6.3 (monitoring) should be deployed"
        " before 6.4 (rollout)\n"
    )
    assert [(i.id, i.title) for i in items.values()] == [
        ("6.1", "Feature flags"),
        ("6.2", "Environment config"),
        ("6.3", "Monitoring"),
        ("6.4", "Staged rollout"),
    ]
    assert items["6.4"].depends_on == ["6.3"]
    assert said(result, "lines of labelled work (2) -> items 6.1, 6.2")


def test_title_cells_counted_by_the_plan_give_the_rows_their_numbers() -> None:
    _, items = _imp(
        "# Release checklist\n\n| Item | Owner | Status |\n| --- | --- | --- |\n"
        "| 1) Enforce merge gate | Repo admin | Not configured |\n| 2) Security headers | Frontend + platform | Done |\n"
    )
    assert [(i.id, i.title, i.owner, i.status) for i in items.values()] == [
        ("1", "Enforce merge gate", "Repo admin", "todo"),
        ("2", "Security headers", "Frontend", "done"),
    ]


def test_a_dependency_on_a_package_family_and_lettered_siblings() -> None:
    _, items = _imp(
        "# Work packages\n\n| ID | Name | Depends |\n|---|---|---|\n| WP1a | Data | — |\n| WP1b | Splits | WP1a |\n"
        "| WP2 | Train | WP1 |\n| WP5a | Ablations | — |\n| WP5b | Baselines | — |\n| WP5c | Figure | WP5a/b + systems |\n"
        "| WP10 | Paper | WP1–2 |\n"
    )
    assert items["WP2"].depends_on == ["WP1a", "WP1b"]
    assert items["WP5c"].depends_on == ["WP5a", "WP5b"]
    assert items["WP10"].depends_on == ["WP1a", "WP1b", "WP2"]


def test_a_wave_named_in_a_dependency_cell_is_every_task_of_that_wave() -> None:
    _, items = _imp(
        "# Task board\n\n| Task | Depends | Status |\n|---|---|---|\n| W1-1 harness | — | pending |\n"
        "| W1-2 schema | W1-1 | pending |\n| W2-1 sync | W1 gate | pending |\n| W2-2 search | W1-2 | pending |\n"
        "| W3-1 ship | W2 | pending |\n| W20-1 later | — | pending |\n"
    )
    assert items["W2-1"].depends_on == ["W1-1", "W1-2"]
    assert items["W3-1"].depends_on == ["W2-1", "W2-2"]


def test_a_dependency_on_a_step_of_an_item_is_on_the_item() -> None:
    _, items = _imp(
        "# Master index\n\n| id | titel | depends_on |\n| --- | --- | --- |\n| V74 | Runtime | V58.99 |\n"
        "| V77 | Desktop | V74.99 |\n| V64 | Multiplayer | V74.99,V77.99 |\n"
    )
    assert items["V77"].depends_on == ["V74"]
    assert items["V64"].depends_on == ["V74", "V77"]


def test_a_dependency_cell_saying_all_waits_on_every_other_item_but_its_own_dependents() -> None:
    _, items = _imp(
        "# Ledger\n\n| ID | Task | Depends |\n|---|---|---|\n| S0 | Branch | – |\n| P1 | Server | S0 |\n"
        "| Q1 | Quality pass | all |\n| Z9 | Paper | Q1 |\n"
    )
    assert items["Q1"].depends_on == ["S0", "P1"]
    assert items["Z9"].depends_on == ["Q1"]


def test_a_mark_opening_a_comment_cell_is_the_state_when_no_column_gives_one() -> None:
    result, items = _imp(
        "# Compliance backlog\n\n## P1 – Bør på plass\n\n| # | Tiltak | Kommentar |\n|---|---|---|\n"
        "| P1-6 | Personvernside | ✅ Gjort i 24B. |\n| P1-7 | Logging | Trenger avklaring |\n"
    )
    assert (items["P1-6"].status, items["P1-7"].status) == ("done", "todo")
    assert items["P1-6"].notes == "✅ Gjort i 24B."
    assert said(result, "P1-6: status done from the mark opening its 'Kommentar' cell")


def test_evidence_cells_keep_repo_paths_and_leave_routes_as_words() -> None:
    result, items = _imp(
        "# Ledger\n\n| ID | Task | Evidence |\n|---|---|---|\n| F1 | Auth pages | /login, docs/auth.md |\n"
        "| F2 | Docs | docs/api.md |\n"
    )
    assert items["F1"].gate.evidence == ["docs/auth.md"] and items["F2"].gate.evidence == ["docs/api.md"]
    assert items["F1"].custom["evidence"] == "/login, docs/auth.md"
    assert said(result, "F1: evidence '/login' is no path in the repo")


def test_a_heading_that_describes_tasks_does_not_make_its_lists_tasks() -> None:
    # "## Task Packet Shape" says what every task should include; "## Tasks" and "## Task" hold the work.
    shape = (
        "## Task Packet Shape\n\nEvery task should include:\n\n- backlog ID(s)\n- exact goal\n- acceptance criteria\n\n"
    )
    result, items = _imp("# P\n\n" + shape + "## Tasks\n\n- Write the schema\n- Seed the data\n")
    assert set(items) == {"T1", "T2"}
    assert items["T1"].title == "Write the schema"
    result, items = _imp("# P\n\n## Task\n\n- Write the schema\n")
    assert set(items) == {"T1"}


def test_a_closing_total_row_is_no_item() -> None:
    # "| **TOTALE** | | **40h** |" under a table of id-less tasks sums the rows above it.
    table = "| Attività | Responsabile | Sforzo |\n|---|---|---|\n| Setup repo | Senior | 4h |\n"
    table += "| Schema DB | Junior | 6h |\n| **TOTALE** | | **10h** |\n"
    result, items = _imp("# Piano\n\n## Sprint 0\n\n" + table)
    assert sorted(i.title for i in items.values()) == ["Schema DB", "Setup repo"]
    assert said(result, "table row 'TOTALE' sums the rows above it: not an item")


def test_a_table_of_titles_under_a_status_heading_is_that_columns_work() -> None:
    _, items = _imp(
        "# Board\n\n## To do\n\n| Priority | Task |\n|--|--|\n| P0 | Verify the footprint |\n\n"
        "## Done\n\n| Date | Item |\n|--|--|\n| 2026-05-30 | Added the docs |\n| 2026-05-30 | Added ignore rules |\n"
    )
    assert sorted((it.title, it.status) for it in items.values()) == [
        ("Added ignore rules", "done"),
        ("Added the docs", "done"),
        ("Verify the footprint", "todo"),
    ]


def test_a_section_about_making_templates_is_work_not_a_template() -> None:
    md = (
        "# Migration\n\n## Setup (Week 1)\n\n### Template Creation\n\n- [ ] Create task templates\n"
        "- [ ] Define required fields\n\n### Task Template\n\n- [ ] Title:\n- [ ] Owner:\n"
    )
    result = import_markdown(md, "M.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.title for i in result.board.items] == ["Create task templates", "Define required fields"]
    assert said(result, "'Task Template' is a template") and not said(result, "'Template Creation' is a")


def test_phases_ticked_off_as_boxes_give_no_ids_that_make_other_boxes_reminders() -> None:
    # "- [x] Phase 1: …" becomes PHASE-1, an id the importer makes: the plan gives its boxes no ids of its own.
    result, items = _imp(
        "# Roadmap\n\n## Phases\n\n- [x] Phase 1: Foundation\n- [ ] Phase 2: Triage\n\n"
        "## Work\n\n- [x] Write the docs\n- [ ] Ship the app\n"
    )
    assert [i.title for i in items.values()] == ["Foundation", "Triage", "Write the docs", "Ship the app"]
    assert not said(result, "has no ids where the plan's other checklists do")


def test_a_closing_state_with_its_date_and_a_progress_count_leave_the_title() -> None:
    # "(3/3 plans) — completed 2026-02-24": how far the work got and when it closed, not its name.
    result, items = _imp(
        "# Roadmap\n\n## Work\n\n- [x] Foundation and JMAP Client (3/3 plans) — completed 2026-02-24\n"
        "- [ ] Triage Pipeline (1/3 plans, INSERTED)\n- [ ] Migrate users — done 2026-03-01\n"
        "- [ ] Interval selection (3/6/9 min)\n"
    )
    got = [(i.title, i.status, i.description) for i in items.values()]
    assert got == [
        ("Foundation and JMAP Client", "done", "3/3 plans"),
        ("Triage Pipeline", "todo", "1/3 plans, INSERTED"),
        ("Migrate users", "done", ""),
        ("Interval selection (3/6/9 min)", "todo", ""),  # choices, not a count of work done
    ]
