"""Tables and checklists that only name items the plan already has are views, not items (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

TASKS = "# P\n\n| ID | Task |\n|---|---|\n| T01 | Inventory |\n| T02 | Isolate |\n| T03 | Replace |\n\n"


def test_a_coverage_table_naming_known_items_is_skipped_and_reported() -> None:
    md = (
        TASKS
        + "## Audit coverage\n\n| Finding | Assigned tasks |\n|---|---|\n| A01 | T03 (#100), T01 |\n| A02 | T02 |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03"]
    assert any("cite items of the plan by id" in line for line in result.report_lines)


def test_a_table_whose_titles_are_words_still_makes_items() -> None:
    md = TASKS + "## Findings\n\n| Finding | Task |\n|---|---|\n| A01 | Fix T03 first |\n| A02 | Add a test |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03", "A01", "A02"]


def _skips(md: str) -> tuple[list[str], list[str]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items], result.report_lines


def test_a_sign_off_table_is_no_items() -> None:
    ids, report = _skips(
        "# P\n\n| Role | Name | Signature | Date |\n|---|---|---|---|\n| QA | Ana | | |\n| Ops | Bo | | |\n"
    )
    assert ids == [] and any("a sign-off table, not work" in line for line in report)


def test_a_revision_history_is_no_items() -> None:
    ids, report = _skips(
        "# P\n\n| Rev | Date | Author | Changes |\n|---|---|---|---|\n| A1 | 2026-01-02 | Ana | First |\n"
    )
    assert ids == [] and any("a revision history, not work" in line for line in report)


def test_an_update_log_in_another_language_is_a_revision_history() -> None:
    ids, report = _skips(
        "# P\n\n## 📝 更新日志\n\n| 日期 | 版本 | 更新内容 | 负责人 |\n|---|---|---|---|\n"
        "| 2026-01-22 | v1.0 | 初始实施计划创建 | Copilot |\n| 2026-01-23 | v1.1 | 添加详细技术设计 | Copilot |\n"
    )
    assert ids == [] and any("a revision history, not work" in line for line in report)


def test_a_document_control_table_naming_its_reviewer_is_a_revision_history() -> None:
    ids, report = _skips(
        "# P\n\n## 5. Document Control\n\n| Version | Date | Notes | Reviewer |\n|---|---|---|---|\n"
        "| 1.0 | 2025-11-15 | Initial QA consolidation | Senior Compliance Officer |\n"
    )
    assert ids == [] and any("a revision history, not work" in line for line in report)


def test_an_index_of_documents_is_no_items() -> None:
    md = "# P\n\n| # | Document | Purpose |\n|---|---|---|\n| 1 | PRD | Scope |\n| 2 | Test plan | How we test |\n"
    ids, report = _skips(md)
    assert ids == [] and any("an index of documents, not work" in line for line in report)


def test_a_table_of_documents_to_write_with_owners_is_work() -> None:
    md = "# P\n\n| ID | Document | Owner | Status |\n|---|---|---|---|\n| D-1 | Runbook | Ana | todo |\n"
    ids, _ = _skips(md)
    assert ids == ["D-1"]


def test_requirements_written_as_sentences_are_no_work() -> None:
    reqs = (
        "| ID | Requirement | Priority |\n|---|---|---|\n| FR-01 | The user can sign up with e-mail | High |\n"
        "| FR-02 | The doctor can accept a booking | High |\n\n"
    )
    ids, report = _skips("# P\n\n| ID | Task | Owner |\n|---|---|---|\n| T-1 | Build sign-up | Ana |\n\n" + reqs)
    assert ids == ["T-1"] and any("requirements (what the product must do), not work" in line for line in report)
    # Work that names the requirement it meets keeps its rows.
    ids, _ = _skips("# P\n\n| Card | Requirement | Note |\n|---|---|---|\n| C-1 Queue | REQ-SYNC-01 | merged |\n")
    assert ids == ["C-1"]
    # With someone to do it and a state, a requirement is work.
    md = "# P\n\n| ID | Requirement | Owner | Status |\n|---|---|---|---|\n| R1 | Export the board to CSV | Ana | todo |\n"
    ids, _ = _skips(md)
    assert ids == ["R1"]


def test_a_decision_log_is_no_work() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# P\n\n## Decisions\n\n| # | Decision | Choice |\n|---|---|---|\n| D1 | Provider | Stripe |\n| D2 | UI | SSR |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.items == []
    assert any("a decision log" in line for line in result.report_lines)
    # A table of decisions to carry out, with an owner, is work.
    md = "# P\n\n| # | Decision | Owner |\n|---|---|---|\n| D1 | Pick a provider | Ana |\n| D2 | Pick a UI | Bo |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and [i.id for i in result.board.items] == ["D1", "D2"]


@pytest.mark.parametrize(
    "table",
    [
        "| Test ID | File | Test setup | Assert |\n|---|---|---|---|\n| E1-S1-T1 | rbac.rego | admin, create | allow |\n"
        "| E1-S1-T2 | rbac.rego | viewer, create | deny |\n",
        "| Test ID | What to check | Command |\n|---|---|---|\n| E1-S2-T1 | Image builds | docker build . |\n"
        "| E1-S2-T2 | Health answers | curl /health |\n",
        "| # | Bemenet | Elvárás |\n|---|---|---|\n| 1 | üres jelszó | hibaüzenet |\n| 2 | jó jelszó | belépés |\n",
    ],
)
def test_a_table_of_test_cases_is_no_work(table: str) -> None:
    result = import_markdown(TASKS + "## Tests to write\n\n" + table, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03"]
    assert any("test cases (what a test expects), not work" in line for line in result.report_lines)


def test_tests_to_write_with_owners_and_states_are_work() -> None:
    table = "| Test ID | What to check | Owner | Status |\n|---|---|---|---|\n| QA-1 | Login | Ana | todo |\n"
    result = import_markdown(TASKS + table, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03", "QA-1"]


def test_a_legend_of_priority_levels_is_no_work() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# P\n\n| Level | Meaning |\n|---|---|\n| **P0** | blocker |\n| **P1** | soon |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.items == []
    assert any("a legend of priority levels" in line for line in result.report_lines)
    # Items whose ids start with a level (P0-1) are work.
    md = "# P\n\n| ID | Task |\n|---|---|\n| P0-1 | a |\n| P0-2 | b |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and [i.id for i in result.board.items] == ["P0-1", "P0-2"]


def test_work_scored_at_each_priority_level_is_no_legend() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# P\n\n| Priority | Stream | Score |\n|---|---|---|\n| P0 | Grant submission | 20 |\n| P1 | CI gates | 16 |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and len(result.board.items) == 2


def test_a_checklist_naming_items_already_made_by_their_ids_adds_none() -> None:
    md = "# War room\n\n| ID | Task | Status |\n|---|---|---|\n| C01 | Migrations | DONE |\n| C02 | Lock profiles | DONE |\n"
    md += "| C03 | Rotate tokens | OPEN |\n\n## Phase checklist\n\n- [x] C01–C02 engineering closed\n"
    md += "- [ ] C03 founder action closed\n- [x] C02 migration applied on production\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: (i.title, i.status) for i in result.board.items} == {
        "C01": ("Migrations", "done"),
        "C02": ("Lock profiles", "done"),
        "C03": ("Rotate tokens", "todo"),
    }


def test_acceptance_criteria_naming_requirements_already_made_are_their_acceptance() -> None:
    md = "# PRD\n\n## Functional Requirements\n\n- **FR-01**: seed dates relative to today\n- **FR-02**: keep the guard\n\n"
    md += "## Acceptance Criteria\n\n- AC-01 (FR-01): WHEN the harness runs, THE system SHALL seed this month\n"
    md += "- AC-02 (FR-01, FR-02): WHEN run after 2027, THE system SHALL still seed\n"
    result = import_markdown(md, "p.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert sorted(items) == ["FR-01", "FR-02"]
    assert len(items["FR-01"].acceptance) == 2 and len(items["FR-02"].acceptance) == 1
    assert any("criteria (2 entries) naming items already made -> their acceptance" in ln for ln in result.report_lines)


def test_a_user_story_table_without_ids_is_work_and_a_row_saying_more_follows_is_none() -> None:
    md = (
        "# Sprint\n\n| User Story | Story Points | Assignee | Status |\n|---|---|---|---|\n"
        "| As a user, I want to log in | 8 | Rajesh | In Progress |\n| As an admin, I want reports | 5 | Amit | Done |\n"
        "| (and so on for other stories...) | | | |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.title, i.owner, i.status) for i in result.board.items] == [
        ("As a user, I want to log in", "Rajesh", "in_progress"),
        ("As an admin, I want reports", "Amit", "done"),
    ]
    assert any("placeholder row ('(and so on" in line for line in result.report_lines)


def test_a_table_without_a_title_column_is_titled_by_its_deliverable_or_stream() -> None:
    md = (
        "# P\n\n| Key | Deliverable | DRI | State |\n|---|---|---|---|\n| AN-1 | Event taxonomy | mia | ✅ |\n\n"
        "| Sprint | Theme | Owner |\n|---|---|---|\n| S-1 | Signing service | ana |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.title for i in result.board.items} == {"AN-1": "Event taxonomy", "S-1": "Signing service"}
    assert not any("fails lint" in line for line in result.report_lines)


def test_a_version_history_with_authors_is_no_work() -> None:
    md = (
        "# Cronograma\n\n## Histórico de Versões\n\n| Versão | Data | Descrição | Autor(es) | Revisor(es) |\n"
        "|---|---|---|---|---|\n| 1.0 | 22/03/2024 | Criação do documento | Alana | Marco |\n"
    )
    result = import_markdown(md, "CRONOGRAMA.md")
    assert result.board is not None
    assert result.board.items == []
    assert any("a revision history" in line for line in result.report_lines)


_TASKS = (
    "# Day 2\n\n## Tasks\n\n| Task | Owner | Status |\n|---|---|---|\n| TASK-008: Chat UI | builder | **完了** |\n"
    "| TASK-009: Q&A | builder | **完了** |\n| TASK-011: Test data | researcher | **完了** |\n\n"
)


def test_a_log_whose_task_column_mostly_cites_the_plans_items_is_a_view() -> None:
    md = _TASKS + (
        "## Merged pull requests\n\n| PR | Branch | Content | Task |\n|---|---|---|---|\n"
        "| #1 | day1/bootstrap | Day 1 work | TASK-008 |\n| #2 | data/positions | Two positions | TASK-011 |\n"
        "| #6 | feat/chat-ui | Chat UI | TASK-008, 009 |\n| #7 | feat/board-fixes | Navigation | bug fix |\n"
    )
    report, items = imported(md)
    assert list(items) == ["TASK-008", "TASK-009", "TASK-011"]
    assert any("table (PR, Branch, Content, Task): its rows cite items of the plan by id" in ln for ln in report)


def test_a_table_of_decisions_under_a_decisions_heading_is_a_record_not_work() -> None:
    for heading in ("決定事項（Day 2 中に確定したもの）", "Key decisions"):
        md = (
            _TASKS
            + f"## {heading}\n\n| DEC | 概要 | 決定者 |\n|---|---|---|\n| DEC-011 | Reuse the v2 sprites | 人間 |\n"
        )
        report, items = imported(md)
        assert list(items) == ["TASK-008", "TASK-009", "TASK-011"], heading
        assert any(f"records of {heading!r}, not work" in ln for ln in report), heading


def test_headings_with_ids_under_a_heading_of_decisions_record_them() -> None:
    for heading in ("七、技术决策记录", "Decision records", "4. Architecture decisions"):
        md = (
            "# Plan\n\n## Work\n\n### T-1: Build the watcher\n**Status**: done\n\n### T-2: Nest the config\n"
            f"**Status**: todo\n\n## {heading}\n\n### DDR-001: Watcher by polling\n\n**Decided by**: boil\n\n"
            "### DDR-002: Nested config\n\n**Decided by**: boil\n"
        )
        report, items = imported(md)
        assert list(items) == ["T-1", "T-2"], heading
        assert (
            f"heading 'DDR-001: Watcher by polling': a record under {heading!r}, not work; kept as text"
            in "\n".join(report)
        )


def test_numbered_headings_under_a_heading_of_decisions_record_them() -> None:
    # "### 1. Native-First Approach ✅" over **Decision** / **Rationale**: a choice made, not work.
    for heading in ("Key Rust Decisions", "Design decisions"):
        md = (
            "# Plan\n\n## Work\n\n- [x] Build the watcher\n- [ ] Nest the config\n\n"
            f"## {heading}\n\n### 1. Native-First Approach ✅\n**Decision**: std first\n**Rationale**: no deps\n\n"
            "### 2. rayon for Parallelism ✅\n**Decision**: use rayon\n**Rationale**: mature\n"
        )
        report, items = imported(md)
        assert [i.title for i in items.values()] == ["Build the watcher", "Nest the config"], heading
        assert any(f"a record under {heading!r}, not work" in ln for ln in report), heading


def test_a_list_under_a_priority_heading_restating_items_gives_them_its_priority() -> None:
    md = (
        "# Tracker\n\n## Plan\n\n| Task | Status | Deliverable |\n|---|---|---|\n"
        "| Migration roadmap | Pending | `docs/roadmap.md` |\n| Risk assessment matrix | Pending | `docs/risks.md` |\n"
        "| Client handover documentation | Pending | Handover notes |\n\n## Next steps\n\n### High Priority\n\n"
        "1. **Complete Migration Roadmap** (`docs/other.md`)\n   - phase breakdown\n"
        "2. **Risk Assessment Document** (`docs/risks.md`)\n   - risk register\n"
        "3. **Client Kickoff Meeting Documentation**\n   - agenda\n"
    )
    report, items = imported(md)
    assert [(i.title, i.priority) for i in items.values()] == [
        ("Migration roadmap", "P1"),  # all of its title's words, and no other item's
        ("Risk assessment matrix", "P1"),  # the file it delivers
        ("Client handover documentation", None),  # two words alike are not a name
    ]
    text = "\n".join(report)
    assert "list entry 'Client Kickoff Meeting Documentation' names no item of the plan; not imported" in text


def test_a_table_of_milestones_without_ids_is_milestones_not_items() -> None:
    md = (
        "# Status\n\n## Work\n\n| ID | Task | Owner |\n|---|---|---|\n| T1 | Deploy | Ana |\n\n## Milestones\n\n"
        "| Milestone | Date | Status |\n|---|---|---|\n| Phase 4 complete | 2025-09-30 | ✅ |\n"
        "| Production launch | 2025-10-03 | ⏳ |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T1"]
    assert [(m.id, m.title) for m in result.board.milestones] == [
        ("M-1", "Phase 4 complete"),
        ("M-2", "Production launch"),
    ]
    # With someone doing each, the rows are work named after milestones.
    md = md.replace("| Milestone | Date | Status |", "| Milestone | Owner | Status |")
    result = import_markdown(md, "P.md")
    assert result.board is not None and len(result.board.items) == 3


def test_a_phase_column_numbering_rows_within_phases_gives_their_ids() -> None:
    md = (
        "# Split\n\n## Progress\n\n| Phase | Task | Owner | State |\n|---|---|---|---|\n"
        "| 1.1 | CSS variables | - | ✅ 완료 |\n| 1.2 | CSS base | - | ✅ 완료 |\n| 2.1 | JS config | | ⬜ 대기 |\n"
        "| 4 | Final integration | | ⬜ 대기 |\n"
    )
    _, items = imported(md)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("1.1", "CSS variables", "done"),
        ("1.2", "CSS base", "done"),
        ("2.1", "JS config", "todo"),
        ("4", "Final integration", "todo"),
    ]
    # One phase a row, named: the plan's summary of its phases, no items (as before).
    md = "# P\n\n| Phase | Name | Effort |\n|---|---|---|\n| 1 | Land | 2d |\n| 2 | Grow | 3d |\n| 3 | Ship | 1d |\n"
    _, items = imported(md)
    assert items == {}


_CHECKS = "# Beta\n\n## Setup\n\n- [x] Backend deployed\n- [ ] Invitations sent\n\n"


def test_a_table_of_people_and_their_addresses_is_no_work() -> None:
    md = (
        _CHECKS + "## Beta users\n\n| # | Name | Email | Role | Status |\n|---|---|---|---|---|\n"
        "| 1 | hp | hp@example.com | Submitter | Invitation Ready |\n| 2 | Open Slot | [pending] | Tester | Not Started |\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Backend deployed", "Invitations sent"]
    assert any("a list of people (names and addresses), not work" in ln for ln in report), report


def test_a_table_of_tasks_with_an_owner_s_address_is_work() -> None:
    md = _CHECKS + "## Work\n\n| Task | Owner | Email |\n|---|---|---|\n| Ship it | hp | hp@example.com |\n"
    _, items = imported(md)
    assert "Ship it" in [i.title for i in items.values()]


def test_the_options_of_a_go_no_go_decision_are_no_work() -> None:
    md = _CHECKS + "## Decision\n\n- [ ] **GO** - Launch on March 1\n- [ ] **NO-GO** - Delay and extend beta\n"
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Backend deployed", "Invitations sent"]
    assert any("the options of a go/no-go decision" in ln for ln in report), report


def test_a_table_of_documents_in_indonesian_is_an_index_not_work() -> None:
    md = (
        _CHECKS
        + "## Output\n\n|No|Dokumen|Jumlah|Peruntukan|\n|---:|---|---|---|\n|1|Daftar Gaji|3 Rangkap|Bendahara|\n"
        "|2|Slip Gaji|46 berkas|ASN|\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Backend deployed", "Invitations sent"]
    assert any("an index of documents, not work" in ln for ln in report), report


def test_a_table_of_ids_under_a_references_heading_is_records_not_work() -> None:
    md = (
        _CHECKS
        + "## REFERENCES\n\n| ID | Description | Path |\n|---|---|---|\n| `REF-01` | Screenshot | `/tmp/a.png` |\n"
        "| `REF-02` | Proving scene | `scenes/boxing.tscn` |\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Backend deployed", "Invitations sent"]
    assert any("records of 'REFERENCES', not work" in ln for ln in report), report


def test_a_table_saying_what_each_label_means_is_a_legend() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# Triage\n\n## Severity rubric\n\n| Label | Definition | Action window |\n|---|---|---|\n"
    md += "| `sev1` | Data loss, crash | Hot-fix today |\n| `sev2` | Bug with a workaround | This week |\n\n"
    md += "## Steps\n\n1. Read the new issues\n2. Label each one\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Read the new issues", "Label each one"]
    assert any("a legend (what each label means)" in line for line in result.report_lines)


def test_a_table_of_what_a_release_includes_is_a_scope_list() -> None:
    from readiness_tui.core.importers import import_markdown

    md = "# v1.0 scope\n\n## Core\n\n- [ ] Harden the sync\n\n## Features not being cut\n\n"
    md += "| Feature | Status | Notes |\n|---|---|---|\n| Milestone tracking | ✅ Included | Core |\n"
    md += "| Column sorting | ✅ **NEW** | Unblocks scripts |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Harden the sync"]
    assert any("a scope list" in line for line in result.report_lines)
    # A state of work in the same column keeps the rows items.
    result = import_markdown(md.replace("✅ **NEW**", "In progress"), "P.md")
    assert result.board is not None and len(result.board.items) == 3


def test_a_table_under_a_questions_and_decisions_log_is_records_owner_or_not() -> None:
    md = (
        "# Migration\n\n## Tasks\n\n- [ ] Port the scenes\n- [ ] Port the save system\n\n"
        "## Open Questions & Decisions Log\n| Date | Item | Owner | Decision/Notes |\n| --- | --- | --- | --- |\n"
        "| 2025-12-01 | Render pipeline choice (URP/HDRP) | Team | URP accepted |\n"
        "| 2025-12-02 | Target platforms first | Team | Desktop |\n"
    )
    report, items = imported(md)
    assert [it.title for it in items.values()] == ["Port the scenes", "Port the save system"]
    assert any("records of 'Open Questions & Decisions Log'" in line for line in report)


def test_a_table_of_acceptance_criteria_checked_off_is_no_work() -> None:
    # "| AC# | Description | Status | Evidence |" in a story's review: its criteria met, with their evidence.
    table = (
        "## Acceptance Criteria Coverage\n\n| AC# | Description | Status | Evidence |\n|---|---|---|---|\n"
        "| AC1 | Banner displays | ✅ IMPLEMENTED | `index.html:257` |\n| AC2 | Consent is stored | ✅ IMPLEMENTED | `consent.js` |\n"
    )
    result = import_markdown(TASKS + table, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03"]
    assert any("criteria (conditions to meet), not work" in line for line in result.report_lines)


DEPENDENCIES = (
    "# Python 3.12 upgrade\n\n### Key Dependencies Analysis\n\n"
    "| Package | Current Version | Python 3.12 Compatible | Action Required |\n|---|---|---|---|\n"
    "| fastapi | 0.116.1 | ✅ Yes | None |\n| pydantic | 2.11.7 | ✅ Yes | None |\n| torch | 2.8.0 | ✅ Yes | None |\n\n"
    "## Tasks\n\n- [ ] Pin the interpreter\n"
)


def test_a_table_of_packages_and_their_versions_is_an_inventory() -> None:
    # The versions are no ids, the compatibility marks no titles: what is installed, not work.
    result, items = imported(DEPENDENCIES)
    assert [i.title for i in items.values()] == ["Pin the interpreter"]
    assert any("an inventory of packages (names and versions), not work" in line for line in result)


def test_packages_with_a_status_to_reach_are_work() -> None:
    md = DEPENDENCIES.replace("Action Required |", "Status |").replace("| None |", "| Todo |")
    _, items = imported(md)
    assert len(items) == 4


def test_a_table_of_metrics_and_their_targets_is_no_work() -> None:
    table = (
        "## Performance Targets\n\n| Metric | Target | Status |\n|---|---|---|\n"
        "| Concurrent Connections | 100,000+ | ⚪ |\n| PK Lookup Latency | <1ms | ⚪ |\n"
    )
    result = import_markdown(TASKS + table, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T01", "T02", "T03"]
    assert any("targets (metrics to reach), not work" in line for line in result.report_lines)


def test_a_map_of_requirements_to_their_code_is_no_work() -> None:
    # "### FR 매핑" (mapping) over requirement codes, features and where each is built: traced, not work to do.
    md = (
        "# Plan\n\n## Phase 2\n\n### FR 매핑\n\n| FR 코드 | 기능 | 구현 위치 |\n|---|---|---|\n"
        "| FR-AUTH-001 | 회원가입 | AuthService.signup() |\n| FR-AUTH-002 | 로그인 | AuthService.login() |\n\n"
        "### 체크리스트\n\n- [x] JwtTokenProvider (토큰 생성/검증)\n- [x] Spring Security 설정\n\n"
        "## Mapping tasks\n\n| ID | Task | Status |\n|---|---|---|\n| M-1 | Map the fields | done |\n| M-2 | Map the users | todo |\n"
    )
    report, items = imported(md)
    assert sorted(items) == ["C-1", "C-2", "M-1", "M-2"], report
    assert any("a map of requirements" in line for line in report), report
