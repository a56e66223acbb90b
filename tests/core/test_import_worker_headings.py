"""A heading naming who does the work beneath it gives its rows their owner; bullets under a bold risk label are
risks retired by the tasks their arrows point at (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.model.board import Board

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "worker_headings_risk_bullets.md"


def _board(text: str) -> Board:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return result.board


def test_a_heading_naming_a_developer_is_the_owner_of_its_rows() -> None:
    owners = {i.id: i.owner for i in _board(PLAN.read_text(encoding="utf-8")).items}
    assert owners == {"B1": "Developer A", "B2": "Developer A", "B3": "Developer B", "B4": "Developer B"}


def test_a_heading_about_development_names_no_owner() -> None:
    text = "# P\n\n## Developer experience — tools\n\n| ID | Task |\n|---|---|\n| D1 | Lint |\n| D2 | Format |\n"
    assert not any(i.owner for i in _board(text).items)


def test_risk_bullets_under_a_bold_label_link_the_first_ids_they_point_at() -> None:
    board = _board(PLAN.read_text(encoding="utf-8"))
    assert {r.id: r.mitigated_by for r in board.risks} == {"R-1": ["B2"], "R-2": ["B3"]}
    assert "spring fair" in board.sections[0].body  # the rest of the section stays text


def test_bullets_under_a_label_that_is_not_about_risks_are_no_risks() -> None:
    text = "# P\n\n| ID | Task |\n|---|---|\n| B2 | Print |\n\n## Notes\n\n**Next up:**\n- The printer → B2 first\n"
    assert _board(text).risks == []


def test_a_heading_naming_whose_tasks_are_beneath_gives_their_owner() -> None:
    # "### Team Member 1 Tasks", "### Developer B's tasks": the heading says whose the boxes are.
    text = (
        "# P\n\n## Milestone 1\n\n### Team Member 1 Tasks\n\n- [ ] Set up the schema\n- [ ] Seed the data\n\n"
        "### Developer B's tasks\n\n- [ ] Write the DTOs\n\n### Team member tasks overview\n\n- [ ] Review\n\n"
        "### Team Member 2 Tasks (Backend Support)\n\n- [ ] Add the endpoints\n"
    )
    owners = [(i.title, i.owner) for i in _board(text).items]
    assert owners == [
        ("Set up the schema", "Team Member 1"),
        ("Seed the data", "Team Member 1"),
        ("Write the DTOs", "Developer B"),
        ("Review", ""),
        ("Add the endpoints", "Team Member 2"),
    ]


def test_a_team_roster_is_no_work_and_a_heading_naming_one_of_its_roles_owns_the_work_under_it() -> None:
    def skill(name: str, prio: str) -> str:
        return f"### 1. {name}\n\n**Priority**: {prio}\n**Estimated Time**: 8 hours\n\n- [ ] Extract\n- [ ] Write\n\n"

    text = (
        "# Skill assignments\n\n## Team Structure\n\n### Content Engineers (2)\n\n"
        "- **Content Engineer 1**: Focus on testing\n- **Content Engineer 2**: Focus on security\n\n"
        "### Supporting Roles\n\n- **QA Engineer**: Validation\n- **Integration Engineer**: Meta-skills\n\n"
        "## Content Engineer 1: Testing\n\n"
        + skill("Python Skill", "High")
        + skill("Unit Testing Skill", "Medium")
        + "## Content Engineer 2: Security\n\n"
        + skill("Go Skill", "Low")
        + skill("React Skill", "High")
    )
    items = [i for i in _board(text).items if not i.parent]
    assert [(i.title, i.owner, i.priority) for i in items] == [
        ("Python Skill", "Content Engineer 1", "P1"),
        ("Unit Testing Skill", "Content Engineer 1", "P2"),
        ("Go Skill", "Content Engineer 2", "P3"),
        ("React Skill", "Content Engineer 2", "P1"),
    ]


def test_a_heading_naming_a_numbered_member_and_their_role_owns_the_boxes_under_it() -> None:
    text = (
        "# Task Board\n\n## Member 1: Lead / Experiment Owner\n### Week 1\n- [ ] Fill the config\n- [ ] Run a smoke test\n"
        "\n## Member 2: Dataset Owner\n### Week 1\n- [ ] Finish the attacks file\n"
    )
    assert [(i.title, i.owner) for i in _board(text).items] == [
        ("Fill the config", "Member 1"),
        ("Run a smoke test", "Member 1"),
        ("Finish the attacks file", "Member 2"),
    ]


def test_a_heading_naming_a_member_of_the_team_table_owns_the_work_under_it_and_v_is_a_tick() -> None:
    # The team is a table of names ("| 이름 | 역할 |"); "### 신지용 (PM)" names one of them and the role: the person
    # owns the section's work. "[v]" ticks a box, as a plan writing its ticks so means.
    text = (
        "# Board\n\n## 팀원 매핑\n\n| 이름 | 역할 |\n|------|------|\n| **신지용** | PM |\n| **윤경은** | AI 리드 |\n\n"
        "# 1단계\n\n### 신지용 (PM)\n\n| # | 이슈 | 우선순위 |\n|---|---|---|\n| #2 | **API 스키마 정의** | BLOCKER |\n\n"
        "**체크리스트:**\n- [ ] Chat API 스키마 확정\n- [v] Docker 세팅\n\n"
        "### 윤경은 (AI 리드)\n\n| # | 이슈 | 우선순위 |\n|---|---|---|\n| #7 | **모델 비교** | 높음 |\n"
    )
    assert [(i.title, i.owner, i.status) for i in _board(text).items] == [
        ("API 스키마 정의", "신지용", "todo"),
        ("Chat API 스키마 확정", "신지용", "todo"),
        ("Docker 세팅", "신지용", "done"),
        ("모델 비교", "윤경은", "todo"),
    ]
