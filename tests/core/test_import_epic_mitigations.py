"""A risk register whose mitigation cells open with the epic holding the work (``EPIC 3: Trust Score v0 +
heuristics``): the risks are mitigated by the tasks of that epic its words name, else by all of them; a section
numbered as an epic that holds only the register is no item."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """# TODO

## EPIC 1: Trust & Safety

### Tasks
1. Community Guidelines Draft v1
   - Priority: P0  Status: TODO
2. Basic Spam Heuristics (frequency, hashtag abuse)
   - Priority: P1  Status: TODO
3. Trust Score v0 (probation state)
   - Priority: P1  Status: TODO

## EPIC 2: Accessibility

### Tasks
1. Accessibility Checklist Adoption
2. Color Contrast Token Audit

## EPIC 3: Risk Register
| Risk | Likelihood | Impact | Mitigation Task Ref |
|------|------------|--------|--------------------|
| Spam bursts in alpha | Med | High | EPIC 1: Trust Score v0 + heuristics |
| Accessibility slips | Low | High | EPIC 2 gating CI rules |
| Over-building | High | High | Strict MVP scope (EPIC 1/2 only for alpha) |
"""


def test_a_mitigation_opening_with_an_epic_names_its_tasks() -> None:
    result = import_markdown(PLAN, "TODO.md")
    assert result.board is not None
    assert [(r.title, r.mitigated_by) for r in result.board.risks] == [
        ("Spam bursts in alpha", ["E1-T3", "E1-T2"]),
        ("Accessibility slips", ["E2-T1", "E2-T2"]),  # no words of a task: the whole epic
        ("Over-building", []),  # an epic named in passing is no mitigation
    ]


def test_an_epic_section_holding_only_risks_is_no_item() -> None:
    result = import_markdown(PLAN, "TODO.md")
    assert result.board is not None
    assert [i.id for i in result.board.items if "-" not in i.id] == ["E1", "E2"]


def test_a_dependencies_line_orders_the_epics_tasks_by_their_words() -> None:
    plan = (
        "# TODO\n\n## EPIC 1: Core\n\n### Tasks\n1. Content Schema Definition\n2. Firehose Ingestion Service\n"
        "3. Feed Generator Interface Contract\n4. Feed Selector API\n\n"
        "Dependencies: Schema before Firehose; Firehose before generators; Selector after at least 2 feeds.\n"
    )
    result = import_markdown(plan, "TODO.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items if i.parent == "E1"} == {
        "E1-T1": [],
        "E1-T2": ["E1-T1"],
        "E1-T3": ["E1-T2"],
        "E1-T4": [],  # "2 feeds" is every feed task alike: no one task
    }


def test_a_shortlist_naming_tasks_of_the_epics_is_a_view() -> None:
    plan = (
        "# lensocial TODO\n\n## EPIC 1: Core\n\n### Tasks\n1. Content Schema Definition\n2. Firehose Ingestion Service\n"
        "\n## EPIC 2: Trust\n\n### Tasks\n1. Community Guidelines Draft v1\n2. Report API\n\n"
        "## Immediate Next Shortlist\n1. EPIC 1: Content Schema + Firehose spike (P0)\n"
        "2. EPIC 2: Community Guidelines Draft (P0)\n\n"
        "## Sprint Cadence Suggestions\n- 2-week sprints; each ends with a demo.\n\n"
        "## Updating This File\n- Remove (not strike) obsolete tasks.\n- Reflect real status weekly.\n"
    )
    result = import_markdown(plan, "TODO.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["E1", "E1-T1", "E1-T2", "E2", "E2-T1", "E2-T2"]
    assert any("each entry names a task of an epic above; a view, not work" in ln for ln in result.report_lines)
