"""A bold line stating a phase's gate with its value is the phase's exit criterion, not a lead-in making the boxes
after it criteria (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Work Breakdown

### 1.1 Phase 1 — harness before game code

**Gate: CI green on an empty game.**

- [x] 1.1.1 Convert repo to npm workspaces
- [ ] 1.1.2 TypeScript project references

### 1.2 Phase 2 — art pipeline proof

**Exit criteria:**

- [ ] A sprite drawn in REXPaint appears unchanged
"""


def test_the_boxes_under_a_stated_gate_are_the_phases_work() -> None:
    result = import_markdown(PLAN, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [i.id for i in result.board.items] == ["1.1.1", "1.1.2"]
    phases = {p.id: p.exit for p in result.board.phases}
    assert phases["1"] == ["CI green on an empty game"]
    # A label alone still leads its boxes in as criteria.
    assert phases["2"] == ["A sprite drawn in REXPaint appears unchanged"]


def test_a_heading_closing_with_what_it_waits_on_gives_its_items_those_dependencies() -> None:
    md = (
        "# WBS\n\n| ID | Decision | Owner |\n|---|---|---|\n| D1 | Pick the palette | Ana |\n| D2 | Pick the font | Ana |\n\n"
        "### 1.4 Phase 4 — the game — blocked by D1, D2\n\n- [ ] 1.4.1 Tower placement\n- [ ] 1.4.2 Wave spawner\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps["1.4.1"] == ["D1", "D2"]
    assert deps["1.4.2"] == ["D1", "D2"]


def test_a_box_holding_several_numbered_tasks_is_one_item_each() -> None:
    md = "# WBS\n\n## M4+\n\n- [ ] 4.4 Tech tree stage 2; 4.5 dailies + replay sharing; 4.6 ore tiers.\n- [x] 4.3 Bosses\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = {i.id: (i.title, i.status) for i in result.board.items}
    assert got == {
        "4.4": ("Tech tree stage 2", "todo"),
        "4.5": ("dailies + replay sharing", "todo"),
        "4.6": ("ore tiers", "todo"),
        "4.3": ("Bosses", "done"),
    }, "\n".join(result.report_lines)
