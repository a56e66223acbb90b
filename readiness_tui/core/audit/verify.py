"""Verifying a history: each line on its own, then how the lines link.

Every line must be a JSON object in canonical form whose ``hash`` matches its content (not edited).
Links: in a *chain* each record's ``prev`` is the hash of the line right above it; once git has
merged branches (``history_dag``) the history is a *DAG*, where ``prev`` and a merge record's
``merges`` may name any line above, and exactly one head must be left at the end. Either way a
head published earlier (``expected_heads``) must still be in the file, else it was truncated or
rewritten.

A record takes one place: a line that repeats an earlier one, or a record that follows a record
another already follows (a fork), is refused, naming its line, unless the fork is one of the
branches a merge record later joins (both branches of a merge follow the fork point).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from readiness_tui.core.audit.chain import GENESIS, canonical, history_path, line_hash, record_hash


class Verification(NamedTuple):
    ok: bool
    first_bad_line: int | None
    message: str
    records: int = 0
    head: str = GENESIS
    merges: int = 0
    missing_heads: tuple[str, ...] = ()


def refs(rec: dict[str, Any]) -> list[str]:
    """The lines a record follows: its ``prev``, and a merge record's ``merges``."""
    out = [str(rec.get("prev"))]
    if rec.get("type") == "merge":
        extra = rec.get("merges")
        if isinstance(extra, list):
            out += [str(x) for x in extra]
    return out


def _line_problem(n: int, line: str) -> tuple[dict[str, Any] | None, str]:
    """The parsed record of line ``n``, or why the line cannot be one."""
    if not line.strip():
        return None, f"line {n}: empty line inside the history"
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"line {n}: not a JSON record ({exc.msg})"
    if not isinstance(rec, dict):
        return None, f"line {n}: not a JSON object"
    if rec.get("hash") != record_hash(rec):
        return None, f"line {n}: record was modified (its hash does not match its content)"
    if canonical(rec) != line:
        return None, f"line {n}: record was rewritten (not in the form it was written in)"
    return rec, ""


def _unlinked(n: int, dag: bool) -> str:
    if n == 1:
        why = "the history does not start at the beginning: earlier records were removed"
    elif dag:
        why = "follows a record that is not above it: a record was removed, inserted or reordered"
    else:
        why = f"does not follow line {n - 1}: a record before it was removed, inserted or reordered"
    return f"line {n}: {why}"


class _Branches:
    """Which branch each record is on: a record that follows one already followed opens a new
    branch (a fork, named by its line); a merge record joins the branches of all it follows."""

    def __init__(self) -> None:
        self.of: dict[str, int] = {GENESIS: 0}  # record hash -> the line that opened its branch
        self.followed: dict[str, int] = {}  # record hash -> the first line that follows it
        self.forks: dict[int, int] = {}  # fork line -> the line that followed the same record first
        self.parent: dict[int, int] = {0: 0}

    def find(self, b: int) -> int:
        while self.parent[b] != b:
            self.parent[b] = self.parent[self.parent[b]]
            b = self.parent[b]
        return b

    def add(self, n: int, this: str, follows: list[str]) -> None:
        prev = follows[0]
        if prev in self.followed:
            self.forks[n] = self.followed[prev]
            self.parent[n] = n
            branch = n
        else:
            self.followed[prev] = n
            branch = self.of[prev]
        self.of[this] = branch
        for ref in follows[1:]:  # a merge record's other heads: their branches are joined here
            if ref in self.followed:  # not a head any more: joins nothing (a copied merge record)
                continue
            self.followed[ref] = n
            self.parent[self.find(self.of[ref])] = self.find(branch)

    def unjoined(self) -> tuple[int, int] | None:
        """The first fork no merge record joins to the rest, with the line it competes with (the
        later of two records that follow one record is the copy, whichever of them is the head)."""
        top = self.find(0)
        for n, other in sorted(self.forks.items()):
            if self.find(n) != top:
                return n, other
        return None


def verify_lines(lines: Iterable[tuple[int, str]], expected_heads: Iterable[str] = (), *, dag: bool) -> Verification:
    """Verify numbered history lines as a chain, or as a DAG (``dag``); see the module doc."""
    seen = {GENESIS: 0}
    open_heads: dict[str, int] = {}
    branches = _Branches()
    head = GENESIS
    count = merges = last_line = 0
    for n, line in lines:
        last_line = n
        rec, problem = _line_problem(n, line)
        if rec is None:
            return Verification(False, n, problem, count, head, merges)
        this = line_hash(line)
        if this in seen:
            # The same bytes twice: a copy (no writer and no merge ever writes a line twice).
            why = f"line {n}: repeats line {seen[this]}: a record was copied"
            return Verification(False, n, why, count, head, merges)
        ours = refs(rec) if dag else [str(rec.get("prev"))]
        for ref in ours:
            if (ref not in seen) if dag else (ref != head):
                return Verification(False, n, _unlinked(n, dag), count, head, merges)
            open_heads.pop(ref, None)
        branches.add(n, this, ours)
        head = this
        seen[head] = n
        open_heads[head] = n
        count += 1
        merges += rec.get("type") == "merge"
    forked = branches.unjoined()
    if forked is not None:
        n, other = forked
        why = f"line {n}: follows the same record as line {other}, and no merge record joins them: a record was copied or inserted"
        return Verification(False, n, why, count, head, merges)
    if len(open_heads) > 1:
        loose = min(ln for h, ln in open_heads.items() if h != head)
        why = (
            "a branch ends here that no merge record joins: a record after it was removed, or the branch was spliced in"
        )
        return Verification(False, loose, f"line {loose}: {why}", count, head, merges)
    missing = tuple(h for h in expected_heads if h and h not in seen)
    if missing:
        bad = last_line + 1 if last_line else None
        why = f"the history no longer contains head {missing[0][:12]}…: it was truncated or rewritten"
        return Verification(False, bad, why, count, head, merges, missing)
    if count == 0:
        return Verification(True, None, "no history yet")
    joined = f", {merges} merge(s)" if merges else ""
    return Verification(True, None, f"{count} records{joined}, chain intact, head {head}", count, head, merges)


def history_lines(path: Path | str) -> list[str]:
    """The lines of a board's history file (a board path is mapped to its history); none if missing."""
    try:
        text = history_path(path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def verify(path: Path | str, expected_head: str | None = None) -> Verification:
    """Check a board's whole history; a history with merge records is checked as a DAG.

    Returns ``(ok, first_bad_line, message, records, head, merges, missing_heads)``. With
    ``expected_head`` (a head printed earlier), the history must still pass through it.
    """
    lines = history_lines(path)
    dag = any('"type":"merge"' in line for line in lines)
    return verify_lines(enumerate(lines, 1), [expected_head] if expected_head else [], dag=dag)
