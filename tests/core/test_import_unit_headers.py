"""A header naming its field in another language with its unit in brackets (``Stima (h)``, ``Schätzung (h)``) is that
field, its hours made days; a ``Volontario`` (volunteer) column is who does the row."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.headers import header_field
from tests.core.import_plan import imported


def test_a_field_word_with_a_unit_in_brackets_is_that_field() -> None:
    assert header_field("Stima (h)") == "estimate_days"
    assert header_field("Schätzung (h)") == "estimate_days"
    assert header_field("Story Points") is None  # "points" without brackets is no unit
    assert header_field("Volontario") == "owner"


def test_an_italian_sprint_table_gives_owners_and_estimates() -> None:
    _, items = imported(
        "# Sprint 5\n\n| Id | Task | Volontario | Stima (h) | Effettivo (h) |\n|---|---|---|---|---|\n"
        "| 0.1 | Refactor game view | Team | 8 | 10 |\n| 0.2 | Refactor enum stone | Ramzi | 4 | 3 |\n"
    )
    assert [(i.id, i.owner, i.estimate_days) for i in items.values()] == [("0.1", "Team", 1.0), ("0.2", "Ramzi", 0.5)]


def test_a_french_sprint_table_gives_each_row_its_assignee() -> None:
    md = (
        "# Sprint 1\n\n| Task N° | Intitulé | Estimation (j/h) | Affectation | Status |\n|---|---|---|---|---|\n"
        "| T1 | Initialiser le projet | 0.5 | All | Done |\n| T2 | Créer la classe Member | 0.3 | Khadija | ToDo |\n"
    )
    _, items = imported(md)
    assert [(i.id, i.owner, i.status) for i in items.values()] == [("T1", "All", "done"), ("T2", "Khadija", "todo")]
    assert header_field("Incaricato") == "owner"


def test_a_vietnamese_sprint_table_gives_each_row_its_assignee_and_new_state() -> None:
    md = (
        "# Sprint Backlog\n\n| Task ID | Task | Sprint# | State | Estimate Time (Hours) | Assign to |\n"
        "|---|---|---|---|---|---|\n| T001 | API đăng ký | 1 | Xong | 6 | Nam Phong |\n"
        "| T002 | Trang đăng nhập | 2 | Mới | 4 | Phúc Khang |\n"
    )
    report, items = imported(md)
    assert [(i.id, i.owner, i.status) for i in items.values()] == [
        ("T001", "Nam Phong", "done"),
        ("T002", "Phúc Khang", "todo"),
    ]
    assert "is not a known status" not in "\n".join(report)


def test_a_state_cut_short_in_a_narrow_column_is_read() -> None:
    md = (
        "# Sprint Backlog\n\n| Sprint | Task | Status | Owner |\n|---|---|---|---|\n"
        "| 1 | Set up the sandbox | Done | Dev 1 |\n| 1 | Export the contacts | Done | CRM Specialist |\n"
        "| 2 | Map the fields | In Prog. | Analyst |\n| 2 | Test the import | Pending | Dev 2 |\n"
    )
    _, items = imported(md)
    assert [i.status for i in items.values()] == ["done", "done", "in_progress", "todo"]
