"""An entry written as parts between pipes: fields by their keys, tags in capitals, the rest its title (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_pipe_parts_of_a_checklist_entry() -> None:
    _, items = imported(
        "# Tasks\n\n## Open\n\n- [ ] T001 | BACKEND | FastAPI project setup | Owner: Ana | Due: 2026-03-02\n"
        "- [ ] T002 | FRONTEND | Task list screen | 担当:%3 | 完了:$(date +%H:%M)\n"
    )
    one, two = items["T001"], items["T002"]
    assert (one.title, one.owner, one.target, one.tags) == ("FastAPI project setup", "Ana", "2026-03-02", ["BACKEND"])
    assert (two.title, two.owner, two.tags, two.notes) == (
        "Task list screen",
        "%3",
        ["FRONTEND"],
        "完了:$(date +%H:%M)",
    )


def test_a_title_with_pipes_and_no_fields_is_kept_whole() -> None:
    _, items = imported("# Tasks\n\n- [ ] T001 read | write | delete permissions\n- [ ] T002 other\n")
    assert items["T001"].title == "read | write | delete permissions"


def test_a_state_or_priority_in_capitals_is_that_field_not_a_tag() -> None:
    _, items = imported(
        "# Tasks\n\n- [ ] T001 | API | Rate limits | DONE | P1\n- [ ] T002 | UI | Theme | BLOCKED | P2\n"
    )
    one = items["T001"]
    assert (one.title, one.status, one.priority, one.tags) == ("Rate limits", "done", "P1", ["API"])
    assert items["T002"].status == "blocked"


def test_parts_after_the_title_are_notes() -> None:
    _, items = imported("# Tasks\n\n- [x] T010 | FRONTEND | Task list screen | 担当:%3 | 850tok\n- [ ] T011 | UI | x\n")
    assert (items["T010"].title, items["T010"].notes) == ("Task list screen", "850tok")
