"""A table numbering its rows as ordinals (``| Number | Aufgabe |`` over ``| 1. | Montageanleitung |``): each row an
item named by its number (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_rows_numbered_with_an_ordinal_dot_are_items_by_their_number() -> None:
    plan = (
        "# Projekt\n\nTeilaufgaben:\n\n| Number | Aufgabe |\n| ------ | ------- |\n| 1.     | Technische Dokumentation |\n"
        "| 2.     | Beispielprogramm |\n| 3.     | Montageanleitung |\n"
    )
    report, items = imported(plan)
    assert {i: x.title for i, x in items.items()} == {
        "1": "Technische Dokumentation",
        "2": "Beispielprogramm",
        "3": "Montageanleitung",
    }, report
