"""A row's state written where a title or an effort goes (issue 43): ``| B-2 | ✅ **Fatto**: x |`` and
``| C-1 | … | Team | ✅ **Fatto** (2026-08-27) |`` under an Effort header."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = (
    "### FASE B\n\n| # | Attività | Owner | Effort |\n|---|---|---|---|\n"
    "| B-1 | Build wheel | DevOps | 0.25g |\n"
    "| B-2 | ✅ **Fatto**: `databricks.yml` con default risolti | — | — |\n"
    "| B-3 | Review: the bundle variables | DevOps | 0.5g |\n\n"
    "### FASE C\n\n| # | Attività | Owner | Effort |\n|---|---|---|---|\n"
    "| C-1 | Creare i 3 repo | Team | ✅ **Fatto** (2026-08-27) |\n"
    "| C-2 | Push del codice | Team | 🔴 Blocked |\n| C-3 | Runner | Team | about two days |\n"
)


def test_a_title_opening_with_a_mark_and_a_state_gives_the_state_and_the_rest_is_the_title() -> None:
    lines, items = imported(_PLAN)
    assert (items["B-2"].status, items["B-2"].title) == ("done", "`databricks.yml` con default risolti")
    assert any("B-2: title opens with its state: done" in line for line in lines)


def test_a_state_word_with_no_mark_before_a_colon_stays_the_title() -> None:
    _, items = imported(_PLAN)
    assert (items["B-3"].title, items["B-3"].status) == ("Review: the bundle variables", "todo")


def test_an_effort_cell_saying_the_state_gives_the_status() -> None:
    lines, items = imported(_PLAN)
    assert items["C-1"].status == "done" and items["C-1"].estimate_days is None
    assert items["C-2"].status == "blocked"
    assert items["C-3"].status == "todo"  # words that are no duration and no state: kept, as before
    assert any("C-1: estimate cell" in line and "says its state: done" in line for line in lines)
