"""Headings that rank work by the moment it is due ("Critical before the first clinic") give its priority; a
"Risk addressed" cell names the risk its own row retires (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.model.board import Board

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "gate_headings_risk_cells.md"


def _board() -> Board:
    result = import_markdown(PLAN.read_text(encoding="utf-8"), PLAN.name)
    assert result.board is not None
    return result.board


def test_gate_headings_give_priority_and_critical_path_does_not() -> None:
    prios = {i.id: i.priority for i in _board().items}
    assert prios == {"CL-01": "P0", "CL-02": "P0", "CL-03": "P1", "CL-04": "P1", "CL-05": None}


def test_each_risk_addressed_cell_is_a_risk_its_row_retires() -> None:
    risks = {r.id: (r.title, r.mitigated_by) for r in _board().risks}
    assert risks == {
        "R-1": ("Two patients in one slot", ["CL-01"]),
        "R-2": ("No-shows fill the day", ["CL-02"]),
        "R-3": ("Rota drifts from the calendar", ["CL-04"]),
    }
