"""A checkbox holding a state mark (``- [✅]``, ``- [🚧]``) is a checkbox with that state (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_state_marks_in_boxes() -> None:
    _, items = imported(
        "# Tasks\n\n## Done and doing\n\n- [✅] T001 Docker setup\n- [🚧] T002 Schema design\n"
        "- [⏳] T003 API skeleton\n- [x] T004 CI\n- [ ] T005 Docs\n"
    )
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("T001", "Docker setup", "done"),
        ("T002", "Schema design", "in_progress"),
        ("T003", "API skeleton", "todo"),
        ("T004", "CI", "done"),
        ("T005", "Docs", "todo"),
    ]
