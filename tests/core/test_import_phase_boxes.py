"""Boxes naming the plan's phases (``- [ ] Phase 1: Recherche``), each over boxes of its own: the phases, their boxes
the work in them; a box named so with nothing under it stays an item."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

PLAN = """## Tâches à accomplir

- [ ] Phase 1: Recherche et analyse
  - [x] Analyser les résultats de recherche
  - [x] Synthétiser les informations
- [ ] Phase 2: Conception de la structure
  - [x] Définir les catégories
  - [ ] Concevoir la logique
"""


def test_boxes_naming_phases_over_boxes_are_the_phases() -> None:
    result = import_markdown(PLAN, "TODO.md")
    assert result.board is not None
    assert [(i.title, i.phase, i.status) for i in result.board.items] == [
        ("Analyser les résultats de recherche", "1", "done"),
        ("Synthétiser les informations", "1", "done"),
        ("Définir les catégories", "2", "done"),
        ("Concevoir la logique", "2", "todo"),
    ]
    assert [(p.id, p.title) for p in result.board.phases] == [
        ("1", "Recherche et analyse"),
        ("2", "Conception de la structure"),
    ]


def test_a_phase_box_with_nothing_under_it_is_an_item() -> None:
    result = import_markdown(PLAN + "- [ ] Phase 3: Livraison\n", "TODO.md")
    assert result.board is not None
    assert "Livraison" in [i.title for i in result.board.items]
