"""The board store: load a board file, edit it in place, save it atomically.

Reading goes through rtoml (a whole 10,000-item board in ~0.2 s, where tomlkit needs ~10 s).
Writing never re-serialises the document: the text is kept as segments (see ``segments``), and an
edit round-trips only the segment it touches through tomlkit, so comments, key order, blank lines
and unknown keys everywhere else stay byte for byte as they were. Saving an unchanged board writes
the same bytes it read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import SimpleNamespace
from pathlib import Path
from typing import Any

import rtoml
from pydantic import BaseModel, ValidationError

from .fsutil import FileStamp, atomic_write, sha256_bytes
from .model import (
    Board,
    BoardMeta,
    Deliverable,
    Item,
    Matrix,
    MergeConflict,
    Milestone,
    Phase,
    Progress,
    Risk,
    Section,
    Waiver,
    normalize_status,
)
from .problems import (
    BoardChangedOnDisk,
    BoardError,
    BoardMissing,
    BoardSyntaxError,
    BoardValidationError,
    EditError,
    Problem,
)
from .segments import Segment, find_key_line, split_segments

#: Arrays of tables the store knows, with the model of one row.
RECORD_MODELS: dict[str, type[BaseModel]] = {
    "items": Item,
    "risks": Risk,
    "phases": Phase,
    "milestones": Milestone,
    "waivers": Waiver,
    "deliverables": Deliverable,
    "progress": Progress,
    "sections": Section,
    "conflicts": MergeConflict,
}
#: The key that identifies a row of each array, where it has one.
RECORD_KEYS: dict[str, str] = {"items": "id", "risks": "id", "phases": "id", "milestones": "id"}
#: Where new keys go when an item is written from scratch: the order a person would read them in.
ITEM_KEY_ORDER = (
    "id", "title", "kind", "parent", "status", "priority", "score", "score_factors", "owner", "role",
    "contributors", "workstream", "estimate_days", "target", "phase", "milestone", "depends_on",
    "soft_depends_on", "dependency_note", "description", "inputs", "outputs", "deliverables",
    "acceptance", "source_refs", "links", "tags", "notes", "custom", "gate",
)

_RTOML_POS = re.compile(r"at line (\d+) column (\d+)")


@dataclass(frozen=True)
class Change:
    """One field of one record changed: what the audit trail records."""

    item: str
    field: str
    old: Any
    new: Any
    kind: str = "items"


def _keep_trailing_blank_lines(old: str, new: str) -> str:
    """tomlkit appends a new sub-table after the blank lines that separated this table from the
    next one; move that separation back to the end so the next table keeps its blank line."""
    old_tail = len(old) - len(old.rstrip("\n"))
    new_tail = len(new) - len(new.rstrip("\n"))
    if new_tail < old_tail:
        return new.rstrip("\n") + "\n" * old_tail
    return new


def _plain(value: Any) -> Any:
    """tomlkit values to plain Python (for comparisons and change records)."""
    if hasattr(value, "unwrap"):
        return value.unwrap()
    return value


def _toml_value(value: Any) -> Any:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class DiskState(StrEnum):
    """The board file compared with what a store last read or wrote."""

    SAME = "same"
    CHANGED = "changed"
    MISSING = "missing"


def frozen_board(store: "BoardStore") -> Any:
    """A view of a store's records as they are now, for ``audit.diff_boards`` to compare with later
    (the store replaces the rows it edits, so copying the row lists is enough, at any size)."""
    board = store.board
    return SimpleNamespace(**{k: list(getattr(board, k)) for k in RECORD_MODELS}, board=board.board,
                           matrix=board.matrix)


class LineIndex:
    """Where records and keys sit in a store's text: line starts counted once, looked up by kind."""

    def __init__(self, segments: list[Segment], arrays: Mapping[str, list[int]], tables: Mapping[str, int]):
        self._segments = segments
        self._arrays = arrays
        self._tables = tables
        self._starts: list[int] = []
        line = 1
        for seg in segments:
            self._starts.append(line)
            line += seg.text.count("\n")

    def _line(self, seg_i: int, key: str | None) -> int:
        seg = self._segments[seg_i]
        base = self._starts[seg_i]
        if key:
            found = find_key_line(seg.text, key, base)
            if found:
                return found
        return base + (seg.header_line - seg.start_line)

    def record(self, kind: str, index: int, key: str | None = None) -> int | None:
        """The line of ``key`` in row ``index`` of ``[[kind]]`` (its header line without the key)."""
        idxs = self._arrays.get(kind, [])
        if index >= len(idxs):
            return None
        return self._line(idxs[index], key)

    def table(self, kind: str, key: str | None = None) -> int | None:
        """The line of ``key`` in the ``[kind]`` table (its header line without the key)."""
        seg_i = self._tables.get(kind)
        if seg_i is None:
            return None
        return self._line(seg_i, key)


@dataclass(frozen=True)
class StoreSnapshot:
    segments: list[Segment]
    records: dict[str, list]
    meta: BoardMeta
    matrix: Matrix | None


class BoardStore:
    """A board file in memory: its model, its text as segments, and what it looked like on disk."""

    def __init__(
        self, path: Path | None, text: str, board: Board, stamp: FileStamp | None,
        segments: list[Segment] | None = None,
    ):
        self.path = path
        self.board = board
        self._saved_text = text
        self.stamp = stamp
        # The segments the parse produced; split lazily when the board came another way.
        self._segs: list[Segment] | None = segments
        self._saved_segs: list[Segment] | None = list(segments) if segments is not None else None
        self._indexes: tuple[dict[str, list[int]], dict[str, int], str] | None = None
        self._item_index: dict[str, int] = {}
        self._reindex()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: Path | str) -> "BoardStore":
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise BoardMissing(f"{path}: no such board file", path) from None
        except OSError as exc:
            raise BoardError(f"{path}: cannot read: {exc.strerror}", path) from None
        text = _decode(data, path)
        board, segments = parse_board_segments(text, str(path))
        return cls(path, text, board, FileStamp.of_bytes(path, data), segments)

    @classmethod
    def from_text(cls, text: str, name: str = "<board>") -> "BoardStore":
        board, segments = parse_board_segments(text, name)
        return cls(None, text, board, None, segments)

    @property
    def name(self) -> str:
        return str(self.path) if self.path else "<board>"

    def text(self) -> str:
        if self._segs is None:
            return self._saved_text
        return "".join(s.text for s in self._segs)

    @property
    def dirty(self) -> bool:
        """Whether the text differs from what was last read or written."""
        segs = self._segs
        if segs is None:
            return False
        saved = self._saved_segs
        # Segments are replaced, never mutated: the same objects mean the same text, without
        # joining 10,000 segments on every keystroke.
        if saved is not None and len(segs) == len(saved) and all(a is b for a, b in zip(segs, saved)):
            return False
        return self.text() != self._saved_text

    # ------------------------------------------------------------------ indexes
    @property
    def _segments(self) -> list[Segment]:
        if self._segs is None:
            self._segs = split_segments(self._saved_text)
            self._saved_segs = list(self._segs)
        return self._segs

    @property
    def _arrays(self) -> dict[str, list[int]]:
        return self._index()[0]

    @property
    def _tables(self) -> dict[str, int]:
        return self._index()[1]

    @property
    def editable_reason(self) -> str:
        """Why this board cannot be edited through the store ("" when it can)."""
        return self._index()[2]

    def _index(self) -> tuple[dict[str, list[int]], dict[str, int], str]:
        if self._indexes is None:
            arrays, tables = _segment_index(self._segments)
            reason = ""
            for kind, idxs in arrays.items():
                if len(idxs) != len(getattr(self.board, kind)):
                    reason = f"{kind} are not all written as [[{kind}]] tables; edit the file by hand"
            self._indexes = (arrays, tables, reason)
        return self._indexes

    def _reindex(self) -> None:
        self._indexes = None
        self._item_index = {}
        for k, it in enumerate(self.board.items):
            self._item_index.setdefault(it.id, k)

    def _check_editable(self) -> None:
        if self.editable_reason:
            raise EditError(f"{self.name}: {self.editable_reason}", self.path)

    def has_item(self, item_id: str) -> bool:
        return item_id in self._item_index

    def snapshot(self) -> "StoreSnapshot":
        """A cheap copy of the store's state for undo: segments and rows are replaced, never mutated."""
        board = self.board
        return StoreSnapshot(
            list(self._segments),
            {k: list(getattr(board, k)) for k in RECORD_MODELS},
            board.board,
            board.matrix,
        )

    def restore(self, snap: "StoreSnapshot") -> None:
        """Put the store back to a snapshot (the file on disk is untouched until the next save)."""
        self._segs = list(snap.segments)
        for kind, rows in snap.records.items():
            setattr(self.board, kind, list(rows))
        self.board.board = snap.meta
        self.board.matrix = snap.matrix
        self._reindex()

    def item(self, item_id: str) -> Item:
        k = self._item_index.get(item_id)
        if k is None:
            raise EditError(f"no item {item_id!r} in {self.name}", self.path)
        return self.board.items[k]

    def line_index(self) -> "LineIndex":
        """File lines of records and keys for the text as it is now (a snapshot: take a new one after an edit)."""
        arrays, tables, _ = self._index()
        return LineIndex(self._segments, arrays, tables)

    # ------------------------------------------------------------------ segment edits
    def _edit_segment(self, seg_index: int, kind: str, mutate) -> dict:  # type: ignore[no-untyped-def]
        """Parse one segment with tomlkit, let ``mutate`` change its table, validate, keep the text."""
        import tomlkit

        seg = self._segments[seg_index]
        doc = tomlkit.parse(seg.text)
        table = doc[kind][0] if seg.is_array else doc[kind]
        mutate(table)
        new_text = _keep_trailing_blank_lines(seg.text, tomlkit.dumps(doc))
        parsed = _parse_fragment(new_text, self.name)
        self._segments[seg_index] = Segment(seg.kind, new_text, seg.start_line, seg.header_line, seg.is_array)
        return parsed[kind][0] if seg.is_array else parsed[kind]

    def _replace_item(self, k: int, raw: dict) -> Item:
        try:
            item = Item.model_validate(_fold_aliases(raw, self.board))
        except ValidationError as exc:
            raise EditError(_validation_message(exc, raw.get("id", "?")), self.path) from None
        self.board.items[k] = item
        return item

    def set_fields(self, item_id: str, values: Mapping[str, Any]) -> list[Change]:
        """Set fields of one item (``gate.verify`` reaches into sub-tables; ``None`` removes a key)."""
        self._check_editable()
        k = self._item_index.get(item_id)
        if k is None:
            raise EditError(f"no item {item_id!r} in {self.name}", self.path)
        old = self.board.items[k]
        values = dict(values)
        if "id" in values and values["id"] != item_id:
            raise EditError("an item's id is changed with rename, which also updates references", self.path)
        values.pop("id", None)
        if "depends_on" in values:
            self._check_no_cycle(item_id, list(values["depends_on"] or []))
        before = old.model_dump(mode="json")
        seg_index = self._arrays["items"][k]
        snapshot = self._segments[seg_index]

        raw = self._edit_segment(seg_index, "items", _setter(values))
        try:
            new = self._replace_item(k, raw)
        except EditError:
            self._segments[seg_index] = snapshot
            raise
        after = new.model_dump(mode="json")
        return _changes(item_id, values, before, after, "items")

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
        return self._set_deps(item_id, [*item.depends_on, dep_id])

    def remove_dependency(self, item_id: str, dep_id: str) -> list[Change]:
        item = self.item(item_id)
        if dep_id not in item.depends_on:
            return []
        return self._set_deps(item_id, [d for d in item.depends_on if d != dep_id])

    def _set_deps(self, item_id: str, deps: list[str]) -> list[Change]:
        # Edit the existing array in place so comments inside it survive.
        self._check_editable()
        self._check_no_cycle(item_id, deps)
        k = self._item_index[item_id]
        old = list(self.board.items[k].depends_on)
        seg_index = self._arrays["items"][k]

        def mutate(table: Any) -> None:
            if "depends_on" not in table:
                table["depends_on"] = deps
                return
            arr = table["depends_on"]
            if not isinstance(arr, list):
                table["depends_on"] = deps
                return
            for i in range(len(arr) - 1, -1, -1):
                if str(arr[i]) not in deps:
                    del arr[i]
            present = {str(x) for x in arr}
            for d in deps:
                if d not in present:
                    arr.append(d)

        raw = self._edit_segment(seg_index, "items", mutate)
        self._replace_item(k, raw)
        return [Change(item_id, "depends_on", old, deps)]

    def find_cycle_path(self, item_id: str, deps: Iterable[str]) -> list[str] | None:
        """The cycle ``item_id`` would close if it depended on ``deps``: [item, dep, ..., item]."""
        items = self.board.item_map()
        for start in deps:
            if start == item_id:
                return [item_id, item_id]
            # Depth-first search along depends_on from the new dependency back to item_id.
            stack: list[tuple[str, list[str]]] = [(start, [item_id, start])]
            seen = {start}
            while stack:
                node, path = stack.pop()
                it = items.get(node)
                if it is None:
                    continue
                for d in it.depends_on:
                    if d == item_id:
                        return [*path, item_id]
                    if d not in seen:
                        seen.add(d)
                        stack.append((d, [*path, d]))
        return None

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
        self._check_editable()
        values = {k: v for k, v in values.items() if v is not None and v != [] and v != ""}
        item_id = str(values.get("id", "")).strip()
        if not item_id:
            raise EditError("a new item needs an id", self.path)
        if item_id in self._item_index:
            raise EditError(f"an item {item_id!r} already exists", self.path)
        for dep in values.get("depends_on", []):
            if dep not in self._item_index:
                raise EditError(f"no item {dep!r} to depend on", self.path)
        try:
            item = Item.model_validate(_fold_aliases(dict(values), self.board))
        except ValidationError as exc:
            raise EditError(_validation_message(exc, item_id), self.path) from None
        text = render_record("items", values)
        if after is not None:
            if after not in self._item_index:
                raise EditError(f"no item {after!r}", self.path)
            k = self._item_index[after] + 1
        else:
            k = len(self.board.items)
        self._insert_array_segment("items", k, text)
        self.board.items.insert(k, item)
        self._reindex()
        return Change(item_id, "*", None, item.model_dump(mode="json", exclude_defaults=True))

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
                changes += self._drop_reference(kind, key, field, item_id)
        k = self._item_index[item_id]
        del self._segments[self._arrays["items"][k]]
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
        raw = self._edit_segment(self._arrays["items"][k], "items", lambda t: t.__setitem__("id", new_id))
        self._replace_item(k, raw)
        self._reindex()
        changes = [Change(new_id, "id", old_id, new_id)]
        for kind, key, field in refs:
            changes += self._swap_reference(kind, key, field, old_id, new_id)
        return changes

    def references_to(self, item_id: str) -> list[tuple[str, str, str]]:
        """(kind, record key, field) of every record that names ``item_id``."""
        refs: list[tuple[str, str, str]] = []
        for it in self.board.items:
            for field in ("depends_on", "soft_depends_on"):
                if item_id in getattr(it, field):
                    refs.append(("items", it.id, field))
            if it.parent == item_id:
                refs.append(("items", it.id, "parent"))
        for n, r in enumerate(self.board.risks):
            if item_id in r.mitigated_by:
                refs.append(("risks", str(n), "mitigated_by"))
        for n, p in enumerate(self.board.phases):
            if item_id in p.items:
                refs.append(("phases", str(n), "items"))
        for n, m in enumerate(self.board.milestones):
            if item_id in m.items:
                refs.append(("milestones", str(n), "items"))
        for n, w in enumerate(self.board.waivers):
            if w.item == item_id:
                refs.append(("waivers", str(n), "item"))
        for n, d in enumerate(self.board.deliverables):
            if d.item == item_id:
                refs.append(("deliverables", str(n), "item"))
        return refs

    def _reference_edit(self, kind: str, key: str, field: str, fn) -> list[Change]:  # type: ignore[no-untyped-def]
        if kind == "items":
            cur = getattr(self.item(key), field)
            new = fn(cur)
            if field == "depends_on":
                return self._set_deps(key, new)
            return self.set_fields(key, {field: new})
        index = int(key)
        cur = getattr(getattr(self.board, kind)[index], field)
        new = fn(cur)
        return self.set_record_fields(kind, index, {field: new})

    def _drop_reference(self, kind: str, key: str, field: str, item_id: str) -> list[Change]:
        return self._reference_edit(
            kind, key, field, lambda cur: [x for x in cur if x != item_id] if isinstance(cur, list) else None
        )

    def _swap_reference(self, kind: str, key: str, field: str, old: str, new: str) -> list[Change]:
        return self._reference_edit(
            kind, key, field, lambda cur: [new if x == old else x for x in cur] if isinstance(cur, list) else new
        )

    # other records ------------------------------------------------------------
    def add_record(self, kind: str, values: Mapping[str, Any]) -> Change:
        """Append a risk, phase, milestone, waiver, deliverable, progress note or section."""
        self._check_editable()
        if kind == "items":
            return self.add_item(values)
        model = RECORD_MODELS.get(kind)
        if model is None:
            raise EditError(f"unknown record kind {kind!r}", self.path)
        values = {k: v for k, v in values.items() if v is not None}
        try:
            record = model.model_validate(dict(values))
        except ValidationError as exc:
            raise EditError(_validation_message(exc, kind), self.path) from None
        rows = getattr(self.board, kind)
        self._insert_array_segment(kind, len(rows), render_record(kind, values))
        rows.append(record)
        self._reindex()
        key = str(values.get(RECORD_KEYS.get(kind, ""), len(rows) - 1))
        return Change(key, "*", None, record.model_dump(mode="json", exclude_defaults=True), kind=kind)

    def add_waiver(self, item_id: str, reason: str, approved_by: str, expires: dt.date) -> Change:
        self.item(item_id)
        return self.add_record(
            "waivers", {"item": item_id, "reason": reason, "approved_by": approved_by, "expires": expires}
        )

    def set_record_fields(self, kind: str, index: int, values: Mapping[str, Any]) -> list[Change]:
        self._check_editable()
        model = RECORD_MODELS[kind]
        rows = getattr(self.board, kind)
        if not 0 <= index < len(rows):
            raise EditError(f"no {kind} row {index}", self.path)
        before = rows[index].model_dump(mode="json")
        seg_index = self._arrays[kind][index]
        snapshot = self._segments[seg_index]
        raw = self._edit_segment(seg_index, kind, _setter(values))
        try:
            rows[index] = model.model_validate(raw)
        except ValidationError as exc:
            self._segments[seg_index] = snapshot
            raise EditError(_validation_message(exc, kind), self.path) from None
        after = rows[index].model_dump(mode="json")
        key = str(before.get(RECORD_KEYS.get(kind, ""), index))
        return _changes(key, values, before, after, kind)

    def remove_record(self, kind: str, index: int) -> Change:
        self._check_editable()
        rows = getattr(self.board, kind)
        if kind == "items" or not 0 <= index < len(rows):
            raise EditError(f"no {kind} row {index}", self.path)
        old = rows[index].model_dump(mode="json", exclude_defaults=True)
        del self._segments[self._arrays[kind][index]]
        del rows[index]
        self._reindex()
        return Change(str(old.get(RECORD_KEYS.get(kind, ""), index)), "*", old, None, kind=kind)

    def set_board_fields(self, values: Mapping[str, Any]) -> list[Change]:
        """Edit the ``[board]`` table (``scoring.max``, ``today`` ...)."""
        before = self.board.board.model_dump(mode="json")
        if "board" not in self._tables:
            self._segments.insert(self._first_table_index(), Segment("board", "[board]\n\n", 1, 1, False))
            self._reindex()
        seg_index = self._tables["board"]
        snapshot = self._segments[seg_index]
        raw = self._edit_segment(seg_index, "board", _setter(values))
        try:
            self.board.board = BoardMeta.model_validate(raw)
        except ValidationError as exc:
            self._segments[seg_index] = snapshot
            raise EditError(_validation_message(exc, "board"), self.path) from None
        after = self.board.board.model_dump(mode="json")
        return _changes("board", values, before, after, "board")

    def set_matrix(self, order: list[str], rows: list[str]) -> None:
        import tomlkit

        matrix = Matrix(order=order, rows=rows)
        doc = tomlkit.document()
        tbl = tomlkit.table()
        tbl["order"] = order
        arr = tomlkit.array()
        arr.multiline(True)
        arr.extend(rows)
        tbl["rows"] = arr
        doc["matrix"] = tbl
        text = tomlkit.dumps(doc)
        if "matrix" in self._tables:
            old = self._segments[self._tables["matrix"]]
            self._segments[self._tables["matrix"]] = Segment("matrix", text + "\n", old.start_line, old.header_line, False)
        else:
            self._append_segment(Segment("matrix", text, 1, 1, False))
        self.board.matrix = matrix
        self._reindex()

    # ------------------------------------------------------------------ segment placement
    def _first_table_index(self) -> int:
        return 1 if self._segments and self._segments[0].kind == "" else 0

    def _append_segment(self, seg: Segment) -> None:
        if self._segments and not self._segments[-1].text.endswith("\n\n"):
            last = self._segments[-1]
            sep = "\n" if last.text.endswith("\n") else "\n\n"
            self._segments[-1] = Segment(last.kind, last.text + sep, last.start_line, last.header_line, last.is_array)
        self._segments.append(seg)

    def _insert_array_segment(self, kind: str, k: int, text: str) -> None:
        idxs = self._arrays[kind]
        seg = Segment(kind, text, 1, 1, True)
        if not idxs:
            self._append_segment(seg)
            return
        if k >= len(idxs):
            pos = idxs[-1] + 1
            prev = self._segments[idxs[-1]]
            if not prev.text.endswith("\n\n"):
                sep = "\n" if prev.text.endswith("\n") else "\n\n"
                self._segments[idxs[-1]] = Segment(prev.kind, prev.text + sep, prev.start_line, prev.header_line, True)
            if not text.endswith("\n\n") and pos < len(self._segments):
                seg = Segment(kind, text + "\n", 1, 1, True)
        else:
            pos = idxs[k]
            if not text.endswith("\n\n"):
                seg = Segment(kind, text + "\n", 1, 1, True)
        self._segments.insert(pos, seg)

    # ------------------------------------------------------------------ saving
    def disk_state(self) -> DiskState:
        """Whether the file is as we loaded or last wrote it, changed by someone else, or gone."""
        if self.path is None or self.stamp is None:
            return DiskState.SAME
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return DiskState.MISSING
        if st.st_mtime_ns == self.stamp.mtime_ns and st.st_size == self.stamp.size:
            return DiskState.SAME
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return DiskState.MISSING
        return DiskState.SAME if sha256_bytes(data) == self.stamp.sha256 else DiskState.CHANGED

    def save(self, path: Path | None = None, force: bool = False) -> bool:
        """Write the board if it changed. Refuses when the file changed on disk since we read it.

        Returns whether anything was written. ``force`` writes over a changed or deleted file.
        This is the bare write, with no lock and no history: editors save through
        ``writepath.write_board``; ``save`` is for a new file (``import -o``) or a copy.
        """
        target = Path(path) if path else self.path
        if target is None:
            raise BoardError("this board has no file yet; give a path to save it")
        text = self.text()
        if path is None and not force:
            state = self.disk_state()
            if state is DiskState.CHANGED:
                raise BoardChangedOnDisk(
                    f"{target} changed on disk since it was loaded; reload it or keep your version explicitly",
                    target,
                )
            if state is DiskState.MISSING:
                raise BoardMissing(f"{target} was deleted or moved since it was loaded", target)
            if text == self._saved_text:
                return False
        self.path = target
        self.write(text)
        return True

    def write(self, text: str, data: bytes | None = None, sha256: str | None = None) -> None:
        """Replace the file with ``text`` (this store's text) atomically and take it as saved.

        ``data``/``sha256``: its UTF-8 bytes and their hash, when the caller has them already.
        """
        if self.path is None:
            raise BoardError("this board has no file yet; give a path to save it")
        # Every edit validated the segment it produced, so the joined text needs no re-parse (that
        # would cost ~0.5 s at 10,000 items); the property tests hold this to account.
        data = text.encode("utf-8") if data is None else data
        atomic_write(self.path, data)
        self._saved_text = text
        self._saved_segs = list(self._segs) if self._segs is not None else None
        self.stamp = FileStamp.of_bytes(self.path, data, sha256)

    @property
    def saved_text(self) -> str:
        """The text as it was last read or written."""
        return self._saved_text

    def reload(self) -> "BoardStore":
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
        text = _decode(data, self.path)
        stamp = FileStamp.of_bytes(self.path, data)
        fresh = self._reload_by_segment(text, stamp)
        if fresh is not None:
            return fresh
        board, segments = parse_board_segments(text, str(self.path))
        return BoardStore(self.path, text, board, stamp, segments)

    def _reload_by_segment(self, text: str, stamp: FileStamp) -> "BoardStore | None":
        if self.editable_reason:
            return None
        new_segs = split_segments(text)
        known = {self._segments[i].text: self.board.items[k] for k, i in enumerate(self._arrays["items"])}
        rest: list[Segment] = []
        item_segs: list[Segment] = []
        for seg in new_segs:
            (item_segs if seg.is_array and seg.kind == "items" else rest).append(seg)
        # Everything but the items is small (the board table, risks, phases ...): parse and
        # validate it again, as the whole-document parse would.
        merged = _merge_segments(rest)
        if merged is None:
            return None
        try:
            others = Board.model_validate(merged)
        except ValidationError:
            return None  # the full load reports it with file and line
        if others.board.status_aliases != self.board.board.status_aliases:
            return None  # unchanged item text may now read differently
        items: list[Item] = []
        for seg in item_segs:
            item = known.get(seg.text)
            if item is None:
                try:
                    raw = rtoml.loads(seg.text)["items"][0]
                    item = Item.model_validate(_fold_aliases(raw, others))
                except (rtoml.TomlParsingError, ValidationError, KeyError, IndexError, TypeError):
                    return None
            items.append(item)
        board = others.model_copy(update={"items": items})
        return BoardStore(self.path, text, board, stamp, new_segs)


# ---------------------------------------------------------------------- parsing helpers
def _decode(data: bytes, path: Path | str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BoardSyntaxError(
            f"{path}: not UTF-8 text",
            path,
            [Problem("error", "encoding", f"byte {exc.start} is not valid UTF-8", str(path), line)],
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def _syntax_problem(exc: Exception, name: str, line_offset: int = 0, text: str | None = None) -> Problem:
    msg = str(exc).strip()
    m = _RTOML_POS.search(msg)
    line = col = None
    if m:
        line, col = int(m.group(1)) + line_offset, int(m.group(2))
        msg = _RTOML_POS.sub("", msg).strip()
    elif text is not None and "recursion" in msg:
        # rtoml gives no position for nesting too deep: name the most deeply nested line.
        depth = [ln.count(".") + ln.count("[") + ln.count("{") for ln in text.splitlines()]
        if depth:
            line = max(range(len(depth)), key=depth.__getitem__) + 1 + line_offset
            msg = f"{msg}: tables or arrays nested too deeply"
    return Problem("error", "toml-syntax", msg, name, line, col)


def _parse_fragment(text: str, name: str) -> dict:
    try:
        return rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        raise EditError(f"{name}: the edit produced invalid TOML: {_syntax_problem(exc, name).message}") from None


def _fold_aliases(raw: dict, board: Board) -> dict:
    aliases = board.board.status_aliases
    if aliases and isinstance(raw.get("status"), str):
        try:
            raw = {**raw, "status": normalize_status(raw["status"], aliases)}
        except ValueError:
            pass
    return raw


def _validation_message(exc: ValidationError, who: str) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        parts.append(f"{who}: {loc}: {err['msg']}")
    return "; ".join(parts)


def parse_board_segments(text: str, name: str = "<board>") -> tuple[Board, list[Segment] | None]:
    """Parse and validate board text, returning the segments too when it was parsed by segment.

    Raises ``BoardSyntaxError`` / ``BoardValidationError``.

    Parsing table by table gives the same values as parsing the whole document, at the same
    speed for 10,000 items, but rtoml's peak memory for one 36 MB document is ~1 GB (and it
    grows faster than the file); by segment it stays at the size of one table. Anything the
    segment-wise parse cannot vouch for (a table defined twice, a sub-table far from its parent,
    a syntax error) goes through the whole-document parse, which also gives exact positions.
    """
    segmented = _parse_by_segment(text)
    if segmented is not None:
        data, segments = segmented
    else:
        segments = None
        try:
            data = rtoml.loads(text)
        except rtoml.TomlParsingError as exc:
            problem = _syntax_problem(exc, name, text=text)
            raise BoardSyntaxError(f"{name}: not valid TOML", name, [problem]) from None
    try:
        return Board.model_validate(data), segments
    except ValidationError as exc:
        problems = validation_problems(exc, data, segments or split_segments(text), name)
        raise BoardValidationError(f"{name}: {len(problems)} schema error(s)", name, problems) from None


def _parse_by_segment(text: str) -> tuple[dict, list[Segment]] | None:
    """The document's values merged from its segments, or None where that could differ."""
    segments = split_segments(text)
    data = _merge_segments(segments)
    return None if data is None else (data, segments)


def _merge_segments(segments: list[Segment]) -> dict[str, Any] | None:
    """Parse segments one by one and merge them as one document would; None on any doubt."""
    loads = rtoml.loads
    data: dict[str, Any] = {}
    try:
        for seg in segments:
            part = loads(seg.text)
            if seg.kind == "":  # the preamble: root keys
                for key, value in part.items():
                    if key in data:
                        return None
                    data[key] = value
                continue
            if len(part) != 1 or seg.kind not in part:
                return None
            value = part[seg.kind]
            if seg.is_array:
                rows = data.setdefault(seg.kind, [])
                if not isinstance(rows, list) or not isinstance(value, list) or len(value) != 1:
                    return None
                rows.append(value[0])
            elif seg.kind in data:
                return None  # a table defined twice, or continued far from its header
            else:
                data[seg.kind] = value
    except rtoml.TomlParsingError:
        return None
    return data


def _segment_index(segments: list[Segment]) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Positions of the ``[[kind]]`` rows of each record kind, and of the first ``[kind]`` table."""
    arrays: dict[str, list[int]] = {k: [] for k in RECORD_MODELS}
    tables: dict[str, int] = {}
    for n, seg in enumerate(segments):
        if seg.is_array:
            if seg.kind in arrays:
                arrays[seg.kind].append(n)
        elif seg.kind and seg.kind not in tables:
            tables[seg.kind] = n
    return arrays, tables


def validation_problems(exc: ValidationError, data: dict, segments: list[Segment], name: str) -> list[Problem]:
    """Turn pydantic errors into problems naming the item id, the field path and the line."""
    arrays, tables = _segment_index(segments)
    out: list[Problem] = []
    for err in exc.errors():
        loc = list(err["loc"])
        kind = str(loc[0]) if loc else ""
        item_id = None
        seg: Segment | None = None
        field_path = loc[1:]
        if kind in RECORD_MODELS and len(loc) > 1 and isinstance(loc[1], int):
            idx = loc[1]
            rows = data.get(kind) or []
            row = rows[idx] if idx < len(rows) and isinstance(rows[idx], dict) else {}
            key = RECORD_KEYS.get(kind)
            item_id = str(row.get(key)) if key and row.get(key) is not None else f"{kind}[{idx + 1}]"
            idxs = arrays[kind]
            seg = segments[idxs[idx]] if idx < len(idxs) else None
            field_path = loc[2:]
        elif kind in tables:
            seg = segments[tables[kind]]
        field = ".".join(str(x) for x in field_path if not isinstance(x, int)) or None
        line = None
        if seg is not None:
            leaf = next((str(x) for x in reversed(field_path) if isinstance(x, str)), None)
            line = find_key_line(seg.text, leaf, seg.start_line) if leaf else None
            if line is None:
                line = seg.header_line
        elif kind and segments and segments[0].kind == "":  # a root key of the wrong type: `board = 1`
            line = find_key_line(segments[0].text, kind, segments[0].start_line)
        msg = err["msg"].removeprefix("Value error, ")
        got = ""
        if err["type"] == "missing":
            msg = "is required"
        elif "input" in err and not isinstance(err["input"], (dict, list)) and repr(err["input"]) not in msg:
            got = f" (got {err['input']!r})"
        where = f"{item_id}: " if item_id else ""
        where += f"{field} " if field else ""
        out.append(Problem("error", "schema", f"{where}{msg}{got}".strip(), name, line, None, item_id, field))
    return out


def _setter(values: Mapping[str, Any]):  # type: ignore[no-untyped-def]
    """A segment mutation that sets each dotted field of ``values`` (``None`` removes it)."""

    def mutate(table: Any) -> None:
        for field, value in values.items():
            _set_path(table, field.split("."), value)

    return mutate


def _set_path(table: Any, path: list[str], value: Any) -> None:
    import tomlkit

    for key in path[:-1]:
        if key not in table:
            if value is None:
                return
            table[key] = tomlkit.table()
        table = table[key]
    leaf = path[-1]
    if value is None:
        if leaf in table:
            del table[leaf]
        return
    value = _toml_value(value)
    if isinstance(value, list) and leaf in table and isinstance(table[leaf], list):
        # Keep the existing array's formatting (one per line, comments) where the values allow.
        arr = table[leaf]
        if [_plain(x) for x in arr] == value:
            return
        arr.clear()
        arr.extend(value)
        return
    was_multiline = leaf in table and _is_multiline(table[leaf])
    if isinstance(value, str) and ("\n" in value or was_multiline):
        # Text of several lines is written as a ``"""`` string (and one stays one), instead of one
        # line full of \n escapes. TOML drops a newline right after the opening quotes: keep the
        # layout that had one.
        item = tomlkit.string(value, multiline=True)
        if was_multiline and table[leaf].as_string()[3:4] == "\n" and not value.startswith("\n"):
            body = item.as_string()
            item = tomlkit.parse(f"x = {body[:3]}\n{body[3:]}")["x"]
        table[leaf] = item
        return
    table[leaf] = value


def _is_multiline(value: Any) -> bool:
    from tomlkit.items import String, StringType

    return isinstance(value, String) and value.type in (StringType.MLB, StringType.MLL)


def _dig(data: Mapping[str, Any], dotted: str) -> Any:
    cur: Any = data
    for key in dotted.split("."):
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


def _changes(key: str, fields: Iterable[str], before: Mapping[str, Any], after: Mapping[str, Any], kind: str) -> list[Change]:
    """A Change for each dotted field whose value differs between two dumps of a record."""
    out = []
    for f in fields:
        old, new = _dig(before, f), _dig(after, f)
        if old != new:
            out.append(Change(key, f, old, new, kind=kind))
    return out


def render_record(kind: str, values: Mapping[str, Any]) -> str:
    """The TOML text of a new ``[[kind]]`` table, keys in reading order, sub-tables last."""
    import tomlkit

    order = ITEM_KEY_ORDER if kind == "items" else ()
    keys = [k for k in order if k in values] + [k for k in values if k not in order]
    table = tomlkit.table()
    subtables = []
    for key in keys:
        value = _toml_value(values[key])
        if isinstance(value, dict) and key in ("gate",):
            subtables.append((key, value))
            continue
        if isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update(value)
            table[key] = inline
        else:
            table[key] = value
    for key, value in subtables:
        sub = tomlkit.table()
        for k, v in value.items():
            sub[k] = _toml_value(v)
        table[key] = sub
    aot = tomlkit.aot()
    aot.append(table)
    doc = tomlkit.document()
    doc[kind] = aot
    return tomlkit.dumps(doc)
