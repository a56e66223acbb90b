"""The last lint result of the board a program shows, kept by whoever lints it (the app's
``LintRunner``) rather than in a module-wide slot, so two apps in one process (tests, ``serve``)
never read each other's result.

The result is keyed by the analysis object it was computed with, by identity: the app makes a new
analysis whenever the board changes, so a result for an older board is never handed out.
"""

from __future__ import annotations

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.lint import run
from readiness_tui.core.model.problems import Problems


class LatestLint:
    """One slot: (analysis, problems)."""

    def __init__(self) -> None:
        self._slot: tuple[Analysis, Problems] | None = None

    def get(self, analysis: Analysis | None) -> Problems | None:
        """What lint found in the board of ``analysis``, if it ran on exactly that analysis."""
        if analysis is not None and self._slot is not None and self._slot[0] is analysis:
            return self._slot[1]
        return None

    def put(self, analysis: Analysis | None, problems: Problems) -> None:
        if analysis is not None:
            self._slot = (analysis, problems)

    def clear(self) -> None:
        """The board changed: what is kept is for an analysis nobody will ask about again."""
        self._slot = None

    def lint(self, store: BoardStore, analysis: Analysis | None) -> Problems:
        """The kept result for ``analysis``, else lint now (and keep it)."""
        found = self.get(analysis)
        if found is None:
            found = run.lint_store(store, analysis)
            self.put(analysis, found)
        return found
