"""A sprint's list that schedules the plan's items by id and adds work of its own without one; a sprint whose
feature is named "progress" is no progress log (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# BooKlub roadmap

## Feedback items

### MVF-5: Onboarding & Core Concept Clarity
Testers are confused about what BooKlub is.

### MVF-6: Browser Tab Title Fix
The tab says the wrong name.

## Proposed Sprint Plan

### Sprint 5: Onboarding & Concept Clarity
- **MVF-5:** Welcome/explainer experience for new users
- **MVF-6:** Browser tab title fix
- Review and improve button labels and UI copy throughout
- MVF-5, MVF-6 ship together

### Sprint 6: Reading Progress & Spoiler Guard
- Progress UI in club chat (set your progress, see others')
- AI author system prompt updated to respect each reader's progress
"""


def test_an_entry_without_an_id_in_a_sprint_of_the_plans_items_is_new_work() -> None:
    # Before: "Review and improve button labels…" was skipped as "a list entry without an id".
    report, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert "Review and improve button labels and UI copy throughout" in titles
    assert "MVF-5, MVF-6 ship together" not in titles  # names the plan's items: no work of its own
    assert sum(1 for i in items.values() if i.id.startswith("MVF-")) == 2


def test_a_sprint_named_after_a_progress_feature_is_no_progress_log() -> None:
    report, _ = imported(PLAN)
    assert not any("progress list" in line for line in report)


FEWER_IDS = """# BooKlub roadmap

## Backlog

### BKL-4: Reading Progress & Spoiler Guard
Each member sets their reading progress.

### MVF-8: In-App Book Reading
Deferred.

## Sprints

### Sprint 6: Reading Progress & Spoiler Guard
- **BKL-4:** Reading progress tracking with AI spoiler prevention
- Progress UI in club chat
- AI author system prompt updated to respect each reader's progress

### Future

**Other deferred items:**
- **MVF-8:** In-app book reading (deferred)
- WebSocket upgrade
- Expert Panels
"""


def test_a_list_citing_one_item_beside_more_new_work_schedules_both() -> None:
    # Before: one id in three entries fell short of "half the entries open with ids": the list was kept as text.
    report, items = imported(FEWER_IDS)
    titles = {i.title for i in items.values()}
    assert {
        "Progress UI in club chat",
        "AI author system prompt updated to respect each reader's progress",
        "WebSocket upgrade",
        "Expert Panels",
    } <= titles
    assert len(items) == 6
    assert not any("Sprint 6" in line and "kept as text" in line for line in report)


def test_a_group_named_in_a_list_of_phase_dependencies_is_no_item() -> None:
    md = (
        "# Tasks\n\n## Phase 3: User Story 1\n\n- [X] T007 [US1] Update the endpoint\n\n"
        "## Phase 4: User Story 3\n\n- [X] T011 [US3] Add validation\n\n"
        "## Dependencies & Execution Order\n\n### Phase Dependencies\n\n"
        "- **US1 (Phase 3)**: Depends on Setup (not Foundational)\n- **US2 (Phase 4)**: Depends on US1 completion\n"
        "- **T011**: Depends on T007\n"
    )
    report, items = imported(md)
    # Before: US1 and US2 became items, their dependency sentences their titles.
    assert list(items) == ["T007", "T011"]
    assert items["T011"].depends_on == ["T007"]
    assert any("US2 is no item" in line for line in report)


def test_a_table_row_per_group_tag_the_tasks_carry_is_no_item() -> None:
    md = (
        "# Tasks\n\n## Phase 3: Libraries\n\n- [x] T010 [US2] Convert the shared library\n\n"
        "## Phase 4: Core Build\n\n- [x] T030 [US1] Add the module type\n\n"
        "### Independent Test Criteria per User Story\n\n| Story | Test Criteria |\n|-------|--------------|\n"
        "| US1 (Core Build) | `yarn build` succeeds |\n| US2 (Libraries) | `nx affected:test` passes |\n"
    )
    report, items = imported(md)
    # Before: US1 and US2 became items titled "Core Build" and "Libraries".
    assert list(items) == ["T010", "T030"]
    assert any("a row per group tag" in line for line in report)
