"""Dataview inline fields in checklist entries, brackets escaped or not (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = (
    "# Actions\n\n## Follow-ups\n\n"
    "* [ ] \\[due:: 2026-06-01] \\[priority:: high] \\[owner:: Alexandre] Reduce the GC interval\n"
    "* [x] [priority:: low] [owner:: Bea] Write the runbook (status:: done)\n"
)


def test_dataview_fields_are_fields_and_leave_the_title() -> None:
    result = import_markdown(PLAN, "P.md")
    assert result.board is not None
    got = [(i.title, i.owner, i.priority, i.status) for i in result.board.items]
    assert got == [("Reduce the GC interval", "Alexandre", "P1", "todo"), ("Write the runbook", "Bea", "P3", "done")]
