"""A plan's priority legend: codes on a scale that starts at P1 for critical mean P0 by P1 (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.legends import read_priority_legend, read_symbol_priorities

TABLE = "| ID | Namn | Prioritet |\n|---|---|---|\n| FK1 | a | P1 |\n| FK2 | b | P2 |\n| FK3 | c | P4 |\n"


def _priorities(md: str, words: dict[str, str] | None = None) -> dict[str, str | None]:
    result = import_markdown(md, "P.md", priority_words=words)
    assert result.board is not None
    return {i.id: i.priority for i in result.board.items}


def test_a_legend_on_a_shifted_scale_maps_each_code() -> None:
    lines = ["# P", "| Prioritet | P1: Kritisk, P2: Hög, P3: Medel, P4: Låg |"]
    assert read_priority_legend(lines) == (2, {"p1": "P0", "p2": "P1", "p3": "P2", "p4": "P3"})
    assert read_priority_legend(["P1 = Critical; P2 = High; P3 = Low"]) == (1, {"p1": "P0", "p2": "P1", "p3": "P3"})


def test_a_legend_whose_codes_mean_what_they_say_changes_nothing() -> None:
    assert read_priority_legend(["P0: Critical, P1: High, P2: Medium, P3: Low"]) == (0, {})
    assert read_priority_legend(["P1: High, P2: Medium, P3: Low"]) == (0, {})


def test_a_line_that_is_no_scale_is_no_legend() -> None:
    assert read_priority_legend(["P1: Kritisk, P2: Hög"]) == (0, {})  # two pairs prove no scale
    assert read_priority_legend(["P1: Login, P2: Search, P3: Export"]) == (0, {})  # titles, not levels
    assert read_priority_legend(["P1: Low, P2: High, P3: Critical"]) == (0, {})  # a scale that runs the other way


def test_the_table_is_read_by_the_legend_and_the_report_says_so() -> None:
    md = "# P\n\n**Prioritet:** P1: Kritisk, P2: Hög, P3: Medel, P4: Låg\n\n" + TABLE
    assert _priorities(md) == {"FK1": "P0", "FK2": "P1", "FK3": "P3"}
    result = import_markdown(md, "P.md")
    assert any("priority legend: the plan's scale read as P1 -> P0" in line for line in result.report_lines)


def test_without_a_legend_codes_are_read_as_written() -> None:
    assert _priorities("# P\n\n" + TABLE)["FK1"] == "P1"


def test_the_persons_own_priority_words_come_first() -> None:
    md = "# P\n\nP1: Kritisk, P2: Hög, P3: Medel, P4: Låg\n\n" + TABLE
    assert _priorities(md, {"P1": "P1"})["FK1"] == "P1"


def test_a_line_ranking_symbols_gives_each_its_level() -> None:
    # Most urgent first, as a plan lists them; a gloss after "/" is the word's.
    line = "Prioritats: 🔴 crític · 🟠 abans de l'exposició · 🟡 quan puguem · ⚪ idea / sense data."
    table = "| ID | P | Tasca |\n|---|---|---|\n| T-01 | 🔴 | a |\n| T-02 | 🟠 | b |\n| T-03 | ⚪ | c |\n"
    assert _priorities(f"# P\n\n{line}\n\n{table}") == {"T-01": "P0", "T-02": "P1", "T-03": "P3"}
    # The first word says where the scale starts.
    assert read_symbol_priorities(["**Priority:** 🔴 High · 🟡 Medium · 🟢 Low"]) == (
        1,
        {"🔴": "P1", "🟡": "P2", "🟢": "P3"},
    )


def test_symbols_labelled_as_anything_else_rank_nothing() -> None:
    assert read_symbol_priorities(["**Owners**: 🔵 = Ana, 🟢 = Bo, 🟣 = Cy"]) == (0, {})
    assert read_symbol_priorities(["Priority: 🔴 crític · 🟠 alta"]) == (0, {})  # two are no scale


LEGEND_LIST = """# Clinic roadmap

## 🎯 Priority Classification

- **🔴 Critical (Security & Compliance)**
- **🟡 High (Core Functionality)**
- **🟢 Medium (User Experience)**
- **🔵 Low (Nice-to-Have)**

## Security

### 🔴 Must ship

| ID | Task |
|---|---|
| S-1 | MFA |

### 🟢 Polish

| ID | Task |
|---|---|
| S-2 | Dark mode |
"""


def test_a_list_under_a_priorities_heading_gives_each_symbol_its_word_s_level() -> None:
    lines = LEGEND_LIST.splitlines()
    assert read_symbol_priorities(lines) == (5, {"🔴": "P0", "🟡": "P1", "🟢": "P2", "🔵": "P3"})
    # Its words, not its order: a scale that skips a level keeps each word's own.
    skipping = ["## Priorities", "", "- 🔴 Critical", "- 🟡 Medium", "- 🟢 Low"]
    assert read_symbol_priorities(skipping) == (3, {"🔴": "P0", "🟡": "P2", "🟢": "P3"})


def test_a_heading_opening_with_a_ranked_symbol_gives_its_items_that_level() -> None:
    assert _priorities(LEGEND_LIST) == {"S-1": "P0", "S-2": "P2"}
    assert "priority legend: 🔴 P0, 🟡 P1, 🟢 P2, 🔵 P3" in "\n".join(import_markdown(LEGEND_LIST, "P.md").report_lines)


def test_a_list_of_symbols_that_are_not_levels_is_no_legend() -> None:
    states = ["## Priority tasks", "", "- 🔴 Blocked on review", "- 🟡 In progress", "- 🟢 Done"]
    assert read_symbol_priorities(states) == (0, {})
    two = ["## Priorities", "", "- 🔴 Critical", "- 🟡 High"]
    assert read_symbol_priorities(two) == (0, {})
    without = LEGEND_LIST.replace("Priority Classification", "Colours")
    assert _priorities(without) == {"S-1": None, "S-2": None}
