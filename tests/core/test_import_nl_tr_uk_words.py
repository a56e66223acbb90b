"""Column headers, status and priority words of Dutch, Turkish and Ukrainian plans (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown


@pytest.mark.parametrize(
    ("header", "row1", "row2"),
    [
        ("| ID | Taak | Eigenaar | Afhankelijk van | Status | Prioriteit |", "afgerond | hoog", "bezig | laag"),
        ("| ID | Görev | Sorumlu | Bağımlılık | Durum | Öncelik |", "tamamlandı | yüksek", "devam ediyor | düşük"),
        (
            "| ID | Завдання | Відповідальний | Залежності | Стан | Пріоритет |",
            "виконано | високий",
            "в роботі | низький",
        ),
    ],
)
def test_a_task_table_in_the_plan_language(header: str, row1: str, row2: str) -> None:
    text = (
        f"# P\n\n{header}\n|---|---|---|---|---|---|\n| T-1 | a | Ana | — | {row1} |\n| T-2 | b | Bo | T-1 | {row2} |\n"
    )
    result = import_markdown(text, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    one, two = result.board.items
    assert (one.owner, one.status, one.priority) == ("Ana", "done", "P1")
    assert (two.owner, two.status, two.priority, two.depends_on) == ("Bo", "in_progress", "P3", ["T-1"])
