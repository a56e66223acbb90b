"""A column headed by the plural of the word for who does the work ("Responsáveis", "Responsables",
"Verantwortliche") names the owners, as the singular does: a table of activities with it is work."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_a_plural_owner_header_makes_a_table_of_activities_work() -> None:
    md = (
        "# Cronograma\n\n## Entrega 1\n\n| *Atividade* | *Início* | *Fim* | *Responsáveis* |\n|---|---|---|---|\n"
        "| Escolha do app | 27/03/2024 | 28/03/2024 | Kallyne |\n| Heatmap dos membros | 20/03/2024 | 22/03/2024 | Kauan |\n"
    )
    result = import_markdown(md, "CRONOGRAMA.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert [(i.title, i.owner) for i in result.board.items] == [
        ("Escolha do app", "Kallyne"),
        ("Heatmap dos membros", "Kauan"),
    ]
