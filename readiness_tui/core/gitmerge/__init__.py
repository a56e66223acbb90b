"""Boards and their histories in git: the merge drivers, the conflict records they leave, setup."""

from readiness_tui.core.gitmerge.board import Conflict, MergeResult, merge_boards

__all__ = ["Conflict", "MergeResult", "merge_boards"]
