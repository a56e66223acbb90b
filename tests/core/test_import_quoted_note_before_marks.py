"""Entries marked with their state right under a numbered heading are its work, also after a quoted note saying
where the work comes from (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Plan de trabajo

> Los ✅ indican pasos completados, ⬜ pendientes, 🔄 en curso.

## FASE 1 — Núcleo técnico

### ✅ Paso 1 — Editor de código
- ✅ Instalado Cursor
- ✅ Importada configuración
- ✅ Instaladas 32 extensiones

### ⬜ Paso 2 — Organización en GitHub
- [ ] Crear la organización
- [ ] Crear el repo .github
- [ ] Activar Dependabot

### ⬜ Paso 3 — Crear plataforma-ui
> **Origen**: Punto 7 (Sistema de diseño compartido) del entorno de trabajo

- ⬜ Crear repo plataforma-ui
- ⬜ Añadir Vitest para tests de componentes
- ⬜ Publicar primera versión 0.1.0
"""


def test_the_marked_entries_after_a_quoted_note_are_items() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "Instalado Cursor": "done",
        "Importada configuración": "done",
        "Instaladas 32 extensiones": "done",
        "Crear la organización": "todo",
        "Crear el repo .github": "todo",
        "Activar Dependabot": "todo",
        "Crear repo plataforma-ui": "todo",
        "Añadir Vitest para tests de componentes": "todo",
        "Publicar primera versión 0.1.0": "todo",
    }, report
