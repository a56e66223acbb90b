"""A risk table without ids whose Task column names the items mitigating each risk (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

HEAD = "# P\n\n| ID | Task |\n|---|---|\n| 2.1 | a |\n| 2.2 | b |\n| 2.3 | c |\n\n## Risks\n\n"


def _risks(table: str, head: str = HEAD) -> dict[str, list[str]]:
    result = import_markdown(head + table, "P.md")
    assert result.board is not None
    return {r.id: r.mitigated_by for r in result.board.risks}


def test_the_task_column_is_the_mitigation_not_the_id() -> None:
    table = "| Risk | Mitigation | Task |\n|---|---|---|\n| Data loss | Backups first | 2.1, 2.3 |\n| Drift | Reviews | 2.1-2.2 |\n"
    assert _risks(table) == {"R-1": ["2.1", "2.3"], "R-2": ["2.1", "2.2"]}


def test_bare_numbers_name_the_items_the_column_word_names() -> None:
    head = "# P\n\n### Task 1: a\nx\n\n### Task 2: b\ny\n\n## Risks\n\n"
    table = "| Risk | Mitigation | Task |\n|---|---|---|\n| Scope creep | Split tiers | 1, 2 |\n| Rate limits | Backoff | 2 |\n"
    assert _risks(table, head) == {"R-1": ["TASK-1", "TASK-2"], "R-2": ["TASK-2"]}


def test_all_in_the_task_column_names_no_item() -> None:
    table = "| Risk | Mitigation | Task |\n|---|---|---|\n| Drift | Reviews | all |\n| Loss | Backups | 2.2 |\n"
    assert _risks(table) == {"R-1": [], "R-2": ["2.2"]}


def test_a_task_column_of_words_stays_the_risks_words() -> None:
    table = "| Risk | Mitigation | Task |\n|---|---|---|\n| Drift | Reviews | weekly audit |\n| Loss | Backups | restore drill |\n"
    risks = _risks(table)
    assert set(risks) == {"R-1", "R-2"}
    assert risks["R-1"] == []


def test_risk_cells_that_open_with_ids_keep_them() -> None:
    table = "| Risk | Mitigation |\n|---|---|\n| R-06 OCR quality | Tune on 2.1 |\n"
    assert list(_risks(table)) == ["R-06"]


def test_a_threat_table_is_a_risk_table_and_its_ticket_column_names_the_items() -> None:
    head = "# P\n\n| ID | Title |\n|---|---|\n| MAT-1 | a |\n| MAT-2 | b |\n\n## Threat analysis\n\n"
    table = (
        "| Threat | Severity | Mitigation | Ticket |\n|---|---|---|---|\n"
        "| Key compromise | CRITICAL | Encrypt at rest | MAT-1, MAT-2 |\n| Code leakage | HIGH | Memory only | MAT-2 |\n"
    )
    assert _risks(table, head) == {"R-1": ["MAT-1", "MAT-2"], "R-2": ["MAT-2"]}


def test_a_task_tables_risk_column_of_ids_links_each_row_to_its_risk() -> None:
    table = "| ID | Riesgo | Tarea |\n|---|---|---|\n| T-1 | RT-005 | Playwright |\n| T-2 | RT-005 | Pandoc |\n| T-3 | — | Docs |\n"
    assert _risks("", "# P\n\n" + table) == {"RT-005": ["T-1", "T-2"]}


def test_a_handled_in_column_names_the_items_that_handle_each_risk() -> None:
    table = "| Risk | Handled In | Status |\n|---|---|---|\n| Leak on remove | 2.3 Task 1 cleanup | Handled |\n| Drift | 2.1, 2.2 | Handled |\n"
    assert _risks(table) == {"R-1": ["2.3"], "R-2": ["2.1", "2.2"]}


_RISK_ROWS = """# Mitigation priority

## Summary

- ✅ RP-001 (Scope Creep): **MITIGATED** - 2 tasks
- ✅ RP-002 (Key person): **MITIGATED** - 1 task

## Week 0

| Task | Risk | Description | Dependencies | Owner |
|------|------|-------------|--------------|-------|
| **T256** | RP-001 | Provision the server | None | DevOps |
| **T257** | RP-001 | Write the setup script | T256 | DevOps |
| **T258** | RP-002 | Pair on the deploys | T256 | Lead |

## Roadmap

```
[T256] Provision ──► [T257] Setup script
                 └─► [T258] Pairing
```
"""


def test_rows_naming_their_risk_are_items_and_a_list_of_the_risks_is_no_work() -> None:
    # The drawing's boxes ([T256]) are no group tags of entries: the rows stay the items. The summary's entries
    # whose ids are the rows' risks sum those risks up: no items of their own.
    result = import_markdown(_RISK_ROWS, "P.md")
    assert result.board is not None
    assert [(i.id, i.owner, i.depends_on) for i in result.board.items] == [
        ("T256", "DevOps", []),
        ("T257", "DevOps", ["T256"]),
        ("T258", "Lead", ["T256"]),
    ]
    assert {r.id: r.mitigated_by for r in result.board.risks} == {"RP-001": ["T256", "T257"], "RP-002": ["T258"]}


def test_a_related_task_column_beside_a_mitigation_in_words_names_the_mitigating_item() -> None:
    head = "# P\n\n## 3. Tasks\n\n### 3.1 T2.1.1: Seccomp profiles\n\n**Estimate**: 20 hours\n\n"
    head += "### 3.2 T2.1.2: AppArmor profiles\n\n**Estimate**: 16 hours\n\n## 5. Risks\n\n"
    table = (
        "| Risk | Probability | Impact | Mitigation | Related Task |\n|---|---|---|---|---|\n"
        "| Profile too strict | HIGH | MEDIUM | Start permissive, tighten | T2.1.1 |\n"
        "| Runner lacks AppArmor | MEDIUM | HIGH | Use a self-hosted runner | T2.1.2 |\n"
    )
    assert _risks(table, head) == {"R-1": ["T2.1.1"], "R-2": ["T2.1.2"]}


def test_a_section_number_before_a_task_s_own_id_is_not_its_id() -> None:
    result = import_markdown(
        "# P\n\n## 3. Tasks\n\n### 3.1 T2.1.1: Seccomp profiles\n\n**Estimate**: 20 hours\n", "P.md"
    )
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [("T2.1.1", "Seccomp profiles")]
