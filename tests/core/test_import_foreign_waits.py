"""Dependencies stated in words in the languages plans are written in (issue 43): an item's own words
("dès réception de W-01", "nach W-03", "W-11 完了後") and sentences of the prose ("W-21 dépend de W-20")."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.model.item_model import Item
from tests.core.import_plan import imported

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "plans" / "foreign_waits.md"


def _import() -> tuple[str, dict[str, Item]]:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None, "\n".join(result.report_lines)
    return "\n".join(result.report_lines), {i.id: i for i in result.board.items}


@pytest.mark.parametrize(
    ("rid", "dep"),
    [
        ("W-02", "W-01"),  # French, before the id in code marks
        ("W-03", "W-02"),  # Spanish
        ("W-04", "W-03"),  # German
        ("W-05", "W-04"),  # Italian
        ("W-06", "W-05"),  # Portuguese
        ("W-07", "W-06"),  # Dutch
        ("W-08", "W-07"),  # Polish
        ("W-09", "W-08"),  # Russian
        ("W-10", "W-09"),  # Ukrainian
        ("W-11", "W-10"),  # Turkish, after the id
        ("W-12", "W-11"),  # Japanese
        ("W-13", "W-12"),  # Korean
        ("W-14", "W-13"),  # Chinese
    ],
)
def test_an_items_own_words_state_its_wait(rid: str, dep: str) -> None:
    report, items = _import()
    assert items[rid].depends_on == [dep]
    assert f"{rid}: its words" in report and f"state a wait on {dep}: read as a dependency" in report


def test_a_list_of_ids_after_the_wait_words() -> None:
    _, items = _import()
    assert items["W-15"].depends_on == ["W-14", "W-13"]


@pytest.mark.parametrize("rid", ["W-16", "W-17", "W-18"])
def test_a_wait_on_no_item_of_the_board_is_no_dependency(rid: str) -> None:
    # "après 3 jours", "nach KW 12", "après J1": a time, a week, a date of the plan; no item.
    _, items = _import()
    assert items[rid].depends_on == []


def test_an_item_never_waits_on_itself() -> None:
    _, items = _import()
    assert items["W-19"].depends_on == []


def test_a_stated_dependency_column_is_left_as_it_says() -> None:
    _, items = _import()
    assert items["W-24"].depends_on == []


def test_sentences_in_other_languages_state_dependencies() -> None:
    report, items = _import()
    assert items["W-21"].depends_on == ["W-20"]  # dépend de
    assert items["W-22"].depends_on == ["W-21"]  # hängt von .. ab
    assert items["W-23"].depends_on == ["W-22"]  # 依赖
    assert "dependencies read from the sentence 'W-22 hängt von W-21 ab': W-22 after W-21" in report


@pytest.mark.parametrize("heading", ["Daarna — zodra T-1 klaar is", "Potem — po T-1", "Далі — після T-1"])
def test_a_heading_in_another_language_states_a_wait(heading: str) -> None:
    rows = "| # | Task | State |\n|---|---|---|\n"
    md = f"# B\n\n## Now\n\n{rows}| T-1 | Oven | todo |\n\n## {heading}\n\n{rows}| T-2 | Bread | todo |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"T-1": [], "T-2": ["T-1"]}


def test_a_two_letter_wait_word_counts_in_lower_case_only() -> None:
    md = "# P\n\n| ID | Title |\n|---|---|\n| T-1 | Parts |\n| T-2 | Raise PO T-1 |\n| T-3 | Ankieta po T-1 |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"T-1": [], "T-2": [], "T-3": ["T-1"]}


def test_needs_before_ids_in_a_note_column_states_a_wait() -> None:
    md = (
        "# P\n\n## Board\n\n| ID | Task | Status | Blocker / note |\n|---|---|---|---|\n"
        "| R1 | Evidence table | todo | |\n| R3 | Dataset facts | todo | |\n"
        "| M1 | Data download | todo | needs R3 (can start from the list) |\n"
        "| D2 | Data card | todo | needs R1, R3 |\n| D3 | Readme | todo | needs verification |\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    deps = {i.id: i.depends_on for i in result.board.items}
    assert deps == {"R1": [], "R3": [], "M1": ["R3"], "D2": ["R1", "R3"], "D3": []}


def test_a_japanese_note_closing_with_after_states_a_wait() -> None:
    md = (
        "# P\n\n| ID | タスク | 備考 |\n|---|---|---|\n| INFRA-001 | Supabase 作成 | |\n"
        "| INFRA-002 | Auth 設定 | INFRA-001後 |\n| BE-009 | FFmpeg 後処理サービス | |\n"
    )
    _, items = imported(md)
    assert {i: it.depends_on for i, it in items.items()} == {"INFRA-001": [], "INFRA-002": ["INFRA-001"], "BE-009": []}
