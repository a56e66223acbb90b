"""Groups and items a plan puts before all the rest (issue 43): "blocking everything else", "must complete
before any feature work", "this blocks every other capability"."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def _deps(md: str) -> dict[str, list[str]]:
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i.depends_on for i in result.board.items}


_WAVES = (
    "# Build plan\n\n## Wave 0 — Foundation (blocking everything else)\n\n| ID | Feature | Deps |\n|---|---|---|\n"
    "| S1 | Schema | — |\n| S2 | Store | S1 |\n\n## Wave 1 — Features\n\n| ID | Feature | Deps |\n|---|---|---|\n"
    "| F1 | Search | — |\n| F2 | Export | F1 |\n\n## Wave 2 — Polish\n\n| ID | Feature | Deps |\n|---|---|---|\n"
    "| F3 | Themes | — |\n"
)


def test_every_item_after_a_group_that_blocks_everything_else_waits_on_each_of_its_items() -> None:
    deps = _deps(_WAVES)
    assert deps["S1"] == [] and deps["S2"] == ["S1"]
    assert deps["F1"] == ["S1", "S2"]
    assert deps["F2"] == ["F1", "S1", "S2"]
    assert deps["F3"] == ["S1", "S2"]


def test_without_the_words_the_waves_are_only_an_order_of_reading() -> None:
    deps = _deps(_WAVES.replace(" (blocking everything else)", ""))
    assert deps["F1"] == [] and deps["F3"] == []


def test_a_phase_table_restating_items_made_earlier_is_the_group() -> None:
    md = (
        "# Plan\n\n## CAR-01: Providers\n\n### Challenge\n\nOne provider only. This blocks every other capability.\n\n"
        "### Action\n\n1. Define the protocol\n2. Move the client\n\n"
        "## CAR-02: Tools\n\nTool classes.\n\n## CAR-03: Plan mode\n\nRead only.\n\n## CAR-04: MCP\n\nClient.\n\n"
        "## Phasing\n\n### Phase 1 — Foundation\n\nMust complete before any feature work.\n\n"
        "| CAR | Item |\n|---|---|\n| CAR-01 | Providers |\n| CAR-02 | Tools |\n\n"
        "### Phase 2 — Features\n\n| CAR | Item |\n|---|---|\n| CAR-03 | Plan mode |\n| CAR-04 | MCP |\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    # The heading named the item; its "Action" list is what to do, not its title.
    assert items["CAR-01"].title == "Providers"
    assert items["CAR-02"].depends_on == ["CAR-01"]
    assert items["CAR-03"].depends_on == ["CAR-01", "CAR-02"]
    assert items["CAR-04"].depends_on == ["CAR-01", "CAR-02"]
    assert items["CAR-01"].depends_on == []


def test_an_item_whose_title_ends_blocks_all_goes_first() -> None:
    plan = (
        "# P\n\n- [x] **T-1** Scaffolding + database (M) — BLOCKS ALL\n- [ ] **T-2** Search — blocked by T-1\n"
        "- [ ] **T-3** Export\n"
    )
    result = import_markdown(plan, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.depends_on) for i in result.board.items}
    assert got == {
        "T-1": ("Scaffolding + database (M)", []),
        "T-2": ("Search", ["T-1"]),
        "T-3": ("Export", ["T-1"]),
    }


def test_a_group_that_is_a_prerequisite_of_everything_in_spanish_goes_first() -> None:
    plan = (
        "# P\n\n## Crítico\n\n### Fase 1\n\n| ID | Tarea |\n|---|---|\n| T-1 | Base |\n\n**Bloquea**: Todo el desarrollo "
        "posterior\n\n### Fase 2\n\n| ID | Tarea |\n|---|---|\n| T-2 | Esquema |\n"
    )
    assert _deps(plan) == {"T-1": [], "T-2": ["T-1"]}


def test_a_sentence_elsewhere_naming_a_group_as_prerequisite_for_all_others_makes_it_go_first() -> None:
    md = (
        "# P\n\n## 4. Fases\n\n### FASE 1 — Menu ✅\n\n| # | Tarefa |\n|---|---|\n| 1.1 | Layout |\n| 1.2 | Header |\n\n"
        "### FASE 2 — Safra\n\n| # | Tarefa |\n|---|---|\n| 2.1 | Tabelas |\n\n"
        "### FASE 3 — Contratos\n\n| # | Tarefa |\n|---|---|\n| 3.1 | Cadastro |\n\n"
        "## 8. Ordem\n\n> **IMPORTANTE**: A Fase 1 é pré-requisito para todas as outras.\n> Após cada fase, commit.\n"
    )
    deps = _deps(md)
    assert deps == {"1.1": [], "1.2": [], "2.1": ["1.1", "1.2"], "3.1": ["1.1", "1.2"]}
    # Naming two groups, the sentence says nothing of which goes first.
    assert _deps(md.replace("A Fase 1 é", "A Fase 1 ou a Fase 2 é"))["3.1"] == []
