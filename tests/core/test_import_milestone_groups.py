"""Milestones whose tasks are written under them (issue 43): '### M1: ...' over '#### M1-T1: ...' headings with
'| Field | Value |' tables, or over bold-id bullets; a drawing between milestones; a risk register naming a milestone."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# Implementation plan

## Dependency graph

```
M1 Keystone ──> M2 Extra tiers
        │
        ├──> M3 New channels
```

## Milestones

### M1: Keystone
**Goal:** resilient backends.

#### M1-T1: Shared fetch backend

| Field | Value |
|-------|-------|
| **Builds** | a fetch helper |
| **Depends on** | None |
| **Size** | M |

#### M1-T2: Harden the scrapers

| Field | Value |
|-------|-------|
| **Builds** | two collectors |
| **Depends on** | M1-T1 |

### M2: Extra tiers
**Goal:** more capture tiers.

#### M2-T1: Relay tier

Sketch only.

### M3: New channels
**Goal:** net-new collectors.

- **M3-T1: V2EX collector** — native API, keyless.
- **M3-T2: Exa collector** — semantic search → raw items (key-gated).
- **M3-T3: Bilibili collector** — (bili-cli → OpenCLI → search API).

## Risk register

| Risk | Impact | Mitigation | Tasks |
|------|--------|------------|-------|
| CLIs absent at runtime | Med | gate on is_available(); see M1-T1 | M2-T1, M3 |
| Egress blocked | Low | degrade to the prior backend | M1-T2 |
"""


def test_a_milestone_over_its_tasks_groups_them_and_their_field_tables_are_read() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["M1-T1", "M1-T2", "M2-T1", "M3-T1", "M3-T2", "M3-T3"]
    assert items["M1-T1"].title == "Shared fetch backend"
    assert items["M1-T2"].depends_on == ["M1-T1"]
    assert {m.id: list(m.items) for m in result.board.milestones} == {
        "M1": ["M1-T1", "M1-T2"],
        "M2": ["M2-T1"],
        "M3": ["M3-T1", "M3-T2", "M3-T3"],
    }


def test_a_drawing_between_milestones_makes_their_tasks_wait_and_a_risk_may_name_a_milestone() -> None:
    result = import_markdown(PLAN, "plan.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    # Tasks that state no dependency of their own take the drawing's.
    assert items["M2-T1"].depends_on == ["M1-T1", "M1-T2"]
    assert items["M3-T2"].depends_on == ["M1-T1", "M1-T2"]
    assert items["M1-T2"].depends_on == ["M1-T1"]
    risks = {r.id: list(r.mitigated_by) for r in result.board.risks}
    # The Tasks column says which items; the Mitigation words beside it say how, and link nothing.
    assert risks == {"R-1": ["M2-T1", "M3-T1", "M3-T2", "M3-T3"], "R-2": ["M1-T2"]}


def test_numbered_headings_under_milestones_over_boxes_are_milestones_holding_them() -> None:
    from readiness_tui.core.importers import import_markdown

    md = (
        "# Progress\n\n## Milestones\n\n### 1. Pure API slice\n\n- [x] Add the types\n- [ ] Add the lane builder\n\n"
        "### 2. Orchestration slice\n\n- [ ] Add the match\n\n## Elsewhere\n\n### 3. Migrate\n\n- [x] Copy\n- [ ] Verify\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None, "\\n".join(result.report_lines)
    titles = {i.id: i.title for i in result.board.items}
    groups = {m.id: [titles[i] for i in m.items] for m in result.board.milestones}
    assert groups == {"1": ["Add the types", "Add the lane builder"], "2": ["Add the match"]}
    # Outside a milestones heading, the heading is no milestone.
    assert sorted(titles[i] for i in titles if not any(i in m.items for m in result.board.milestones)) == [
        "Copy",
        "Verify",
    ]
