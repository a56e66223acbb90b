"""Importers of plans written elsewhere into boards (Markdown today).

Core code: never imports Textual.
"""

from __future__ import annotations

from .markdown import import_markdown
from .merge import merge_into
from .result import ImportResult

__all__ = ["import_markdown", "merge_into", "ImportResult"]
