"""A board's columns named in Portuguese: "Fazendo" is doing, and "Pronto" is done only as a column beside others
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

BOARD = """# Kanban

## Fazendo

- Etapa 2: dados em JSON

## Backlog

- Etapa 4: combate

## Pronto

- Etapa 1: regras
"""


def test_the_columns_give_their_cards_states() -> None:
    report, items = imported(BOARD)
    assert {i.title: i.status for i in items.values()} == {
        "Etapa 2: dados em JSON": "in_progress",
        "Etapa 4: combate": "todo",
        "Etapa 1: regras": "done",
    }, report


def test_pronto_alone_is_no_state() -> None:
    # Spanish "Pronto" (soon) over a roadmap's list: nothing says it is done.
    _, items = imported("# Hoja de ruta\n\n## Pronto\n\n- Exportar a PDF\n- Modo oscuro\n")
    assert {i.status for i in items.values()} == {"todo"}
