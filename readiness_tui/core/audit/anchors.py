"""History anchors kept by git: a head of a board's history, stored where anyone with the repository sees it.

``anchor(board)`` writes a small JSON blob (board path, head, record count, time) into the
repository's object store and points a ref at it::

    refs/readiness/anchors/<sha256 of the board's repo-relative path, 16 hex>/<head, 16 hex>

One ref per anchored head, so every anchor ever taken is checked, not only the last one. Refs travel
with ``git push origin 'refs/readiness/*:refs/readiness/*'`` and ``git fetch origin
'refs/readiness/*:refs/readiness/*'``. ``verify`` hands every anchored head to the history
verification: a history that no longer contains one was truncated or rewritten before it.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from readiness_tui.core import audit
from readiness_tui.core.audit import dag as history_dag
from readiness_tui.core.board.git_refs import REF_ROOT, anchor_refs, git, ref_prefix, work_tree

__all__ = ["REF_ROOT", "Anchor", "AnchorError", "AnchorStatus", "anchor", "anchors", "ref_prefix", "repo_root"]


class AnchorError(Exception):
    """Anchoring is impossible here (no git, not a repository); the message says why."""


@dataclass(frozen=True)
class Anchor:
    ref: str
    head: str
    records: int
    ts: str


@dataclass(frozen=True)
class AnchorStatus:
    """What the weekly update shows: the head now and whether an anchor holds exactly it."""

    head: str
    anchored: bool
    anchors: int
    in_repository: bool


def _git(repo: Path, *args: str, input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    try:
        return git(repo, *args, input_text=input_text)
    except FileNotFoundError:
        raise AnchorError("git is not installed: anchors live in a git repository") from None


def repo_root(board: Path) -> Path | None:
    """The work tree holding the board, or None when it is not in a git repository."""
    return work_tree(board)


def anchor(board: Path, now: dt.datetime | None = None) -> Anchor:
    """Anchor the board's current history head in its repository. Refuses a history that does not verify."""
    root = repo_root(board)
    if root is None:
        raise AnchorError(f"{board}: not inside a git repository, so there is nowhere to keep an anchor")
    result = history_dag.verify(board)
    if not result.ok:
        raise AnchorError(
            f"{audit.history_path(board)}: the history does not verify ({result.message}); not anchoring it"
        )
    if result.records == 0:
        raise AnchorError(f"{audit.history_path(board)}: no history yet, nothing to anchor")
    when = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    rel = board.resolve().relative_to(root.resolve()).as_posix()
    ts = when.isoformat(timespec="seconds")
    body = {"board": rel, "head": result.head, "records": result.records, "ts": ts}
    blob = _git(root, "hash-object", "-w", "--stdin", input_text=json.dumps(body, sort_keys=True) + "\n")
    if blob.returncode != 0:
        raise AnchorError(f"git hash-object failed: {blob.stderr.strip()}")
    ref = f"{ref_prefix(board, root)}/{result.head[:16]}"
    upd = _git(root, "update-ref", ref, blob.stdout.strip())
    if upd.returncode != 0:
        raise AnchorError(f"git update-ref {ref} failed: {upd.stderr.strip()}")
    return Anchor(ref, result.head, result.records, ts)


def anchors(board: Path) -> list[Anchor]:
    """Every anchor of this board found in its repository (none outside a repository)."""
    root, refs = anchor_refs(board)
    if root is None:
        return []
    out: list[Anchor] = []
    for ref, obj in refs:
        body = _git(root, "cat-file", "blob", obj)
        try:
            data = json.loads(body.stdout)
            out.append(Anchor(ref, str(data["head"]), int(data.get("records", 0)), str(data.get("ts") or "")))
        except (ValueError, KeyError, TypeError):
            # A ref under our prefix that is not an anchor blob is itself a sign of tampering.
            out.append(Anchor(ref, f"<unreadable anchor {obj[:12]}>", 0, ""))
    return out


def verify(board: Path, expected_head: str | None = None) -> audit.Verification:
    """Verify the history as a DAG and check it still holds every anchored head (and ``expected_head``)."""
    heads = [a.head for a in anchors(board)]
    if expected_head:
        heads.append(expected_head)
    return history_dag.verify(board, heads)


def status(board: Path) -> AnchorStatus:
    """The head now and whether it is anchored (for the weekly update)."""
    head = audit.head(board)
    found = anchors(board)
    return AnchorStatus(head, any(a.head == head for a in found), len(found), repo_root(board) is not None)
