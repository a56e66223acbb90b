"""A plan by days and sessions, its groups led by how long they take, each day closing on what it delivers
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = """# Plan de trabajo

### DÍA 1 (11 Diciembre) - DOCUMENTACIÓN

#### Sesión Mañana (3 horas)

1. **[1.5 horas] Documentación de Modelo de Negocio**
   - [ ] Crear `docs/business/MODELO_NEGOCIO.md`
   - [ ] Crear `docs/business/CASOS_USO.md`

2. **[0.5 horas] Índice Maestro**
   - [ ] Crear `docs/README.md`

**Entregables Día 1**:
- ✅ Modelo de negocio completamente documentado
- ✅ Casos de uso claros y priorizados
"""


def test_a_group_led_by_its_hours_is_no_id_and_the_deliverables_are_no_work() -> None:
    report, items = imported(_PLAN)
    # "[1.5 horas]" says how long the group takes: no id, so each group's boxes are items of their own.
    assert [i.title for i in items.values()] == [
        "Crear `docs/business/MODELO_NEGOCIO.md`",
        "Crear `docs/business/CASOS_USO.md`",
        "Crear `docs/README.md`",
    ]
    assert not any("appears again" in line for line in report)


def test_a_mail_domain_in_brackets_names_no_owner() -> None:
    md = "# Plan\n\n## Security\n\n- [ ] Google Workspace (@carrilloabgd.com)\n- [ ] Rotate the keys (@ana)\n"
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Google Workspace (@carrilloabgd.com)", ""),
        ("Rotate the keys", "@ana"),
    ]


def test_a_step_in_spanish_opening_with_its_verb_keeps_its_details() -> None:
    md = (
        "# Plan\n\n## Fase 0 — Baseline\n\n1. Crear una matriz por ambiente.\n2. Añadir settings explícitos y validados:\n"
        "   - `PUBLIC_BASE_URL` del backend;\n   - lista `FRONTEND_ORIGINS`;\n3. Generar discovery desde `PUBLIC_BASE_URL`.\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == [
        "Crear una matriz por ambiente.",
        "Añadir settings explícitos y validados",
        "Generar discovery desde `PUBLIC_BASE_URL`.",
    ]


def test_a_tick_closing_an_open_box_says_it_is_done() -> None:
    md = "# P\n\n## Local Preparation\n- [ ] Code merged to main branch ✓\n- [ ] All tests passing\n"
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Code merged to main branch", "done"),
        ("All tests passing", "todo"),
    ]
