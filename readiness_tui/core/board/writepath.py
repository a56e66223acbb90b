"""The one way a board reaches the disk: locked, merged with what others wrote, recorded, atomic.

Every writer (the app, ``readiness set``, ``import --merge``, the standup) saves through
``write_board``. Holding the board lock it:

1. removes temp files left by writers that died (only a lock holder writes them);
2. if the file changed since it was loaded, reads it again and re-applies our edits by name on
   top of it (edits to other records or fields merge; the same field changed both ways is a
   ``FieldConflict`` naming record and field, and nothing is written);
3. records an outside change the history does not account for (``audit.reconcile``);
4. writes the new text to a temp file and appends our change records, carrying the hashes of the
   text they start from and produce, *before* the new text is renamed into place, so a crash at
   any point leaves the history able to say whether the edit reached the board;
5. renames the new text into place and releases the lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from readiness_tui.core import audit
from readiness_tui.core.board.fieldmerge import FieldClash, compare
from readiness_tui.core.board.file import DiskState
from readiness_tui.core.board.fsutil import failpoint, remove_stale_temps
from readiness_tui.core.board.lock import board_lock, writer_kind
from readiness_tui.core.board.store import BoardStore, frozen_board
from readiness_tui.core.model.problems import BoardMissing, EditError, FieldConflict
from readiness_tui.core.model.records import RECORD_KEYS, Change

EditFn = Callable[[BoardStore], Any]


@dataclass
class WriteRequest:
    """What a writer holds: its store (with the edits applied) and how it came to be."""

    store: BoardStore
    #: The board as it was last read or written (what "changed on disk" is measured against).
    saved_board: Any
    #: Our change records not yet in the history.
    changes: list[Change]
    #: Our edits by name since the last save, to re-apply on a board someone else changed
    #: (None: not replayable, after an undo or redo).
    pending: list[tuple[str, EditFn]] | None
    source: str | None = "app"
    actor: str | None = None
    lock_timeout: float | None = None


@dataclass
class WriteOutcome:
    #: The store that is now on disk (a fresh one when we merged with someone else's edit).
    store: BoardStore
    wrote: bool
    #: Others' edits were merged in: the caller shows the whole board again.
    merged: bool = False
    #: What others changed, as recorded (or as already recorded by them).
    theirs: list[Change] = field(default_factory=list)
    audit_error: str = ""


def write_board(req: WriteRequest, *, force: bool = False, prefer: str = "") -> WriteOutcome:
    """Save ``req.store`` through the lock (see the module docstring).

    ``force``: write our text over whatever is on disk (keep mine after an undo, save a deleted
    board again). ``prefer``: ``"mine"`` or ``"theirs"`` settles the fields both sides changed
    (merging as usual everywhere else); by default they are a ``FieldConflict``.
    Raises ``BoardLocked``, ``BoardMissing``, ``FieldConflict`` or ``BoardError``.
    """
    store = req.store
    path = store.path
    if path is None:
        store.save()  # raises: a board with no file needs a path
        return WriteOutcome(store, False)
    with board_lock(path, req.lock_timeout, writer_kind(req.source)):
        remove_stale_temps(path)
        outcome = WriteOutcome(store, False)
        state = store.disk_state(strict=True)
        if state is DiskState.MISSING and not force:
            raise BoardMissing(f"{path} was deleted or moved since it was loaded", path)
        if state is DiskState.CHANGED and not force:
            outcome = _merge_with_disk(req, prefer)
            store = outcome.store
        elif state is DiskState.SAME:
            outcome.audit_error = _reconcile(req, store)
        if not force and not store.dirty:
            return outcome
        # The text as the segments hold it, written and hashed piece by piece in one pass: no
        # whole copy of it, as a string or as bytes, is made on the way to the disk. Our change
        # records, with the hash of the new text, reach the history once the text is on disk and
        # before it replaces the board (a crash between leaves a temp file the next writer removes).
        base = store.stamp.sha256 if store.stamp and state is not DiskState.MISSING else None

        def record(sha: str) -> None:
            outcome.audit_error = _record(req, req.changes, sha, base) or outcome.audit_error
            failpoint("after-history")

        store.write(store.text_parts(), before_rename=record)
        outcome.wrote = True
        return outcome


def _merge_with_disk(req: WriteRequest, prefer: str) -> WriteOutcome:
    mine_store = req.store
    fresh = mine_store.reload()
    theirs = audit.diff_boards(req.saved_board, fresh.board)
    if req.pending is None:
        raise FieldConflict(
            f"{fresh.path} changed on disk, and an undo or redo cannot be merged with it by name", fresh.path
        )
    clashes, lists = compare(req.changes, theirs)
    if clashes and prefer not in ("mine", "theirs"):
        raise _conflict(fresh, clashes)
    outcome = WriteOutcome(fresh, False, merged=True, theirs=theirs)
    outcome.audit_error = _reconcile(req, fresh, old=req.saved_board, new=fresh.board)
    before = frozen_board(fresh)
    for label, fn in req.pending:
        try:
            fn(fresh)
        except EditError as exc:
            raise FieldConflict(f"{label}: {exc} (the board changed on disk)", fresh.path) from None
    settle = dict(lists)
    if prefer == "theirs":
        settle.update({(c.kind, c.record, c.field): c.theirs for c in clashes if c.field != "*"})
    for (kind, record, name), value in settle.items():
        if kind == "items" and fresh.has_item(record):
            fresh.set_fields(record, {name: value})
        elif kind in RECORD_KEYS:  # risks, phases, milestones: by id, as their changes name them
            rows = [getattr(r, RECORD_KEYS[kind]) for r in getattr(fresh.board, kind)]
            if record in rows:
                fresh.set_record_fields(kind, rows.index(record), {name: value})
    req.changes = audit.diff_boards(before, fresh.board)
    return outcome


def _conflict(fresh: BoardStore, clashes: list[FieldClash]) -> FieldConflict:
    lines = "; ".join(c.describe() for c in clashes[:5])
    more = f" (and {len(clashes) - 5} more)" if len(clashes) > 5 else ""
    return FieldConflict(
        f"{fresh.path}: someone else changed the same field: {lines}{more}; nothing was written",
        fresh.path,
        [(c.kind, c.record, c.field, c.theirs, c.mine) for c in clashes],
    )


def _reconcile(req: WriteRequest, store: BoardStore, old: Any = None, new: Any = None) -> str:
    """Record a board change the history lacks; returns an error message ("" when fine)."""
    if req.source is None or store.path is None or store.stamp is None:
        return ""
    try:
        audit.reconcile(
            store.path,
            store.stamp.sha256,
            old=old,
            new=new,
            actor=req.actor,
            source="reload" if req.source == "app" else "found",
        )
    except Exception as exc:  # noqa: BLE001 - a history we cannot write must not stop the save
        return f"{audit.history_path(store.path).name}: {exc}"
    return ""


def _record(req: WriteRequest, changes: list[Change], board: str, base: str | None) -> str:
    if not changes or req.source is None or req.store.path is None:
        return ""
    try:
        audit.append(req.store.path, changes, actor=req.actor, source=req.source, board=board, base=base)
    except Exception as exc:  # noqa: BLE001 - the edit is saved; only its record is missing
        return f"{audit.history_path(req.store.path).name}: {exc}"
    return ""
