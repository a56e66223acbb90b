"""A day-by-day action plan: "Who" columns in other languages, and expected outputs under each day (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.headers import header_field
from tests.core.import_plan import imported

_DAY = """### Lunedì - Giorno {n}
| Ora | Attività | Chi | Durata |
|-----|----------|-----|--------|
| 09:00 | Verifica {n} con SPID | Fortunata | 30 min |
| 10:00 | Attivazione {n} | Giovanni | 15 min |

**Output attesi:**
- [ ] Stato {n} chiarito
- [ ] Richiesta {n} inviata

"""


@pytest.mark.parametrize("header", ["Who", "Chi", "Wer", "Qui", "Quién", "Quem", "Кто", "Kto", "Kdo", "Vem", "Siapa"])
def test_who_in_any_language_heads_the_owner(header: str) -> None:
    assert header_field(header) == "owner"


def test_the_days_activities_are_the_items_and_their_expected_outputs_are_not() -> None:
    md = "# Piano\n\n## Settimana 1\n\n" + _DAY.format(n=1) + _DAY.format(n=2)
    result = import_markdown(md, "P.md")
    assert result.board is not None
    items = result.board.items
    assert [i.title for i in items] == ["Verifica 1 con SPID", "Attivazione 1", "Verifica 2 con SPID", "Attivazione 2"]
    assert [i.owner for i in items] == ["Fortunata", "Giovanni"] * 2


@pytest.mark.parametrize("cell", ["UP FOR GRABS", "Unassigned", "_open_", "Sin asignar", "⬜ 未分配"])
def test_an_owner_cell_saying_nobody_has_it_leaves_the_item_unowned(cell: str) -> None:
    md = f"# P\n\n| Task | Owner | Status |\n|---|---|---|\n| Add the toggle | {cell} | Todo |\n| Fix it | Ana | Done |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.owner for i in result.board.items] == ["", "Ana"]


def test_a_checklist_of_success_kpis_is_what_the_phase_must_reach_not_work() -> None:
    md = (
        "# Plano\n\n### FASE 1: Beta Privado\n\n| # | Tarefa | Status |\n|---|---|---|\n| 1.1 | Convidar testers | ⬜ |\n"
        "| 1.2 | Coletar feedback | ⬜ |\n\n**KPIs de Sucesso:**\n- [ ] 0 bugs críticos (P0)\n- [ ] NPS >= 8/10\n"
    )
    _, items = imported(md)
    assert list(items) == ["1.1", "1.2"]
