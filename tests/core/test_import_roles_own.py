"""The role a task names as doing it (``- **Roles:** Administrador DevOps (principal), Líderes Técnicos``, a ``Role``
column of a task table) owns it where nothing else names an owner: the first role named, the others contributing
(issue 43). A table of people and their roles stays a roster."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Plan de migración

## Fase 1: Evaluación

### 1.1 Inventario de repositorios
- **Actividad:** Realizar inventario completo
- **Duración:** 5 días
- **Roles:** Administrador DevOps (principal), Líderes Técnicos (apoyo)
- **Entregable:** Documento de inventario

### 1.2 Evaluación de complejidad
- **Actividad:** Analizar complejidad
- **Duración:** 3 días
- **Roles:** Equipo de Seguridad
- **Entregable:** Matriz

### 1.3 Mapeo de permisos
- **Actividad:** Mapear permisos
- **Owner:** Ana
- **Roles:** Administrador DevOps
- **Entregable:** Matriz de permisos
"""


TABLE = """# Tasks

| ID | Task | Role |
|---|---|---|
| T-1 | Write the runbook | SRE |
| T-2 | Train the team | Tech Lead |
"""


def test_the_role_doing_a_task_owns_it_unless_an_owner_is_named() -> None:
    report, items = imported(PLAN)
    got = {i: (x.owner, x.contributors) for i, x in items.items()}
    assert got == {
        "1.1": ("Administrador DevOps", ["Líderes Técnicos"]),
        "1.2": ("Equipo de Seguridad", []),
        "1.3": ("Ana", []),
    }, report


def test_a_role_column_of_a_task_table_owns_its_rows() -> None:
    report, items = imported(TABLE)
    assert {i: x.owner for i, x in items.items()} == {"T-1": "SRE", "T-2": "Tech Lead"}, report
