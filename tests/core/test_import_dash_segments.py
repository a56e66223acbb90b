"""List entries whose fields are dash-separated ``key: value`` segments (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Front end

- UI-Task#001 — Build the form — owner: @web — estimate: 0.5d — acceptance: the form validates. — status: Completed
- UI-Task#002 — Wire the API — owner: @qa — estimate: 2d — notes: behind a flag — status: Planned
"""


def test_ids_with_a_number_sign_lead_the_entries() -> None:
    result = import_markdown(PLAN, "P.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [
        ("UI-Task#001", "Build the form"),
        ("UI-Task#002", "Wire the API"),
    ]


def test_each_segment_ends_where_the_next_keyed_segment_starts() -> None:
    result = import_markdown(PLAN, "P.md")
    assert result.board is not None
    got = [(i.owner, i.estimate_days, i.status) for i in result.board.items]
    assert got == [("@web", 0.5, "done"), ("@qa", 2.0, "todo")]
    assert not any("is not a duration" in line for line in result.report_lines)
