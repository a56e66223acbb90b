"""Three-way merge of board files by record and field (what ``git merge`` runs on a board).

Each side's text is split into segments (one per top-level table, see ``segments``) and every
segment is keyed: ``[[items]]``, ``[[risks]]``, ``[[phases]]``, ``[[milestones]]`` by their id,
``[board]``/``[matrix]``/the preamble by their name, the other arrays (waivers, progress ...) by
their content. A segment one side left alone takes the other side's text byte for byte, so
disjoint edits keep both sides' formatting and comments. A record both sides changed is merged
field by field onto ours' text (through tomlkit, so ours' comments stay); a field changed both ways,
an id added on both sides with different values, and a record deleted on one side and edited on the
other become ``[[conflicts]]`` records at the end of the board, and ``MergeResult.conflicts`` is
non-zero so the driver can tell git.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import rtoml

from readiness_tui.core.board.segments import Segment, split_segments
from readiness_tui.core.gitmerge.fields import apply_fields, flatten, render_conflicts

#: Arrays whose rows have an id; the others are matched by content.
KEYED = {"items": "id", "risks": "id", "phases": "id", "milestones": "id"}
#: Fast path for the id: the first ``id = "..."`` line of a segment (a full parse otherwise).
_ID_RE = re.compile(r'^[ \t]*id[ \t]*=[ \t]*"([^"\\\n]*)"[ \t]*(?:#[^\n]*)?$', re.MULTILINE)
_SUB_RE = re.compile(r"^[ \t]*\[", re.MULTILINE)

Key = tuple[str, str]


@dataclass
class Conflict:
    """One field that both sides changed differently; ``None`` in a value means "absent"."""

    kind: str
    id: str
    field: str
    base: Any
    ours: Any
    theirs: Any


@dataclass
class MergeResult:
    text: str
    conflicts: list[Conflict] = field(default_factory=list)


def _key_of(seg: Segment) -> str:
    """The id (keyed arrays), or the segment text itself (unkeyed arrays, content is identity)."""
    if seg.kind in KEYED and seg.is_array:
        body = seg.text
        # Only look above the first sub-table: ``[items.gate]`` may carry an ``id`` of its own.
        header = body.find("[[")
        sub = _SUB_RE.search(body, body.find("\n", header) + 1 if header >= 0 else 0)
        head = body[: sub.start()] if sub else body
        m = _ID_RE.search(head)
        if m:
            return m.group(1)
        row = _parse(seg)
        return str(row.get("id", "")) if isinstance(row, dict) else ""
    if seg.is_array:
        return seg.text.strip()
    return ""


def keyed_segments(text: str, cache: dict[str, str] | None = None) -> dict[Key, Segment]:
    """Segments by (kind, key), in file order. A key seen twice gets ``#2``, ``#3`` ... appended.

    ``cache`` maps segment text to its key across calls: the three sides share most segments.
    """
    out: dict[Key, Segment] = {}
    cache = {} if cache is None else cache
    for seg in split_segments(text):
        rid = cache.get(seg.text)
        if rid is None:
            rid = cache[seg.text] = _key_of(seg)
        key = (seg.kind if seg.kind or not seg.is_array else "", rid)
        if not seg.kind and not seg.text.strip():
            key = ("", "")
        base = key
        n = 1
        while key in out:
            n += 1
            key = (base[0], f"{base[1]}#{n}")
        out[key] = seg
    return out


def _parse(seg: Segment) -> dict[str, Any]:
    """The values of one segment: the row (arrays), the table, or the root keys (preamble)."""
    data = rtoml.loads(seg.text)
    if not seg.kind:
        return data
    value = data.get(seg.kind)
    if seg.is_array:
        return value[0] if isinstance(value, list) and value else {}
    return value if isinstance(value, dict) else {}


def merge_boards(
    base: str, ours: str, theirs: str, ours_name: str = "ours", theirs_name: str = "theirs"
) -> MergeResult:
    """Merge ``ours`` and ``theirs`` (both descended from ``base``) record by record, field by field.

    The side names go into each conflict record. Raises ``rtoml.TomlParsingError`` when a record
    one side changed is not valid TOML.
    """
    if ours == theirs or theirs == base:
        return MergeResult(ours)
    if ours == base:
        return MergeResult(theirs)
    cache: dict[str, str] = {}
    o, a, b = keyed_segments(base, cache), keyed_segments(ours, cache), keyed_segments(theirs, cache)
    conflicts: list[Conflict] = []
    merged: dict[Key, str] = {}
    rederive = False
    for key in dict.fromkeys([*a, *b]):
        so, sa, sb = o.get(key), a.get(key), b.get(key)
        # Compared without trailing blank lines: appending a record after the last one adds a
        # blank line to it, which is no edit of its own.
        to, ta, tb = (s.text.rstrip() if s else None for s in (so, sa, sb))
        if ta == tb or tb == to:
            if sa is not None:
                merged[key] = sa.text
            continue
        if ta == to:
            if sb is not None:
                merged[key] = sb.text
            continue
        if key[0] == "matrix" and sa is not None and sb is not None:
            # Both sides kept the recorded matrix in step with their own ``depends_on``: it is
            # worked out again from the merged ``depends_on`` below, not merged cell by cell.
            merged[key] = sa.text
            rederive = True
            continue
        merged_text = _merge_record(key, so, sa, sb, conflicts)
        if merged_text is not None:
            merged[key] = merged_text
    order = _order(list(o), list(a), list(b), merged)
    texts = [merged[k] for k in order]
    if conflicts:
        texts.append(render_conflicts(conflicts, ours_name, theirs_name))
    text = _join(texts)
    return MergeResult(_matrix_in_step(text) if rederive else text, conflicts)


def _matrix_in_step(text: str) -> str:
    """``text`` with its recorded matrix saying what its ``depends_on`` say."""
    from readiness_tui.core.board.matrix_step import MatrixBefore
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.model.problems import BoardError

    try:
        store = BoardStore.from_text(text)
    except BoardError:
        return text  # lint names what is wrong with the merged board; the merge keeps ours' matrix
    matrix = store.board.matrix
    if matrix is None:
        return text
    present = {i for i in matrix.order if store.has_item(i)}
    return store.text() if store.keep_matrix(MatrixBefore(set(), present), []) else text


def _merge_record(
    key: Key, so: Segment | None, sa: Segment | None, sb: Segment | None, out: list[Conflict]
) -> str | None:
    """Both sides changed this record differently: merge it field by field."""
    kind, rid = key
    label = rid if kind in KEYED else (kind or "preamble")
    if sa is None or sb is None:
        # Deleted on one side, edited on the other: keep the edited record, record the conflict.
        kept = sa or sb
        assert kept is not None
        whole = _parse(kept)
        base_row = _parse(so) if so else None
        out.append(Conflict(kind or "preamble", label, "*", base_row, whole if sa else None, whole if sb else None))
        return kept.text
    fo = flatten(_parse(so)) if so else {}
    fa, fb = flatten(_parse(sa)), flatten(_parse(sb))
    from_theirs: dict[str, Any] = {}
    for f in dict.fromkeys([*fo, *fa, *fb]):
        vo, va, vb = fo.get(f), fa.get(f), fb.get(f)
        if va == vb or vb == vo:
            continue
        if va == vo:
            from_theirs[f] = vb
            continue
        out.append(Conflict(kind or "preamble", label, f, vo, va, vb))
    if not from_theirs:
        return sa.text
    return apply_fields(sa, from_theirs)


def _order(o: list[Key], a: list[Key], b: list[Key], merged: dict[Key, str]) -> list[Key]:
    """Ours' order; each record only theirs added goes right after its predecessor in theirs'
    order, past any records ours added there (so two appended runs land ours first, then theirs)."""
    in_o, in_a = set(o), set(a)
    result = [k for k in a if k in merged]
    # Theirs' additions grouped by their anchor: the nearest earlier record of theirs that ours has.
    after: dict[Key | None, list[Key]] = {}
    anchor: Key | None = None
    for k in b:
        if k not in merged:
            continue
        if k in in_a:
            anchor = k
        else:
            after.setdefault(anchor, []).append(k)
    if not after:
        return result
    out = list(after.get(None, []))
    i = 0
    while i < len(result):
        k = result[i]
        out.append(k)
        i += 1
        run = after.get(k)
        if not run:
            continue
        while i < len(result) and result[i] not in in_o and result[i][0] == run[0][0] and result[i] not in after:
            out.append(result[i])
            i += 1
        out.extend(run)
    return out


def _join(texts: list[str]) -> str:
    """Concatenate segments, making sure each ends with a newline and tables stay apart."""
    out: list[str] = []
    for n, t in enumerate(texts):
        if n + 1 < len(texts) and t and not t.endswith("\n"):
            t += "\n"
        if out and out[-1].strip() and not out[-1].endswith("\n\n") and t.lstrip().startswith(("[", "#")):
            out[-1] += "\n"
        out.append(t)
    return "".join(out)
