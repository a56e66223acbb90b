"""Boxes each named by a word for a card or a task and its number: that is the id (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Tablero Kanban

## ETAPA 1: Los Cimientos

- [x] **Tarjeta 1: Limpieza Total de la Solución**
  - **Responsable:** Danilo Mercado
- [ ] **Tarjeta 2: DbContext y Repositorio Genérico**
  - **Responsable:** Francesco D'agostino
"""


def test_each_card_is_named_by_its_number() -> None:
    report, items = imported(PLAN)
    assert {rid: (i.title, i.status, i.owner) for rid, i in items.items()} == {
        "TARJETA-1": ("Limpieza Total de la Solución", "done", "Danilo Mercado"),
        "TARJETA-2": ("DbContext y Repositorio Genérico", "todo", "Francesco D'agostino"),
    }, report


def test_two_steps_are_not_yet_a_numbering() -> None:
    # "Step 1: x", "Step 2: y": a procedure's steps are numbered so as often as not; three make it the plan's ids.
    _, items = imported("# Plan\n\n## Work\n\n- [ ] Step 1: Install\n- [ ] Step 2: Configure\n")
    assert not any(i.startswith("STEP-") for i in items)
