"""Numbered entries over bullets: a short entry over a list of work names its group ("1) Reliability"), but an
entry whose bullets are sentences about it is the item, and siblings of one list are read alike."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def test_an_entry_over_sentences_is_the_item() -> None:
    md = (
        "## Next\n\n1. Étiquettes pour les Tâches :\n\n    - Ajouter des étiquettes aux tâches.\n\n"
        "2. Partage de Tâches Entre Utilisateurs :\n\n    - Permettre de partager des tâches.\n"
        "    - Définir des rôles et permissions.\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == [
        "Étiquettes pour les Tâches",
        "Partage de Tâches Entre Utilisateurs",
    ]


def test_a_short_entry_over_work_still_names_its_group() -> None:
    md = "## Next\n\n1. Reliability\n    - Add retries\n    - Alert on errors\n2. Speed\n    - Cache the index\n"
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Add retries", "Alert on errors", "Cache the index"]
