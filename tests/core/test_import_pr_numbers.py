"""A pull request's number beside a task's own id (``| #346 | TASK-002 |``, ``- #346 TASK-002 (Dev-A) — …``)
points at the tracker: the task's id names the item, the number stays as its link."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_a_pr_column_beside_task_ids_is_a_link() -> None:
    md = (
        "# Status\n\n| PR | Task | Branch | Status |\n|---|---|---|---|\n| #346 | TASK-002 | `feat/buttons` | done |\n"
        "| #349 | TASK-094-C3 | `feat/di` | todo |\n"
    )
    result = import_markdown(md, "STATUS.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.id for i in result.board.items] == ["TASK-002", "TASK-094-C3"]


def test_a_list_entry_opening_with_a_pr_number_then_the_task_id_is_that_task() -> None:
    md = "# Status\n\n## Open PRs\n\n- #346 TASK-002 — Button standardization\n- #347 PHI-119 — Compact output\n"
    result = import_markdown(md, "STATUS.md")
    assert result.board is not None
    got = [(i.id, i.title, i.links) for i in result.board.items]
    assert got == [
        ("TASK-002", "Button standardization", ["#346"]),
        ("PHI-119", "Compact output", ["#347"]),
    ]


def test_issue_numbers_alone_still_name_their_rows() -> None:
    md = "# Board\n\n| Issue | Title | Status |\n|---|---|---|\n| #22 | Fix export | todo |\n| #20 | Docs | done |\n"
    result = import_markdown(md, "BOARD.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["#22", "#20"]
