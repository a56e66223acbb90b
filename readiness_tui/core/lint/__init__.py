"""``readiness lint``: every problem of a board, each with the file line it is about.

The rules live in modules named for what they check (``records``, ``dependencies``, ``structure``,
``risks``, ``attachments``, ``recorded_order``, ``fields``, ``gate_paths``, ``aliases``); ``run`` runs them in a
fixed order, and ``latest`` keeps the app's lint of the newest board.
"""

from __future__ import annotations

from readiness_tui.core.lint.attachments import WAIVER_WARN_DAYS
from readiness_tui.core.lint.context import LintContext
from readiness_tui.core.lint.latest import LatestLint
from readiness_tui.core.lint.run import RULES, LintStopped, lint_bytes, lint_path, lint_store

__all__ = [
    "RULES",
    "WAIVER_WARN_DAYS",
    "LatestLint",
    "LintContext",
    "LintStopped",
    "lint_bytes",
    "lint_path",
    "lint_store",
]
