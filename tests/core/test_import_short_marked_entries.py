"""A short entry that a state mark opens keeps its words as its title (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# P

## Pasos

### Fase 1: Preparación
1. ✅ Crear estructura orchestration/
2. ✅ Crear archivos base
3. 🚧 Definir protocolos
"""


def test_the_mark_is_the_state_and_the_words_the_title() -> None:
    result = imported_with(PLAN, '[sections]\n"Fase *" = "items"\n')
    items = items_of(result)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Crear estructura orchestration/", "done"),
        ("Crear archivos base", "done"),
        ("Definir protocolos", "in_progress"),
    ]
    assert "missing-title" not in report_of(result)
