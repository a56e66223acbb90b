"""Which items a changed file concerns: evidence patterns and watch globs, indexed once per board.

An item's ``gate.watch`` globs say which files its result depends on; without them, anything under
the repo root (outside ignored dirs, the board file, the state file and every gate's evidence)
counts.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from readiness_tui.core.gates.checks import check_paths
from readiness_tui.core.gates.evidence import evidence_matches
from readiness_tui.core.gates.paths import (
    IGNORED_DIRS,
    PathEscape,
    glob_match,
    ignored_name,
    ignored_rel,
    is_glob,
    normalize_rel,
    relpath,
    state_path_name,
    walk,
)
from readiness_tui.core.model.board import Board


class ChangeIndex:
    """Maps repo-relative paths to the items whose evidence or watched files they are.

    Each path's items are a tuple: nearly every path on a large board names one item (its own
    evidence directory), and a set of one id is 216 bytes where a tuple is 48."""

    def __init__(self, board: Board, root: Path, board_path: Path | None = None):
        self.root = root
        self.board_rel = relpath(root, board_path) if board_path else None
        self.state_rel = relpath(root, board_path.parent / state_path_name(board_path)) if board_path else None
        # evidence: exact paths and globs -> items
        evidence_exact: dict[str, list[str]] = defaultdict(list)
        evidence_globs: dict[str, list[str]] = defaultdict(list)
        watch_globs: dict[str, list[str]] = defaultdict(list)
        self.default_watch: set[str] = set()
        for it in board.items:
            g = it.gate
            if g is None:
                continue
            # The files a declarative check reads refresh it as evidence does (a new coverage report).
            for pat in (*g.evidence, *check_paths(g)) if g.checks else g.evidence:
                try:
                    rel = normalize_rel(pat)
                except PathEscape:
                    continue
                (evidence_globs if is_glob(rel) else evidence_exact)[rel].append(it.id)
            if not g.verify.strip():
                continue
            if g.watch:
                for pat in g.watch:
                    try:
                        watch_globs[normalize_rel(pat)].append(it.id)
                    except PathEscape:
                        continue
            else:
                self.default_watch.add(it.id)
        self.evidence_exact: dict[str, tuple[str, ...]] = _frozen(evidence_exact)
        self.evidence_globs: dict[str, tuple[str, ...]] = _frozen(evidence_globs)
        self.watch_globs: dict[str, tuple[str, ...]] = _frozen(watch_globs)
        # A directory prefix -> the exact evidence below it (for a removed/created directory).
        evidence_dirs: dict[str, list[str]] = defaultdict(list)
        for rel, ids in self.evidence_exact.items():
            parts = rel.split("/")
            for n in range(1, len(parts)):
                evidence_dirs["/".join(parts[:n])].extend(ids)
        self._evidence_dirs = _frozen(evidence_dirs)

    def is_ignored(self, rel: str) -> bool:
        return ignored_rel(rel) or rel == self.state_rel

    def evidence_items(self, rel: str) -> set[str]:
        """Items whose evidence a change to ``rel`` may have created or removed."""
        out: set[str] = set()
        # rel itself or a directory above it is named as evidence
        parts = rel.split("/")
        for n in range(len(parts), 0, -1):
            out.update(self.evidence_exact.get("/".join(parts[:n]), ()))
        out.update(self._evidence_dirs.get(rel, ()))
        for pat, ids in self.evidence_globs.items():
            if evidence_matches(pat, rel):
                out.update(ids)
        return out

    def is_evidence(self, rel: str) -> bool:
        return bool(self.evidence_items(rel))

    def _never_watched(self, rel: str) -> bool:
        """The board file and what ``is_ignored`` names: no gate's result depends on them."""
        return rel == self.board_rel or self.is_ignored(rel)

    def watched_by_glob(self, rel: str) -> set[str]:
        """Items whose ``watch`` globs match ``rel``: a change to it makes their results stale."""
        if self._never_watched(rel):
            return set()
        out: set[str] = set()
        for pat, ids in self.watch_globs.items():
            if glob_match(pat, rel):
                out.update(ids)
        return out

    def watched_by_default(self, rel: str) -> bool:
        """Whether a change to ``rel`` makes stale the results of the items without ``watch``
        globs (``default_watch``, which watch the whole repo). A yes or no, not their ids: every
        file a teammate saves concerns them all, and naming 90,000 of them per file held up the
        app's loop on every batch."""
        return bool(self.default_watch) and not (self._never_watched(rel) or self.is_evidence(rel))


def _frozen(index: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Each path's ids as a tuple, each once (an item may name a path twice), in board order."""
    return {path: tuple(dict.fromkeys(ids)) if len(ids) > 1 else tuple(ids) for path, ids in index.items()}


class FileChange(NamedTuple):
    """The newest change to the files a gate watches: when, and which file (repo-relative)."""

    at: float
    path: str


def scan_changed_at(index: ChangeIndex) -> tuple[dict[str, FileChange], FileChange | None]:
    """Walk the repo once: for every item with ``watch`` globs, the newest change among the files
    it watches; and the newest change of all that the items without globs watch (one for them all).

    Meant for a worker thread when a board opens (a walk of the whole repo).
    """
    out: dict[str, FileChange] = {}
    if not index.watch_globs and not index.default_watch:
        return out, None
    newest_default = FileChange(0.0, "")
    # Only ignored directories are pruned here; ignored file names are dropped below.
    for entry, rel, is_dir in walk(str(index.root), "", lambda name, _rel: name in IGNORED_DIRS):
        if is_dir or ignored_name(entry.name) or rel == index.board_rel or rel == index.state_rel:
            continue
        try:
            mtime = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        for pat, ids in index.watch_globs.items():
            if glob_match(pat, rel):
                for i in ids:
                    if i not in out or mtime > out[i].at:
                        out[i] = FileChange(mtime, rel)
        if index.default_watch and mtime > newest_default.at and not index.is_evidence(rel):
            newest_default = FileChange(mtime, rel)
    return out, (newest_default if newest_default.at else None)


def newest(a: FileChange | None, b: FileChange | None) -> FileChange | None:
    """The later of two changes (either may be None)."""
    if a is None or (b is not None and b.at > a.at):
        return b
    return a
