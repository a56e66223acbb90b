"""Headings whose id opens the ids of the work under them (issue 43): ``## E1`` > ``### E1.F1`` > ``- E1.F1.S1``."""

from __future__ import annotations

from readiness_tui.core.importers.markdown import parse_sections
from readiness_tui.core.importers.sections.task_groups import epic_id
from tests.core.import_plan import imported

_WBS = """# Work breakdown

## E1 — Release integrity

Cheapest, highest-credibility work.

### E1.F1 — Single source of truth for version
- **E1.F1.S1** — *As a user, `--version` reports the real version.*
  - AC: read from package metadata.

### E1.F2 — Docs list every stack
- **E1.F2.S1** — *As an evaluator, the README lists every stack.*
- **E1.F2.S2** — *As a maintainer, docstrings match reality.*

## E2 — Validation

### E2.F1 — Verify
- **E2.F1.S1** — *As a developer, I can check the files exist.*
"""


def test_headings_numbering_the_work_under_them_are_its_groups() -> None:
    _, items = imported(_WBS)
    assert list(items) == ["E1.F1.S1", "E1.F2.S1", "E1.F2.S2", "E2.F1.S1"]


def test_a_heading_with_fields_of_its_own_stays_an_item_over_its_parts() -> None:
    md = (
        "# Roadmap\n\n### CORE-01: State validation\n**Priority:** P0\n\n**Tasks:**\n"
        "- [x] CORE-01.1: Create the enums\n- [ ] CORE-01.2: Add the validators\n"
    )
    _, items = imported(md)
    assert "CORE-01" in items and items["CORE-01"].priority == "P0"
    assert {"CORE-01.1", "CORE-01.2"} <= set(items)


def test_an_entry_opening_with_its_state_and_closing_with_size_and_priority() -> None:
    md = (
        "# WBS\n\n### E9.F3 — Untrusted input\n"
        "- **E9.F3.S1** — ✅ DONE — *As a lead, repo content cannot subvert the verdict.* **(L, P0, blocks E2.F3)**\n"
        "- **E9.F3.S2** — 🟡 PARTIAL — *As a user, I can verify a release.* **(M, P1)**\n"
    )
    _, items = imported(md)
    one, two = items["E9.F3.S1"], items["E9.F3.S2"]
    assert (one.title, one.status, one.priority) == (
        "As a lead, repo content cannot subvert the verdict.",
        "done",
        "P0",
    )
    assert one.notes == "blocks E2.F3" and one.custom["size"] == "L"
    assert (two.title, two.status, two.priority) == ("As a user, I can verify a release.", "in_progress", "P1")


def test_the_remark_of_a_closing_size_bracket_joins_the_notes_the_entry_gave() -> None:
    md = (
        "# Plan\n\n## Tasks\n\n"
        "- [ ] T1: Ship the thing (S, P0, blocks T2) [notes:: ask Ana first]\n- [ ] T2: Then this\n"
    )
    _, items = imported(md)
    assert (items["T1"].title, items["T1"].priority) == ("Ship the thing", "P0")
    assert items["T1"].notes == "ask Ana first; blocks T2"


def test_a_row_whose_id_is_still_to_be_given_is_work_with_an_id_made() -> None:
    md = (
        "# PlanBoard\n\n## M3: Feature Selection\n\n| Ticket | Owner | Status | Exit Criteria |\n|---|---|---|---|\n"
        "| **C4** | BE | ⏳ Pending | Processing queue drains |\n| **C5** | BE | ⏳ Pending | Preview renders |\n"
        "| **TBD** | FE | ⏳ Pending | Feature selection screen |\n"
    )
    report, items = imported(md)
    assert [(i.id, i.owner) for i in items.values()] == [("C4", "BE"), ("C5", "BE"), ("MFS-1", "FE")]
    assert "MFS-1: the row's id is still to be given (TBD): made MFS-1" in "\n".join(report)


def test_a_row_whose_id_is_still_to_be_given_under_an_id_header_alone() -> None:
    md = "# PlanBoard\n\n## M4: Export\n\n| Ticket | Owner | Exit Criteria |\n|---|---|---|\n| TBD | FE | Share sheet |\n"
    _, items = imported(md)
    assert items["ME-1"].owner == "FE"


def test_a_heading_naming_itself_an_epic_groups_its_boxes() -> None:
    md = (
        "# Epic 분해\n\n## 🎯 M0: CI Green (D-2)\n\n### Epic: BE0-4 - OpenAPI v1.0 최종화\n**목표:** 스펙 완성\n"
        "- ✅ OpenAPI 3.1 스펙 완성\n- [ ] GitHub Actions에 openapi:lint 추가\n\n### Epic: OPS-1 - CI/CD 파이프라인 구축\n"
        "**목표:** 자동 검증\n- [ ] GitHub Actions 워크플로우 구성\n- [ ] Branch Protection Rules 설정\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status, i.workstream) for i in items.values()] == [
        ("OpenAPI 3.1 스펙 완성", "done", "BE0-4"),
        ("GitHub Actions에 openapi:lint 추가", "todo", "BE0-4"),
        ("GitHub Actions 워크플로우 구성", "todo", "OPS-1"),
        ("Branch Protection Rules 설정", "todo", "OPS-1"),
    ]


def test_only_a_heading_naming_itself_an_epic_is_one() -> None:
    root = parse_sections(
        "# P\n\n### Epic: BE0-4 - OpenAPI\n- [ ] a\n\n### Epicenter rollout\n- [ ] b\n\n### Epics\n- [ ] c\n"
    )
    assert [epic_id(s) for s in root.walk() if s.level == 3] == ["BE0-4", None, None]


def test_a_numbered_section_over_boxes_numbered_in_it_is_their_group() -> None:
    # "### 1.4 Rollback Test" over "- [ ] **1.4.1 Test Destroy Plan**": the section number opens its boxes' ids.
    plan = (
        "# Terraform phases\n\n## Phase 1\n\n### 1.3 VPC Deployment\n\n- [x] **1.3.1 Apply the VPC**\n"
        "- [ ] **1.3.2 Verify subnets**\n\n### 1.4 Rollback Test\n\n- [ ] **1.4.1 Test Destroy Plan**\n"
        "  - [ ] Run `terraform plan -destroy`\n"
    )
    report, items = imported(plan)
    assert sorted(i for i, x in items.items() if not x.parent) == ["1.3.1", "1.3.2", "1.4.1"], report


def test_a_numbered_section_over_task_boxes_numbered_in_it_is_their_group() -> None:
    # "#### 1.1.1 Project Kickoff" over "- [ ] **Task 1.1.1.1:** …": the boxes name themselves by a task word.
    plan = (
        "# WBS\n\n## 1. Project 1\n\n### 1.1 Initiation (Week 1)\n\n#### 1.1.1 Project Kickoff\n\n"
        "- [ ] **Task 1.1.1.1:** Conduct the alignment meeting - 2 hours\n- [ ] **Task 1.1.1.2:** Define success criteria - 2 hours\n\n"
        "#### 1.1.2 Resource Planning\n\n- [ ] **Task 1.1.2.1:** Confirm the team - 1 hour\n"
    )
    report, items = imported(plan)
    assert sorted(i for i, x in items.items() if not x.parent) == ["1.1.1.1", "1.1.1.2", "1.1.2.1"], report
