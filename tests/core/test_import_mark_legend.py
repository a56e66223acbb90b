"""A plan's own key for its state marks, written as a list or a table (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.legends import read_mark_legend

_TABLE = "## Aufgaben\n\n| Task | Wer | Status |\n|---|---|---|\n| Eins | Ana | ⏳ |\n| Zwei | Bo | 🔄 |\n| Drei | Ana | ✅ |\n"


def _statuses(md: str) -> list[str]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.status for i in result.board.items]


def test_the_plans_legend_says_what_its_marks_mean() -> None:
    legend = "## Statuslegende\n- ✅ Abgeschlossen\n- 🔄 Blockiert\n- ⏳ In Bearbeitung\n- 🚨 Overdue\n\n"
    # The hourglass is work under way here ("In Bearbeitung"), and the arrows work that is stuck.
    assert _statuses("# Plan\n\n" + legend + _TABLE) == ["in_progress", "blocked", "done"]


def test_without_a_legend_a_mark_means_what_it_usually_does() -> None:
    # An hourglass alone is waiting to start: pending.
    assert _statuses("# Plan\n\n" + _TABLE) == ["todo", "in_progress", "done"]


def test_a_list_of_marked_entries_that_name_no_states_is_no_legend() -> None:
    assert read_mark_legend(["- ✅ Ship the API", "- ⏳ Write the docs"]) == (0, {})
    assert read_mark_legend(["- ✅ Done", "- ⏳ Pending"]) == (1, {"✅": "done", "⏳": "todo"})


def test_a_legend_table_says_what_its_boxes_mean() -> None:
    # "[~]" and "[!]" mean nothing alone; the plan's own table of marks says under way and blocked.
    legend = (
        "## Legenda statusa\n\n| Oznaka | Značenje |\n|---|---|\n| `[ ]` | Nije započeto |\n| `[~]` | U toku |\n"
        "| `[x]` | Završeno |\n| `[!]` | Blokirano / čeka klijenta |\n\n"
    )
    table = "## Zadaci\n\n| # | Zadatak | Status |\n|---|---|---|\n| 1 | a | `[~]` |\n| 2 | b | `[!]` |\n| 3 | c | `[x]` |\n"
    assert _statuses("# Plan\n\n" + legend + table) == ["in_progress", "blocked", "done"]
    # The legend table is reported as read, not as a table of no known shape.
    report = "\n".join(import_markdown("# Plan\n\n" + legend + table, "P.md").report_lines)
    assert "used: table (Oznaka, Značenje): the plan's legend of state marks" in report
    assert "no known shape" not in report


def test_a_table_of_symbols_that_name_no_states_is_no_legend() -> None:
    assert read_mark_legend(["| ✅ | Ship the API |", "| ⏳ | Write the docs |"]) == (0, {})
