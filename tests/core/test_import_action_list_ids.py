"""Plain lists under an actions heading make an item per entry, A1, A2 …; when those ids are taken, by the plan or
by a list before, each list's items get ids of their own: no list's entries fold into another's."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = (
    "# Plan\n\n## Next actions\n\n1. Book the room\n2. Send the agenda\n\n## Follow-up actions\n\n**Docs**:\n\n"
    "1. Update the README\n2. Fix the guide\n\n**Code**:\n\n1. Remove dead scripts\n2. Add the health check\n"
)


def test_every_list_under_actions_headings_keeps_its_entries() -> None:
    result = import_markdown(_PLAN, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    titles = [i.title for i in result.board.items]
    assert titles == [
        "Book the room",
        "Send the agenda",
        "Update the README",
        "Fix the guide",
        "Remove dead scripts",
        "Add the health check",
    ]
    ids = [i.id for i in result.board.items]
    assert ids[:2] == ["A1", "A2"]
    assert len(set(ids)) == 6
