"""Shapes met in public plans (issue 43's public subset), one class at a time, each with a near miss it must
leave alone."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported


def test_spec_kit_task_ids_open_their_entries() -> None:
    _, items = imported(
        "# Tasks\n\n## Phase 1: Setup\n\n- [X] T001 Create the module\n- [ ] T002 [P] [US1] Add fixtures\n"
    )
    assert set(items) == {"T001", "T002"}
    assert items["T001"].status == "done" and items["T002"].status == "todo"


def test_a_short_number_after_capitals_is_not_an_id() -> None:
    # "S3 bucket": one digit after the letters reads as a word, not a task id.
    _, items = imported("# Plan\n\n## Work\n\n- [ ] S3 bucket policy\n- [ ] CDN in front\n")
    assert "S3" not in items and len(items) == 2


def test_a_run_of_closing_ids_names_the_entries() -> None:
    _, items = imported(
        "# Fixes\n\n### Active\n\n- [ ] Wire extraArgs into builders (C1)\n- [x] Fix the ko build path (C2)\n"
        "- [ ] Pin Kind with a checksum (M1)\n"
    )
    assert set(items) == {"C1", "C2", "M1"}
    assert items["C2"].status == "done"
    assert items["C1"].title == "Wire extraArgs into builders"


def test_one_closing_id_alone_or_a_priority_is_not_an_id() -> None:
    _, items = imported("# Plan\n\n## Work\n\n- [ ] Rotate keys (P1)\n- [ ] Ship the fix (see C4)\n- [ ] Docs (C9)\n")
    assert not {"P1", "C4", "C9"} & set(items) and len(items) == 3


def test_a_phase_tasks_checklist_with_ids_makes_the_phaseimported() -> None:
    lines, items = imported(
        "# Roadmap\n\n## Phase 0: Scaffolding\n\n### Tasks\n\n- [x] **0.1** Install the SDK\n"
        "- [ ] **0.2** Initialise the project\n\n## Phase 1: Types\n\n### Tasks\n\n- [ ] **1.1** Define the spec\n"
    )
    assert set(items) == {"0.1", "0.2", "1.1"}
    assert items["0.1"].status == "done" and items["1.1"].phase == "1"


def test_a_phase_tasks_list_of_references_stays_the_phase_list() -> None:
    result = import_markdown(
        "# Plan\n\n| ID | Task |\n|--|--|\n| T-1 | a |\n| T-2 | b |\n\n## Phase 1: Build\n\n### Tasks\n\n- T-1\n- T-2\n",
        "plan.md",
    )
    assert result.board is not None
    assert [p.items for p in result.board.phases] == [["T-1", "T-2"]]


def test_a_table_with_one_phase_a_row_and_no_ids_makes_noimported() -> None:
    lines, items = imported(
        "# Roadmap\n\n| Phase | Name | Effort | Dependencies |\n|--|--|--|--|\n| 0 | Scaffolding | 1 day | None |\n"
        "| 1 | Types | 1 day | Phase 0 |\n"
    )
    assert items == {}
    assert any("table of phases" in ln for ln in lines)


def test_a_table_whose_rows_share_a_phase_still_makesimported() -> None:
    _, items = imported(
        "# Plan\n\n| Phase | Name | Owner | Status |\n|--|--|--|--|\n| 1 | Build the API | ana | todo |\n"
        "| 1 | Build the UI | bo | done |\n"
    )
    assert len(items) == 2


def test_boxes_under_a_task_headings_subheadings_are_its_steps() -> None:
    lines, items = imported(
        "# Phase 9\n\n## Pre-Implementation\n\n- [x] Review the design\n\n## Task 9.1: Constants\n\n"
        "### Condition Types\n\n- [x] Create conditions.go\n- [x] Define Ready\n\n"
        "## Task 9.2: Helpers\n\n### Core Functions\n\n- [x] Create status.go\n- [ ] Implement setReady\n\n"
        "## Verification\n\n- [x] Project builds\n"
    )
    assert set(items) == {"9.1", "9.2"}  # the checks around the tasks are not items
    assert items["9.1"].status == "done" and items["9.2"].status == "in_progress"
    assert any("no ids where the plan's item headings do" in ln for ln in lines)
