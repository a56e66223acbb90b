"""Outline numbers, commands in code spans, arrow lists and risk tables around a table of named rows (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.entries.entry_ids import entry_id

SPRINTS = (
    "## Sprints\n\n| Sprint | Theme | Owner |\n|---|---|---|\n| S-1 | a | x |\n| S-2 | b | y |\n| S-3 | c | x |\n\n"
)


def _board(md: str) -> tuple[list[str], dict[str, list[str]]]:
    result = import_markdown("# P\n\n" + md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items], {r.id: r.mitigated_by for r in result.board.risks}


def test_outline_headings_before_a_table_of_named_rows_are_no_items() -> None:
    md = "## 1. Needs\n\n### 1.1 Signing\n\n- [ ] sign it\n\n### 1.2 Builds\n\n- [ ] pin it\n\n" + SPRINTS
    items, _ = _board(md)
    assert items == ["S-1", "S-2", "S-3"]


def test_a_list_of_section_numbers_is_no_items_where_rows_have_named_ids() -> None:
    items, _ = _board(SPRINTS + "## Audit\n\n- 1.1: keys stay in the HSM\n- 1.2: no network\n")
    assert items == ["S-1", "S-2", "S-3"]


def test_a_table_of_named_rows_that_is_no_work_leaves_outline_headings_alone() -> None:
    md = "## 1. Needs\n\n### 1.1 Signing\n**Owner:** Ana\n\n## Waivers\n\n| Waiver | Reason |\n|---|---|\n"
    items, _ = _board(md + "| WV-1 | late |\n| WV-2 | cost |\n")
    assert items == ["1.1"]


def test_the_same_list_without_named_rows_is_items() -> None:
    items, _ = _board("## Audit\n\n- **1.1**: keys stay in the HSM\n- **1.2**: no network\n")
    assert items == ["1.1", "1.2"]


def test_a_command_in_a_code_span_is_no_id() -> None:
    assert entry_id("`helix-sprint` gets a hook", "helix-sprint gets a hook") is None
    found = entry_id("`T-7` Fix the build", "T-7 Fix the build")
    assert found is not None and found[0] == "T-7"
    found = entry_id("`BACKLOG-RESUME` resume", "BACKLOG-RESUME resume")
    assert found is not None and found[0] == "BACKLOG-RESUME"


def test_an_arrow_list_between_items_names_no_risks() -> None:
    _, risks = _board(SPRINTS + "## Order\n\n- S-1 → S-2 (needs it)\n- S-3 → S-2\n")
    assert risks == {}


def test_an_arrow_list_of_risk_ids_is_still_risks() -> None:
    _, risks = _board(SPRINTS + "## Mapping\n\n- R-1 → S-1, S-2\n- R-2 → S-3\n")
    assert risks == {"R-1": ["S-1", "S-2"], "R-2": ["S-3"]}


def test_a_risk_table_keyed_by_requirement_numbers_gets_risk_ids() -> None:
    md = (
        SPRINTS
        + "## 5. リスク\n\n| 要件 | リスク | 影響 | 回避策 |\n|---|---|---|---|\n| 1.1 | leak | 高 | S-1 で鍵を回す |\n| 1.2 | drift | 中 | pin |\n"
    )
    items, risks = _board(md)
    assert items == ["S-1", "S-2", "S-3"]
    assert risks == {"R-1": ["S-1"], "R-2": []}


def test_boxes_under_a_check_heading_are_checks_where_items_are_rows() -> None:
    table = "| Priority | Work | Owner |\n|---|---|---|\n| **P0-A** | a | x |\n| **P1** | b | y |\n\n"
    items, _ = _board(table + "## 7. Final check\n\n- [ ] dirs ready\n- [ ] odds fresh\n")
    assert items == ["P0-A", "P1"]
    # Boxes under a heading that names work are still items.
    items, _ = _board(table + "## Next tasks\n\n- [ ] dirs ready\n- [ ] odds fresh\n")
    assert items == ["P0-A", "P1", "NT-1", "NT-2"]


def test_a_launch_checklist_is_still_work() -> None:
    table = "| Priority | Work | Owner |\n|---|---|---|\n| **P0-A** | a | x |\n| **P1** | b | y |\n\n"
    items, _ = _board(table + "## Launch checklist\n\n- [ ] Set up CI\n- [ ] Write runbook\n")
    assert len(items) == 4
