"""List entries that open with one bold label and a number (``- **Task 1.1:** x``) are items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PHASES = (
    "# Plan\n\n## Phase 1: Setup\n\n- **Task 1.1:** Set up the repository and CI.\n"
    "- **Task 1.2:** Write the schema migration.\n- **Task 1.3:** Load the fixtures.\n\n"
    "## Phase 2: Build\n\n- **Task 2.1:** Build the API. Depends on Task 1.2.\n- **Task 2.2:** Build the UI.\n"
)


def test_labelled_entries_under_phase_headings_are_the_items_not_the_phases() -> None:
    report, items = imported(PHASES)
    assert [(i.id, i.title) for i in items.values()] == [
        ("1.1", "Set up the repository and CI."),
        ("1.2", "Write the schema migration."),
        ("1.3", "Load the fixtures."),
        ("2.1", "Build the API."),
        ("2.2", "Build the UI."),
    ]
    assert items["2.1"].depends_on == ["1.2"]
    assert not [i for i in items if i.startswith("PHASE-")]


def test_a_label_in_another_script_and_whole_numbers() -> None:
    _, items = imported(
        "# Plan\n\n## Faz 1\n\n*   **Kilometre Taşı 1:** Ekip içi bilgi paylaşımı aktif.\n"
        "*   **Kilometre Taşı 2:** Faz 1 planı tamamlanmış.\n\n## Stories\n\n"
        "- **Story 4** — Login page\n- **Story 5** — Logout\n"
    )
    assert list(items) == ["1", "2", "STORY-4", "STORY-5"]
    assert items["1"].title == "Ekip içi bilgi paylaşımı aktif."


def test_labels_that_name_groups_or_differ_are_not_items() -> None:
    _, items = imported(
        "# Plan\n\n## Schedule\n\n- **Week 1:** discovery\n- **Week 2:** build\n\n"
        "## Mixed\n\n- **Task 1:** one\n- **Story 2:** two\n\n## Work\n\n- [ ] T-1 Real work\n"
    )
    assert list(items) == ["T-1"]


def test_labelled_steps_and_milestones_are_items_phases_are_not() -> None:
    _, items = imported(
        "# Plan\n\n## Rollout\n\n- **Step 1:** Install the agent\n- **Step 2:** Enrol the hosts\n\n"
        "## Dates\n\n- **Milestone 1:** Beta shipped\n- **Milestone 2:** GA\n\n"
        "## Outline\n\n- **Phase 1:** Discovery\n- **Phase 2:** Build\n"
    )
    assert list(items) == ["STEP-1", "STEP-2", "MILESTONE-1", "MILESTONE-2"]


def test_entries_labelled_with_their_number_under_a_phase_are_no_field_of_it() -> None:
    # The phases list plain bullets too, so they are groups; "**Task 2.1:**" names an item, not the phase's tasks.
    report, items = imported(
        "# Plan\n\n## Phase 1: Setup\n\n- Load the fixtures\n- Seed the users\n\n"
        "## Phase 2: Build\n\n- **Task 2.1:** Build the API.\n- **Task 2.2:** Build the UI.\n"
    )
    assert [(i.id, i.phase) for i in items.values() if i.id.startswith("2.")] == [("2.1", "2"), ("2.2", "2")]
    assert not any("listed items" in line for line in report)
