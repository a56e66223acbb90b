"""The edit controller: every edit of a board goes through here, whoever makes it.

The app, ``readiness set``, ``import --merge`` and the standup all edit through an
``EditController``; it keeps

- the undo and redo stacks (a snapshot of the store before each edit: the segment list and the
  record lists are copied shallowly, which is cheap because the store replaces what it edits
  rather than mutating it);
- the edits made since the last successful save, by name (``store.set_fields(id, ...)``), so that
  when someone else wrote the file meanwhile they can be re-applied on top of what is on disk;
- saving: **every edit is saved at once**, through ``writepath.write_board`` (locked, merged
  field by field with others' edits, recorded, atomic). A refused save (the same field changed
  by someone else, the board deleted) leaves the edit in memory, marked unsaved, and the caller
  asks the user what to do (reload and re-apply, keep mine, show the difference);
- the audit trail: the ``Change`` records of every edit, undo and redo reach ``BOARD.history.jsonl``
  with the write that puts them on disk; an outside change found on reload is recorded unless its
  writer recorded it. An audit failure never loses an edit: it is kept in ``audit_error``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.file import DiskState
from readiness_tui.core.board.matrix_step import in_step
from readiness_tui.core.board.store import BoardStore, StoreSnapshot, frozen_board
from readiness_tui.core.edits.fields import required_refusal
from readiness_tui.core.edits.ids import new_item_id
from readiness_tui.core.edits.results import READ_ONLY_REFUSAL as READ_ONLY_REFUSAL
from readiness_tui.core.edits.results import EditResult as EditResult
from readiness_tui.core.edits.results import ReloadResult as ReloadResult
from readiness_tui.core.edits.results import SaveState as SaveState
from readiness_tui.core.edits.results import Snapshot as Snapshot
from readiness_tui.core.edits.results import board_of as board_of
from readiness_tui.core.edits.results import restore as restore
from readiness_tui.core.edits.results import snapshot as snapshot
from readiness_tui.core.model.board import next_status
from readiness_tui.core.model.problems import BoardError, BoardLocked, BoardMissing, EditError, FieldConflict
from readiness_tui.core.model.records import Change

if TYPE_CHECKING:
    from readiness_tui.core.edits.save_job import SaveJob

# The write path and the history (``core.audit``) are imported where a save or a record needs them:
# an app opening a board makes an EditController before its first frame, which needs neither.

EditFn = Callable[[BoardStore], Any]


class EditController:
    """Every edit of a board, by whoever makes it: apply, undo/redo, save through the one write path.

    ``audit_source`` names the writer in the history ("app", "cli", "import"; None: keep none);
    ``actor`` who it is (default: git's user.name for the board's repository).
    """

    def __init__(
        self,
        store: BoardStore,
        autosave: bool = True,
        history: int = 200,
        audit_source: str | None = "app",
        actor: str | None = None,
        lock_timeout: float | None = None,
        read_only: bool = False,
    ):
        self.store = store
        #: A read-only viewer: every edit, save and history record is refused here, whatever path it
        #: came by (the UI hides them too, see ``ui.readonly``).
        self.read_only = read_only
        self.actor = actor
        self.lock_timeout = lock_timeout
        #: The fields of the last refused save that someone else changed too: (kind, id, field, theirs, mine).
        self.conflicts: list[tuple[str, str, str, object, object]] = []
        #: The last save merged others' edits into the store (the caller shows the whole board).
        self.merged = False
        self.autosave = autosave
        self.history = history
        #: ``source`` of the audit records of edits ("app", "cli"); None: keep no audit trail.
        self.audit_source = audit_source
        #: Changes made in memory and not yet written to the file (recorded when they are).
        self.unrecorded: list[Change] = []
        #: The last audit append that failed (the edit itself was saved); the caller shows it.
        self.audit_error = ""
        self.saved_board: Any = frozen_board(store)
        self.undo_stack: list[Snapshot] = []
        self.redo_stack: list[Snapshot] = []
        #: Edits since the last save, to re-apply on a reloaded file; None when not replayable
        #: (after an undo or redo, whose meaning depends on the state they were made in).
        self.pending: list[tuple[str, EditFn]] | None = []
        self.last_save_error = ""
        #: What the last save became when it failed (its edits only in memory); None once one writes.
        self.last_failed: SaveState | None = None
        #: The save running in a thread (``save_job``), if any; counts edits to tell what it missed.
        self.save_job: SaveJob | None = None
        self.edits = 0

    # ------------------------------------------------------------------ state
    @property
    def dirty(self) -> bool:
        return self.store.dirty

    @property
    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def replace_store(self, store: BoardStore) -> None:
        """Another board (or the same one reloaded): history does not carry over."""
        self.store = store
        self.undo_stack.clear()
        self.redo_stack.clear()
        self.pending = []
        self.note_save(SaveState.UNCHANGED)
        self.unrecorded = []
        self.saved_board = frozen_board(store)

    # ------------------------------------------------------------------ the one way to edit
    def apply(self, label: str, fn: EditFn, focus: str | None = None, save: bool = True) -> EditResult:
        """Run ``fn(store)``; on EditError the store is put back as it was and the error returned.

        ``save=False``: with autosave on, the edit is not written here but ``SaveState.PENDING``
        returned: the caller writes it as soon as it has shown the edit (``save()``, or
        ``begin_save`` to write it in a thread)."""
        if self.read_only:
            return EditResult(label, error=READ_ONLY_REFUSAL, saved=SaveState.UNCHANGED)
        fn = in_step(fn)
        before = snapshot(self.store, label)
        try:
            out = fn(self.store)
        except EditError as exc:
            restore(self.store, before)
            return EditResult(label, error=str(exc), saved=SaveState.UNCHANGED, cycle=list(exc.cycle or []))
        changes = out if isinstance(out, list) else ([out] if isinstance(out, Change) else [])
        if not changes and self.store.snapshot().same_text(before.state):
            return EditResult(label, [], SaveState.UNCHANGED, focus=focus)
        self.edits += 1
        self.undo_stack.append(before)
        # Only the newest ``history`` (``del stack[:-0]`` would delete nothing and keep every one).
        del self.undo_stack[: max(len(self.undo_stack) - self.history, 0)]
        self.redo_stack.clear()
        if self.pending is not None:
            self.pending.append((label, fn))
        self.unrecorded += changes if changes else self._diff(before.state)
        saved = self._autosave() if save or not self.autosave else SaveState.PENDING
        return EditResult(label, changes, saved, focus=focus, merged=self.merged and saved != SaveState.PENDING)

    def _autosave(self) -> SaveState:
        return self.save() if self.autosave else SaveState.OFF

    def begin_save(self, label: str = "") -> SaveJob | None:
        """The edits as they are now, as a job to write in a thread (``core.save_job``); None when
        the caller should ``save()`` instead. Take its result with ``finish_save``."""
        from readiness_tui.core.edits import save_job

        return save_job.begin(self, label)

    def finish_save(self, job: SaveJob) -> SaveState:
        from readiness_tui.core.edits import save_job

        return save_job.finish(self, job)

    def note_save(self, state: SaveState, error: str = "") -> SaveState:
        """Record what became of a save (here, or in a thread): a failure's state and message stay
        until a save writes. Returns ``state``."""
        self.last_save_error = error
        self.last_failed = state if state.failed else None
        return state

    def settle(self) -> None:
        """Wait for a save running in a thread and take its result: what comes next (another save,
        an undo, a reload) starts from the file as that save left it."""
        if self.save_job is not None:
            self.finish_save(self.save_job)

    def save(self, force: bool = False, prefer: str = "") -> SaveState:
        """Write the edits through the one write path (``writepath.write_board``)."""
        from readiness_tui.core.board.writepath import WriteRequest, write_board

        self.settle()
        if self.read_only:
            self.last_save_error = READ_ONLY_REFUSAL
            return SaveState.UNCHANGED
        req = WriteRequest(
            self.store,
            self.saved_board,
            list(self.unrecorded),
            self.pending,
            self.audit_source,
            self.actor,
            self.lock_timeout,
        )
        self.conflicts = []
        self.merged = False
        try:
            out = write_board(req, force=force, prefer=prefer)
        except FieldConflict as exc:
            self.conflicts = exc.conflicts
            return self.note_save(SaveState.CONFLICT, str(exc))
        except BoardMissing as exc:
            return self.note_save(SaveState.MISSING, str(exc))
        except (BoardLocked, BoardError, OSError) as exc:
            return self.note_save(SaveState.ERROR, str(exc))
        if out.store is not self.store:  # merged with someone else's edit: their board, our edits
            self.store = out.store
            self.undo_stack.clear()
            self.redo_stack.clear()
            self.merged = True
        if out.audit_error:
            self.audit_error = out.audit_error
        self.note_save(SaveState.SAVED)
        self.pending = []
        self.saved_board = frozen_board(self.store)
        self.unrecorded = []
        return SaveState.SAVED if out.wrote else SaveState.UNCHANGED

    def open_check(self) -> str:
        """Bring the history level with the board as it is on disk (a crash, an outside edit) before
        anything else; returns what was recorded ("" for nothing). Skipped while another writer
        holds the lock (that writer does it)."""
        from readiness_tui.core import audit
        from readiness_tui.core.board.fsutil import sha256_file
        from readiness_tui.core.board.lock import board_lock, writer_kind

        path = self.store.path
        if path is None or self.audit_source is None or self.read_only:
            return ""
        try:
            with board_lock(path, timeout=0.2, writer=writer_kind(self.audit_source)):
                # The disk as it is now, under the lock: what we loaded may be older already.
                # Hashed in chunks: a big board's file is not held whole for it.
                return audit.reconcile(path, sha256_file(path), actor=self.actor)
        except FileNotFoundError:
            return ""
        except (BoardLocked, OSError) as exc:
            self.audit_error = str(exc)
            return ""

    # ------------------------------------------------------------------ audit trail
    def _diff(self, before: StoreSnapshot) -> list[Change]:
        from readiness_tui.core import audit

        try:
            return audit.diff_boards(board_of(before), board_of(self.store.snapshot()))
        except Exception as exc:  # noqa: BLE001 - a diff that fails must not stop the edit
            self.audit_error = f"could not compute the change for the audit trail: {exc}"
            return []

    def take_audit_error(self) -> str:
        err, self.audit_error = self.audit_error, ""
        return err

    # ------------------------------------------------------------------ undo / redo
    def undo(self) -> EditResult | None:
        return self._travel(self.undo_stack, self.redo_stack, "undo")

    def redo(self) -> EditResult | None:
        return self._travel(self.redo_stack, self.undo_stack, "redo")

    def _travel(self, back: list[Snapshot], forth: list[Snapshot], verb: str) -> EditResult | None:
        """Undo or redo: put back the last snapshot of ``back``, keeping the state it replaces on
        ``forth`` so the other way can bring it back."""
        self.settle()
        if not back or self.read_only:
            return None
        self.edits += 1
        snap = back.pop()
        now = snapshot(self.store, snap.label)
        forth.append(now)
        restore(self.store, snap)
        self.pending = None
        changes = self._diff(now.state)
        self.unrecorded += changes
        return EditResult(f"{verb} {snap.label}", changes, saved=self._autosave(), history=True)

    # ------------------------------------------------------------------ conflicts
    def keep_mine(self) -> SaveState:
        """Save over what changed on disk: merged by field where the edits can be re-applied (mine win
        where both changed a field), else my whole text (after an undo, or on a deleted board)."""
        self.settle()
        if self.pending is not None and self.store.disk_state() is DiskState.CHANGED:
            return self.save(prefer="mine")
        return self.save(force=True)

    def take_theirs(self) -> SaveState:
        """Settle a field conflict their way: their value for each field both changed, my edits
        everywhere else (merged and saved as usual)."""
        return self.save(prefer="theirs")

    def reload(
        self, reapply: bool = True, fresh: BoardStore | None = None, changes: list[Change] | None = None
    ) -> ReloadResult:
        """Take the file as it is on disk; re-apply my unsaved edits on top when possible.

        Whatever cannot be re-applied is not lost: my version is written next to the board as
        ``<name>.mine.toml`` first. What changed on disk since we last read or wrote the file is
        appended to the audit trail with ``source="reload"``.

        ``fresh``: ``store.reload()`` already made by the caller (the app reads and parses the
        file in a thread, then comes here on its UI thread); None: read the file here.
        ``changes``: what changed from this store to ``fresh`` (``core.reread`` works it out from
        the changed items alone); None: the two boards are compared here.
        """
        self.settle()
        result = ReloadResult()
        had_unsaved = self.store.dirty
        mine = self.store.text() if had_unsaved else ""
        pending = self.pending
        if fresh is None:
            fresh = self.store.reload()
        if had_unsaved and (pending is None or not reapply):
            result.backup = self.backup(mine)
        # Changes against this store are changes against the saved board only when nothing is unsaved.
        result.changes = changes if changes is not None and not had_unsaved else self._outside_changes(fresh)
        old_board = self.saved_board
        self.replace_store(fresh)
        self._record_outside(old_board, fresh, result.changes)
        last = SaveState.UNCHANGED
        if had_unsaved and reapply and pending:
            # Re-applied edits are one step each on the undo stack of the fresh store.
            for label, fn in pending:
                r = self.apply(label, fn)
                (result.reapplied if r.ok else result.failed).append(label)
                if r.ok and r.saved != SaveState.UNCHANGED:
                    last = r.saved
            if result.failed and result.backup is None:
                result.backup = self.backup(mine)
        result.saved = self.save() if self.autosave and self.store.dirty else last
        return result

    def _record_outside(self, old_board: Any, fresh: BoardStore, changes: list[Change]) -> None:
        """Record what changed on disk, unless its writer did (every readiness writer records its
        own edits, with the hash of the text it wrote: a second record would count it twice)."""
        from readiness_tui.core import audit
        from readiness_tui.core.board.lock import board_lock, writer_kind

        if self.audit_source is None or fresh.path is None or fresh.stamp is None or self.read_only:
            return
        try:
            with board_lock(fresh.path, self.lock_timeout, writer_kind(self.audit_source)):
                audit.reconcile(
                    fresh.path,
                    fresh.stamp.sha256,
                    old=old_board,
                    new=fresh.board,
                    actor=self.actor,
                    source="reload",
                    changes=changes,
                )
        except Exception as exc:  # noqa: BLE001 - the reload stands; only its record is missing
            self.audit_error = f"{audit.history_path(fresh.path).name}: {exc}"

    def _outside_changes(self, fresh: BoardStore) -> list[Change]:
        from readiness_tui.core import audit

        try:
            return audit.diff_boards(self.saved_board, fresh.board)
        except Exception as exc:  # noqa: BLE001
            self.audit_error = f"could not compute the outside change for the audit trail: {exc}"
            return []

    def backup(self, text: str) -> Path | None:
        path = self.store.path
        if path is None:
            return None
        dst = path.with_name(path.stem + ".mine" + path.suffix)
        try:
            dst.write_text(text, encoding="utf-8")
        except OSError:
            return None
        return dst

    # ------------------------------------------------------------------ edits by name
    def set_fields(self, item_id: str, values: dict[str, Any], label: str | None = None) -> EditResult:
        label = label or f"{item_id}: " + ", ".join(values)
        if refusal := required_refusal(self.store, item_id, values, new=False):
            return EditResult(label, error=refusal, saved=SaveState.UNCHANGED)
        return self.apply(label, lambda s: s.set_fields(item_id, values), focus=item_id)

    def set_status(self, item_id: str, status: str, save: bool = True) -> EditResult:
        return self.apply(
            f"{item_id}: status {status}", lambda s: s.set_status(item_id, status), focus=item_id, save=save
        )

    def cycle_status(self, item_id: str, save: bool = True) -> EditResult:
        return self.set_status(item_id, next_status(self.store.item(item_id).status), save=save)

    def add_item(self, values: dict[str, Any], after: str | None = None) -> EditResult:
        item_id = str(values.get("id", ""))
        if refusal := required_refusal(self.store, item_id, values, new=True):
            return EditResult(f"add {item_id}", error=refusal, saved=SaveState.UNCHANGED)
        return self.apply(f"add {item_id}", lambda s: s.add_item(values, after=after), focus=item_id)

    def duplicate(self, item_id: str, new_id: str | None = None) -> EditResult:
        new_id = new_id or new_item_id(self.store, item_id, self.actor)
        return self.apply(f"duplicate {item_id} as {new_id}", lambda s: s.duplicate_item(item_id, new_id), focus=new_id)

    def delete(self, item_id: str, cascade: bool = False) -> EditResult:
        ids = [it.id for it in self.store.board.items]
        nxt = None
        if item_id in ids:
            k = ids.index(item_id)
            nxt = ids[k + 1] if k + 1 < len(ids) else (ids[k - 1] if k > 0 else None)
        return self.apply(f"delete {item_id}", lambda s: s.remove_item(item_id, cascade=cascade), focus=nxt)

    def add_dependency(self, item_id: str, dep_id: str) -> EditResult:
        return self.apply(f"{item_id} depends on {dep_id}", lambda s: s.add_dependency(item_id, dep_id), focus=item_id)

    def remove_dependency(self, item_id: str, dep_id: str) -> EditResult:
        return self.apply(
            f"{item_id} no longer depends on {dep_id}", lambda s: s.remove_dependency(item_id, dep_id), focus=item_id
        )

    def toggle_dependency(self, item_id: str, dep_id: str) -> EditResult:
        if dep_id in self.store.item(item_id).depends_on:
            return self.remove_dependency(item_id, dep_id)
        return self.add_dependency(item_id, dep_id)
