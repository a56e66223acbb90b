"""Work written in the parts of a phase (issue 43): "### Week 1" under "## Phase 2.1" holds items, not the phase's
window; numbered rows that no column names are not items."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = """# Phase 2 Checklist

## Phase 2.1: Foundation (Week 1-4)

### Week 1: 環境整備

| # | タスク | 担当 | Status |
|---|--------|------|--------|
| 2.1.1 | Checklist作成 | CTO | ✅ |
| 2.1.2 | 実装計画策定 | Engineer | ⬜ |

### Exit criteria

- All PIRs pass

## Phase 2.2: Core

| # | タスク | 担当 | Status |
|---|--------|------|--------|
| 2.2.1 | STARKVerifier | Engineer | ⬜ |

## Blockers

| # | 依存/ブロッカー | 影響 | 対策 | Status |
|---|---|---|---|---|
| 1 | 外部監査業者選定 | Month 10開始 | 早期RFP発行 | 🔄 |
| 2 | Sepolia RPC | テストネット | 複数プロバイダ | ⬜ |
"""


def test_a_numbered_week_under_a_phase_holds_its_items_and_exit_criteria_stay_the_phases() -> None:
    result = import_markdown(_PLAN, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.owner, i.status, i.phase) for i in result.board.items}
    assert got == {
        "2.1.1": ("Checklist作成", "CTO", "done", "2.1"),
        "2.1.2": ("実装計画策定", "Engineer", "todo", "2.1"),
        "2.2.1": ("STARKVerifier", "Engineer", "todo", "2.2"),
    }
    phase = next(p for p in result.board.phases if p.id == "2.1")
    assert phase.exit == ["All PIRs pass"]


def test_numbered_rows_no_column_names_are_reported_not_imported() -> None:
    result = import_markdown(_PLAN, "plan.md")
    assert "1" not in {i.id for i in result.board.items}  # type: ignore[union-attr]
    assert any(
        "plan.md:24: skipped: table (#, 依存/ブロッカー, 影響, 対策, Status): its first column only numbers the rows, "
        "and no column names the work of a row" in line
        for line in result.report_lines
    )


def test_two_headings_of_one_phase_number_their_boxes_on_not_over_each_other() -> None:
    md = (
        "# Plan\n\n## Phase 1: Core\n\n#### Phase 1 Testing\n\n- [ ] Run the integration tests\n- [x] Fix bugs\n\n"
        "#### Phase 1 Deployment\n\n- [ ] Set up staging\n- [ ] Deploy to production\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.title for i in result.board.items} == {
        "P1-1": "Run the integration tests",
        "P1-2": "Fix bugs",
        "P1-3": "Set up staging",
        "P1-4": "Deploy to production",
    }


def test_a_numbered_heading_calling_itself_a_phase_groups_its_boxes_and_sub_headings() -> None:
    md = (
        "# ToDo\n\n## Project plan\n\n### 1) Project Architecture Phase\n\n- [x] Keep the design in sync\n"
        "- [x] Confirm the MVP scope\n\n### 2) Project Planning Phase\n\n#### Backend tasks\n\n"
        "- [x] Create the project structure\n- [ ] Add the models\n\n#### Frontend tasks\n\n- [ ] Create the app\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    titles = [i.title for i in result.board.items]
    assert titles == [
        "Keep the design in sync",
        "Confirm the MVP scope",
        "Create the project structure",
        "Add the models",
        "Create the app",
    ]
