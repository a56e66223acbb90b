"""The audit trail's hash chain: every change to a board, appended to a hash-chained JSON Lines history.

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
  comparing with a head published earlier (``verify.verify(path, expected_head=...)``).

Record types: ``change`` (one ``Change`` of the store: item, field, old, new, kind) and ``standup``
(a standup was held; "done since the last standup" is measured from the latest one).

A batch of records is appended with one ``write`` and one ``fsync`` (``append_bodies``) under
an advisory lock, so the app and the CLI appending at the same time cannot fork the chain.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

from readiness_tui.core.audit.actor import default_actor
from readiness_tui.core.board.fsutil import fsync_dir
from readiness_tui.core.model.records import Change

try:  # POSIX advisory locks; elsewhere appends are simply unlocked.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

#: ``prev`` of the first record of every history.
GENESIS = "0" * 64
HISTORY_SUFFIX = ".history.jsonl"
FORMAT_VERSION = 1
SOURCES = ("app", "cli", "reload", "found", "import", "merge", "agent")


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
    def from_dict(cls, n: int, d: dict[str, Any]) -> Record:
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
            noun = _NOUNS.get(self.kind, self.kind)
            return f"{when}  {self.actor}  {noun} {self.item} {what}  [{self.source}]"
        where = self.item if self.kind == "items" else f"{self.kind}:{self.item}"
        return f"{when}  {self.actor}  {where}.{self.field}: {_short(self.old)} -> {_short(self.new)}  [{self.source}]"


_NOUNS = {
    "items": "item",
    "risks": "risk",
    "phases": "phase",
    "milestones": "milestone",
    "waivers": "waiver",
    "deliverables": "deliverable",
    "progress": "progress note",
    "sections": "section",
}


def _short(value: Any, width: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False, default=_json_default) if not isinstance(value, str) else value
    return text if len(text) <= width else text[: width - 1] + "…"


def parse_ts(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.min.replace(tzinfo=dt.UTC)
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _stamps(now: dt.datetime | None) -> tuple[str, str]:
    """(UTC, local) ISO timestamps. A given ``now`` is kept in its own zone as the local time."""
    if now is None:
        now = dt.datetime.now().astimezone()
    elif now.tzinfo is None:
        now = now.astimezone()  # a naive time is local time
    utc = now.astimezone(dt.UTC)
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
    board: str | None = None,
    base: str | None = None,
) -> str:
    """Append one record per change to the board's history; returns the new head hash.

    All records of the batch go out in one write followed by one fsync. Nothing is written for an
    empty batch. ``source`` is ``app``, ``cli``, ``reload`` (a change found on disk by the app) or
    ``found`` (found on disk by any other reader). ``board`` is the sha256 of the board text the
    batch produces and ``base`` of the text it started from: with them the next reader can tell
    whether the board on disk is the one the history ends at (see ``reconcile``).
    """
    extra = {k: v for k, v in (("board", board), ("base", base)) if v}
    bodies = [{**_change_body(c), **extra} for c in changes]
    return append_bodies(board_path, bodies, actor, source, now)


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
    return append_bodies(board_path, [body], actor, source, now)


def append_bodies(
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
        if not ends_with_newline and last is not None:
            # A writer died in the middle of its line: cut the torn bytes and say so in the
            # history itself, rather than appending after them (which would break the chain).
            torn = _torn_tail(fd)
            os.ftruncate(fd, os.lseek(fd, 0, os.SEEK_END) - len(torn))
            repair = {"type": "repair", "dropped_bytes": len(torn), "dropped_sha256": hashlib.sha256(torn).hexdigest()}
            bodies = [repair, *bodies]
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


def reverse_lines(fd: int, block: int = 65536) -> Iterator[bytes]:
    """The lines of an open file from the last to the first, without their newlines. The first one
    is what follows the last newline: ``b""`` when the file ends with one, else a torn line."""
    pos = os.lseek(fd, 0, os.SEEK_END)
    rest = b""
    while pos > 0:
        step = min(block, pos)
        pos -= step
        parts = (os.pread(fd, step, pos) + rest).split(b"\n")
        rest = parts[0]  # may continue in the block before
        yield from reversed(parts[1:])
    yield rest


def _last_line_fd(fd: int) -> tuple[str | None, bool]:
    """The last non-empty line of an open file, and whether the file ends with a newline."""
    lines = reverse_lines(fd, 4096)
    tail = next(lines)
    last = tail or next((line for line in lines if line), None)
    return (last.decode("utf-8", errors="replace") if last is not None else None), not tail


def _torn_tail(fd: int) -> bytes:
    """The bytes after the last newline of an open file (a line whose writer died mid-write)."""
    return next(reverse_lines(fd))


@contextlib.contextmanager
def open_history(path: Path | str) -> Iterator[int | None]:
    """A read-only descriptor of a board's history file, None when there is none yet."""
    try:
        fd = os.open(history_path(path), os.O_RDONLY)
    except FileNotFoundError:
        yield None
        return
    try:
        yield fd
    finally:
        os.close(fd)


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
    out: list[Record] = []
    for n, line in _lines(history_path(path)):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError:
            continue
        if not isinstance(d, dict):
            continue
        if d.get("type") == "aborted":
            # The batch it names never reached the board (its writer died between writing the
            # history and the board): what it says did not happen.
            never = d.get("never_written")
            out = [r for r in out if not (r.type == "change" and r.data.get("board") == never)]
        out.append(Record.from_dict(n, d))
    return out


def head(path: Path | str) -> str:
    """sha256 of the last record line, ``GENESIS`` when there is no history."""
    with open_history(path) as fd:
        last = _last_line_fd(fd)[0] if fd is not None else None
    return line_hash(last) if last is not None else GENESIS
