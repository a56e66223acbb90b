"""A list whose entries each open with the id of a milestone the plan's table already made (``- **M4** traces to the
social features …``) says something of those milestones; it makes no items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Delivery Plan

## Milestones

| Milestone | Target Week | Exit Criteria |
|-----------|-------------|---------------|
| M1 – Runtime Safety | Week 2 | Manifests validated. |
| M2 – Operational Guardrails | Week 4 | Monitor thresholds active. |
| M3 – Continuity | Week 6 | Snapshots persist. |

## Design Alignment

- **M1–M3** close the runtime gaps documented in `docs/DESIGN.md`.
- **M2** traces to the stability monitor in the design.
- **M3** covers the snapshot persistence described in §9.

## Work

- [ ] WP-01 Validate the manifests
"""


def test_a_list_about_the_milestones_makes_no_items() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None
    assert [m.id for m in result.board.milestones] == ["M1", "M2", "M3"]
    assert [i.id for i in result.board.items] == ["WP-01"], result.report_lines
    assert any("milestones or phases" in line for line in result.report_lines)
