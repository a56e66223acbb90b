"""A plan's owner legend: owner cells written in its symbols name its people (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.legends import read_owner_legend

TABLE = "| ID | Task | Owner |\n|---|---|---|\n"


def _owners(md: str) -> dict[str, str | None]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return {i.id: i.owner for i in result.board.items}


def test_a_legend_line_pairs_symbols_with_names() -> None:
    lines = ["# P", "", "Legend — **Owner:** 🟦 Zhou (backend, API) · 🟩 Lukas (domain) · 🟪 Philips."]
    assert read_owner_legend(lines) == (3, {"🟦": "Zhou", "🟩": "Lukas", "🟪": "Philips"})
    assert read_owner_legend(["**Owners**: 🔵 = Ana; 🟢 = Bo"]) == (1, {"🔵": "Ana", "🟢": "Bo"})


def test_a_line_that_names_no_owner_is_no_legend() -> None:
    assert read_owner_legend(["**Status:** ✅ done · ⏳ doing"]) == (0, {})
    assert read_owner_legend(["**Owner:** Ana"]) == (0, {})


def test_owner_cells_in_symbols_are_read_by_the_legend() -> None:
    md = (
        "# P\n\n**Owner:** 🔵 Ana · 🟢 Bo\n\n"
        + TABLE
        + "| A1 | a | 🔵 |\n| A2 | b | 🟢 (rev 🔵) |\n| A3 | c | 🟢+🔵 |\n"
    )
    assert _owners(md) == {"A1": "Ana", "A2": "Bo", "A3": "Bo"}


def test_a_cell_with_a_name_or_an_unknown_symbol_is_left_alone() -> None:
    md = "# P\n\n**Owner:** 🔵 Ana · 🟢 Bo\n\n" + TABLE + "| A1 | a | Cleo |\n| A2 | b | 🟥 |\n"
    assert _owners(md) == {"A1": "Cleo", "A2": "🟥"}


def test_without_a_legend_symbols_stay_as_written() -> None:
    assert _owners("# P\n\n" + TABLE + "| A1 | a | 🔵 |\n") == {"A1": "🔵"}


def test_a_legend_wrapped_over_lines_is_read_whole() -> None:
    lines = [
        "# Go-live plan",
        "",
        "**Owner key:** 🧑 You (operator-only: infra apply, DNS, accounts, secrets) ·",
        "🤖 Me (I prepare/run/verify what's safe from here) · 🤝 Both (I drive, you",
        "authorize + we verify together).",
        "",
        "## Phase 0",
        "| Step | Owner |",
    ]
    assert read_owner_legend(lines) == (3, {"🧑": "You", "🤖": "Me", "🤝": "Both"})


def test_a_heading_takes_no_lines_after_it_into_a_legend() -> None:
    lines = ["## Owners:", "🔵 = Ana, 🟢 = Bo"]
    assert read_owner_legend(lines) == (0, {})


def test_a_legend_of_capital_letters_reads_owner_cells_so_written() -> None:
    md = (
        "# Задачи\n\nОбозначения владельцев: **В** — Вова, **М** — Максим, **К** — Кирилл.\n\n## Ф0\n\n"
        "| ID | Задача | Кто |\n|---|---|---|\n| C-1 | Заморозить интерфейсы | **В** |\n| C-2 | Скелет репозитория | **М** |\n"
    )
    assert _owners(md) == {"C-1": "Вова", "C-2": "Максим"}


def test_letters_paired_with_words_in_a_line_naming_no_owner_are_no_legend() -> None:
    assert read_owner_legend(["Notes: **A** — apples, **B** — bananas"]) == (0, {})
