"""The board store: load a board file, edit it in place, save it atomically.

Reading goes through rtoml (far faster than tomlkit on a whole board).
Writing never re-serialises the document: the text is kept as segments (see ``segments``), and an
edit round-trips only the segment it touches through tomlkit, so comments, key order, blank lines
and unknown keys everywhere else stay byte for byte as they were. Saving an unchanged board writes
the same bytes it read.

This module holds ``BoardStore``: loading, the item index, undo snapshots, saving and reloading;
the pieces it is made of live beside it:
``board_text`` (the segmented text and its index), ``board_parse`` (parsing, located errors),
``hooks`` (where the caches plug in), ``toml_edit`` (tomlkit value edits, new records),
``store_items`` (item edits), ``store_records`` (edits of the other records),
``records`` (record kinds, ``Change``),
``references`` (who names an item, cycles, cascades), ``store_snapshot`` (undo snapshots),
``board_file`` (the file on disk).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from pathlib import Path
from typing import Any

from readiness_tui.core.board import hooks, matrix_step, store_items, store_records
from readiness_tui.core.board.file import DiskState, disk_state, look, read_board_bytes
from readiness_tui.core.board.fsutil import FileStamp, atomic_write, text_chunks
from readiness_tui.core.board.line_index import LineIndex
from readiness_tui.core.board.parse import file_text, parse_board_segments
from readiness_tui.core.board.references import drop_reference, find_cycle_path, references_to, swap_reference
from readiness_tui.core.board.respan import reassemble
from readiness_tui.core.board.segments import Cuts, Segment, split_segments
from readiness_tui.core.board.snapshot import StoreSnapshot as StoreSnapshot
from readiness_tui.core.board.snapshot import frozen_board as frozen_board
from readiness_tui.core.board.text import BoardText
from readiness_tui.core.model.board import Board, Item, normalize_status
from readiness_tui.core.model.problems import BoardChangedOnDisk, BoardError, BoardMissing, EditError
from readiness_tui.core.model.records import Change
from readiness_tui.core.model.text_limits import check_text_limits

_item_id = attrgetter("id")


class BoardStore:
    """A board file in memory: its model, its text as segments, and what it looked like on disk."""

    def __init__(
        self,
        path: Path | None,
        text: str,
        board: Board,
        stamp: FileStamp | None,
        segments: list[Segment] | Cuts | None = None,
        saved_segments: list[Segment] | None = None,
    ):
        # ``saved_segments``: what is on disk when it is not ``segments`` (a copy made to be
        # written elsewhere, ``save_job``); ``text`` is then unused.
        self.path = path
        self.board = board
        hooks.current().keep(board)
        self.stamp = stamp
        self.source_name = "<board>"  # what messages call a board read from text (``from_text``)
        self._text = BoardText(text, segments, saved_segments)
        self._item_index: dict[str, int] = {}
        #: The last snapshot taken: the next one shares its unchanged stretches.
        self._last_snapshot: StoreSnapshot | None = None
        self._reindex()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path | str) -> BoardStore:
        path = Path(path)
        loader = hooks.current()  # the caches' when the entry point turned them on, else plain
        handed = loader.read(path)
        data, sha = handed if handed is not None else (read_board_bytes(path), None)
        text, stamp = file_text(path, data, sha)
        del data, handed  # not held through the parse
        loader.note("board", (str(path.resolve()),), stamp.sha256)  # what an answer was computed from
        cached = loader.model(path, stamp, text)
        if cached is not None:
            return cls(path, text, cached[0], stamp, cached[1])
        board, segments = parse_board_segments(text, str(path))
        store = cls(path, text, board, stamp, segments)
        # What the store holds (its segments' texts, once split): the entry waiting to be written
        # keeps no second copy, and the whole text can go once this returns.
        loader.parsed(path, stamp, store._text.saved_parts(), board)
        return store

    @classmethod
    def from_text(cls, text: str, name: str = "<board>") -> BoardStore:
        board, segments = parse_board_segments(text, name)
        store = cls(None, text, board, None, segments)
        store.source_name = name
        return store

    @property
    def name(self) -> str:
        return str(self.path) if self.path else self.source_name

    def text(self) -> str:
        return self._text.text()

    def text_parts(self) -> list[str]:
        """The text as the pieces it is held in, in order (joined, they are ``text()``)."""
        return self._text.parts()

    @property
    def dirty(self) -> bool:
        """Whether the text differs from what was last read or written."""
        return self._text.dirty

    # ------------------------------------------------------------------ indexes
    @property
    def editable_reason(self) -> str:
        """Why this board cannot be edited through the store ("" when it can)."""
        reason = ""
        for kind, idxs in self._text.arrays.items():
            if len(idxs) != len(getattr(self.board, kind)):
                reason = f"{kind} are not all written as [[{kind}]] tables; edit the file by hand"
        return reason

    def _reindex(self) -> None:
        self._text.invalidate()
        # An id's first item: filled from the last item back, so an earlier duplicate overwrites a
        # later one; built by ``dict`` over ``zip`` (every load makes it, and a Python loop costs
        # more; most of either is reading each item's id from memory).
        items = self.board.items
        ids = list(map(_item_id, items))
        ids.reverse()
        self._item_index = dict(zip(ids, range(len(items) - 1, -1, -1)))

    def _check_editable(self, values: Mapping[str, Any] | None = None, where: str = "") -> None:
        if self.editable_reason:
            raise EditError(f"{self.name}: {self.editable_reason}", self.path)
        if values:  # every writer's text passes here: one limit for app, CLI and MCP
            check_text_limits(values, self.path, f"{self.name}: {where}")

    def has_item(self, item_id: str) -> bool:
        return item_id in self._item_index

    def item_position(self, item_id: str) -> int | None:
        """Where ``item_id``'s first record is among the board's items (None: no such item)."""
        return self._item_index.get(item_id)

    def snapshot(self) -> StoreSnapshot:
        """A cheap copy of the store's state for undo: segments and rows are replaced, never
        mutated, and what did not change since the previous snapshot is shared with it."""
        snap = StoreSnapshot.of(self, self._last_snapshot)
        self._last_snapshot = snap
        return snap

    def segments_now(self) -> list[Segment]:
        """The segments as they are now (the store's own list: read it, never change it)."""
        return self._text.segments

    def restore(self, snap: StoreSnapshot) -> None:
        """Put the store back to a snapshot (the file on disk is untouched until the next save)."""
        self._text.restore(snap.segments)
        for kind, rows in snap.records.items():
            setattr(self.board, kind, rows)
        self.board.board = snap.meta
        self.board.matrix = snap.matrix
        self._reindex()
        self._last_snapshot = snap

    def item(self, item_id: str) -> Item:
        k = self._item_index.get(item_id)
        if k is None:
            raise EditError(f"no item {item_id!r} in {self.name}", self.path)
        return self.board.items[k]

    def line_index(self) -> LineIndex:
        """File lines of records and keys for the text as it is now (a snapshot: take a new one after an edit)."""
        return self._text.line_index()

    # ------------------------------------------------------------------ item edits (see ``store_items``)
    def set_fields(self, item_id: str, values: Mapping[str, Any]) -> list[Change]:
        """Set fields of one item (``gate.verify`` reaches into sub-tables; ``None`` removes a key)."""
        self._check_editable()
        k = self._item_index.get(item_id)
        if k is None:
            raise EditError(f"no item {item_id!r} in {self.name}", self.path)
        self._check_editable(values, f"{item_id}.")
        values = dict(values)
        if "id" in values and values["id"] != item_id:
            raise EditError("an item's id is changed with rename, which also updates references", self.path)
        values.pop("id", None)
        if "depends_on" in values:
            self._check_no_cycle(item_id, list(values["depends_on"] or []))
        return store_items.set_item_fields(self.board, self._text, k, values, self.path, self.name)

    def set_field(self, item_id: str, field: str, value: Any) -> list[Change]:
        return self.set_fields(item_id, {field: value})

    def set_status(self, item_id: str, status: str) -> list[Change]:
        return self.set_fields(item_id, {"status": normalize_status(status, self.board.board.status_aliases)})

    # dependencies -------------------------------------------------------------
    def add_dependency(self, item_id: str, dep_id: str) -> list[Change]:
        item = self.item(item_id)
        if dep_id not in self._item_index:
            raise EditError(f"no item {dep_id!r} to depend on", self.path)
        if dep_id in item.depends_on:
            return []
        return self.set_dependencies(item_id, [*item.depends_on, dep_id])

    def remove_dependency(self, item_id: str, dep_id: str) -> list[Change]:
        item = self.item(item_id)
        if dep_id not in item.depends_on:
            return []
        return self.set_dependencies(item_id, [d for d in item.depends_on if d != dep_id])

    def set_dependencies(self, item_id: str, deps: list[str]) -> list[Change]:
        """Make ``deps`` the item's whole ``depends_on`` (a cycle is refused)."""
        self._check_editable()
        self._check_no_cycle(item_id, deps)
        k = self._item_index[item_id]
        return store_items.set_item_dependencies(self.board, self._text, k, deps, self.path, self.name)

    def find_cycle_path(self, item_id: str, deps: Iterable[str]) -> list[str] | None:
        """The cycle ``item_id`` would close if it depended on ``deps``: [item, dep, ..., item]."""
        return find_cycle_path(self.board, item_id, deps)

    def _check_no_cycle(self, item_id: str, deps: list[str]) -> None:
        cycle = self.find_cycle_path(item_id, deps)
        if cycle:
            raise EditError(
                f"{item_id} cannot depend on {cycle[1]}: that would close the cycle {' -> '.join(cycle)}",
                self.path,
                cycle=cycle,
            )

    # items --------------------------------------------------------------------
    def add_item(self, values: Mapping[str, Any], after: str | None = None) -> Change:
        """Append a new item (after ``after`` when given, else after the last item)."""
        self._check_editable(values)
        change = store_items.add_item(self.board, self._text, self._item_index, values, after, self.path)
        self._reindex()
        return change

    def duplicate_item(self, item_id: str, new_id: str) -> Change:
        src = self.item(item_id)
        values = src.model_dump(mode="json", exclude_defaults=True)
        values["id"] = new_id
        values["status"] = "todo"
        return self.add_item(values, after=item_id)

    def remove_item(self, item_id: str, cascade: bool = False) -> list[Change]:
        """Remove an item. References to it are refused unless ``cascade``, which drops them too."""
        self._check_editable()
        item = self.item(item_id)
        refs = self.references_to(item_id)
        if refs and not cascade:
            where = ", ".join(f"{kind} {key}" for kind, key, _ in refs[:6])
            more = f" and {len(refs) - 6} more" if len(refs) > 6 else ""
            raise EditError(f"{item_id} is referenced by {where}{more}; remove those first or cascade", self.path)
        changes: list[Change] = []
        if cascade:
            for kind, key, field in refs:
                changes += drop_reference(self, kind, key, field, item_id)
        k = self._item_index[item_id]
        self._text.delete(self._text.arrays["items"][k])
        del self.board.items[k]
        self._reindex()
        changes.append(Change(item_id, "*", item.model_dump(mode="json", exclude_defaults=True), None))
        return changes

    def rename_item(self, old_id: str, new_id: str) -> list[Change]:
        """Change an item's id and every reference to it."""
        self._check_editable()
        if new_id in self._item_index:
            raise EditError(f"an item {new_id!r} already exists", self.path)
        self.item(old_id)
        refs = self.references_to(old_id)
        k = self._item_index[old_id]
        store_items.edit_item(self.board, self._text, k, lambda t: t.__setitem__("id", new_id), self.path, self.name)
        self._reindex()
        changes = [Change(new_id, "id", old_id, new_id)]
        for kind, key, field in refs:
            changes += swap_reference(self, kind, key, field, old_id, new_id)
        return changes

    def references_to(self, item_id: str) -> list[tuple[str, str, str]]:
        """(kind, record key, field) of every record that names ``item_id``."""
        return references_to(self.board, item_id)

    # other records (the edits themselves live in ``store_records``) ----------------
    def add_record(self, kind: str, values: Mapping[str, Any]) -> Change:
        """Append a risk, phase, milestone, waiver, deliverable, progress note or section."""
        self._check_editable(values, f"{kind}.")
        if kind == "items":
            return self.add_item(values)
        change = store_records.add_record(self.board, self._text, kind, values, self.path)
        self._reindex()
        return change

    def add_waiver(self, item_id: str, reason: str, approved_by: str, expires: dt.date) -> Change:
        self.item(item_id)
        return self.add_record(
            "waivers", {"item": item_id, "reason": reason, "approved_by": approved_by, "expires": expires}
        )

    def set_record_fields(self, kind: str, index: int, values: Mapping[str, Any]) -> list[Change]:
        self._check_editable(values, f"{kind}.")
        return store_records.set_record_fields(self.board, self._text, kind, index, values, self.path, self.name)

    def remove_record(self, kind: str, index: int) -> Change:
        self._check_editable()
        change = store_records.remove_record(self.board, self._text, kind, index, self.path)
        self._reindex()
        return change

    def set_board_fields(self, values: Mapping[str, Any]) -> list[Change]:
        """Edit the ``[board]`` table (``scoring.max``, ``today`` ...)."""
        changes = store_records.set_board_fields(self.board, self._text, values, self.path, self.name)
        self._reindex()
        return changes

    def set_matrix(self, order: list[str], rows: list[str]) -> None:
        store_records.set_matrix(self.board, self._text, order, rows)
        self._reindex()

    def matrix_before(self) -> matrix_step.MatrixBefore | None:
        return matrix_step.matrix_before(self.board)

    def keep_matrix(self, before: matrix_step.MatrixBefore | None, changes: list[Change]) -> list[Change]:
        """Bring the recorded matrix in step with the edit made since ``before`` (see
        ``matrix_step.matrix_after_edit``); the changes that made."""
        out = matrix_step.matrix_after_edit(self.board, self._text, before, changes, self.name)
        if out:
            self._reindex()
        return out

    # ------------------------------------------------------------------ saving
    def disk_state(self, strict: bool = False) -> DiskState:
        """Whether the file is as we loaded or last wrote it, changed by someone else, or gone
        (``strict``: by its contents, not only its size and time)."""
        return disk_state(self.path, self.stamp, strict)

    def look(self) -> tuple[DiskState, bytes | None, str | None]:
        """``disk_state()`` with the bytes (and their hash) it read, if it read them (``board_file.look``)."""
        return look(self.path, self.stamp)

    def save(self, path: Path | None = None, force: bool = False) -> bool:
        """Write the board if it changed. Refuses when the file changed on disk since we read it.

        Returns whether anything was written. ``force`` writes over a changed or deleted file.
        This is the bare write, with no lock and no history: editors save through
        ``writepath.write_board``; ``save`` is for a new file (``import -o``) or a copy.
        """
        target = Path(path) if path else self.path
        if target is None:
            raise BoardError("this board has no file yet; give a path to save it")
        if path is None and not force:
            state = self.disk_state()
            if state is DiskState.CHANGED:
                raise BoardChangedOnDisk(
                    f"{target} changed on disk since it was loaded; reload it or keep your version explicitly",
                    target,
                )
            if state is DiskState.MISSING:
                raise BoardMissing(f"{target} was deleted or moved since it was loaded", target)
            if not self.dirty:
                return False
        self.path = target
        self.write(self.text())
        return True

    def write(
        self, text: str | list[str], sha256: str | None = None, before_rename: Callable[[str], None] | None = None
    ) -> None:
        """Replace the file with ``text`` (this store's text, whole or as ``text_parts``)
        atomically and take it as saved. ``sha256``: the hash of its UTF-8 bytes, when the caller
        has it already (else it is found as the text is written). ``before_rename``: called with
        that hash once the text is on disk, before it replaces the file (``fsutil.atomic_write``).
        """
        if self.path is None:
            raise BoardError("this board has no file yet; give a path to save it")
        # Every edit validated the segment it produced, so the joined text needs no re-parse (that
        # would cost a full parse); the property tests hold this to account.
        parts = [text] if isinstance(text, str) else text
        written: list[str] = []

        def hashed(sha: str) -> None:
            written.append(sha)
            if before_rename is not None:
                before_rename(sha256 or sha)

        # Encoded and written a piece at a time: no second and third copy of the board (as one string,
        # as bytes) while it is written.
        atomic_write(self.path, (chunk.encode("utf-8") for chunk in text_chunks(parts)), before_rename=hashed)
        self._text.mark_saved(parts)
        self.stamp = FileStamp.of_file(self.path, sha256 or written[0])
        # The segments' texts, not ``text``: the entry waits to be written until the command ends
        # (the app: until it quits), and would hold a second copy of the board's text all along.
        hooks.current().parsed(self.path, self.stamp, self._text.saved_parts(), self.board)

    def take_written(self, written: BoardStore, segments: list[Segment]) -> None:
        """``written`` (a copy of this store as of ``segments``) was just written to our file in
        another thread: take its text and stamp as what is on disk (edits since stay unsaved)."""
        self._text.mark_saved_as(segments)
        self.stamp = written.stamp

    @property
    def saved_text(self) -> str:
        """The text as it was last read or written."""
        return self._text.saved_text

    def saved_segments(self) -> list[Segment]:
        """``saved_text`` as segments, without joining them."""
        return self._text.saved_segments()

    def reload(self) -> BoardStore:
        """A fresh store for what is on disk now, re-parsing only the items whose text changed.

        Unchanged items are reused, each changed one is parsed on its own, and the small rest
        (the ``[board]`` table, risks, phases ...) is parsed and validated again: an outside edit
        of a 10,000-item board reloads in a fraction of a full parse. Anything doubtful (an
        invalid edit, changed status aliases) falls back to a full load, which also gives the
        located error messages.
        """
        if self.path is None:
            raise BoardError("this board has no file to reload from")
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            raise BoardMissing(f"{self.path}: no such board file", self.path) from None
        text, stamp = file_text(self.path, data)
        del data  # not held through the parse
        if not self.editable_reason:
            new_segs = split_segments(text)
            fresh = reassemble(self._text.segments, self.board, new_segs)
            if fresh is not None:
                return BoardStore(self.path, text, fresh, stamp, new_segs)
        board, segments = parse_board_segments(text, str(self.path))
        return BoardStore(self.path, text, board, stamp, segments)
