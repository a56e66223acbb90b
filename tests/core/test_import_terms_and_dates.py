"""Words that look like ids and are not: a standard's name opening a heading (``## SOC2 Readiness``) and a date
written day first (``06.12.2025``) in a table's first column."""

from __future__ import annotations

from tests.core.import_plan import imported

COMPLIANCE = """# Compliance Readiness Checklist

## SOC2 Readiness
- Access control policy documented
- MFA enforced for admin access
- Audit logs retained and immutable

## GDPR Readiness
- Right-to-access export flow
- Right-to-erasure flow

## Owners and Timelines
- Security Lead: access control, incident response
- Legal/Compliance: DPA templates, privacy policy

## Evidence Artifacts
- Access reviews
- Deployment logs
"""


def test_a_standard_named_in_a_heading_is_no_item_and_its_list_is_the_work() -> None:
    lines, items = imported(COMPLIANCE)
    assert "SOC2" not in items
    titles = [i.title for i in items.values()]
    assert titles == [
        "Access control policy documented",
        "MFA enforced for admin access",
        "Audit logs retained and immutable",
        "Right-to-access export flow",
        "Right-to-erasure flow",
    ]


def test_headings_opening_with_ids_side_by_side_are_still_items() -> None:
    _, items = imported("# Plan\n\n## T1 Set up CI\nSome words.\n\n## T2 Deploy staging\nMore words.\n")
    assert sorted(items) == ["T1", "T2"]


HISTORY = """# Görev Listesi

## Görevler

| ID | Görev | Durum |
|----|-------|-------|
| G-1 | Fatura modülü | Tamamlandı |
| G-2 | Rapor ekranı | Bekliyor |

## Güncelleme Geçmişi

| Tarih | Güncelleme |
|-------|------------|
| 06.12.2025 | İlk görev listesi oluşturuldu |
"""


def test_a_column_of_dates_written_day_first_names_no_rows() -> None:
    _, items = imported(HISTORY)
    assert sorted(items) == ["G-1", "G-2"]


CONTRACT = """# Block 2.5

## Gaps

| ID | Gap | Priority |
|----|-----|----------|
| G1 | No top-level key | P0 |
| G2 | No product contract | P1 |

## Product contract

**Portfolio summary:**

- `top1_rc_asset`: `{ ticker, weight_pct, rc_pct }`
- `top3_rc_assets`: up to 3 by `rc_pct` descending
- `top3_rc_share`: sum of top-3 `rc_pct`
"""


def test_a_name_in_snake_case_in_a_code_span_is_code_not_an_id() -> None:
    _, items = imported(CONTRACT)
    assert sorted(items) == ["G1", "G2"]


def test_a_dependency_cell_saying_none_in_the_plan_s_language_names_nothing() -> None:
    plan = (
        "# Sprint 3\n\n| Tâche ID | Description | Dépendances | Statut |\n|---|---|---|---|\n"
        "| T3.5 | Intégrer Docker | Aucun | Terminé |\n| T3.6 | Tester Docker | T3.5 | Terminé |\n"
    )
    lines, items = imported(plan)
    assert items["T3.5"].depends_on == [] and items["T3.6"].depends_on == ["T3.5"]
    assert items["T3.5"].dependency_note == ""
    assert not any("Aucun" in line for line in lines)


def test_a_number_counting_something_in_a_dependency_cell_is_no_dependency() -> None:
    plan = (
        "# Board\n\n| # | 类别 | 依赖 |\n|---|---|---|\n| 1 | bots | — |\n| 2 | channels | 全 9 端点 |\n"
        "| 3 | mcp | 1 和 2 |\n| 4 | tests | 3 tests, 1 |\n| 5 | docs | 3 and 4 |\n| 6 | polish | 2 done |\n"
        "| 7 | release | 6 |\n| 8 | ops | 7 |\n| 9 | audit | 8 |\n"
    )
    lines, items = imported(plan)
    assert items["2"].depends_on == []
    assert items["3"].depends_on == ["1", "2"]
    assert items["4"].depends_on == ["1"]
    assert items["5"].depends_on == ["3", "4"]
    assert items["6"].depends_on == ["2"]
    assert any("9 in '全 9 端点' counts something; not a dependency" in line for line in lines)
