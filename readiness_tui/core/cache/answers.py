"""The answer cache: what ``lint``, ``order``, ``export``, ``list``, ``show``, ``search`` and ``report``
printed (and the item ids shell completion offers), given again while nothing it was computed
from has changed.

Such a command reads boards and prints; its output and exit code are a function of:

- the code: this package's ``core`` and ``cli`` (by content), Python, and the libraries whose words
  can reach the output (pydantic's and the TOML parsers' messages, networkx, orjson, click);
- the command, its options, and each board as named (the name is in the output);
- each board's bytes: its real path and the sha256 of the bytes just read;
- the date "today" (``READINESS_TODAY``, else the local date): an answer about what is overdue
  does not outlive its day;
- what the command read of the repository around a board (``read_log``: where a ``repo_root``
  resolves, the settings, a board's history file and its anchors in git), each read made again
  and compared before a replay.

An entry is replayed only when all of that is as it was when the command ran; otherwise the
command runs and its answer replaces the entry. An answer is kept only when every board the
command read is one of its named boards with the bytes its key was made of (a board that changed
between the key's read and the command's is not kept). Entries are this user's files in a 0700
directory beside the parse cache, never pickles: a version line, a key line, then two sealed pieces (``cache_files.write_sealed``:
length and digest first, so that a damaged entry is a miss): the JSON that lists the output's
pieces, and their bytes. On by the entry point's choice (``enable``), like the
parse cache; ``READINESS_NO_ANSWER_CACHE=1`` turns it off.

Reading a warm entry needs neither pydantic nor the model: at 10,000 items a repeated ``lint``
costs the bytes' hash and the replay instead of imports, model and analysis.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from readiness_tui.core.cache import read_log, read_once
from readiness_tui.core.cache.files import (
    Damaged,
    cache_root,
    code_digest,
    library_versions,
    private_dir,
    safe_file,
    unsealed,
    write_sealed,
)

ANSWER_FORMAT = 1
_MAGIC = b"readiness-answer"
OFF_ENV = "READINESS_NO_ANSWER_CACHE"
#: The libraries whose output or messages can reach an answer (their installed versions are keyed).
_LIBRARIES = ("pydantic", "pydantic_core", "rtoml", "tomlkit", "networkx", "orjson", "click")

#: One piece of output: (to stderr, written as bytes, the piece).
Piece = tuple[bool, bool, bytes]


@dataclass
class Answer:
    """What a command printed and how it exited."""

    pieces: list[Piece] = field(default_factory=list)
    code: int = 0


@dataclass
class Keyed:
    """A command about to run on boards: where its entry lives, and what it must match."""

    entry: Path
    key: bytes
    #: Real path -> sha256 of the bytes the key was made of.
    boards: dict[str, str]


#: Entries to write at the next ``flush``: (keyed, answer, reads).
_pending: list[tuple[Keyed, Answer, list[read_log.Read]]] = []


def cache_dir() -> Path:
    return cache_root() / "answers"


@lru_cache(maxsize=1)
def version_line() -> bytes:
    """Names the code that computes answers: a change to any file of it makes every entry stale."""
    from readiness_tui import __version__

    py = ".".join(map(str, sys.version_info[:3]))
    fields = [str(ANSWER_FORMAT), __version__, py, code_digest(), library_versions(_LIBRARIES)]
    return b" ".join([_MAGIC, *(f.encode() for f in fields)])


def prepare(command: str, options: Sequence[object], boards: Sequence[Path]) -> Keyed | None:
    """The key of ``command`` run on ``boards`` as things are now, or None when its answer is not
    kept (the cache is off, a board is not a regular file, "today" cannot be read)."""
    from readiness_tui.core.cache import loader  # whether answers are kept is the door's policy

    if not loader.answers_on() or os.environ.get(OFF_ENV):
        return None
    from readiness_tui.core.model.dates import today

    try:
        day = today().isoformat()
        named = []
        shas: dict[str, str] = {}
        for path in boards:
            real = path.resolve()
            if not real.is_file():  # a missing board is the command's message; a FIFO is read once
                return None
            sha = read_once.read_and_keep(real)[1]  # the load that follows takes the bytes
            shas[str(real)] = sha
            named.append([str(path), str(real), sha])
        key = json.dumps([command, [repr(o) for o in options], named, day]).encode()
    except (OSError, ValueError):
        return None
    name = hashlib.sha256(json.dumps([command, [repr(o) for o in options], [n[:2] for n in named]]).encode())
    return Keyed(cache_dir() / f"{name.hexdigest()[:32]}.answer", key, shas)


def lookup(keyed: Keyed) -> Answer | None:
    """The kept answer for ``keyed``, when its entry is sound and every read in it still gives what
    it gave; else None."""
    if not safe_file(keyed.entry):
        return None
    try:
        with open(keyed.entry, "rb") as fh:
            if fh.readline().rstrip(b"\n") != version_line() or fh.readline().rstrip(b"\n") != keyed.key:
                return None
            meta = json.loads(unsealed(fh))
            body = unsealed(fh)
            if fh.read(1):
                return None
        if not all(_still(kind, tuple(args), result) for kind, args, result in meta["reads"]):
            return None
        answer = Answer(code=int(meta["code"]))
        at = 0
        for to_err, as_bytes, length in meta["pieces"]:
            answer.pieces.append((bool(to_err), bool(as_bytes), body[at : at + length]))
            at += length
        return answer if at == len(body) else None
    except (OSError, ValueError, KeyError, TypeError, Damaged):
        return None


def _still(kind: str, args: tuple[str, ...], result: str) -> bool:
    """Whether a read from the repository gives what it gave when the answer was computed."""
    if kind == "root_problem" and len(args) == 2:
        from readiness_tui.core.gates.paths import root_problem

        return root_problem(args[0], args[1]) == result
    if kind == "settings" and len(args) == 2:
        from readiness_tui.core.settings.files import settings_fingerprint

        return settings_fingerprint(Path(args[0]), Path(args[1])) == result
    if kind == "file" and len(args) == 1:
        from readiness_tui.core.board.fsutil import file_sha256

        return file_sha256(Path(args[0])) == result
    if kind == "anchor_refs" and len(args) == 1:
        from readiness_tui.core.board.git_refs import anchor_refs_state

        return anchor_refs_state(Path(args[0])) == result
    return False  # a read this code cannot make again: the answer cannot be vouched for


def remember(keyed: Keyed, answer: Answer, reads: list[read_log.Read]) -> None:
    """Keep ``answer`` to write at the next ``flush``, when what the command read is what the key
    was made of: each board it read is a named one, with the same bytes."""
    for kind, args, result in reads:
        if kind == "board" and keyed.boards.get(args[0]) != result:
            return
    _pending.append((keyed, answer, [r for r in reads if r[0] != "board"]))


def pending() -> bool:
    return bool(_pending)


def forget_pending() -> None:
    """The entries were handed to a child that writes them (``caches.flush_in_background``)."""
    _pending.clear()


def flush() -> None:
    """Write every remembered entry (atomically; one that cannot be written is skipped: the next
    run computes its answer)."""
    while _pending:
        keyed, answer, reads = _pending.pop()
        try:
            _write(keyed, answer, reads)
        except Exception:  # noqa: BLE001, S112 - a cache that cannot be written is only slower
            continue


def _write(keyed: Keyed, answer: Answer, reads: list[read_log.Read]) -> None:
    private_dir(keyed.entry.parent)
    meta = {
        "code": answer.code,
        "pieces": [[to_err, as_bytes, len(piece)] for to_err, as_bytes, piece in answer.pieces],
        "reads": [[kind, list(args), result] for kind, args, result in reads],
    }
    tmp = keyed.entry.with_name(f".{keyed.entry.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(version_line() + b"\n" + keyed.key + b"\n")
            write_sealed(fh, json.dumps(meta).encode())
            write_sealed(fh, b"".join(piece for _, _, piece in answer.pieces))
        os.replace(tmp, keyed.entry)
    finally:
        if tmp.exists():
            tmp.unlink()
