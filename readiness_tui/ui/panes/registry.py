"""The panes of the main screen, in tab order. A pane is one line here.

Each entry names a Widget class by ``"module:Class"`` so nothing is imported until the pane is first
shown. A pane implements ``show_board(store, analysis)`` and, optionally, ``focus_item(item_id)``,
and posts the messages of ``readiness_tui.ui.messages``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from readiness_tui.ui.panes.base import Pane


@dataclass(frozen=True)
class PaneSpec:
    key: str  # the tab id and the name used by the palette / `show_pane`
    title: str
    target: str  # "package.module:ClassName"

    def factory(self) -> Pane:
        return self.widget_class()()

    def widget_class(self) -> Callable[..., Pane]:
        module, _, attr = self.target.partition(":")
        return getattr(importlib.import_module(module), attr)


_PANES: list[PaneSpec] = [
    PaneSpec("backlog", "Backlog", "readiness_tui.ui.panes.backlog:BacklogPane"),
    PaneSpec("detail", "Detail", "readiness_tui.ui.panes.detail:DetailPane"),
    PaneSpec("matrix", "Matrix", "readiness_tui.ui.panes.matrix:MatrixPane"),
    PaneSpec("risks", "Risks", "readiness_tui.ui.panes.risks:RiskPane"),
    PaneSpec("plan", "Plan", "readiness_tui.ui.panes.plan:PlanPane"),
    PaneSpec("gates", "Gates", "readiness_tui.ui.panes.gates:GatesPane"),
    PaneSpec("burndown", "Burndown", "readiness_tui.ui.panes.burndown:BurndownPane"),
    PaneSpec("problems", "Problems", "readiness_tui.ui.panes.problems:ProblemsPane"),
]


def panes() -> list[PaneSpec]:
    """The panes in tab order (at most nine: keys 1-9 switch to them)."""
    return _PANES[:9]
