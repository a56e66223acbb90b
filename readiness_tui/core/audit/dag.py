"""Histories that branch and merge: the hash chain as a DAG, its verification and its merge.

A history written by one clone is a chain: each record's ``prev`` is the hash of the line before
it. When two branches each append records and git merges them, the merge driver (``merge``) writes
the common records, ours' new records, theirs' new records -- each keeping the ``prev`` it was
written with -- and then a merge record::

    {"type":"merge","prev":<hash of the line before it>,"merges":[<the other heads it joins>],...}

So a record's ``prev`` is the hash of *some earlier line* (the line right above it, except for
the first record of a branch that was merged in), and every line but the last is referenced by a
later one. ``verify`` checks exactly that: each line hashes to its ``hash`` and is in canonical
form (not edited), every ``prev``/``merges`` names a line *above* it (nothing removed, nothing moved
ahead of what it follows), and at the end exactly one head is left -- the last line -- so a record
cannot be dropped from the end of a branch, nor a forged branch spliced in, without a merge record
that names it.

What the chain cannot prove on its own: that the newest records were not cut off, or the whole
file rewritten and re-hashed. A head kept elsewhere catches that: ``--head`` or a git anchor
(``anchors``), which ``verify`` is given as ``expected_heads``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from readiness_tui.core import audit
from readiness_tui.core.audit.chain import FORMAT_VERSION
from readiness_tui.core.audit.verify import Verification, history_lines, refs, verify_lines


def verify(path: Path | str, expected_heads: Iterable[str] = ()) -> Verification:
    """Verify a board's history file as a DAG (a board path is mapped to its history)."""
    return verify_lines(enumerate(history_lines(path), 1), expected_heads, dag=True)


# ---------------------------------------------------------------------- merge
def _split(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def merge(
    base: str,
    ours: str,
    theirs: str,
    actor: str,
    now: dt.datetime | None = None,
    sides: tuple[str, str] = ("ours", "theirs"),
) -> str:
    """The merged history text: ours' lines, theirs' lines ours lacks (in theirs' order), then a
    merge record joining the heads that are left. ``base`` is not needed (both sides are append-only
    and carry their common records), it is accepted for the driver's signature."""
    a = _split(ours)
    b = _split(theirs)
    have = set(a)
    new = [ln for ln in b if ln not in have]
    if not new:
        return ours if ours.endswith("\n") or not ours else ours + "\n"
    if not a:
        return "\n".join(b) + "\n"
    lines = a + new
    # Ours is one chain ending in its last line; only the lines added from theirs can open heads.
    heads = _heads([a[-1], *new])
    last = audit.line_hash(lines[-1])
    if len(heads) > 1:
        when = (now or dt.datetime.now()).astimezone()
        ts = when.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        local = when.isoformat(timespec="milliseconds")
        rec: dict[str, Any] = {
            "v": FORMAT_VERSION,
            "ts": ts,
            "local": local,
            "actor": actor,
            "source": "git",
            "type": "merge",
            "sides": list(sides),
            "merges": [h for h in heads if h != last],
            "prev": last,
        }
        rec["hash"] = audit.record_hash(rec)
        lines.append(audit.canonical(rec))
    return "\n".join(lines) + "\n"


def _heads(lines: list[str]) -> list[str]:
    """Hashes of lines no later line refers to, in file order (unparseable lines are skipped)."""
    heads: dict[str, None] = {}
    for line in lines:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict):
            for ref in refs(rec):
                heads.pop(ref, None)
        heads[audit.line_hash(line)] = None
    return list(heads)
