"""A risk table with no id column whose mitigation cells are prose naming tasks: risks R-1.., each linked to
the items its cell names (only items of the plan, not ids named as a point in time)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_TASKS = (
    "# Plan\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| T-1 | Snapshot |\n| T-2 | Copy job |\n| T-3 | Switch reads |\n\n"
)


def _risks(text: str) -> tuple[list[str], dict[str, list[str]]]:
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result.report_lines, {r.id: list(r.mitigated_by) for r in result.board.risks}


def test_a_bracketed_note_in_the_risk_header_still_makes_a_risk_table() -> None:
    report, risks = _risks(
        _TASKS + "## Risks\n\n| Risk (design review, section 7) | Mitigating tasks |\n|---|---|\n"
        "| Data lost in the copy (Low/High) | T-1 keeps a snapshot; T-2 checks sums |\n"
        "| Slow reads | Measured in T-3 |\n"
    )
    assert risks == {"R-1": ["T-1", "T-2"], "R-2": ["T-3"]}
    assert any("its rows numbered R-1..R-2" in ln for ln in report)
    # The register's line counts no mapping the prose pass may still drop; that pass reports each risk's.
    assert any("-> 2 risks, 0 risk-to-task mappings (the mitigations of 2 of them are prose" in ln for ln in report)
    assert any("plan.md:15: used: risk 'R-1': mitigated by the tasks its text names (T-1, T-2)" in ln for ln in report)


def test_prose_in_a_mitigation_cell_links_only_items_of_the_plan() -> None:
    _, risks = _risks(
        _TASKS + "## Risks\n\n| Risk | Mitigation |\n|---|---|\n| Slow reads | Measured in T-3 against ADR-12 |\n"
    )
    assert risks == {"R-1": ["T-3"]}


def test_an_item_named_as_a_point_in_time_is_not_a_mitigation() -> None:
    report, risks = _risks(
        _TASKS + "## Risks\n\n| Risk | Mitigated by |\n|---|---|\n| Drift | T-1 compares both stores until T-3 |\n"
    )
    assert risks == {"R-1": ["T-1"]}
    assert any("T-3 named as a point in time, not a mitigation" in ln for ln in report)


def test_a_table_with_no_risk_column_is_not_a_risk_register() -> None:
    # Near miss: "Concern (...)" is no risk header; the table stays unread and is reported.
    report, risks = _risks(_TASKS + "## Notes\n\n| Concern (review) | Tasks |\n|---|---|\n| Slow reads | T-3 |\n")
    assert risks == {}
    assert any("skipped: table (Concern (review), Tasks)" in ln for ln in report)


def test_a_compound_header_naming_the_answering_task_links_the_risks() -> None:
    # "対策タスク": countermeasure task, a compound of the mitigation word.
    _, risks = _risks(
        _TASKS + "## リスク\n\n| リスク | 影響 | 対策タスク |\n|---|---|---|\n| データ消失 | 高 | T-1 |\n"
    )
    assert risks == {"R-1": ["T-1"]}


def test_an_id_column_whose_cells_repeat_holds_bands_not_the_risks_ids() -> None:
    report, risks = _risks(
        _TASKS + "## Risk register\n\n| ID | Risk | Severity | Mitigation Ticket |\n|---|---|---|---|\n"
        "| P0 | Data lost | High | T-1 |\n| P0 | Copy stalls | High | T-2 |\n| P1 | Slow reads | Low | T-3 |\n"
    )
    assert risks == {"R-1": ["T-1"], "R-2": ["T-2"], "R-3": ["T-3"]}
    assert any("its rows numbered R-1..R-3" in line for line in report)


_REGISTER = (
    "# Valutazione del rischio\n\n## Minacce\n\n| ID | Minaccia | Probabilità | Impatto | Rischio |\n|---|---|---|---|---|\n"
    "| T-01 | Furto di chiavi | Media | Alto | Alto |\n| T-02 | Accesso non autorizzato | Bassa | Medio | Medio |\n\n"
)


def test_a_treated_risk_column_naming_register_ids_links_those_risks() -> None:
    result = import_markdown(
        _REGISTER + "## Piano di trattamento\n\n| # | Azione | Rischio trattato | Stato |\n|---|---|---|---|\n"
        "| PT-01 | Cifrare le chiavi | T-01 | Aperto |\n| PT-02 | MFA | T-01, T-02 | In corso |\n"
        "| PT-03 | Formazione | Tutti | Parzialmente completato: due sessioni |\n",
        "piano.md",
    )
    assert result.board is not None
    assert {r.id: list(r.mitigated_by) for r in result.board.risks} == {"T-01": ["PT-01", "PT-02"], "T-02": ["PT-02"]}
    assert {i.id: i.status for i in result.board.items} == {
        "PT-01": "todo",
        "PT-02": "in_progress",
        "PT-03": "in_progress",
    }


def test_a_table_keyed_by_the_registers_ids_is_about_those_risks_not_items() -> None:
    result = import_markdown(
        _REGISTER + "## Rischio residuo\n\n| ID | Minaccia | Rischio residuo |\n|---|---|---|\n"
        "| T-01 | Furto di chiavi | Basso |\n| T-02 | Accesso non autorizzato | Basso |\n",
        "piano.md",
    )
    assert result.board is not None
    assert [i.id for i in result.board.items] == []
    assert [r.id for r in result.board.risks] == ["T-01", "T-02"]


def test_an_inventory_of_assets_is_no_work() -> None:
    result = import_markdown(
        "# Plan\n\n## Assets\n\n| # | Asset | Type | Owner |\n|---|---|---|---|\n| A-01 | API | service | Ops |\n",
        "plan.md",
    )
    assert result.board is not None and [i.id for i in result.board.items] == []
    assert any("an inventory of assets, not work" in line for line in result.report_lines)


def test_a_task_column_headed_in_a_plan_language_names_the_mitigating_items() -> None:
    _, risks = _risks(
        _TASKS + "## Riesgos\n\n| Riesgo | Mitigación | Tarea |\n|---|---|---|\n"
        "| Pérdida de datos | Copia verificada | T-1, T-2 |\n| Lecturas lentas | Índices | T-3 |\n"
    )
    assert risks == {"R-1": ["T-1", "T-2"], "R-2": ["T-3"]}


def test_risk_ref_cells_a_resolved_by_table_and_bullets_speak_of_the_same_risks() -> None:
    result = import_markdown(
        "# Roadmap\n\n## Hardening\n\n| Task | Risk ref | Effort |\n|---|---|---|\n| DH-1.1 | D-03 | 1d |\n"
        "| DH-1.2 | C-85/C-86 | 2d |\n| DH-1.3 | — | 1d |\n| DH-1.4 | — | 1d |\n\n## Risk register\n\n"
        "| Risk | Tier | Resolved by |\n|---|---|---|\n| C-85/C-86 (personal SSH key) | 2 | DH-1.2 |\n\n"
        "- C-99: no backup test (resolved by DH-1.4)\n- D-03: stale secrets\n",
        "roadmap.md",
    )
    assert result.board is not None, "\n".join(result.report_lines)
    risks = {r.id: (r.title, list(r.mitigated_by)) for r in result.board.risks}
    assert risks == {
        "D-03": ("stale secrets", ["DH-1.1"]),
        "C-85": ("personal SSH key", ["DH-1.2"]),
        "C-86": ("personal SSH key", ["DH-1.2"]),
        "C-99": ("no backup test", ["DH-1.4"]),
    }


def test_a_risk_cell_naming_a_known_risk_and_a_new_one_links_both() -> None:
    # Row M-2 names R-1 (met in the row before) and R-2 (met first here): each is retired by M-2.
    result = import_markdown(
        "# Plan\n\n| Action ID | Risk(s) | Owner |\n|---|---|---|\n| M-1 | R-1 | Ana |\n"
        "| M-2 | R-1, R-2 | Bo |\n| M-3 | R-2 | Cy |\n",
        "plan.md",
    )
    assert result.board is not None, "\n".join(result.report_lines)
    assert {r.id: list(r.mitigated_by) for r in result.board.risks} == {"R-1": ["M-1", "M-2"], "R-2": ["M-2", "M-3"]}


def test_a_bare_number_in_a_risk_s_words_names_no_item_unless_cited_as_one() -> None:
    plan = (
        "# Plan\n\n## Work items\n\n" + "".join(f"### {n}. Step {n}\nText.\n\n" for n in range(1, 7)) + "## Risks\n"
        "- **Packed vs one-doc (item 6)** — the top correctness item.\n"
        "- **Skip the LM head** — mandatory at 32K (logits ~5 GB).\n"
        "- **Checkpointing off** in Phase 1, by Day 5.\n"
        "- **Loss spikes** — watch #1.\n"
    )
    _, risks = _risks(plan)
    assert risks == {"R-1": ["6"], "R-2": [], "R-3": [], "R-4": ["1"]}
