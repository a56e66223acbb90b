"""A status legend on one line, and entries joined on one line after a middle dot (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_BACKLOG = """# GAME_BACKLOG

**Priorités** — P0 indispensable · P1 bonne expérience · P2 amélioration · P3 évolution future
**Statut** — ✅ fait (V0.1) · 🟡 partiel · ⬜ à faire

## SCENARIOS
- ✅ [P0] Événement générique + conditions + conséquences
- 🟡 [P2] Scénarios hybrides (vol + meurtre coexistent)
- ⬜ [P1] DISAPPEARANCE · ⬜ [P1] SURVIVAL (incendie, inondation, tempête)

## AUDIO
- ✅ [P1] Pluie et tonnerre · ⬜ [P3] Musique adaptative
"""


def test_marked_entries_under_a_one_line_legend_are_items_each_after_its_dot() -> None:
    report, items = imported(_BACKLOG)
    assert [(i.title, i.status, i.priority) for i in items.values()] == [
        ("Événement générique + conditions + conséquences", "done", "P0"),
        ("Scénarios hybrides (vol + meurtre coexistent)", "in_progress", "P2"),
        ("DISAPPEARANCE", "todo", "P1"),
        ("SURVIVAL (incendie, inondation, tempête)", "todo", "P1"),
        ("Pluie et tonnerre", "done", "P1"),
        ("Musique adaptative", "todo", "P3"),
    ]
    assert any("status legend: ✅ done, 🟡 in_progress, ⬜ todo" in line for line in report)
