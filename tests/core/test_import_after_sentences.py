"""A sentence saying items can start after another makes them wait on it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Docs cleanup

## Phase 2

- [X] T008 Create docs/setup/README.md
- [ ] T009 Create docs/api/README.md
- [ ] T010 Create docs/ops/README.md
- [ ] T011 Create docs/dev/README.md
- [ ] T016 Create docs/features/README.md

### Parallel Opportunities

**Phase 2 (Foundational)**: T009-T011, T016 can run in parallel after T008 (category READMEs)
"""


def test_the_items_that_can_run_after_another_wait_on_it() -> None:
    _, items = imported(PLAN)
    assert {i.id: i.depends_on for i in items.values()} == {
        "T008": [],
        "T009": ["T008"],
        "T010": ["T008"],
        "T011": ["T008"],
        "T016": ["T008"],
    }


def test_running_in_parallel_alone_says_no_order() -> None:
    _, items = imported(PLAN.replace(" after T008 (category READMEs)", ""))
    assert not any(i.depends_on for i in items.values())


def test_ids_said_to_run_sequentially_each_wait_on_the_one_before() -> None:
    md = (
        "# Audit tasks\n\n## Phase 2\n\n- [X] T004 Create the patterns library\n- [X] T005 Define the prompts\n"
        "- [X] T006 Create the score\n\n## Phase 3\n\n- [ ] T007 Create the command\n- [ ] T008 Run the scan\n"
        "- [ ] T009 Parse the findings\n\n## Dependencies\n\n### User Story Dependencies\n\n"
        "- **User Story 1 (P1)**: Can start after Foundational\n"
        "  - T007-T009 must be executed sequentially (building the command phases)\n"
        "  - Core MVP - all other stories build on this\n\n### Parallel Opportunities\n\n"
        "- **Phase 2 (Foundational)**: T004, T005, T006 should be sequential (dependencies on each other)\n"
    )
    report, items = imported(md)
    assert set(items) == {"T004", "T005", "T006", "T007", "T008", "T009"}  # the order is not an item "T007-T009"
    assert {i: it.depends_on for i, it in items.items() if it.depends_on} == {
        "T005": ["T004"],
        "T006": ["T005"],
        "T008": ["T007"],
        "T009": ["T008"],
    }
    assert any("from the sentence 'T007-T009 must be executed sequentially" in line for line in report)


def test_an_entry_saying_an_order_among_ids_is_no_item_of_its_own() -> None:
    md = (
        "# Tasks\n\n## Setup\n\n- [ ] T001 Create the repo\n- [ ] T002 Add CI\n- [ ] T003 Add lint\n\n"
        "## Notes\n\n- T001-T003 must be executed sequentially (same file)\n- T004 Write the docs\n"
    )
    report, items = imported(md)
    assert "T001-T003" not in items and items["T004"].title == "Write the docs"
    assert items["T003"].depends_on == ["T002"]
    assert any("says an order between items; read as dependencies" in line for line in report)


def test_ids_said_to_be_sequential_without_a_modal_wait_in_turn_and_a_hedge_says_nothing() -> None:
    md = (
        "# Widget tasks\n\n## Setup\n\n- [x] T001 Install the package\n- [x] T002 Update app.json\n"
        "- [ ] T003 Run the prebuild\n- [ ] T004 Verify the build\n- [ ] T005 Write the widget\n"
        "- [ ] T006 Style the widget\n\n## Parallel Opportunities\n\n"
        "- T001-T003 are sequential (install → config → prebuild)\n- T004-T006 mostly sequential (same file)\n"
    )
    report, items = imported(md)
    assert set(items) == {"T001", "T002", "T003", "T004", "T005", "T006"}
    assert {i: it.depends_on for i, it in items.items() if it.depends_on} == {"T002": ["T001"], "T003": ["T002"]}


STORY = """# Migration

## Phase 3: User Story 1

- [ ] T100 Implement createBackup()
- [ ] T101 Implement checkMigrationDone()
- [ ] T102 Implement runMigration()
- [ ] T103 Wire the install handler
- [ ] T107 Replace the webRequest API
- [ ] T108 Replace the storage API
- [ ] T109 Cache the compiled rules
- [ ] T110 Batch the rule updates
- [ ] T111 Test the backup
- [ ] T112 Test the migration

## Dependencies

### Within Each User Story

- **US1 (Phase 3)**:
  - T100, T101 (parallel) → T102 → T103
  - T109, T110 (optimizations) can run in parallel after T107, T108
  - T111-T112 (tests) must run after implementation (T100-T101)
"""


def test_an_arrow_chain_of_ids_makes_each_group_wait_on_the_one_before() -> None:
    report, items = imported(STORY)
    assert items["T102"].depends_on == ["T100", "T101"]
    assert items["T103"].depends_on == ["T102"]
    assert not items["T100"].depends_on and not items["T101"].depends_on
    assert any("from the drawing 'T100, T101 (parallel) → T102 → T103'" in line for line in report)


def test_ids_with_an_aside_that_can_or_must_run_after_others_wait_on_them() -> None:
    _, items = imported(STORY)
    assert items["T109"].depends_on == ["T107", "T108"] and items["T110"].depends_on == ["T107", "T108"]
    assert items["T111"].depends_on == ["T100", "T101"] and items["T112"].depends_on == ["T100", "T101"]


def test_an_arrow_between_words_that_are_no_items_says_no_order() -> None:
    _, items = imported(STORY.replace("T100, T101 (parallel) → T102 → T103", "**Phase 0** (baseline) → **Phase 1**"))
    assert not items["T102"].depends_on and not items["T103"].depends_on
