"""A heading over nothing but id-less check boxes groups them: the boxes are the items (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "epic_box_groups.md"


def _items() -> dict[str, tuple[str | None, str | None, str]]:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None
    return {i.id: (i.priority, i.parent, i.status) for i in result.board.items}


def test_boxes_under_an_epic_heading_are_named_from_its_number_and_take_its_priority() -> None:
    items = _items()
    assert items["E1-2"] == ("P0", None, "done")
    assert items["E2-1"] == ("P2", None, "todo")
    assert "E1" not in items and "E2" not in items


def test_an_epic_that_says_something_of_its_own_stays_an_item_over_its_boxes() -> None:
    items = _items()
    assert "E3" in items and items["E3-C1"][1] == "E3"


def test_a_box_group_needs_two_boxes_without_ids() -> None:
    result = import_markdown("# P\n\n## Epic 4: Solo (P1)\n- [ ] Only one\n", "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items][0] == "E4"


SECTIONS = """# Readiness checklist

## 1. Security

### 1.1 Access Control
- [ ] **CC6.1** - Security policies
  - [ ] Policy documented
  - [x] Reviews conducted
- [ ] **CC6.2** - Access policies
  - [ ] RBAC implemented

## 6. Technical Controls

### 6.1 Encryption
- [ ] **Data at Rest**
  - [ ] Database encryption enabled
  - [x] Backup encryption enabled

- [ ] **Data in Transit**
  - [x] TLS 1.3 enforced
"""


def test_a_numbered_section_of_boxes_with_their_own_steps_groups_them() -> None:
    report, items = imported(SECTIONS)
    # Each bold box is work with its child boxes, as CC6.1 is; the section numbered 6.1 only groups them.
    assert [(i.id, i.title, i.parent) for i in items.values()] == [
        ("CC6.1", "Security policies", None),
        ("CC6.1.1", "Policy documented", "CC6.1"),
        ("CC6.1.2", "Reviews conducted", "CC6.1"),
        ("CC6.2", "Access policies", None),
        ("CC6.2.1", "RBAC implemented", "CC6.2"),
        ("E-1", "Data at Rest", None),
        ("E-1.1", "Database encryption enabled", "E-1"),
        ("E-1.2", "Backup encryption enabled", "E-1"),
        ("E-2", "Data in Transit", None),
        ("E-2.1", "TLS 1.3 enforced", "E-2"),
    ]
    assert items["E-1.2"].status == "done"
    assert "heading '6.1 Encryption': holds only boxes with their own steps; a group, not an item" in "\n".join(report)


def test_a_numbered_section_of_bold_named_boxes_over_their_details_groups_them() -> None:
    plan = (
        "# Go-Live Readiness Checklist\n\n## 1. Technical Readiness\n\n### 1.1 Application Architecture ✅\n"
        "- [x] **Architecture Review Completed**\n  - Senior architect sign-off\n\n"
        "- [x] **Code Quality Gates Met**\n  - Coverage at 80%\n\n"
        "### 1.2 Integration Testing\n- [ ] **End-to-End Testing**\n  - User journeys tested\n"
        "- [ ] **Load Testing**\n  - 2x peak\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Architecture Review Completed", "done"),
        ("Code Quality Gates Met", "done"),
        ("End-to-End Testing", "todo"),
        ("Load Testing", "todo"),
    ]
    assert items["AA-1"].description == "- Senior architect sign-off"


def test_a_recipe_keeps_the_boxes_under_a_box_as_its_steps() -> None:
    from readiness_tui.core.importers import import_markdown
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    result = import_markdown(SECTIONS, "p.md", recipe=parse_recipe('[options]\nsub_boxes = "steps"\n', "r.toml"))
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["CC6.1", "CC6.2", "E-1", "E-2"]
    assert items["E-1"].description == "- [ ] Database encryption enabled\n- [x] Backup encryption enabled"
    assert any("[options] sub_boxes = 'steps' applied" in ln for ln in result.report_lines)


TOPICS = """# Sales roadmap

## Phase 1

### 1. Program Features

- [ ] **Lead scoring**
  - [ ] Score model from CRM fields
  - [x] Weekly recalculation job
- [x] **Territory maps**
  - [x] Import zip-code regions

### 2. Integrations

- [ ] **Salesforce sync**
  - [ ] OAuth connection
- [ ] **Slack alerts**
  - [ ] Deal-won notifications
"""


def test_a_numbered_topic_heading_of_boxes_with_their_own_steps_groups_them() -> None:
    # "### 1. Program Features" numbers a topic as "### 6.1" numbers a section: its boxes are the work, their boxes
    # the work's parts, and none of them is lost as the description of an item "1".
    report, items = imported(TOPICS)
    assert [(i.title, i.status) for i in items.values() if i.parent is None] == [
        ("Lead scoring", "todo"),
        ("Territory maps", "done"),
        ("Salesforce sync", "todo"),
        ("Slack alerts", "todo"),
    ]
    assert sum(1 for i in items.values() if i.parent is not None) == 5
    assert "heading '1. Program Features': holds only boxes with their own steps; a group, not an item" in "\n".join(
        report
    )


def test_a_numbered_step_over_plain_boxes_stays_an_item_with_its_steps() -> None:
    plan = "# Plan\n\n## Phase 1\n\n### 1. Set up CI\n\n- [ ] Install the runner\n- [x] Add the workflow\n\n### 2. Ship\n\n- [ ] Tag\n"
    _, items = imported(plan)
    assert [i.title for i in items.values()][:1] == ["Set up CI"]
