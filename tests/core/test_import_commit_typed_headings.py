"""Headings titled as commits are (``#### feat: ligar busca ao backend``, ``#### chore: seed the database``): each
one item, however few fields it opens with; its sub-headings (description, acceptance criteria) and their boxes are
its own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Story Map

## RELEASE 1 — MVP

### ÉPICO 1 — Consulta

#### feat: ligar busca e filtros ao backend real

**Prioridade:** Alta · **Esforço estimado:** Pequeno

##### 📝 Descrição

O frontend já consome `GET /proposicoes` com filtros.

##### ✅ Critérios de Aceitação

- [x] Busca por palavra-chave funciona com acentos.
- [x] Paginação usa `LIMIT/OFFSET` no SQL.

#### chore: dados reais no banco via script de seed

**Prioridade:** Média

##### ✅ Critérios de Aceitação

- [ ] O script popula 100 proposições.

### ÉPICO 2 — Tramitação

#### feat(api): endpoint de movimentações

**Prioridade:** Baixa
"""


def test_each_heading_titled_as_a_commit_is_one_item() -> None:
    _, items = imported(PLAN)
    assert [(i.title, i.priority) for i in items.values()] == [
        ("feat: ligar busca e filtros ao backend real", "P1"),
        ("chore: dados reais no banco via script de seed", "P2"),
        ("feat(api): endpoint de movimentações", "P3"),
    ]
    first = next(iter(items.values()))
    assert first.gate is not None
    assert (
        first.gate.exit_criteria
        == "Busca por palavra-chave funciona com acentos.\nPaginação usa `LIMIT/OFFSET` no SQL."
    )
    assert "O frontend já consome" in first.description


def test_an_item_stating_no_state_is_as_far_as_its_ticked_acceptance_boxes() -> None:
    plan = PLAN.replace("- [ ] O script popula", "- [x] O script popula\n- [ ] O script é idempotente")
    report, items = imported(plan)
    assert [i.status for i in items.values()] == ["done", "in_progress", "todo"]
    assert "CDR-1: 1 of its 2 acceptance boxes ticked: in_progress" in "\n".join(report)


def test_a_heading_without_an_id_stating_its_state_beside_tickets_is_one_too() -> None:
    plan = (
        "# Sprint 4\n\n## PHASE B: CHỜ THÔNG TIN\n\n### TASK-034: Tích hợp Zalo OA (⏸️ WAITING)\n"
        "- **Status:** ⏸️ Waiting\n- **Priority:** High\n\n### ZNS Templates CRUD (⏸️ WAITING)\n- Quản lý Mẫu ZNS\n"
        "- **Status:** ⏸️ Waiting - depends on TASK-034\n\n### ZNS History (⏸️ WAITING)\n- Lịch sử Gửi ZNS\n"
        "- **Status:** ⏸️ Waiting - depends on TASK-034\n\n## Notes\n\n### Setup\n- **Status:** see the wiki\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.depends_on) for i in items.values()] == [
        ("Tích hợp Zalo OA", []),
        ("ZNS Templates CRUD", ["TASK-034"]),
        ("ZNS History", ["TASK-034"]),
    ]


def test_a_legend_beside_ticket_headings_is_no_ticket() -> None:
    plan = """# Platform tasks

## Task Status Legend

- ✅ **Done**: Completed and verified
- 🔄 **In Progress**: Being worked on

## TASK-1: Create the schema

- **Status:** ✅ Done

## TASK-2: Create the API

- **Status:** 🔄 In Progress
"""
    report, items = imported(plan)
    assert [(i.id, i.status) for i in items.values()] == [("TASK-1", "done"), ("TASK-2", "in_progress")]
    assert any("section 'Task Status Legend'" in line and "kept as text" in line for line in report)
