"""Group references in the plan languages read ("Fase 1 completada", "Fases 1-4", "vague 1") (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.refs import expand_group_ranges, parse_refs


def _deps(md: str) -> dict[str, list[str]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def _phase(n: int, rows: str) -> str:
    return f"## Fase {n}\n\n| # | Tarea | Dependencia |\n|---|---|---|\n{rows}\n"


def test_a_range_of_groups_is_each_group() -> None:
    assert expand_group_ranges("Fases 1-3 completadas") == "fase 1, fase 2, fase 3 completadas"
    assert expand_group_ranges("after Phases 2–4") == "after phase 2, phase 3, phase 4"
    # A range running backwards, or a plural with no numbers, is left as written.
    assert expand_group_ranges("Phases 4-2") == "Phases 4-2"
    assert expand_group_ranges("all phases") == "all phases"


def test_a_group_phrase_is_no_id() -> None:
    refs = parse_refs("Fase 1 completada")
    assert refs.ids == []
    assert "Fase 1" in refs.rest


def test_a_foreign_phase_phrase_names_every_item_of_that_phase() -> None:
    md = (
        "# Plan\n\n"
        + _phase(1, "| 1.1 | a | - |\n| 1.2 | b | 1.1 |")
        + _phase(2, "| 2.1 | c | Fase 1 completada |")
        + _phase(3, "| 3.1 | d | Fases 1-2 completadas |")
    )
    deps = _deps(md)
    assert deps["2.1"] == ["1.1", "1.2"]
    assert deps["3.1"] == ["1.1", "1.2", "2.1"]


def test_a_subgroup_named_apart_is_not_in_its_parent_group() -> None:
    md = (
        "# Plan\n\n## Vague 1\n\n| Id | Tâche | Dépend de |\n|---|---|---|\n| A1 | a | - |\n\n"
        "### Vague 1a\n\n| Id | Tâche | Dépend de |\n|---|---|---|\n| A2 | b | - |\n\n"
        "## Vague 2\n\n| Id | Tâche | Dépend de |\n|---|---|---|\n| B1 | c | vague 1 |\n| B2 | d | vague 1a |\n"
    )
    deps = _deps(md)
    assert deps["B1"] == ["A1"]
    assert deps["B2"] == ["A2"]


def test_a_group_whose_items_all_sit_in_subgroups_keeps_them() -> None:
    md = (
        "# Plan\n\n## Phase 1\n\n### Phase 1a\n\n| Id | Task | Depends on |\n|---|---|---|\n| A1 | a | - |\n\n"
        "### Phase 1b\n\n| Id | Task | Depends on |\n|---|---|---|\n| A2 | b | - |\n\n"
        "## Phase 2\n\n| Id | Task | Depends on |\n|---|---|---|\n| B1 | c | Phase 1 |\n"
    )
    assert _deps(md)["B1"] == ["A1", "A2"]
