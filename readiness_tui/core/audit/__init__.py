"""The board's audit trail: a hash-chained JSON Lines history beside the board.

``chain`` writes and reads the records, ``verify`` checks them; ``actor`` says who made a change; ``diff`` turns
two versions of a board into field changes; ``replay`` reads the history back over time;
``reconcile`` keeps the board and its history in step after a crash or an outside edit.
"""

from __future__ import annotations

from readiness_tui.core.audit.actor import default_actor, git_user_name
from readiness_tui.core.audit.chain import (
    GENESIS,
    HISTORY_SUFFIX,
    SOURCES,
    Record,
    append,
    append_bodies,
    canonical,
    head,
    history_path,
    line_hash,
    parse_ts,
    read,
    record_hash,
    record_standup,
)
from readiness_tui.core.audit.diff import diff_boards
from readiness_tui.core.audit.reconcile import last_board_record, reconcile
from readiness_tui.core.audit.replay import Rewinder, changes_since, last_standup
from readiness_tui.core.audit.verify import Verification, verify

__all__ = [
    "GENESIS",
    "HISTORY_SUFFIX",
    "SOURCES",
    "Record",
    "Rewinder",
    "Verification",
    "append",
    "append_bodies",
    "canonical",
    "last_board_record",
    "reconcile",
    "changes_since",
    "default_actor",
    "diff_boards",
    "git_user_name",
    "head",
    "history_path",
    "last_standup",
    "line_hash",
    "parse_ts",
    "read",
    "record_hash",
    "record_standup",
    "verify",
]
