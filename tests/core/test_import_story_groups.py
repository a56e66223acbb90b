"""Spec-kit style story groups: ``(Priority: Pn)`` in a heading gives that priority to the tasks under it; a
list that only restates the story tags the tasks carry (``US1 (P1) — ...``) is a view, not items."""

from __future__ import annotations

from tests.core.import_plan import imported

_STORIES = (
    "# Tasks\n\n## Phase 3: User Story 1 - Read offline (Priority: P1)\n\n- [ ] T004 [US1] Cache pages\n"
    "- [ ] T005 [US1] Serve the cache (P0)\n\n## Phase 4: User Story 2 - Edit offline [Priority: Low]\n\n"
    "- [ ] T006 [US2] Queue edits\n\n## Phase 5: Polish\n\n- [ ] T007 Docs\n"
)


def test_a_heading_priority_goes_to_the_tasks_under_it_unless_they_state_their_own() -> None:
    report, items = imported(_STORIES)
    prio = {k: v.priority for k, v in items.items()}
    assert prio == {"T004": "P1", "T005": "P0", "T006": "P3", "T007": None}
    assert any("plan.md:3: used: heading states priority P1" in ln for ln in report)


def test_a_list_restating_the_story_tags_is_a_view_notimported() -> None:
    report, items = imported(_STORIES + "\n## Order\n\n1. Setup\n2. US1 (P1) — read first\n3. US2 (P2) — then edit\n")
    assert set(items) == {"T004", "T005", "T006", "T007"}
    assert any("skipped: list of group tags (US1, US2)" in ln for ln in report)


def test_a_list_of_ids_no_entry_carries_as_a_tag_is_stillimported() -> None:
    # Near miss: US3 is no tag of any task, so the list names items of its own.
    _, items = imported(_STORIES + "\n## Later\n\n1. US1 (P1) — read first\n2. US3 (P2) — sync settings\n")
    assert {"US1", "US3"} <= set(items)
