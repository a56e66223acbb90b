"""The audit trail: every change to a board, appended to a hash-chained JSON Lines history.

The history lives beside the board: ``plan.toml`` -> ``plan.history.jsonl`` (see ``history_path``).
One line is one record, written as canonical JSON (sorted keys, no spaces)::

    {"actor":"Ada","field":"status","hash":"...","item":"M-04","kind":"items","local":"2026-02-20T10:15:00+01:00",
     "new":"done","old":"in_progress","prev":"...","source":"app","ts":"2026-02-20T09:15:00Z","type":"change","v":1}

* ``prev`` is the sha256 of the previous record's line (its exact UTF-8 text, without the newline);
  the first record carries ``GENESIS``. Deleting, inserting or reordering lines breaks the chain.
* ``hash`` is the sha256 of the record itself in canonical form without ``hash``, so a record that
  was edited in place is caught on its own line, not only on the next one.
* The *head* is the sha256 of the last line (``GENESIS`` for an empty history). The weekly update
  prints it, so a history that was truncated or rewritten from some point on can be caught by
  comparing with a head published earlier (``verify(path, expected_head=...)``).

Record types: ``change`` (one ``Change`` of the store: item, field, old, new, kind) and ``standup``
(a standup was held; "done since the last standup" is measured from the latest one).

A batch of records is appended with one ``write`` and one ``fsync`` (``_append_bodies``) under
an advisory lock, so the app and the CLI appending at the same time cannot fork the chain.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any, NamedTuple

from .fsutil import fsync_dir
from .model import Board
from .store import RECORD_KEYS, Change

try:  # POSIX advisory locks; elsewhere appends are simply unlocked.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: ``prev`` of the first record of every history.
GENESIS = "0" * 64
HISTORY_SUFFIX = ".history.jsonl"
FORMAT_VERSION = 1
SOURCES = ("app", "cli", "reload")


def history_path(board_path: Path | str) -> Path:
    """The history file of a board: ``boards/plan.toml`` -> ``boards/plan.history.jsonl``."""
    p = Path(board_path)
    if p.name.endswith(HISTORY_SUFFIX):
        return p
    return p.with_name(p.stem + HISTORY_SUFFIX)


def line_hash(line: str) -> str:
    return hashlib.sha256(line.encode("utf-8")).hexdigest()


def canonical(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return str(value)


def record_hash(record: dict[str, Any]) -> str:
    """sha256 of a record's canonical JSON without its own ``hash``."""
    return line_hash(canonical({k: v for k, v in record.items() if k != "hash"}))


# ---------------------------------------------------------------------- actor
def git_user_name(start: Path | str | None = None) -> str | None:
    """``git config user.name`` as git would answer it in ``start``, read from the config files.

    Looks at the repository's own config (found upwards from ``start``, worktrees included), then
    ``$GIT_CONFIG_GLOBAL`` or ``~/.gitconfig`` and ``$XDG_CONFIG_HOME/git/config``. Never runs git.
    ``include``/``includeIf`` directives are not followed.
    """
    files: list[Path] = []
    gitdir = _find_git_dir(Path(start) if start else Path.cwd())
    if gitdir is not None:
        common = gitdir
        commondir = gitdir / "commondir"
        if commondir.is_file():
            with contextlib.suppress(OSError):
                common = (gitdir / commondir.read_text(encoding="utf-8").strip()).resolve()
        files.append(gitdir / "config.worktree")
        files.append(common / "config")
    glob = os.environ.get("GIT_CONFIG_GLOBAL")
    if glob:
        files.append(Path(glob).expanduser())
    else:
        home = Path(os.environ.get("HOME") or Path.home())
        files.append(home / ".gitconfig")
        xdg = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
        files.append(Path(xdg) / "git" / "config")
    # The first file (in the order above: most specific first) that sets the name wins.
    for f in files:
        name = _config_value(f, "user", "name")
        if name:
            return name
    return None


def _find_git_dir(start: Path) -> Path | None:
    try:
        cur = start.resolve()
    except OSError:
        return None
    if cur.is_file() or not cur.exists():
        cur = cur.parent
    for d in (cur, *cur.parents):
        dotgit = d / ".git"
        if dotgit.is_dir():
            return dotgit
        if dotgit.is_file():  # a worktree or submodule: "gitdir: <path>"
            with contextlib.suppress(OSError):
                text = dotgit.read_text(encoding="utf-8").strip()
                if text.startswith("gitdir:"):
                    return (d / text[len("gitdir:"):].strip()).resolve()
            return None
    return None


def _config_value(path: Path, section: str, key: str) -> str | None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    value = None
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            head = line[1:line.find("]")] if "]" in line else line[1:]
            current = head.split()[0].lower() if head.split() else ""
            if " " in head.strip():  # [section "subsection"] never holds user.name
                current = current + " sub"
            line = line[line.find("]") + 1:].strip() if "]" in line else ""
            if not line:
                continue
        if current != section or "=" not in line:
            continue
        k, _, v = line.partition("=")
        if k.strip().lower() != key:
            continue
        value = _config_unquote(v.strip())  # the last assignment in a file wins, as in git
    return value or None


def _config_unquote(v: str) -> str:
    out = []
    quoted = False
    i = 0
    while i < len(v):
        c = v[i]
        if c == '"':
            quoted = not quoted
        elif c == "\\" and i + 1 < len(v):
            i += 1
            out.append({"n": "\n", "t": "\t"}.get(v[i], v[i]))
        elif c in "#;" and not quoted:
            break
        else:
            out.append(c)
        i += 1
    return "".join(out).strip()


def default_actor(board_path: Path | str | None = None) -> str:
    """Who is editing: git ``user.name`` for the board's repository, else ``$USER``."""
    name = git_user_name(Path(board_path).parent if board_path else None)
    if name:
        return name
    for var in ("USER", "LOGNAME", "USERNAME"):
        if os.environ.get(var):
            return os.environ[var]
    with contextlib.suppress(Exception):
        return getpass.getuser()
    return "unknown"


# ---------------------------------------------------------------------- records
@dataclass
class Record:
    """One parsed line of a history."""

    line: int
    type: str
    ts: dt.datetime
    local: str
    actor: str
    source: str
    item: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    kind: str = "items"
    data: dict[str, Any] = dc_field(default_factory=dict)

    @property
    def local_date(self) -> dt.date:
        """The calendar day where the record was written (its local time)."""
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(self.local[:10])
        return self.ts.date()

    @classmethod
    def from_dict(cls, n: int, d: dict[str, Any]) -> "Record":
        return cls(
            line=n,
            type=str(d.get("type", "change")),
            ts=parse_ts(str(d.get("ts", ""))),
            local=str(d.get("local", "")),
            actor=str(d.get("actor", "")),
            source=str(d.get("source", "")),
            item=d.get("item"),
            field=d.get("field"),
            old=d.get("old"),
            new=d.get("new"),
            kind=str(d.get("kind") or "items"),
            data=d,
        )

    def describe(self) -> str:
        """One line for ``readiness audit log``."""
        when = self.local[:16].replace("T", " ") or self.ts.isoformat()
        if self.type == "standup":
            return f"{when}  {self.actor}  standup held"
        if self.field == "*":
            what = "added" if self.old is None else "removed" if self.new is None else "replaced"
            noun = "item" if self.kind == "items" else self.kind.rstrip("s")
            return f"{when}  {self.actor}  {noun} {self.item} {what}  [{self.source}]"
        where = self.item if self.kind == "items" else f"{self.kind}:{self.item}"
        return f"{when}  {self.actor}  {where}.{self.field}: {_short(self.old)} -> {_short(self.new)}  [{self.source}]"


def _short(value: Any, width: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False, default=_json_default) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_ts(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _stamps(now: dt.datetime | None) -> tuple[str, str]:
    """(UTC, local) ISO timestamps. A given ``now`` is kept in its own zone as the local time."""
    if now is None:
        now = dt.datetime.now().astimezone()
    elif now.tzinfo is None:
        now = now.astimezone()  # a naive time is local time
    utc = now.astimezone(dt.timezone.utc)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z"), now.isoformat(timespec="milliseconds")


def _change_body(c: Change) -> dict[str, Any]:
    return {"type": "change", "item": c.item, "field": c.field, "old": c.old, "new": c.new, "kind": c.kind}


def _plain_json(value: Any) -> Any:
    # Round-trip once so that what we hash is exactly what a reader parses back.
    return json.loads(json.dumps(value, ensure_ascii=False, default=_json_default))


# ---------------------------------------------------------------------- writing
def append(
    board_path: Path | str,
    changes: Iterable[Change],
    actor: str | None = None,
    source: str = "app",
    now: dt.datetime | None = None,
) -> str:
    """Append one record per change to the board's history; returns the new head hash.

    All records of the batch go out in one write followed by one fsync. Nothing is written for an
    empty batch. ``source`` is ``app``, ``cli`` or ``reload`` (a change found on disk).
    """
    bodies = [_change_body(c) for c in changes]
    return _append_bodies(board_path, bodies, actor, source, now)


def record_standup(
    board_path: Path | str,
    actor: str | None = None,
    now: dt.datetime | None = None,
    source: str = "app",
    **details: Any,
) -> str:
    """Record that a standup was held (``details``: started, speakers, slides ... anything JSON)."""
    body: dict[str, Any] = {"type": "standup"}
    if details:
        body["details"] = details
    return _append_bodies(board_path, [body], actor, source, now)


def _append_bodies(
    board_path: Path | str, bodies: list[dict[str, Any]], actor: str | None, source: str, now: dt.datetime | None
) -> str:
    path = history_path(board_path)
    if not bodies:
        return head(path)
    if source not in SOURCES:
        raise ValueError(f"source must be one of {', '.join(SOURCES)}, got {source!r}")
    actor = actor or default_actor(path)  # the history sits beside the board: same repository
    ts, local = _stamps(now)
    created = not path.exists()
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        last, ends_with_newline = _last_line_fd(fd)
        prev = line_hash(last) if last is not None else GENESIS
        lines = []
        for body in bodies:
            rec = {"v": FORMAT_VERSION, "ts": ts, "local": local, "actor": actor, "source": source, **body}
            rec = _plain_json(rec)
            rec["prev"] = prev
            rec["hash"] = record_hash(rec)
            text = canonical(rec)
            lines.append(text)
            prev = line_hash(text)
        data = ("" if ends_with_newline else "\n") + "\n".join(lines) + "\n"
        os.write(fd, data.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)  # closing releases the lock
    if created:
        fsync_dir(path.parent)
    return prev


def _last_line_fd(fd: int) -> tuple[str | None, bool]:
    """The last non-empty line of an open file, and whether the file ends with a newline."""
    size = os.lseek(fd, 0, os.SEEK_END)
    if size == 0:
        return None, True
    block = 4096
    pos = size
    buf = b""
    while pos > 0:
        step = min(block, pos)
        pos -= step
        buf = os.pread(fd, step, pos) + buf
        stripped = buf.rstrip(b"\n")
        if b"\n" in stripped or pos == 0:
            break
        block *= 2
    ends = buf.endswith(b"\n")
    stripped = buf.rstrip(b"\n")
    if not stripped:
        return None, ends
    return stripped.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace"), ends


# ---------------------------------------------------------------------- reading
def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        fh = open(path, encoding="utf-8", errors="replace", newline="\n")
    except FileNotFoundError:
        return
    with fh:
        for n, raw in enumerate(fh, 1):
            yield n, raw[:-1] if raw.endswith("\n") else raw


def read(path: Path | str) -> list[Record]:
    """Every parseable record of a history (a board path is mapped to its history). No checks."""
    out = []
    for n, line in _lines(history_path(path)):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(d, dict):
            out.append(Record.from_dict(n, d))
    return out


def head(path: Path | str) -> str:
    """sha256 of the last record line, ``GENESIS`` when there is no history."""
    p = history_path(path)
    try:
        fd = os.open(p, os.O_RDONLY)
    except FileNotFoundError:
        return GENESIS
    try:
        last, _ = _last_line_fd(fd)
    finally:
        os.close(fd)
    return line_hash(last) if last is not None else GENESIS


class Verification(NamedTuple):
    ok: bool
    first_bad_line: int | None
    message: str
    records: int = 0
    head: str = GENESIS


def verify(path: Path | str, expected_head: str | None = None) -> Verification:
    """Check the whole chain. Returns ``(ok, first_bad_line, message, records, head)``.

    A line is bad when it is not a JSON object, is not in canonical form (edited by hand), its
    ``hash`` does not match its content (edited), or its ``prev`` is not the hash of the line
    before it (a line before it was removed, inserted or moved). With ``expected_head`` (a head
    printed earlier), the chain must still pass through it, else the history was truncated or
    rewritten.
    """
    p = history_path(path)
    with contextlib.suppress(OSError):
        if '"type":"merge"' in p.read_text(encoding="utf-8", errors="replace"):
            # Branches merged by git make the chain a DAG: verified by history_dag.
            from .history_dag import verify as dag_verify

            r = dag_verify(p, [expected_head] if expected_head else [])
            return Verification(r.ok, r.first_bad_line, r.message, r.records, r.head)
    prev = GENESIS
    count = 0
    seen_heads = {GENESIS}
    last_line = 0
    for n, line in _lines(p):
        last_line = n
        if not line.strip():
            return Verification(False, n, f"line {n}: empty line inside the history", count, prev)
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            return Verification(False, n, f"line {n}: not a JSON record ({exc.msg})", count, prev)
        if not isinstance(rec, dict):
            return Verification(False, n, f"line {n}: not a JSON object", count, prev)
        if rec.get("hash") != record_hash(rec):
            return Verification(False, n, f"line {n}: record was modified (its hash does not match its content)", count, prev)
        if canonical(rec) != line:
            return Verification(False, n, f"line {n}: record was rewritten (not in the form it was written in)", count, prev)
        if rec.get("prev") != prev:
            if n == 1:
                why = "the history does not start at the beginning: earlier records were removed"
            else:
                why = f"does not follow line {n - 1}: a record before it was removed, inserted or reordered"
            return Verification(False, n, f"line {n}: {why}", count, prev)
        prev = line_hash(line)
        seen_heads.add(prev)
        count += 1
    if expected_head and expected_head not in seen_heads:
        return Verification(
            False, last_line + 1 if last_line else None,
            f"the history no longer contains head {expected_head[:12]}…: it was truncated or rewritten",
            count, prev,
        )
    if count == 0:
        return Verification(True, None, "no history yet", 0, GENESIS)
    return Verification(True, None, f"{count} records, chain intact, head {prev}", count, prev)


def last_standup(path: Path | str) -> dt.datetime | None:
    """When the latest standup was recorded, or None."""
    when = None
    for rec in read(path):
        if rec.type == "standup":
            when = rec.ts
    return when


def changes_since(path: Path | str, when: dt.datetime | dt.date | None) -> list[Record]:
    """Change records at or after ``when`` (a date means from its local midnight; None: all)."""
    recs = [r for r in read(path) if r.type == "change"]
    if when is None:
        return recs
    if isinstance(when, dt.datetime):
        w = when if when.tzinfo else when.astimezone()
        return [r for r in recs if r.ts >= w]
    return [r for r in recs if r.local_date >= when]


# ---------------------------------------------------------------------- diff and rewind
def _flatten(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict) and value:
        for k, v in value.items():
            _flatten(f"{prefix}.{k}", v, out)
    else:
        out[prefix] = value


def _fields(dump: dict[str, Any]) -> dict[str, Any]:
    """A record's fields with sub-tables as dotted leaves (``gate.verify``)."""
    out: dict[str, Any] = {}
    for k, v in dump.items():
        _flatten(k, v, out)
    return out


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _record_changes(key: str, kind: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    a, b = _fields(old), _fields(new)
    out = []
    for f in dict.fromkeys([*a, *b]):
        va, vb = a.get(f), b.get(f)
        # A sub-table that appears or disappears shows as its leaves; empty leaves are no change.
        if va != vb and not (_empty(va) and _empty(vb)):
            out.append(Change(key, f, va, vb, kind=kind))
    return out


def diff_boards(old: Board, new: Board) -> list[Change]:
    """What changed between two versions of a board, as store ``Change`` records.

    Every field of every item (dict fields such as ``gate`` as dotted leaves, ``gate.verify``),
    items added (``field="*"``, old None) and removed (new None); risks, phases and milestones by
    id; waivers, deliverables, progress notes and sections by position; the ``[board]`` table and
    the recorded matrix.
    """
    changes: list[Change] = []
    changes += _diff_keyed("items", "id", old.items, new.items)
    for kind in ("risks", "phases", "milestones"):
        changes += _diff_keyed(kind, RECORD_KEYS[kind], getattr(old, kind), getattr(new, kind))
    for kind in ("waivers", "deliverables", "progress", "sections"):
        a, b = getattr(old, kind), getattr(new, kind)
        for i in range(max(len(a), len(b))):
            ra = a[i] if i < len(a) else None
            rb = b[i] if i < len(b) else None
            if ra is not None and rb is not None and ra == rb:
                continue
            da = ra.model_dump(mode="json", exclude_defaults=True) if ra is not None else None
            db = rb.model_dump(mode="json", exclude_defaults=True) if rb is not None else None
            if da is None or db is None:
                changes.append(Change(str(i), "*", da, db, kind=kind))
            else:
                changes += _record_changes(str(i), kind, ra.model_dump(mode="json"), rb.model_dump(mode="json"))
    if old.board != new.board:
        changes += _record_changes("board", "board", old.board.model_dump(mode="json"), new.board.model_dump(mode="json"))
    if old.matrix != new.matrix:
        da = old.matrix.model_dump(mode="json") if old.matrix else None
        db = new.matrix.model_dump(mode="json") if new.matrix else None
        changes.append(Change("matrix", "*", da, db, kind="matrix"))
    return changes


def _diff_keyed(kind: str, key: str, old_rows: list, new_rows: list) -> list[Change]:
    a = {getattr(r, key): r for r in old_rows}
    b = {getattr(r, key): r for r in new_rows}
    out: list[Change] = []
    for k, ra in a.items():
        rb = b.get(k)
        if rb is None:
            out.append(Change(k, "*", ra.model_dump(mode="json", exclude_defaults=True), None, kind=kind))
        elif ra is not rb and ra != rb:  # a reload reuses unchanged rows: identity settles most
            out += _record_changes(k, kind, ra.model_dump(mode="json"), rb.model_dump(mode="json"))
    for k, rb in b.items():
        if k not in a:
            out.append(Change(k, "*", None, rb.model_dump(mode="json", exclude_defaults=True), kind=kind))
    return out


class Rewinder:
    """The items of a board as they were at earlier times, undoing history records backwards.

    Only item records are undone (that is what burndown and the weekly update need). Call
    ``state_after(day)`` with days in decreasing order: each call undoes the records written after
    that (local) day and returns ``{id: item dict}`` for the end of that day.
    """

    def __init__(self, board: Board, records: list[Record]):
        self.items: dict[str, dict[str, Any]] = {it.id: it.model_dump(mode="json") for it in board.items}
        self._pending = [r for r in records if r.type == "change" and r.kind == "items" and r.item]
        self._pending.sort(key=lambda r: (r.local_date, r.ts, r.line))

    def state_after(self, day: dt.date) -> dict[str, dict[str, Any]]:
        while self._pending and self._pending[-1].local_date > day:
            self._undo(self._pending.pop())
        return self.items

    def state_before(self, when: dt.datetime) -> dict[str, dict[str, Any]]:
        while self._pending and self._pending[-1].ts >= when:
            self._undo(self._pending.pop())
        return self.items

    def _undo(self, r: Record) -> None:
        item = str(r.item)
        if r.field == "*":
            if r.old is None:
                self.items.pop(item, None)
            elif isinstance(r.old, dict):
                self.items[item] = {"id": item, **r.old}
            return
        if r.field == "id":  # a rename: the record names the new id
            cur = self.items.pop(str(r.new), None) or self.items.pop(item, None)
            if cur is not None:
                cur["id"] = r.old
                self.items[str(r.old)] = cur
            return
        cur = self.items.get(item)
        if cur is None or not r.field:
            return
        cur = self.items[item] = dict(cur)
        parts = r.field.split(".")
        target = cur
        for p in parts[:-1]:
            sub = target.get(p)
            sub = dict(sub) if isinstance(sub, dict) else {}
            target[p] = sub
            target = sub
        target[parts[-1]] = r.old
