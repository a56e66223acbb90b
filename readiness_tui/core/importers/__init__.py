"""Importers of plans written elsewhere into boards (Markdown today).

Core code: never imports Textual.
"""

from __future__ import annotations

from readiness_tui.core.importers.markdown import import_markdown
from readiness_tui.core.importers.merge import merge_into
from readiness_tui.core.importers.result import ImportResult

__all__ = ["import_markdown", "merge_into", "ImportResult"]
