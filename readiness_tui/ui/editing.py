"""The edit controller: every edit the app makes goes through here, then through the core store.

No Textual in this module, so it is unit-tested on its own. It keeps

- the undo and redo stacks (a snapshot of the store before each edit: the segment list and the
  record lists are copied shallowly, which is cheap because the store replaces what it edits
  rather than mutating it);
- the edits made since the last successful save, so that when the file changed on disk the user
  can take the other version and have their own edits re-applied on top of it;
- saving: **every edit is saved at once** (the store writes atomically and refuses to overwrite a
  file someone else changed). A failed save leaves the edit in memory, marked unsaved, and the
  caller asks the user what to do (reload and re-apply, keep mine, show the difference);
- the audit trail (``core.audit``): the ``Change`` records of every edit, undo and redo are appended
  to ``BOARD.history.jsonl`` when they reach the file (at once, or at the later save that writes
  them: keep mine, retry); a reload records what changed on disk with ``source="reload"``. An
  audit failure never loses an edit: it is kept in ``audit_error`` for the caller to show.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from types import SimpleNamespace

from ..core.model import STATUSES
from ..core.problems import BoardChangedOnDisk, BoardError, BoardMissing, EditError
from ..core.store import BoardStore, Change, StoreSnapshot

#: ``s`` walks an item through its life; blocked and cancelled are set directly.
STATUS_CYCLE: dict[str, str] = {
    "todo": "in_progress",
    "in_progress": "review",
    "review": "done",
    "done": "todo",
    "blocked": "in_progress",
    "cancelled": "todo",
}

EditFn = Callable[[BoardStore], Any]


@dataclass
class Snapshot:
    label: str
    state: StoreSnapshot

    @property
    def segments(self) -> list:
        return self.state.segments


def snapshot(store: BoardStore, label: str = "") -> Snapshot:
    return Snapshot(label, store.snapshot())


def restore(store: BoardStore, snap: Snapshot) -> None:
    store.restore(snap.state)


def board_of(state: StoreSnapshot) -> Any:
    """A frozen view of a store snapshot that ``audit.diff_boards`` can compare (the store's own
    board object is edited in place, so it cannot stand for "before")."""
    return SimpleNamespace(**state.records, board=state.meta, matrix=state.matrix)


def frozen_board(store: BoardStore) -> Any:
    """The same view of the store as it is now, without splitting its text (cheap at any size)."""
    from ..core.store import RECORD_MODELS

    board = store.board
    return SimpleNamespace(**{k: list(getattr(board, k)) for k in RECORD_MODELS}, board=board.board,
                           matrix=board.matrix)


#: Why an edit was refused on a read-only viewer.
READ_ONLY_REFUSAL = "read-only: this view cannot change the board"


@dataclass
class EditResult:
    label: str
    changes: list[Change] = field(default_factory=list)
    #: "saved", "unchanged", "conflict" (changed on disk), "missing" (deleted), "error", "off"
    saved: str = "unchanged"
    error: str = ""
    #: Ids the caller may want to show (a new item, the next item after a deletion).
    focus: str | None = None
    #: The cycle a refused dependency would have closed: [item, dep, ..., item].
    cycle: list[str] = field(default_factory=list)
    #: An undo or redo (the whole store was put back: panes show the board again).
    history: bool = False

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class ReloadResult:
    reapplied: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    backup: Path | None = None
    saved: str = "unchanged"
    #: What changed on disk (against what we last read or wrote), as recorded in the audit trail.
    changes: list[Change] = field(default_factory=list)


class EditController:
    def __init__(self, store: BoardStore, autosave: bool = True, history: int = 200, audit_source: str | None = "app",
                 read_only: bool = False):
        self.store = store
        #: A read-only viewer (``readiness serve --read-only``): every edit, save and audit append is
        #: refused here, whatever path it came by (the UI hides them too, see ``ui.readonly``).
        self.read_only = read_only
        self.autosave = autosave
        self.history = history
        #: ``source`` of the audit records of edits ("app", "cli"); None: keep no audit trail.
        self.audit_source = audit_source
        #: Changes made in memory and not yet written to the file (recorded when they are).
        self.unrecorded: list[Change] = []
        #: The last audit append that failed (the edit itself was saved); the caller shows it.
        self.audit_error = ""
        self._saved_board: Any = frozen_board(store)
        self.undo_stack: list[Snapshot] = []
        self.redo_stack: list[Snapshot] = []
        #: Edits since the last save, to re-apply on a reloaded file; None when not replayable
        #: (after an undo or redo, whose meaning depends on the state they were made in).
        self.pending: list[tuple[str, EditFn]] | None = []
        self.last_save_error = ""

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
        self.last_save_error = ""
        self.unrecorded = []
        self._saved_board = frozen_board(store)

    # ------------------------------------------------------------------ the one way to edit
    def apply(self, label: str, fn: EditFn, focus: str | None = None) -> EditResult:
        """Run ``fn(store)``; on EditError the store is put back as it was and the error returned."""
        if self.read_only:
            return EditResult(label, error=READ_ONLY_REFUSAL, saved="unchanged")
        before = snapshot(self.store, label)
        try:
            out = fn(self.store)
        except EditError as exc:
            restore(self.store, before)
            return EditResult(label, error=str(exc), saved="unchanged", cycle=list(exc.cycle or []))
        changes = out if isinstance(out, list) else ([out] if isinstance(out, Change) else [])
        if not changes and self.store.snapshot().segments == before.segments:
            return EditResult(label, [], "unchanged", focus=focus)
        self.undo_stack.append(before)
        del self.undo_stack[: -self.history]
        self.redo_stack.clear()
        if self.pending is not None:
            self.pending.append((label, fn))
        self.unrecorded += changes if changes else self._diff(before.state)
        return EditResult(label, changes, self._autosave(), focus=focus)

    def _autosave(self) -> str:
        return self.save() if self.autosave else "off"

    def save(self, force: bool = False) -> str:
        if self.read_only:
            self.last_save_error = READ_ONLY_REFUSAL
            return "unchanged"
        try:
            wrote = self.store.save(force=force)
        except BoardChangedOnDisk as exc:
            self.last_save_error = str(exc)
            return "conflict"
        except BoardMissing as exc:
            self.last_save_error = str(exc)
            return "missing"
        except (BoardError, OSError) as exc:
            self.last_save_error = str(exc)
            return "error"
        self.last_save_error = ""
        self.pending = []
        self._saved_board = frozen_board(self.store)
        if wrote or force:
            self._record(self.unrecorded, self.audit_source)
        self.unrecorded = []
        return "saved" if wrote else "unchanged"

    # ------------------------------------------------------------------ audit trail
    def _diff(self, before: StoreSnapshot) -> list[Change]:
        try:
            from ..core import audit

            return audit.diff_boards(board_of(before), board_of(self.store.snapshot()))
        except Exception as exc:  # noqa: BLE001 - a diff that fails must not stop the edit
            self.audit_error = f"could not compute the change for the audit trail: {exc}"
            return []

    def _record(self, changes: list[Change], source: str | None) -> None:
        """Append ``changes`` to the board's history; a failure is kept in ``audit_error``."""
        if not changes or source is None or self.store.path is None or self.read_only:
            return
        from ..core import audit  # the first edit imports it, not the app's start

        try:
            audit.append(self.store.path, changes, source=source)
        except Exception as exc:  # noqa: BLE001 - the edit is saved; only its record is missing
            self.audit_error = f"{audit.history_path(self.store.path).name}: {exc}"

    def take_audit_error(self) -> str:
        err, self.audit_error = self.audit_error, ""
        return err

    # ------------------------------------------------------------------ undo / redo
    def undo(self) -> EditResult | None:
        if not self.undo_stack or self.read_only:
            return None
        snap = self.undo_stack.pop()
        now = snapshot(self.store, snap.label)
        self.redo_stack.append(now)
        restore(self.store, snap)
        self.pending = None
        changes = self._diff(now.state)
        self.unrecorded += changes
        return EditResult(f"undo {snap.label}", changes, saved=self._autosave(), history=True)

    def redo(self) -> EditResult | None:
        if not self.redo_stack or self.read_only:
            return None
        snap = self.redo_stack.pop()
        now = snapshot(self.store, snap.label)
        self.undo_stack.append(now)
        restore(self.store, snap)
        self.pending = None
        changes = self._diff(now.state)
        self.unrecorded += changes
        return EditResult(f"redo {snap.label}", changes, saved=self._autosave(), history=True)

    # ------------------------------------------------------------------ conflicts
    def disk_text(self) -> str | None:
        path = self.store.path
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return None

    def diff(self, context: int = 2) -> str:
        """Unified diff from what is on disk now to the version in memory (mine)."""
        theirs = self.disk_text()
        name = self.store.path.name if self.store.path else "board"
        if theirs is None:
            return f"{name} is no longer on disk; the whole board in memory would be written."
        lines = difflib.unified_diff(
            theirs.splitlines(keepends=True),
            self.store.text().splitlines(keepends=True),
            f"{name} (on disk)",
            f"{name} (mine)",
            n=context,
        )
        return "".join(lines) or "No difference."

    def keep_mine(self) -> str:
        return self.save(force=True)

    def reload(self, reapply: bool = True, fresh: BoardStore | None = None) -> ReloadResult:
        """Take the file as it is on disk; re-apply my unsaved edits on top when possible.

        Whatever cannot be re-applied is not lost: my version is written next to the board as
        ``<name>.mine.toml`` first. What changed on disk since we last read or wrote the file is
        appended to the audit trail with ``source="reload"``.

        ``fresh``: ``store.reload()`` already made by the caller (the app reads and parses the
        file in a thread, then comes here on its UI thread); None: read the file here.
        """
        result = ReloadResult()
        had_unsaved = self.store.dirty
        mine = self.store.text() if had_unsaved else ""
        pending = self.pending
        if fresh is None:
            fresh = self.store.reload()
        if had_unsaved and (pending is None or not reapply):
            result.backup = self._backup(mine)
        result.changes = self._outside_changes(fresh)
        self.replace_store(fresh)
        self._record(result.changes, "reload" if self.audit_source is not None else None)
        last = "unchanged"
        if had_unsaved and reapply and pending:
            # Re-applied edits are one step each on the undo stack of the fresh store.
            for label, fn in pending:
                r = self.apply(label, fn)
                (result.reapplied if r.ok else result.failed).append(label)
                if r.ok and r.saved != "unchanged":
                    last = r.saved
            if result.failed and result.backup is None:
                result.backup = self._backup(mine)
        result.saved = self.save() if self.autosave and self.store.dirty else last
        return result

    def _outside_changes(self, fresh: BoardStore) -> list[Change]:
        try:
            from ..core import audit

            return audit.diff_boards(self._saved_board, fresh.board)
        except Exception as exc:  # noqa: BLE001
            self.audit_error = f"could not compute the outside change for the audit trail: {exc}"
            return []

    def _backup(self, text: str) -> Path | None:
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
        return self.apply(label, lambda s: s.set_fields(item_id, values), focus=item_id)

    def set_status(self, item_id: str, status: str) -> EditResult:
        return self.apply(f"{item_id}: status {status}", lambda s: s.set_status(item_id, status), focus=item_id)

    def cycle_status(self, item_id: str) -> EditResult:
        current = self.store.item(item_id).status
        return self.set_status(item_id, STATUS_CYCLE.get(current, "todo"))

    def add_item(self, values: dict[str, Any], after: str | None = None) -> EditResult:
        item_id = str(values.get("id", ""))
        return self.apply(f"add {item_id}", lambda s: s.add_item(values, after=after), focus=item_id)

    def duplicate(self, item_id: str, new_id: str | None = None) -> EditResult:
        new_id = new_id or next_id(self.store, item_id)
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


# ---------------------------------------------------------------------- helpers
_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


def next_id(store: BoardStore, base: str) -> str:
    """A free id like ``base``: ``SEC-02`` -> ``SEC-03`` (or the next free number), else ``base-copy``."""
    taken = {it.id for it in store.board.items}
    m = _TRAILING_NUMBER.match(base)
    if m:
        prefix, digits = m.group(1), m.group(2)
        n = int(digits) + 1
        while True:
            cand = f"{prefix}{n:0{len(digits)}d}"
            if cand not in taken:
                return cand
            n += 1
    cand = f"{base}-copy"
    n = 2
    while cand in taken:
        cand = f"{base}-copy{n}"
        n += 1
    return cand


def new_item_id(store: BoardStore, near: str | None = None) -> str:
    """A suggestion for a new item's id: the next number after the highlighted item's prefix."""
    if near:
        return next_id(store, near)
    return next_id(store, "ITEM-00")


__all__ = ["EditController", "EditResult", "ReloadResult", "STATUS_CYCLE", "STATUSES", "next_id", "new_item_id"]


# ---------------------------------------------------------------------- the item form
#: Form field -> item attribute path; the order the edit form shows them in.
FORM_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "Id"),
    ("title", "Title"),
    ("kind", "Kind"),
    ("status", "Status"),
    ("priority", "Priority (P0-P3)"),
    ("owner", "Owner"),
    ("workstream", "Workstream"),
    ("phase", "Phase"),
    ("milestone", "Milestone"),
    ("target", "Target (2026-W09, 2026-02-20)"),
    ("estimate_days", "Estimate (days)"),
    ("score", "Score"),
    ("depends_on", "Depends on (ids, a, b)"),
    ("tags", "Tags (a, b)"),
    ("description", "Description"),
    ("notes", "Notes"),
    ("gate.exit_criteria", "Gate: exit criteria"),
    ("gate.verify", "Gate: verify command"),
    ("gate.evidence", "Gate: evidence (paths, a, b)"),
)
LIST_FIELDS = {"depends_on", "tags", "gate.evidence"}
TEXT_FIELDS = {"description", "notes"}


def field_value(item: Any, key: str) -> Any:
    """An item's value for a form key: ``gate.verify`` is the gate's (None without a gate)."""
    if key.startswith("gate."):
        return getattr(item.gate, key[5:], None) if item.gate else None
    return getattr(item, key, None)


def _split_list(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\n", ",").split(",") if p.strip()]


def form_values(item: Any | None, factor_keys: list[str] = ()) -> dict[str, str]:  # type: ignore[assignment]
    """The strings the form starts with for ``item`` (None: a new item)."""
    out: dict[str, str] = {}
    for key, _ in FORM_FIELDS:
        value = field_value(item, key) if item is not None else None
        if isinstance(value, list):
            out[key] = ", ".join(value)
        elif isinstance(value, float):
            out[key] = f"{value:g}"
        else:
            out[key] = "" if value is None else str(value)
    for fk in factor_keys:
        v = item.score_factors.get(fk) if item is not None else None
        out[f"factor.{fk}"] = "" if v is None else str(v)
    if item is None:
        out["status"] = "todo"
        out["kind"] = "task"
    return out


def validate_form(
    store: BoardStore, item_id: str | None, raw: dict[str, str]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check the form's strings; return (values to set, errors by field).

    ``item_id`` None means a new item: values then include ``id`` and omit empty fields. For an
    existing item only the fields that changed are returned; an emptied field maps to None (removed).
    """
    from ..core.dates import normalize_target
    from ..core.model import normalize_priority, normalize_status

    errors: dict[str, str] = {}
    parsed: dict[str, Any] = {}
    scoring = store.board.board.scoring
    for key, text in raw.items():
        text = text.strip() if key not in TEXT_FIELDS else text.rstrip()
        try:
            if key == "id":
                if item_id is None:
                    if not text:
                        raise ValueError("an id is required")
                    if any(c.isspace() for c in text):
                        raise ValueError("an id has no spaces")
                    if text in {it.id for it in store.board.items}:
                        raise ValueError(f"{text} already exists")
                parsed[key] = text
            elif key == "status":
                parsed[key] = normalize_status(text or "todo", store.board.board.status_aliases)
            elif key == "priority":
                parsed[key] = normalize_priority(text) if text else None
            elif key == "target":
                parsed[key] = normalize_target(text) if text else None
            elif key == "estimate_days":
                if text:
                    v = float(text.rstrip("dD"))
                    if v < 0:
                        raise ValueError("an estimate cannot be negative")
                    parsed[key] = v
                else:
                    parsed[key] = None
            elif key == "score":
                parsed[key] = int(text) if text else None
            elif key.startswith("factor."):
                if text:
                    v = int(text)
                    if scoring and not scoring.min <= v <= scoring.max:
                        raise ValueError(f"rate {scoring.min} to {scoring.max}")
                    parsed[key] = v
                else:
                    parsed[key] = None
            elif key in LIST_FIELDS:
                parsed[key] = _split_list(text)
            else:
                parsed[key] = text or None
        except ValueError as exc:
            msg = str(exc)
            if "invalid literal" in msg or "could not convert" in msg:
                msg = "expected a number"
            errors[key] = msg
    me = item_id or parsed.get("id") or ""
    deps = parsed.get("depends_on") or []
    if "depends_on" in parsed and "depends_on" not in errors:
        known = {it.id for it in store.board.items}
        unknown = [d for d in deps if d not in known]
        if me in deps:
            errors["depends_on"] = "an item cannot depend on itself"
        elif unknown:
            errors["depends_on"] = f"no item {', '.join(unknown)}"
        elif item_id is not None:
            cycle = store.find_cycle_path(item_id, deps)
            if cycle:
                errors["depends_on"] = "would close the cycle " + " -> ".join(cycle)
    if errors:
        return {}, errors

    factors = {k[7:]: v for k, v in parsed.items() if k.startswith("factor.")}
    values = {k: v for k, v in parsed.items() if not k.startswith("factor.")}
    if factors:
        set_factors = {k: v for k, v in factors.items() if v is not None}
        values["score_factors"] = set_factors or None
    if item_id is None:
        out: dict[str, Any] = {}
        gate: dict[str, Any] = {}
        for k, v in values.items():
            if v in (None, "", []):
                continue
            if k.startswith("gate."):
                gate[k[5:]] = v
            else:
                out[k] = v
        if gate:
            out["gate"] = gate
        return out, {}
    cur_parsed = _current(store, item_id)
    changed: dict[str, Any] = {}
    for k, v in values.items():
        if k == "id":
            continue
        if k == "score_factors":
            old = dict(store.item(item_id).score_factors)
            if (v or {}) != old:
                changed[k] = _inline(v) if v else None
            continue
        new = v if v != [] else None
        if cur_parsed.get(k) != new:
            changed[k] = new
    return changed, {}


def _current(store: BoardStore, item_id: str) -> dict[str, Any]:
    it = store.item(item_id)
    out: dict[str, Any] = {}
    for key, _ in FORM_FIELDS:
        v = field_value(it, key)
        out[key] = v if v not in ("", []) else None
    return out


def _inline(values: dict[str, int]) -> Any:
    import tomlkit

    table = tomlkit.inline_table()
    table.update(values)
    return table
