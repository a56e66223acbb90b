"""A table's title cells listing several pieces of work, its owner cells listing their owners line by line
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Cronograma

| Semana | Atividade | Responsável |
| --- | --- | --- |
| **23/08 a 29/08** | -Planejamento do projeto; <br>-Equipe; <br>-Tema do jogo; | **-João Gabriel**<br>**-**<br>**-Equipe** |
| **30/08 a 05/09** | - História do jogo; <br>-Título do jogo; | **Equipe** |
| **06/10 a 19/10** | -Entrega da avaliação do protótipo. | **Equipe** |
"""


def test_each_entry_of_a_title_cell_is_an_item_with_its_own_owner() -> None:
    report, items = imported(PLAN)
    got = [(i.title, i.owner) for i in items.values()]
    assert got == [
        ("Planejamento do projeto", "João Gabriel"),
        ("Equipe", ""),
        ("Tema do jogo", "Equipe"),
        ("História do jogo", "Equipe"),
        ("Título do jogo", "Equipe"),
        ("Entrega da avaliação do protótipo.", "Equipe"),
    ], report
