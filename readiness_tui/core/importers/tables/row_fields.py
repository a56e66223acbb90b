"""A table row's cells as an item's fields: each cell read for the field its column means (status words, priority
words, reference lists, estimates, targets, gate fields); what a cell cannot give its field is kept in custom.

The same reading serves a cell, a bold-label field in a list and a key of a fenced block (``apply_cell``).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.gates.paths import evidence_problem
from readiness_tui.core.importers.assembly.builder import STATUS_BY_MARK, Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import Table, plain
from readiness_tui.core.importers.references.ids import NONE_WORDS, id_shape
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.references.waits import counted_numbers
from readiness_tui.core.importers.tables.cells import column_keys, is_placeholder, split_list
from readiness_tui.core.importers.vocabulary.dates import parse_date, parse_estimate, parse_target
from readiness_tui.core.importers.vocabulary.headers import custom_key, estimate_unit
from readiness_tui.core.importers.vocabulary.owners import split_owner
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import exact_status, opening_state, parse_status
from readiness_tui.core.importers.vocabulary.waits import BEFORE_IDS, alternation

#: A state mark opening a cell: ``✅ Gjort``, ``⬜ Ikke startet``, ``🚧 halfway``.
_LEAD_MARK = re.compile(r"^(?:✅|☑️?|✔️?|⬜|🚧|🔄|⏳|❌|🛑|⛔)")


def _add_contributors(values: dict[str, Any], names: list[str]) -> None:
    """Contributors from an owner cell and a contributors column, each once, the owner aside."""
    have = values.get("contributors", [])
    values["contributors"] = have + [n for n in names if n not in have and n != values.get("owner")]
    if not values["contributors"]:
        del values["contributors"]


def row_values(
    b: Builder, table: Table, fields: list[str | None], cells: list[str], line: int, rid: str
) -> dict[str, Any]:
    """The item fields of one table row; unmapped and unparseable cells go to ``custom``."""
    values: dict[str, Any] = {}
    gate: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    keys = column_keys(table.headers)
    for key, header, fld, cell in zip(keys, table.headers, fields, cells):
        text = plain(cell)
        if fld in (None, "id"):
            if fld is None and text:
                custom[key] = plain(cell, keep_code=True)
            continue
        if fld in ("notes", "description") and "depends_on" not in fields:
            _notes_dependency(b, header, text, values, line, rid)
        if fld == "notes" and "status" not in fields and (mark := _LEAD_MARK.match(text)):
            # "| Kommentar | ✅ Gjort i 24B. |" in a table with no status column: the mark opening the note is the state.
            state = parse_status(mark.group(0))
            if state:
                values["status"] = state
                b.note(line, f"{rid}: status {state} from the mark opening its {plain(header)!r} cell")
        if not text:
            continue
        if not apply_cell(b, fld, cell, values, gate, custom, line, rid, header):
            custom[key] = plain(cell, keep_code=True)
    if gate:
        values["gate"] = gate
    if custom:
        values["custom"] = custom
    return values


#: Fields a placeholder cell ("—", "TBD", "None") leaves unset, rather than holding the placeholder as a value.
_EMPTY_WHEN_PLACEHOLDER = frozenset({"owner", "priority", "target", "estimate_days", "status"})


#: Owner cells that say nobody has the work yet ("UP FOR GRABS", "Unassigned", "Sin asignar").
_NO_OWNER = frozenset(
    {"unassigned", "not assigned", "to be assigned", "up for grabs", "anyone", "nobody", "open", "vacant", "free",
     "nicht zugewiesen", "offen", "non assigné", "non attribué", "sin asignar", "no asignado", "não atribuído",
     "non assegnato", "не назначен", "未分配", "未割当", "미배정"}
)  # fmt: skip


def _says_nothing(fld: str, cell: str) -> bool:
    """Whether ``cell`` is a placeholder for a field it would otherwise fill with that word (an owner "TBD").
    A status word the status scale knows ("n/a" for cancelled) still counts."""
    # "⬜ 未分配": a mark before the words says nothing more.
    if fld == "owner" and " ".join(re.sub(r"^\W+", "", plain(cell).lower()).strip("*_()[]. ").split()) in _NO_OWNER:
        return True
    if fld not in _EMPTY_WHEN_PLACEHOLDER or not is_placeholder(cell):
        return False
    return fld != "status" or parse_status(cell) is None


#: "after #2", "needs #7", "Blocked by #9, #7" in a notes column: a dependency phrase, then only ids.
_NOTE_DEP_RE = re.compile(
    r"(?:^|[;.]\s*)(?P<key>blocked by|depends on|after|needs|requires|waits on|waiting on)\s+"
    r"(?P<refs>#?[\w.-]*\d[\w.-]*(?:\s*(?:,|&|\band\b)\s*#?[\w.-]*\d[\w.-]*)*)\s*(?:[;.]|$)",
    re.I,
)


def _notes_dependency(b: Builder, header: str, text: str, values: dict[str, Any], line: int, rid: str) -> None:
    """A free-text column of a table with no dependency column: "after #2" / "Blocked by #9" in it are the
    row's dependencies (the cell is kept in custom too); "PR #31" names no dependency. Reported."""
    ids: list[str] = []
    for m in _NOTE_DEP_RE.finditer(text):
        ids += [i for i in parse_refs(m.group("refs")).ids if i not in ids]
    if not ids:
        return
    values["depends_on"] = values.get("depends_on", []) + [i for i in ids if i not in values.get("depends_on", [])]
    b.deps_stated.add(rid)
    b.note(line, f"{rid}: column {plain(header)!r} says {text!r}: read as dependencies on {', '.join(ids)}")


#: Jira-style issue links: "is blocked by PAY-1; relates to PAY-9; blocks PAY-7".
_LINK_RELATION_RE = re.compile(
    r"\b(?P<rel>is blocked by|blocked by|depends on|requires|blocks|is required by|relates to|related to|"
    r"duplicates|is duplicated by|clones|is cloned by|causes|is caused by)\s+",
    re.I,
)
#: Relations that make this item wait on the others, and the inverse ones that make the others wait on it.
_WAITS_ON = frozenset({"is blocked by", "blocked by", "depends on", "requires"})
_WAITED_ON_BY = frozenset({"blocks", "is required by"})


def _link_relations(b: Builder, text: str, values: dict[str, Any], line: int, rid: str) -> None:
    """A links cell with relation words: blockers are dependencies (``blocks X`` makes X wait on this item),
    the other relations stay links. Each reading is reported."""
    found = list(_LINK_RELATION_RE.finditer(text))
    for n, m in enumerate(found):
        end = found[n + 1].start() if n + 1 < len(found) else len(text)
        ids = parse_refs(text[m.end() : end].strip(" ;,")).ids
        rel = " ".join(m.group("rel").lower().split())
        if rel in _WAITS_ON:
            values["depends_on"] = values.get("depends_on", []) + [
                i for i in ids if i not in values.get("depends_on", [])
            ]
            b.deps_stated.add(rid)
            b.note(line, f"{rid}: link {rel!r} {', '.join(ids)} read as dependencies")
        elif rel in _WAITED_ON_BY:
            b.blocks += [(i, rid, line) for i in ids]
            b.note(line, f"{rid}: link {rel!r} {', '.join(ids)}: those items depend on {rid}")
        else:
            values["links"] = values.get("links", []) + [f"{rel} {i}" for i in ids]


#: A title cell opening with a box and a bold name: ``[ ] **Name** - what it is``.
_BOXED_TITLE = re.compile(r"^\[(?P<mark>[ xX])\]\s*\*\*(?P<name>[^*]+)\*\*\s*(?:[-—–:]\s*(?P<rest>.*))?$")


def _dated(text: str) -> bool:
    """Whether the cell is a date and nothing more (``2026-02-15``, ``Mar 31, 2026``)."""
    return len(text.split()) <= 3 and parse_date(text) is not None


def apply_cell(
    b: Builder,
    fld: str,
    cell: str,
    values: dict[str, Any],
    gate: dict[str, Any],
    custom: dict[str, Any],
    line: int,
    rid: str,
    header: str = "",
) -> bool:
    """Put one value where it belongs; False when it cannot be understood (the caller keeps it). A placeholder
    ("TBD" as an owner, "—" as a date) says there is none yet: nothing is put."""
    if _says_nothing(fld, cell):
        return True
    text = plain(cell)
    keep = plain(cell, keep_code=True)
    if fld == "title":
        box = _BOXED_TITLE.match(cell.strip())
        if box:
            # "[ ] **Enable pgvector** - create the extension": a box for its state, a bold name, then what it is.
            values.setdefault("status", "done" if box.group("mark") in "xX" else "todo")
            values["title"] = plain(box.group("name"), keep_code=True)
            if box.group("rest"):
                values["description"] = plain(box.group("rest"), keep_code=True)
            return True
        stated = _STATED_TITLE.match(keep)
        state = _marked_state(plain(stated.group("head"))) if stated else None
        if stated and state:
            # "✅ **Fatto**: `databricks.yml` con default risolti": the row's state, then its title.
            values.setdefault("status", state)
            b.status_stated.add(rid)
            keep = stated.group("rest")
            b.note(line, f"{rid}: title opens with its state: {state}")
        values["title"] = keep.rstrip(":")
    elif fld == "description":
        values["description"] = (values.get("description", "") + "\n" + keep).strip()
    elif fld == "notes":
        values["notes"] = (values.get("notes", "") + "\n" + keep).strip()
    elif fld == "owner":
        # "O. Burchardt / IT", "Legal + Marketing": the first named owns it, the others contribute.
        values["owner"], more = split_owner(text)
        if " ".join(text.split()) != values["owner"]:  # several named, or an aside cut: "Ana (Legal)"
            b.owner_cells[rid] = " ".join(text.split())
        _add_contributors(values, more)
    elif fld in ("role", "workstream"):
        values[fld] = text
    elif fld == "contributors":
        _add_contributors(values, split_list(text))
    elif fld == "depends_on" and _OPTIONAL.search(text) and (soft := parse_refs(cell).ids):
        # "T2.1 useful but not required": an order the plan prefers, which blocks nothing.
        values["soft_depends_on"] = soft
        custom[custom_key(header or "dependencies")] = keep  # the words, not read for ids again
        b.note(line, f"{rid}: {', '.join(soft)} in {text!r} helps but is not required; a soft dependency")
    elif fld == "depends_on":
        said_none = _NONE_LEAD.match(text)
        if said_none and said_none.group(1).lower() in NONE_WORDS and not parse_refs(cell).negated:
            # "None — must land first", "None directly; enables 3 and 4": no dependency; the rest is why or what
            # waits on it, in words.
            values["depends_on"] = []
            custom[custom_key(header or "dependencies")] = keep  # words, not to be read for ids again
            b.deps_stated.add(rid)
            b.note(
                line, f"{rid}: dependencies {text!r} open with {said_none.group(1)!r}: none; the words kept in custom"
            )
            return True
        refs = parse_refs(cell)
        if text.strip() == "0" and "0" in b.items:
            refs.ids.append("0")  # "0" says none, unless the plan numbers an item 0 ("Write the app" in rows 0, 1 …)
        counts = counted_numbers(text)
        values["depends_on"] = [i for i in refs.ids if i not in counts]
        b.deps_stated.add(rid)
        if refs.rest or counts & set(refs.ids):
            values["dependency_note"] = keep
            b.note(line, f"{rid}: dependency words {refs.rest!r} not ids; kept in dependency_note")
        for n in sorted(counts & set(refs.ids)):
            b.note(line, f"{rid}: {n} in {text!r} counts something; not a dependency")
        for n in refs.negated:
            b.note(line, f"{rid}: {n} is named as not a dependency ({text!r}); not added")
        for r in refs.bad_ranges:
            # Warned about once every item is known, unless the plan's order of items reads it (``1.1-2.10``).
            b.bad_ranges.append((line, rid, r))
            values["dependency_note"] = keep
    elif fld == "blocks":
        # "Blocks: S01, S04" on this row: S01 and S04 wait on it (added once every item is known; a dependency the
        # plan also states on S01's own row is not doubled).
        ids = parse_refs(cell).ids
        if not ids:
            if text.lower() not in ("", "-", "—", "none", "n/a"):
                b.note(line, f"{rid}: {plain(header) or 'blocks'!r} says {text!r}, which names no item; kept")
            return False
        b.blocks += [(i, rid, line) for i in ids]
        b.note(line, f"{rid}: {plain(header) or 'blocks'!r} names {', '.join(ids)}: those items depend on {rid}")
    elif fld == "status":
        waits = _STATUS_WAITS.search(text) or _STATUS_WAITS_LEAD.match(text.strip()) or _STATUS_WAITS_AFTER.search(text)
        named = parse_refs(waits.group("ids"), loose=False) if waits else None
        if waits and named is not None and not named.ids:
            # "queued (after T18)" on row T19: ids written as the rows' own are (letters and a number) name rows.
            loose = parse_refs(waits.group("ids"))
            named = loose if loose.ids and all(id_shape(i) == id_shape(rid) for i in loose.ids) else named
        if waits and named and named.ids and not named.rest.strip(" ,;&"):
            # "✅ APPROVED (blocked by 5.2)": the state, and beside it what the row waits on.
            deps = values.setdefault("depends_on", [])
            deps += [i for i in named.ids if i not in deps and i != rid]
            b.deps_stated.add(rid)
            b.note(line, f"{rid}: status cell names what it waits on: depends on {', '.join(named.ids)}")
        st = parse_status(cell)
        if st is not None and "/" in plain(header):
            # "Estat / notes": the state is what the cell opens with ("Bloquejada: …", "En espera, …"); a note
            # that only mentions a state word ("Recerca feta, galeria en suspens") says none.
            st = opening_state(text)
        if st is None and _dated(text) and exact_status(plain(header)) == "done":
            # "| Task | Completed |" over 2026-02-15: the column says when each row was finished.
            st = "done"
            b.note(line, f"{rid}: column {plain(header)!r} dates it: done ({text})")
        if st is None:
            b.note(line, f"{rid}: status {text!r} is not a known status; kept in custom, status todo")
            return False
        values["status"] = st
        values[STATUS_BY_MARK] = not any(c.isalpha() for c in text)
        b.status_stated.add(rid)
    elif fld == "priority":
        pr, word = parse_priority(cell)
        if pr is None:
            b.note(line, f"{rid}: priority {text!r} not understood; kept in custom")
            return False
        if word:
            b.note(line, f"{rid}: priority {text!r} read as {pr}")
        values["priority"] = pr
    elif fld == "score":
        m = re.match(r"^\s*(\d+)(?:\s*/\s*\d+)?\s*$", text)
        if not m:
            return False
        values["score"] = int(m.group(1))
    elif fld == "estimate_days":
        est = parse_estimate(cell, estimate_unit(header), minutes=True)
        if est is None:
            if _value_cell_state(b, values, text, line, rid, "estimate"):
                return True
            b.note(line, f"{rid}: estimate {text!r} is not a duration; kept in custom")
            return False
        values["estimate_days"] = est
    elif fld == "target":
        tgt, exact = parse_target(cell)
        if tgt is None:
            if _value_cell_state(b, values, text, line, rid, "target"):
                return True
            b.note(line, f"{rid}: target {text!r} is not an ISO week or date; kept in custom")
            return False
        values["target"] = tgt
        if not exact:
            custom[custom_key(header) if header else "target_text"] = keep
            b.note(line, f"{rid}: target {text!r} read as {tgt}; the words are kept in custom")
    elif fld == "gate.exit_criteria":
        gate["exit_criteria"] = keep
    elif fld == "gate.verify":
        gate["verify"] = text
    elif fld == "gate.evidence":
        paths = [plain(x) for x in split_list(cell)]
        # "/login", "GET /api/auth/me": routes and prose, not paths in the repo (lint would refuse the board).
        refused = [x for x in paths if evidence_problem(x)]
        if paths != refused:
            gate["evidence"] = [x for x in paths if x not in refused]
        if refused:
            custom[custom_key(header) if header else "evidence_text"] = keep
            b.note(
                line,
                f"{rid}: evidence {refused[0]!r} is no path in the repo ({evidence_problem(refused[0])}); kept in custom",
            )
    elif fld == "links" and _LINK_RELATION_RE.search(text):
        _link_relations(b, text, values, line, rid)
    elif fld in ("inputs", "outputs", "links", "tags", "deliverables", "acceptance"):
        parts = split_list(keep) if fld not in ("deliverables", "acceptance") else [keep]
        vals = [p for p in parts if p.lower() not in ("n/a", "none", "-", "—")]
        if fld == "inputs" and not vals:
            values.setdefault("inputs", [])
        else:
            values[fld] = values.get(fld, []) + vals
    elif fld == "source_refs":
        values["source_refs"] = [p for p in split_list(keep, ";")]
    elif fld in ("phase", "milestone"):
        m = re.match(r"^(?:phase|stage|wave|milestone)\s+([A-Za-z0-9.-]+)\s*[:—–-]?\s*(.*)$", text, re.I)
        # "4) Narrative", "2. Product": the group's number, then its name.
        m = m or re.match(r"^(\d+[A-Za-z]?)[.)]\s+(\S.*)$", text)
        values[fld] = m.group(1) if m else text
        kind = f"{fld}s"
        if m and m.group(2) and not any(r.values.get("id") == m.group(1) for r in b.records[kind]):
            # Made here rather than at the end (``finalize``), so that the group keeps the name the cell gives it.
            b.records[kind].append(Rec(kind, {"id": m.group(1), "title": m.group(2).strip()}, line, "named by items"))
            b.note(
                line,
                f"{rid} names {fld} {m.group(1)} ({m.group(2).strip()!r}), which the document does not describe; added it",
            )
    elif fld == "soft_depends_on":
        values[fld] = parse_refs(cell).ids
    elif fld == "kind":
        values["kind"] = text.lower()
    else:
        return False
    return True


#: Words saying a dependency is wanted, not needed: "T2.1 useful but not required", "(optional)", "nice to have".
_OPTIONAL = re.compile(
    r"\b(?:not (?:strictly )?(?:required|needed|blocking)|optional(?:ly)?|nice to have|useful but|helpful but"
    r"|can (?:start|begin|proceed) (?:with|without|before))\b",
    re.I,
)


#: A title cell opening with its state and a colon: ``✅ **Fatto**: x``.
_STATED_TITLE = re.compile(r"^(?P<head>[^:：`]{1,30})[:：]\s*(?P<rest>\S.*)$", re.S)


def _marked_state(text: str) -> str | None:
    """The state a cell opens with, when it opens with a mark and then the state's word (``✅ Fatto (…)``,
    ``🔴 Blocked``); None for any other cell (a bare word may be the cell's own value)."""
    t = text.strip()
    return opening_state(t) if t and not t[0].isalnum() and any(c.isalpha() for c in t) else None


def _value_cell_state(b: Builder, values: dict[str, Any], text: str, line: int, rid: str, what: str) -> bool:
    """An effort or date cell that says the row's state instead (``| C-1 | … | Team | ✅ **Fatto** |``): its status,
    unless a status cell gave one; False when the cell says no state."""
    state = _marked_state(text)
    if state is None:
        return False
    values.setdefault("status", state)
    b.status_stated.add(rid)
    b.note(line, f"{rid}: {what} cell {text!r} says its state: {values['status']}")
    return True


#: A dependency cell that opens with a word for none and goes on in words: ``None — must land first``.
_NONE_LEAD = re.compile(r"^([^\W\d_]+)(?:\s+directly)?\s*[—–;,:.(]\s*\S")


#: "(blocked by 5.2)", "(bloqueado por T-3)", "(depends on A1, A2)" inside a status cell: the plan's wait words
#: (``vocabulary.waits``) in brackets, before the ids waited on.
_WAIT_WORDS = alternation(BEFORE_IDS, r"(?!\w)")


_STATUS_WAITS = re.compile(rf"\((?:{_WAIT_WORDS})\s*:?\s+(?P<ids>[^()]+)\)", re.I)
#: "BLOCKED BY IMP-006 AND IMP-007": a status cell that is its wait words and the ids, with no brackets.
_STATUS_WAITS_LEAD = re.compile(rf"^[^\w(]*(?:{_WAIT_WORDS})\s*:?\s+(?P<ids>[^()]+)$", re.I)
#: "⏸️ Waiting - depends on TASK-034": the state, then a dash and what it waits on.
_STATUS_WAITS_AFTER = re.compile(rf"\s[-—–]\s*(?:{_WAIT_WORDS})\s*:?\s+(?P<ids>[^()]+)$", re.I)


def severity_as_priority(
    b: Builder, table: Table, fields: list[str | None], rows: list[tuple[Any, list[str], str]]
) -> None:
    """A task table with no priority column ranks its rows by Severity / Impact (Critical, High...): that is
    the priority. Only when every value of the column is a priority word; reported."""
    if "priority" in fields or "severity" not in fields:
        return
    n = fields.index("severity")
    vals = [plain(cells[n]) for _, cells, _ in rows if plain(cells[n])]
    if vals and all(parse_priority(v)[0] for v in vals):
        fields[n] = "priority"
        b.note(table.line, f"column {plain(table.headers[n])!r} of a task table read as the items' priority")
