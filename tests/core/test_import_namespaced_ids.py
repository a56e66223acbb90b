"""Ids in a namespace (``ROADMAP:S001``) under an id column headed in the plan's language (issue 43)."""

from __future__ import annotations

import pytest

from tests.core.import_plan import imported


@pytest.mark.parametrize("header", ["Идентификатор", "Identificador", "ID"])
def test_namespaced_keys_under_an_id_column_are_the_items_ids(header: str) -> None:
    plan = (
        "# Roadmap\n\n## Status\n\n"
        f"| {header} | Описание | Статус |\n|---|---|---|\n"
        "| `ROADMAP:S001` | Каркас репозитория | ✅ Выполнено |\n"
        "| `ROADMAP:D-002` | Каркас FastAPI | 🗓 Запланировано |\n"
        "| `ROADMAP:MONITORING` | Контракт мониторинга | 🗓 Запланировано |\n"
    )
    _, items = imported(plan)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("ROADMAP:S001", "Каркас репозитория", "done"),
        ("ROADMAP:D-002", "Каркас FastAPI", "todo"),
        ("ROADMAP:MONITORING", "Контракт мониторинга", "todo"),
    ]
