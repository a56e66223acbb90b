"""Entries named by a bracketed slug (``**[rpc-ouvertes] Fermer les fonctions** — contexte``), the list giving one to
every entry: the slugs are the entries' ids, the bold words their titles, the words after the dash what they are
about (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Feuille de route

## Prochaines tâches

1. **[rpc-ouvertes] Fermer les fonctions lisibles par un visiteur** — analyse de sécurité du 8 oct. Critère : x.
2. **[echeanciers-reel] Les échéanciers d'acompte en mode réel** — relecture juridique du 9 oct.

## Application native (attend une condition)

- **[natif-plateformes]** `npx cap add ios android`, icônes et écran de démarrage
- **[natif-photos]** module Camera — amélioration une fois les autorisations faites.

## Notes

- [draft] a note that is tagged, not named
"""


def test_bracketed_slugs_given_to_every_entry_are_their_ids() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("rpc-ouvertes", "Fermer les fonctions lisibles par un visiteur"),
        ("echeanciers-reel", "Les échéanciers d'acompte en mode réel"),
        ("natif-plateformes", "`npx cap add ios android`, icônes et écran de démarrage"),
        ("natif-photos", "module Camera — amélioration une fois les autorisations faites."),
    ]
    assert items["rpc-ouvertes"].description == "analyse de sécurité du 8 oct. Critère : x."
