"""A risk whose mitigation names the component an item builds (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

STEPS = (
    "# P\n\n| ID | Step |\n|---|---|\n| S-1 | EventBus |\n| S-2 | BaseScene + Tween |\n| S-3 | main.ts |\n"
    "| S-4 | Dry-run mode |\n| S-5 | GameState |\n| S-6 | GameState + cache |\n\n## Risks\n\n"
    "| Risk | Mitigation |\n|---|---|\n"
)


def _risks(rows: str) -> dict[str, list[str]]:
    result = import_markdown(STEPS + rows, "P.md")
    assert result.board is not None
    return {r.id: r.mitigated_by for r in result.board.risks}


def test_code_names_files_and_whole_titles_link_a_risk() -> None:
    risks = _risks("| a | wait in main.ts |\n| b | Tween.ts reads deltaMS |\n| c | a DRY-RUN MODE first |\n")
    assert risks == {"R-1": ["S-3"], "R-2": ["S-2"], "R-3": ["S-4"]}


def test_a_word_inside_another_or_a_name_two_items_hold_links_nothing() -> None:
    # "EventBuses" is no EventBus; GameState is in two titles; "tween" in prose is no file.
    risks = _risks("| a | EventBuses everywhere |\n| b | GameState drift |\n| c | tween it slowly |\n")
    assert risks == {"R-1": [], "R-2": [], "R-3": []}


def test_a_risk_that_names_an_item_by_id_keeps_it() -> None:
    assert _risks("| a | S-1 covers it; main.ts too |\n") == {"R-1": ["S-1"]}
