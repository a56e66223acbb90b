"""A checklist's lead-in stating a priority gives its boxes that priority (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Kanban

## v0.2.0 — 2025

Checklist (prioridade média):

- [ ] Montar 1 semana jogável
  - [x] Definir a rotina

## v0.1.9 — 2025

Checklist (prioridade alta):

- [ ] Corrigir o login

## v0.1.8

Checklist:

- [ ] Ajustar o tema
"""


def test_the_priority_in_the_lead_in_is_each_boxs() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.priority for i in items.values()}
    assert got == {
        "Montar 1 semana jogável": "P2",
        "Definir a rotina": "P2",
        "Corrigir o login": "P1",
        "Ajustar o tema": None,
    }, report
