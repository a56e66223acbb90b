"""Named views: filters saved under a name, in the board or in the settings.

In the board, a top-level table (the team's views, kept by every save like any unknown table)::

    [views]
    mine = "owner:@ana open"
    p0-late = "p:P0 overdue"

In the settings (``views = { mine = "owner:@ana open" }`` in the user's ``config.toml`` or the
project's ``.readiness.toml``). A setting's view of the same name wins over the board's: it is the
reader's own choice. ``view:mine`` in any filter means the view's filter; the app's palette lists
them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from readiness_tui.core.model.board import Board


def board_views(board: Board) -> dict[str, str]:
    """The board's ``[views]`` (names lower-cased; a value that is not text is shown as text, so a
    mistake there is reported by the filter when the view is used, never dropped)."""
    raw = (board.model_extra or {}).get("views")
    if not isinstance(raw, Mapping):
        return {}
    return {str(k).lower(): v if isinstance(v, str) else repr(v) for k, v in raw.items()}


def views_for(board: Board, settings: Mapping[str, Any] | None = None) -> dict[str, str]:
    """Every view a reader of ``board`` has: the board's, then the settings' (which win)."""
    out = board_views(board)
    for k, v in (settings or {}).items():
        out[str(k).lower()] = v if isinstance(v, str) else repr(v)
    return out


def settings_views(start: Path | None = None) -> dict[str, str]:
    """The ``views`` setting for a board in ``start`` (the user's and the project's files).
    A settings file with a mistake is reported by ``readiness config`` (``load_config`` collects
    its problems rather than raising)."""
    from readiness_tui.core.settings.config import load_config

    views = load_config(start).get("views")
    return {str(k): str(v) for k, v in views.items()} if isinstance(views, Mapping) else {}
