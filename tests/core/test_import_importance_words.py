"""A priority written as importance, in the plan languages (``**Wichtigkeit:** Kleiner Wunsch``,
``**Importancia:** Alta``), and a wish as the lowest rank (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def _entry(title: str, importance: str) -> str:
    return (
        f"### [intern] {title}\n\n**Typ:** Verbesserung\n**Bereich:** Export\n**Wichtigkeit:** {importance}\n"
        "**Beschreibung:** Was soll passieren.\n**Status:** Offen\n\n---\n\n"
    )


def test_importance_is_the_priority_and_a_small_wish_the_lowest() -> None:
    plan = "# Backlog\n\n## Einträge\n\n" + "".join(
        (
            _entry("iCal-Export pro Team", "Kleiner Wunsch"),
            _entry("Druckansicht Liga", "Wichtig für Alltag"),
            _entry("Login repariert", "Blocker"),
        )
    )
    report, items = imported(plan)
    assert sorted((i.title, i.priority) for i in items.values()) == [
        ("Druckansicht Liga", "P1"),
        ("Login repariert", "P0"),
        ("iCal-Export pro Team", "P3"),
    ], report
