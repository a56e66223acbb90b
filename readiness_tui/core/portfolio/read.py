"""Reading every board of a portfolio: at a ref through git (one ``cat-file`` per repository,
nothing checked out), or from disk; each board parsed once per blob (the cache the caller hands
in is keyed by git's blob id, which already names the bytes), then summed up.

A board that does not parse, a ref or path that does not exist, a repository that is missing:
each is that board's row with its error, never a failed run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from readiness_tui.core.board.parse import decode, parse_board_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates.evaluate import evaluate_gate
from readiness_tui.core.gates.evidence import EvidenceCheck, check_evidence
from readiness_tui.core.gates.paths import PathEscape, glob_match, is_glob, normalize_rel, repo_root
from readiness_tui.core.gates.state import GateState
from readiness_tui.core.gates.waivers import waivers_by_item
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.dates import today as today_of
from readiness_tui.core.model.problems import BoardError
from readiness_tui.core.portfolio.gitread import CatFile, Found, GitReadError, last_changes, tree_names
from readiness_tui.core.portfolio.sources import Entry
from readiness_tui.core.portfolio.summary import BoardRow, failed, summarize


class BoardCache(Protocol):
    """Parsed boards by blob id, and when a path last changed by (commit, path); kept by the caller
    (``core.cache.portfolio`` on disk)."""

    def board(self, blob: str) -> Board | None: ...
    def keep_board(self, blob: str, board: Board) -> None: ...
    def changed(self, commit: str, path: str) -> dt.datetime | None: ...
    def keep_changed(self, commit: str, path: str, when: dt.datetime) -> None: ...


class NoCache:
    """Every board parsed again (no cache given)."""

    def board(self, blob: str) -> Board | None:
        return None

    def keep_board(self, blob: str, board: Board) -> None:
        pass

    def changed(self, commit: str, path: str) -> dt.datetime | None:
        return None

    def keep_changed(self, commit: str, path: str, when: dt.datetime) -> None:
        pass


@dataclass
class ReadStats:
    """What a read cost: boards parsed, boards the cache gave, git processes started."""

    parsed: int = 0
    cached: int = 0
    git_processes: int = 0
    repositories: set[str] = field(default_factory=set)


def blob_id(data: bytes) -> str:
    """The id git gives these bytes as a blob (so a file on disk shares the cache with git)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def read_portfolio(
    entries: list[Entry], cache: BoardCache | None = None, stats: ReadStats | None = None
) -> list[BoardRow]:
    """One row per board, in the order of ``entries`` (a directory entry becomes its boards)."""
    cache = cache or NoCache()
    stats = stats or ReadStats()
    rows: dict[int, list[BoardRow]] = {}
    by_repo: dict[Path, list[int]] = {}
    for n, e in enumerate(entries):
        if e.problem:
            rows[n] = [failed(e, e.problem)]
        elif e.repo is not None and e.ref is not None:
            by_repo.setdefault(e.repo, []).append(n)
        else:
            rows[n] = [_read_file(e, cache, stats)]
    for repo, ns in by_repo.items():
        found = _read_repo(repo, [entries[n] for n in ns], cache, stats)
        for n, got in zip(ns, found, strict=True):
            rows[n] = got
    return [row for n in range(len(entries)) for row in rows[n]]


def _parse(data: bytes, name: str, blob: str, cache: BoardCache, stats: ReadStats) -> Board:
    board = cache.board(blob)
    if board is not None:
        stats.cached += 1
        return board
    board = _parse_new(data, name, stats)
    cache.keep_board(blob, board)
    return board


def _parse_new(data: bytes, name: str, stats: ReadStats) -> Board:
    board, _segments = parse_board_segments(decode(data, name), name)
    stats.parsed += 1
    return board


def _read_file(e: Entry, cache: BoardCache, stats: ReadStats) -> BoardRow:
    path = Path(e.path)
    try:
        data = path.read_bytes()
        changed = dt.datetime.fromtimestamp(os.stat(path).st_mtime, dt.UTC)
    except OSError as exc:
        return failed(e, f"{e.path}: cannot read the board ({exc.strerror})")
    blob = blob_id(data)
    try:
        board = _parse(data, e.path, blob, cache, stats)
    except BoardError as exc:
        return failed(e, exc.describe())
    root = repo_root(path, board.board.repo_root)
    status = _gate_status(board, GateState.for_board(path), lambda p: check_evidence(root, p))
    return summarize(e, board, status, changed, blob)


def _gate_status(board: Board, state: GateState, evidence: Callable[[str], EvidenceCheck]) -> dict[str, str]:
    """Each gate's status from what is recorded (the last runs kept in the clone) and its evidence:
    nothing runs here. A command with no recorded run is ``not-run``, which holds a go."""
    today = today_of(board.board.today)
    waivers = waivers_by_item(board, today)
    out: dict[str, str] = {}
    for it in board.items:
        if it.gate is None or it.gate.is_empty:
            continue
        checks = [evidence(p) for p in it.gate.evidence]
        view = evaluate_gate(it, checks, state.get(it.id), waivers.get(it.id), trusted=True)
        out[it.id] = view.status
    return out


def _read_repo(repo: Path, entries: list[Entry], cache: BoardCache, stats: ReadStats) -> list[list[BoardRow]]:
    try:
        git = CatFile(repo)
    except GitReadError as exc:
        return [[failed(e, f"{e.where}: repository {repo}: {exc}")] for e in entries]
    stats.git_processes += 1
    stats.repositories.add(str(repo))
    with git:
        try:
            return _read_in(git, repo, entries, cache, stats)
        except GitReadError as exc:
            return [[failed(e, f"{e.where}: {exc}")] for e in entries]


def _read_in(
    git: CatFile, repo: Path, entries: list[Entry], cache: BoardCache, stats: ReadStats
) -> list[list[BoardRow]]:
    refs = sorted({e.ref for e in entries if e.ref})
    heads = git.info([f"{ref}^{{commit}}" for ref in refs])
    commit = {ref: heads[f"{ref}^{{commit}}"].sha for ref in refs}
    specs = [f"{e.ref}:{e.path.rstrip('/')}" for e in entries if commit.get(e.ref or "")]
    found = git.info(specs)
    # Directories at the ref: their *.toml are the boards.
    trees = [found[s].sha for s in specs if found[s].kind == "tree"]
    listed = git.contents(trees)
    boards: list[list[Entry]] = []
    for e in entries:
        f = found.get(f"{e.ref}:{e.path.rstrip('/')}")
        if f is not None and f.kind == "tree":
            names = sorted(n for mode, n, _sha in tree_names(listed[f.sha]) if n.endswith(".toml") and mode != "40000")
            boards.append([e.at(f"{e.path.rstrip('/')}/{n}") for n in names])
        else:
            boards.append([e])
    flat = [b for group in boards for b in group if commit.get(b.ref or "") and not b.is_dir]
    blobs = git.info([f"{b.ref}:{b.path}" for b in flat])
    shas = {f.sha for f in blobs.values() if f.kind == "blob"}
    # Each blob is taken from the cache or parsed once, however many boards name it.
    parsed: dict[str, Board] = {}
    for sha in sorted(shas):
        kept = cache.board(sha)
        if kept is not None:
            parsed[sha] = kept
            stats.cached += 1
    data = git.contents(sorted(shas - parsed.keys()))
    errors: dict[str, BoardError] = {}
    by_ref: dict[str, list[Board]] = {}
    for b in flat:
        spec = f"{b.ref}:{b.path}"
        f = blobs[spec]
        if f.kind != "blob":
            continue
        if f.sha not in parsed:
            try:
                parsed[f.sha] = _parse_new(data.get(f.sha, b""), b.where, stats)
                cache.keep_board(f.sha, parsed[f.sha])
            except BoardError as exc:
                errors[spec] = exc
                continue
        by_ref.setdefault(b.ref or "", []).append(parsed[f.sha])
    # Evidence is looked up at each ref in one round for every board read there.
    at_ref = {ref: _AtRef(git, ref, repo) for ref in refs}
    for ref, looker in at_ref.items():
        looker.prefetch(by_ref.get(ref, []))
    when = _changes(repo, flat, commit, cache, stats)
    out: list[list[BoardRow]] = []
    for e, group in zip(entries, boards, strict=True):
        if not commit.get(e.ref or ""):
            out.append([failed(e, f"{e.where}: no ref {e.ref!r} in {repo}")])
            continue
        if not group:
            out.append([failed(e, f"{e.where}: no board (*.toml) in {e.path} at {e.ref}")])
            continue
        rows = []
        for b in group:
            spec = f"{b.ref}:{b.path}"
            f = blobs.get(spec)
            got = errors.get(spec) or (parsed.get(f.sha) if f is not None else None)
            rows.append(_row(b, f, got, at_ref[b.ref or ""], when, repo))
        out.append(rows)
    return out


def _row(
    b: Entry,
    f: Found | None,
    got: Board | BoardError | None,
    at_ref: _AtRef,
    when: dict[tuple[str, str], dt.datetime],
    repo: Path,
) -> BoardRow:
    if f is None or not f.exists:
        return failed(b, f"{b.where}: no such file at {b.ref}")
    if f.kind != "blob" or got is None:
        return failed(b, f"{b.where}: a {f.kind}, not a board file")
    if isinstance(got, BoardError):
        return failed(b, got.describe())
    status = _gate_status(got, GateState.for_board(repo / b.path), at_ref.check)
    return summarize(b, got, status, when.get((b.ref or "", b.path)), f.sha)


def _changes(
    repo: Path, boards: list[Entry], commit: dict[str, str], cache: BoardCache, stats: ReadStats
) -> dict[tuple[str, str], dt.datetime]:
    """When each board last changed at its ref: the cache's answer for (commit, path), else one
    ``git log`` per ref for the boards it lacks."""
    out: dict[tuple[str, str], dt.datetime] = {}
    missing: dict[str, list[str]] = {}
    for b in boards:
        ref = b.ref or ""
        kept = cache.changed(commit[ref], b.path)
        if kept is not None:
            out[(ref, b.path)] = kept
        else:
            missing.setdefault(ref, []).append(b.path)
    for ref, paths in missing.items():
        stats.git_processes += 1
        for path, when in last_changes(repo, commit[ref], paths).items():
            out[(ref, path)] = when
            cache.keep_changed(commit[ref], path, when)
    return out


class _AtRef:
    """Evidence checked in the tree at the ref (not in the work tree): a path is present when the
    ref has it; a glob is matched against the ref's file list, read once per repository."""

    def __init__(self, git: CatFile, ref: str, repo: Path) -> None:
        self.git, self.ref, self.repo = git, ref, repo
        self._files: list[str] | None = None
        self._present: dict[str, bool] = {}

    def prefetch(self, boards: list[Board]) -> None:
        """Ask for every literal evidence path of ``boards`` in one round."""
        paths: set[str] = set()
        for it in (it for board in boards for it in board.items):
            for pattern in it.gate.evidence if it.gate is not None else ():
                try:
                    rel = normalize_rel(pattern)
                except PathEscape:
                    continue
                if not is_glob(rel):
                    paths.add(rel)
        found = self.git.info([f"{self.ref}:{p}" for p in sorted(paths)])
        self._present.update({p: found[f"{self.ref}:{p}"].exists for p in paths})

    def check(self, pattern: str) -> EvidenceCheck:
        try:
            rel = normalize_rel(pattern)
        except PathEscape as exc:
            return EvidenceCheck(pattern, False, str(exc))
        if not is_glob(rel):
            if rel not in self._present:
                self._present[rel] = self.git.info([f"{self.ref}:{rel}"])[f"{self.ref}:{rel}"].exists
            return EvidenceCheck(pattern, self._present[rel])
        matches = [p for p in self._list() if glob_match(rel, p, below=False)]
        return EvidenceCheck(pattern, bool(matches), matches=tuple(matches[:20]))

    def _list(self) -> list[str]:
        if self._files is None:
            import subprocess

            done = subprocess.run(
                ["git", "-C", str(self.repo), "ls-tree", "-r", "--name-only", "-z", self.ref],
                capture_output=True,
                check=False,
            )
            self._files = [p for p in done.stdout.decode("utf-8", "replace").split("\0") if p]
        return self._files


def open_board(row: BoardRow) -> BoardStore:
    """The board behind a row, to drill into: read at its ref (by the blob the row was read from,
    so it is the board the row sums up) or from disk. Raises ``BoardError`` or ``GitReadError``."""
    e = row.entry
    if e.repo is None or e.ref is None:
        return BoardStore.load(Path(e.path))
    with CatFile(e.repo) as git:
        data = git.contents([row.blob or f"{e.ref}:{e.path}"])
    got = next(iter(data.values()), None)
    if got is None:
        raise GitReadError(f"{e.where}: no longer in {e.repo}")
    return BoardStore.from_text(decode(got, e.where), e.where)
