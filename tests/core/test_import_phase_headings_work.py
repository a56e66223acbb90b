"""Numbered headings under a heading of phases, each over prose and its done criteria, are the plan's work; a
heading of principles lists rules, not work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Plano de migração

## Princípios

- Nada é copiado sem revisão.
- Segredos nunca entram no repositório.

## Fases

### 1. Inventário inicial

Levantar, sem alterar os repositórios de origem, os artefatos.

Critério de pronto:

- Lista de arquivos candidatos registrada.

### 2. Estrutura base

Criar a estrutura definida no escopo.

### 3. Migração do RDS PostgreSQL

Mover os módulos Terraform do RDS.
"""


def test_each_numbered_phase_heading_is_an_item_and_principles_are_none() -> None:
    report, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Inventário inicial",
        "Estrutura base",
        "Migração do RDS PostgreSQL",
    ], report
