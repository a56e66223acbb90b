"""Keep the board and its history in step: after a crash, and after an edit made outside readiness.

Every batch of change records carries ``board``, the sha256 of the board text it produces, and
``base``, that of the text it started from. The writer appends the batch (fsync) *before* it
renames the new board into place, so whatever the moment of a crash:

* the board on disk is the batch's ``board``: the edit happened and is recorded;
* it is still the batch's ``base``: the writer died before the rename. An ``aborted`` record says
  the batch never reached the board, and readers drop it (``chain.read``);
* it is neither: someone changed the board outside readiness (an editor, ``sed``, a merge). A
  ``found`` record says so, with the fields that changed when the caller still has the board as
  it was (the app does), else with the two hashes only.

``reconcile`` runs under the board lock, before a writer writes and whenever a reader that may
write (the app, ``audit verify``) opens the board. A history written before boards carried these
hashes has nothing to compare with: only a caller that knows both versions (the app) records there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from readiness_tui.core.audit.chain import append, append_bodies, open_history, reverse_lines
from readiness_tui.core.audit.diff import diff_boards
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.records import Change

#: How far back to look for the last record that names a board hash (standups carry none).
_LOOKBACK_LINES = 500


def last_board_record(board_path: Path | str) -> dict[str, Any] | None:
    """The newest record that names the board text it produced (``board``), or None."""
    with open_history(board_path) as fd:
        if fd is None:
            return None
        seen = 0
        for raw in reverse_lines(fd):
            if not raw.strip():
                continue
            seen += 1
            if seen > _LOOKBACK_LINES:
                return None
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(rec, dict) and rec.get("board"):
                return rec
    return None


def reconcile(
    board_path: Path | str,
    disk_sha: str | None,
    *,
    old: Board | None = None,
    new: Board | None = None,
    actor: str | None = None,
    source: str = "found",
    changes: list[Change] | None = None,
) -> str:
    """Record what the history does not account for; returns what was done ("" for nothing).

    ``disk_sha``: the sha256 of the board file now (None: the board is missing; nothing to do).
    ``old``/``new``: the board as the caller last knew it and as it is now, to record the outside
    change field by field (``changes``: that comparison, when the caller made it already).
    Call it holding the board lock.
    """
    if disk_sha is None:
        return ""
    head = last_board_record(board_path)
    if head is not None and head.get("board") == disk_sha:
        return ""
    if head is not None and head.get("base") == disk_sha:
        append_bodies(
            board_path, [{"type": "aborted", "never_written": head["board"], "board": disk_sha}], actor, source, None
        )
        return "aborted"
    base = str(head["board"]) if head is not None else None
    if changes is None:
        changes = diff_boards(old, new) if old is not None and new is not None else []
    if changes:
        append(board_path, changes, actor=actor, source=source, board=disk_sha, base=base)
    elif head is not None:
        append_bodies(board_path, [{"type": "found", "board": disk_sha, "base": base}], actor, source, None)
    else:
        return ""  # no record names a board yet: nothing to compare with
    return "found"
