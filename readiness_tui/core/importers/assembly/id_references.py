"""References the finished board resolves, once every item is known: ranges of bare numbers, aliases (an issue
number, a slug), the parent of dotted parts (``M0e`` for M0e.1 .. M0e.3), a family (``WP1`` for WP1a, WP1b), a
progress row naming a group of work packages, and decisions named as dependencies."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.references.ids import (
    SHORT_FORM,
    expand_range,
    family_of,
    last_parts,
    slug_of,
    step_of,
)

_NUMBER_RANGE = re.compile(r"^(\d{1,3})-(\d{1,3})$")


def widen(b: Builder, read: Callable[[str], tuple[list[str], str] | None]) -> None:
    """Replace each dependency naming no item that ``read`` widens into several items (the ids, and the note
    saying why) by those items, once each, never the item itself; and so each item a risk's mitigation names."""
    for i, r in b.items.items():
        deps: list[str] = r.values.get("depends_on") or []
        out: list[str] = []
        for ref in deps:
            got = None if ref in b.items else read(ref)
            if got is None:
                if ref not in out:
                    out.append(ref)
                continue
            names, why = got
            out += [n for n in names if n not in out and n != i]
            b.note(r.line, f"{i}: {why}")
        if out != deps:
            r.values["depends_on"] = out
    # "| R-12 SQLite limits | P1 |": the items a risk names the same way mitigate it.
    for risk in b.records["risks"]:
        links: list[str] = risk.values.get("mitigated_by") or []
        wide: list[str] = []
        for ref in links:
            got = None if ref in b.items else read(ref)
            wide += [n for n in (got[0] if got else [ref]) if n not in wide]
            if got:
                b.note(risk.line, f"risk {risk.values.get('id')}: {got[1]}")
        if wide != links:
            risk.values["mitigated_by"] = wide


def number_ranges(b: Builder) -> None:
    """``Epics 01-03`` where items are numbered ``01``..``05``: the dependency "01-03" names no item, but the range
    it reads as does, every id of it (``6-1`` stays one id where an item has it)."""

    def read(ref: str) -> tuple[list[str], str] | None:
        m = _NUMBER_RANGE.match(ref)
        span = expand_range(m.group(1), m.group(2), limit=50) if m else id_run(ref, b.items)
        if not span or len(span) < 2 or not all(n in b.items for n in span):
            return None
        return span, f"dependency {ref!r} names no item; read as the range {span[0]}..{span[-1]}"

    widen(b, read)


#: A run of ids written as one id and the last number of the run: ``TASK-011-017``.
_ID_RUN = re.compile(r"^(?P<stem>.*?-)(?P<first>\d+)-(?P<last>\d+)$")


def id_run(ref: str, known: Container[str]) -> list[str] | None:
    """The ids of a run written ``TASK-011-017`` (TASK-011 .. TASK-017), when ``ref`` is no known id itself and every
    id of the run is (fifty at most); else None."""
    m = _ID_RUN.match(ref)
    if m is None or ref in known or not 0 < int(m["last"]) - int(m["first"]) <= 50:
        return None
    width = len(m["first"])
    ids = [f"{m['stem']}{k:0{width}d}" for k in range(int(m["first"]), int(m["last"]) + 1)]
    return ids if all(i in known for i in ids) else None


def aliases(b: Builder) -> None:
    """A dependency that names no item but another name of one (``1.4`` for the row at that position, ``01`` for
    the spec ``01-design-tokens``, ``feature-1`` for the slug ``feature-1-final-parity``, ``#4`` for row 4) is that
    item."""
    ends = last_parts(b.items)  # TASK-D01, e009_s03_t01
    for i, r in b.items.items():
        for key in ("depends_on", "soft_depends_on"):
            deps = r.values.get(key) or []
            read = {d: b.aliases[d] for d in deps if d not in b.items and d in b.aliases}
            # "D01, D02" where the items are TASK-D01, TASK-D02 ("t01" for e009_s03_t01): the plan drops a prefix
            # every id shares.
            read |= {
                d: ends[d.upper()][0]
                for d in deps
                if d not in b.items and d not in read and SHORT_FORM.match(d) and len(ends.get(d.upper(), [])) == 1
            }
            # "#4" where the rows are numbered 1, 2, 3 …: the row of that number.
            read |= {d: d[1:] for d in deps if d not in b.items and d not in read and d[:1] == "#" and d[1:] in b.items}
            # "feature-1" where the plan's ids are slugs (feature-1-final-parity-scenarios): the one id it begins.
            read |= {d: one for d in deps if d not in b.items and d not in read and (one := slug_of(b.items, d))}
            if read:
                r.values[key] = [d for d in dict.fromkeys(read.get(d, d) for d in deps) if d != i]
                said = ", ".join(f"{d} -> {a}" for d, a in read.items())
                b.note(r.line, f"{i}: dependencies that name an item by another name: {said}")
    b.blocks = [(b.aliases.get(t, t) if t not in b.items else t, blocker, line) for t, blocker, line in b.blocks]


def dotted_parents(b: Builder) -> None:
    """``M0e`` where the items are M0e.1, M0e.2, M0e.3: a dependency naming no item but the parent of numbered
    parts names them all. Only for ids with letters: a bare ``1`` is as often a day or a count."""

    def read(ref: str) -> tuple[list[str], str] | None:
        kids = _parts_of(b, ref) if SHORT_FORM.match(ref) else []
        if len(kids) < 2:
            return None
        return kids, f"{ref!r} names no item but the parent of {', '.join(kids)}: depends on them"

    widen(b, read)


def group_rows(b: Builder) -> None:
    """A table row naming a group of the plan's work packages by their common id (``| M2 Prompt governance | Done |``
    beside ``### M2.1``, ``### M2.2`` made elsewhere), saying nothing but its title and state: the group's state,
    given to its packages where they state none; the row is no item. Only for ids with letters (``SHORT_FORM``)."""
    for rid, rec in list(b.items.items()):
        if rec.origin != "table" or not SHORT_FORM.match(rid):
            continue
        # "| **P1** | **Storage & remaining endpoints** | Backend dev | **4 d** |" over the rows P1.1, P1.2 …: a row set
        # in bold heads the rows of its parts in the same table, its fields their sums.
        heads = _bold_id_row(b, rec.line, rid)
        parts = [k for k in _parts_of(b, rid) if heads or b.items[k].origin != "table"]
        said = {k for k, v in rec.values.items() if v not in (None, "", [], {})} - {"id", "title", "status", "kind"}
        if len(parts) < 2 or (said and not heads):
            continue
        state = rec.values.get("status")
        given = [k for k in parts if state and k not in b.status_stated]
        for k in given:
            b.items[k].values["status"] = state
        del b.items[rid]
        b.note(
            rec.line,
            f"{rid}: a row naming the group of {', '.join(parts)}, no item of its own"
            + (f"; its state {state} given to {', '.join(given)}" if given else ""),
        )


def _bold_id_row(b: Builder, line: int, rid: str) -> bool:
    """Whether the table row at ``line`` sets its id ``rid`` in bold (``| **P1** | …``)."""
    return 0 < line <= len(b.lines) and f"| **{rid}** |" in " ".join(b.lines[line - 1].split())


def _parts_of(b: Builder, parent: str) -> list[str]:
    head = parent.upper() + "."
    return [k for k in b.items if k.upper().startswith(head) and k[len(head) :].isdigit()]


#: A decision or its record (DEC-006, DQ-5, D-014, ADR-0020): what a row waits for may be decided, but a decision
#: is no work item of the board.
_DECISION = re.compile(r"^(?:DEC|DQ|ADR|DECISION|D)-?\d+[a-z]?$", re.I)


def decisions(b: Builder) -> None:
    """Dependencies naming no item but a decision: kept in the item's dependency note, not as dependencies."""
    for i, r in b.items.items():
        deps = r.values.get("depends_on") or []
        said = [d for d in deps if d not in b.items and _DECISION.match(d)]
        if not said:
            continue
        r.values["depends_on"] = [d for d in deps if d not in said]
        note = r.values.get("dependency_note", "")
        r.values["dependency_note"] = "; ".join(filter(None, [note, *(d for d in said if d not in note)]))
        b.note(r.line, f"{i}: {', '.join(said)} name decisions, not items; kept in its dependency note")


def family(b: Builder, ref: str) -> tuple[list[str], str] | None:
    """``WP1`` where the plan has WP1a and WP1b but no WP1, ``W2`` over W2-1 and W2-2: the family after it."""
    kin = family_of(b.items, ref)
    if kin:
        return kin, f"{ref!r} names no item but the family after it: {', '.join(kin)}"
    whole = step_of(ref, b.items)  # "V74.99": the closing phase of V74
    return ([whole], f"{ref!r} is a step of {whole}: a dependency on it") if whole else None
