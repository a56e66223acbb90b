"""Risks that name the items mitigating them by their words, not their ids (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_ITEMS = (
    "# P\n\n## Work\n\n"
    "### T-1: Rotate keys\nMove credentials into the vault; rotate keys quarterly.\n\n"
    "### T-2: Replica\nStandby replica in a second region with a failover runbook.\n\n"
    "### T-3: Reports\nNightly settlement export for finance.\n\n"
)


def _links(risks: str) -> dict[str, list[str]]:
    result = import_markdown(_ITEMS + "## Risks\n\n| Risk | Mitigation |\n|---|---|\n" + risks, "P.md")
    assert result.board is not None
    return {r.id: r.mitigated_by for r in result.board.risks}


def test_a_mitigation_in_an_items_words_links_it() -> None:
    assert _links("| Leaked credentials | Vault, quarterly rotation |\n") == {"R-1": ["T-1"]}


def test_two_shared_words_are_too_few() -> None:
    assert _links("| Leaked credentials | Vault |\n") == {"R-1": []}


def test_words_of_any_task_do_not_count() -> None:
    assert _links("| Gaps | Test, document and review the testing |\n") == {"R-1": []}


def test_words_shared_with_two_items_alike_link_neither() -> None:
    both = "| Outage | Vault credentials rotation; standby replica failover |\n"
    assert _links(both) == {"R-1": []}


def test_a_plan_whose_risks_name_ids_is_left_as_written() -> None:
    rows = "| Outage | T-2 |\n| Leaked credentials | Vault, quarterly rotation |\n"
    assert _links(rows) == {"R-1": ["T-2"], "R-2": []}


def test_a_risk_column_named_in_chinese_makes_a_risk_register() -> None:
    md = "# P\n\n## 风险\n\n| 风险项 | 影响 | 缓解措施 |\n|---|---|---|\n| 文件过大 | 编译慢 | T-1 |\n\n### T-1: 拆分\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(r.id, r.title, r.mitigated_by) for r in result.board.risks] == [("R-1", "文件过大", ["T-1"])]


_TASKS = "# Plan\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| T-1 | Build export |\n| T-2 | Write runbook |\n\n"


def test_numbered_headings_under_risks_are_risks_linked_by_their_prose() -> None:
    md = _TASKS + "## Risks\n\n### 1. Vendor outage\nThe export calls the vendor. Mitigation: T-1 queues retries.\n\n"
    md += "### 2. Data loss in the move\nMitigation: T-2 documents the restore.\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1", "T-2"]  # no item "1" or "2"
    assert [(r.id, r.title, r.mitigated_by) for r in result.board.risks] == [
        ("R-1", "Vendor outage", ["T-1"]),
        ("R-2", "Data loss in the move", ["T-2"]),
    ]


def test_numbered_headings_under_risk_mitigation_tasks_stay_items() -> None:
    md = _TASKS + "## Risk mitigation tasks\n\n### 1. Add a retry queue\n\n### 2. Document the restore\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {"1", "2"} <= {i.id for i in result.board.items}
    assert result.board.risks == []


def test_headings_of_prose_under_risks_are_risks_and_an_overview_is_not() -> None:
    md = _TASKS + "## Risks\n\n### Overview\nWe review these weekly.\n\n### Vendor outage\n**Impact:** High.\n"
    md += "Mitigation: T-1 queues retries.\n\n### Lock-in to one cloud\nNo mitigation planned yet.\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1", "T-2"]
    assert [(r.id, r.title, r.mitigated_by) for r in result.board.risks] == [
        ("R-1", "Vendor outage", ["T-1"]),
        ("R-2", "Lock-in to one cloud", []),  # a risk with no task: what a lead asks for
    ]
