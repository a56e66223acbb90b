"""A 5W2H table (what, why, who, when, where, how, how much) in the plan languages: its "what" column names the
work (``| O quê (tarefas) | Por quê | Quem? | … | Status |``), a gloss in brackets saying the same (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## Cronograma de Marcos

| Etapa | O quê (tarefas) | Por quê | Quem? | Prazo em dias | Status |
|:-----:|:----|:----|:----|:----|:----|
| Sprint 01 | Registro de partes interessadas | Revisão | Pedro e Felipe | 15 dias | Concluído |
| Sprint 02 | Corrigir EAP | Organizar o escopo | Pedro | 15 dias | Em andamento |
| Sprint 04 | CI/CD | Motivo | - | 15 dias | Não iniciado |
"""


def test_the_what_column_of_a_5w2h_table_names_the_work() -> None:
    report, items = imported(PLAN)
    got = sorted((i.title, i.owner, i.status) for i in items.values())
    assert got == [
        ("CI/CD", "", "todo"),
        ("Corrigir EAP", "Pedro", "in_progress"),
        ("Registro de partes interessadas", "Pedro e Felipe", "done"),
    ], report


def test_a_spanish_what_column_too() -> None:
    plan = (
        "# Plan\n\n| Qué | Por qué | Quién | Estado |\n|---|---|---|---|\n| Migrar la base | Soporte | Ana | Hecho |\n"
    )
    plan += "| Probar | Calidad | Luis | Pendiente |\n"
    report, items = imported(plan)
    assert sorted((i.title, i.owner) for i in items.values()) == [("Migrar la base", "Ana"), ("Probar", "Luis")], report
