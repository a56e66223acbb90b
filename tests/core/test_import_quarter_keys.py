"""Keys that open with a quarter (``27Q1-OPS-02: title``) name their rows; a risk register's "—" task cell keeps
its risk (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.model.board import Board

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "quarter_keys_risk_dashes.md"


def _board() -> Board:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None
    return result.board


def test_quarter_keys_in_title_cells_are_the_ids_not_the_pull_requests() -> None:
    assert [i.id for i in _board().items] == ["27Q1-OPS-02", "27Q1-OPS-05", "27Q1-WEB-01"]


def test_a_quarter_key_is_an_id_but_a_lower_case_word_with_a_digit_is_not() -> None:
    assert is_id("27Q1-OPS-02") and is_id("2026Q3-HARN-1")
    assert not is_id("3d-printing") and not is_id("27Q1")


def test_a_risk_whose_task_cell_is_a_dash_is_kept_and_numbered_in_order() -> None:
    risks = {r.id: r.mitigated_by for r in _board().risks}
    assert risks == {"R-1": ["27Q1-OPS-02"], "R-2": [], "R-3": ["27Q1-OPS-05"]}
