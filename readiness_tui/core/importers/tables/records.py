"""Tables that are records other than items: dependency matrices, risk registers, waivers, milestones and
deliverables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from readiness_tui.core.importers.assembly.builder import RISK_PROSE, Builder
from readiness_tui.core.importers.document.blocks import Section, Table, TableRow, plain
from readiness_tui.core.importers.entries.phase_lists import phase_key, phase_value
from readiness_tui.core.importers.references.ids import is_id, says_all
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.patterns import PHASE_RE
from readiness_tui.core.importers.tables.cells import mapping_note, padded_cells, with_ids
from readiness_tui.core.importers.vocabulary.dates import parse_date, put_due
from readiness_tui.core.importers.vocabulary.headers import WORK_FIELDS, custom_key, header_field, norm_header
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from readiness_tui.core.importers.vocabulary.words import RISK_HEADERS

_MATRIX_HEAD = re.compile(
    r"^(?:row\s*[\\/]*\s*col(?:umn)?|from\s*[\\/→]\s*to|depends\s*[\\/→]\s*on|item\s*[\\/]\s*dep\w*)$", re.I
)


#: A risk named by the word and a number ("Risk 1.1", "Riesgo 3"): the name is its id, as written.
#: A register's column naming the work a risk is about: "Related Task", "Related tickets", "Linked issue".
_RELATED_WORK = re.compile(r"^(?:related|linked)\s+(?:tasks?|tickets?|issues?|items?|work items?|stories)$")
_NAMED_RISK = re.compile(rf"^(?:risk|{'|'.join(RISK_HEADERS)})\s+#?[A-Za-z]?\d+(?:\.\d+)*[a-z]?$", re.I)


_ONE = frozenset({"1", "x", "✓", "✔", "●", "■", "yes", "y", "true", "✅"})


_ZERO = frozenset({"0", "", "-", ".", "·", "no", "n", "false", "—", "–"})


def is_matrix(table: Table) -> bool:
    if len(table.headers) < 2 or not table.rows:
        return False
    head = norm_header(table.headers[0]).replace(" ", "")
    cols = [plain(h) for h in table.headers[1:]]
    looks = bool(_MATRIX_HEAD.match(head.replace("\\\\", "\\"))) or (not head and all(is_id(c) for c in cols))
    if not looks:
        return False
    for row in table.rows:
        for c in padded_cells(table, row.cells)[1:]:
            if plain(c).strip().lower() not in _ONE | _ZERO:
                return False
    return True


def handle_matrix(b: Builder, table: Table, sec: Section) -> None:
    order = [plain(h) for h in table.headers[1:]]
    rows: dict[str, str] = {}
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        rid = plain(cells[0])
        rows[rid] = "".join("1" if plain(c).strip().lower() in _ONE else "0" for c in cells[1:])
    if set(rows) != set(order) or len(rows) != len(order):
        b.skipped(
            table.line, f"dependency matrix: its rows ({len(rows)}) and columns ({len(order)}) name different ids"
        )
        return
    b.matrix = ([*order], [rows[i] for i in order], table.line)
    b.consume(table, sec)
    ones = sum(r.count("1") for r in rows.values())
    b.used(table.line, f"dependency matrix {len(order)}x{len(order)} ({ones} dependencies) -> [matrix]")


def handle_risks(b: Builder, table: Table, sec: Section, fields: list[str | None], id_col: int) -> None:
    n = 0
    mappings = 0
    in_prose = 0  # risks whose cells are prose: their mappings are read and reported once every item is known
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        rids = [r for r in re.split(r"\s*/\s*", plain(cells[id_col])) if r]
        if not rids or not all(is_id(r) or _NAMED_RISK.match(r) for r in rids):
            b.skipped(row.line, f"risk row without an id ({plain(cells[id_col])!r})")
            continue
        rid = rids[0]
        values: dict[str, Any] = {"id": rid}
        notes = []
        for header, fld, cell in zip(table.headers, fields, cells):
            text = plain(cell, keep_code=True)
            if fld == "id" or not text:
                continue
            if fld is None and _RELATED_WORK.match(norm_header(header)):
                # "| Mitigation | Owner | Related Task |" over "T2.1.1": in a register, the task the row's risk is
                # met by (its mitigation column says how, in words).
                fld = "mitigated_by"
            if fld in ("title", "description") and "title" not in values:
                values["title"] = text
                # "Fan-out of the resolvers (G01/G02)": the items the risk is about, named in brackets.
                about = " ".join(re.findall(r"\(([^()]*\d[^()]*)\)", text))
                if about:
                    values[RISK_PROSE] = (values.get(RISK_PROSE, "") + "\n" + about).strip()
            elif fld in ("severity", "priority"):
                values["severity"] = text
            elif fld == "likelihood":
                values["likelihood"] = text
            elif fld == "owner":
                values["owner"] = text
            elif fld in ("source_refs",):
                values["source"] = text
            elif fld in ("mitigated_by", "depends_on", "links") and says_all(text):
                b.says_all += [("risk", r, row.line) for r in rids]
                b.note(
                    row.line, f"risk {rid}: mitigated by {text!r}, no item in particular: none linked ([options] all)"
                )
            elif fld in ("mitigated_by", "depends_on", "links"):
                refs = parse_refs(cell, loose=False)
                values["mitigated_by"] = values.get("mitigated_by", []) + [r for r in refs.ids if r != rid]
                if refs.negated:
                    b.note(row.line, f"risk {rid}: {', '.join(refs.negated)} named as not mitigating it ({text!r})")
                if refs.rest:
                    notes.append(f"{plain(header)}: {text}")
                    values[RISK_PROSE] = (values.get(RISK_PROSE, "") + "\n" + text).strip()
            else:
                notes.append(f"{plain(header)}: {text}")
        if notes:
            values["notes"] = "\n".join(notes)
        if len(rids) > 1:
            b.note(row.line, f"one row for risks {', '.join(rids)}: each gets the row's fields and mappings")
        for r in rids:
            mitigations = [t for t in values.get("mitigated_by", []) if t not in rids]
            prose = RISK_PROSE in values
            mappings += 0 if prose else len(mitigations)
            in_prose += int(prose)
            if (named := _risk_named(b, r, str(values.get("title", "")))) is not None:
                # "| TR-1 | Technology stack maturity |" in a register after "### 1.1 Technology Stack Maturity
                # (Nuxt 4)" and its mitigations: the same risk, summed up again; its row adds to it.
                b.note(row.line, f"risk {r}: the register names risk {named} again ({values['title']!r}): one risk")
                values["notes"] = "\n".join(x for x in (f"{r} in the register", values.get("notes", "")) if x)
                r = named
            # A residual-risk table keyed by the register's ids adds to the same risks (``Builder.add_risk``).
            rec = b.add_risk({**values, "id": r, "mitigated_by": mitigations}, row.line, "risk register")
            if RISK_PROSE in values:
                b.risk_prose.append(rec)  # short ids in the words ("T3 compares...") once every item is known
            n += 1
    b.consume(table, sec)
    later = f" (the mitigations of {in_prose} of them are prose, read below)" if in_prose else ""
    b.used(
        table.line,
        f"risk register ({mapping_note(table, fields)}) -> {n} risks, {mappings} risk-to-task mappings{later}",
    )


def _risk_named(b: Builder, rid: str, title: str) -> str | None:
    """The id of the one risk read from a heading that a register row with a new id names by its words (every word of
    the row's title, two or more, in the heading's: "Team skill gaps" for "Team Capacity & Skill Gaps"), else None."""
    if any(r.values.get("id") == rid for r in b.records["risks"]):
        return None
    words = set(re.findall(r"\w+", title.casefold()))
    if len(words) < 2:
        return None
    found = [
        str(r.values.get("id"))
        for r in b.records["risks"]
        if r.origin == "risk heading" and words <= set(re.findall(r"\w+", str(r.values.get("title", "")).casefold()))
    ]
    return found[0] if len(found) == 1 else None


#: Reads one table row into a record's values, or says why it is none (reported as skipped).
RowReader = Callable[[Builder, list[str], list[str | None], list[str], int], "dict[str, Any] | str"]


def record_rows(
    b: Builder, table: Table, sec: Section, fields: list[str | None], kind: str, what: str, read: RowReader
) -> None:
    """One ``kind`` record per row ``read`` understands; the others are reported with the reason."""
    rows = ((row.line, read(b, table.headers, fields, padded_cells(table, row.cells), row.line)) for row in table.rows)
    n = b.add_records(kind, what, rows)
    b.consume(table, sec)
    b.used(table.line, f"{what} ({mapping_note(table, fields)}) -> {n} {kind}")


def _waiver_row(
    b: Builder, headers: list[str], fields: list[str | None], cells: list[str], line: int
) -> dict[str, Any] | str:
    values: dict[str, Any] = {}
    reason = []
    for header, fld, cell in zip(headers, fields, cells):
        text = plain(cell, keep_code=True)
        if not text:
            continue
        h = norm_header(header)
        if fld == "id" and ("waiver" in h or h in ("id", "#")):
            values["id"] = plain(cell)
        elif fld == "id" or h in ("item", "task", "for", "waives", "gate", "item id", "task id", "applies to"):
            refs = parse_refs(cell)
            if refs.ids:
                values["item"] = refs.ids[0]
        elif fld == "expires":
            d = parse_date(cell)
            if d is None:
                b.warn(line, f"waiver expiry {text!r} is not a date; the waiver is kept without one")
                reason.append(f"expires: {text}")
            else:
                values["expires"] = d
        elif fld == "approved_by" or fld == "owner":
            values["approved_by"] = plain(cell)
        else:
            reason.append(text if fld in ("reason", "title", "description", "notes") else f"{plain(header)}: {text}")
    if reason:
        values["reason"] = "; ".join(reason)
    return values if "item" in values else "waiver row names no item"


def _milestone_row(
    b: Builder, headers: list[str], fields: list[str | None], cells: list[str], line: int
) -> dict[str, Any] | str:
    values: dict[str, Any] = {"id": plain(cells[fields.index("id")])}
    for header, fld, cell in zip(headers, fields, cells):
        text = plain(cell, keep_code=True)
        if fld == "id" or not text:
            continue
        if fld in ("title", "description") and "title" not in values:
            values["title"] = text
        elif fld == "target":
            put_due(values, cell, text)
        elif fld in ("depends_on", "mitigated_by", "links") or any(
            w in norm_header(header) for w in ("item", "task", "ticket", "issue", "stor")
        ):
            values["items"] = parse_refs(cell).ids
    return values


def _deliverable_row(
    b: Builder, headers: list[str], fields: list[str | None], cells: list[str], line: int
) -> dict[str, Any] | str:
    values: dict[str, Any] = {}
    for fld, cell in zip(fields, cells):
        text = plain(cell)
        if not text:
            continue
        if fld == "path":
            values["path"] = text
        elif fld == "status":
            st = parse_status(cell)
            if st:
                values["status"] = st
        elif fld in ("purpose", "description", "title", "notes") and "purpose" not in values:
            values["purpose"] = plain(cell, keep_code=True)
        elif "item" not in values:
            first = text.split()[0]
            if is_id(first) and any(c.isdigit() for c in first):
                values["item"] = first
    return values if "path" in values else "deliverable row without a path"


def handle_waivers(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> None:
    if "expires" not in fields:
        # "| Waiver | Item | End date |" under "Exceptions": the date a waiver ends is its expiry (in a table of
        # work, "End date" is when the work is due).
        fields = ["expires" if f == "target" else f for f in fields]
    record_rows(b, table, sec, fields, "waivers", "waiver table", _waiver_row)


def handle_milestones(b: Builder, table: Table, sec: Section, fields: list[str | None], id_col: int) -> None:
    fields = [("id" if n == id_col else f) for n, f in enumerate(fields)]
    record_rows(b, table, sec, fields, "milestones", "milestone table", _milestone_row)


def handle_deliverables(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> None:
    record_rows(b, table, sec, fields, "deliverables", "deliverables table", _deliverable_row)


def is_phase_table(table: Table, fields: list[str | None]) -> bool:
    """A table whose first column names phases (``Phase 1 — Land``) on every row."""
    return (
        bool(table.rows)
        and fields[0] == "phase"
        and all(PHASE_RE.match(plain(padded_cells(table, r.cells)[0]).strip("*_ ")) for r in table.rows)
    )


def _phase_row(
    b: Builder, headers: list[str], fields: list[str | None], cells: list[str], line: int
) -> dict[str, Any] | str:
    m = PHASE_RE.match(plain(cells[0]))
    assert m  # is_phase_table
    values: dict[str, Any] = {"id": m.group("num"), "title": plain(m.group("title"), keep_code=True) or plain(cells[0])}
    for header, cell in zip(headers[1:], cells[1:]):
        key = phase_key(plain(header))
        text = plain(cell, keep_code=True)
        if key and text:
            phase_value(b, key, [text], values)
        elif text:
            values["notes"] = (values.get("notes", "") + f"\n{plain(header)}: {text}").strip()
    return values


def handle_phases(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> None:
    # The columns after the first mean what a phase's bullets mean (Items, Exit criteria, Window...).
    keys: list[str | None] = ["phase", *(phase_key(plain(h)) for h in table.headers[1:])]
    record_rows(b, table, sec, keys, "phases", "phase table", _phase_row)


def _milestone_header(head: str) -> bool:
    return header_field(head) == "milestone" or norm_header(head) in ("milestone", "milestones")


def names_milestones(table: Table, fields: list[str | None], id_col: int) -> bool:
    """``| # | Milestone | State |`` (``マイルストーン``): the column beside the numbers names milestones, which become
    the table's titles. Not when the column repeats its names: there each row is work, and the column says which
    milestone it belongs to (``| M1-01 | M1 | Set up the repo |``)."""
    col = id_col + 1
    if not _milestone_header(table.headers[col] if col < len(fields) else ""):
        return False
    names = [plain(r.cells[col]).strip() for r in table.rows if col < len(r.cells) and plain(r.cells[col]).strip()]
    if len(set(names)) < len(names):
        return False
    fields[col] = "title"
    return True


def number_milestones(b: Builder, table: Table, fields: list[str | None]) -> tuple[Table, list[str | None]] | None:
    """``| Milestone | Date | Status |`` with no id column and no one doing work: the plan's milestones, numbered
    ``M-1``, ``M-2`` … (after those it has), rather than items named after them; None for any other table."""
    # A milestone has a state, but no one doing it, no size and nothing it waits on.
    if "title" not in fields or "id" in fields or (WORK_FIELDS - {"status"}) & set(fields):
        return None
    if not _milestone_header(table.headers[fields.index("title")]):
        return None
    named = _named_milestones(table, fields.index("title"))
    if named is not None:
        # "| M0 — Data | T1–T3 |": each name opens with the milestone's own id; the rest is its title.
        b.note(table.line, f"milestone table: ids from the names ({', '.join(named[0])})")
        return named[1], ["id", *fields]
    numbered, start = with_ids(table, "M-", {r.values.get("id") for r in b.records["milestones"]})
    last = start + len(table.rows) - 1
    b.note(table.line, f"milestone table without an id column: its rows numbered M-{start}..M-{last}")
    return numbered, ["id", *fields]


#: A milestone's name opening with its id: ``M0 — Data``, ``M3: Create``, ``MS-2 - Beta``.
_ID_NAMED = re.compile(r"^\s*(?:\*\*)?(?P<id>M[S-]?\d+)(?:\*\*)?\s*[—–:-]\s*(?P<title>\S.*)$")


def _named_milestones(table: Table, col: int) -> tuple[list[str], Table] | None:
    """The table with an id column taken from its names (``M0 — Data`` -> ``M0`` and ``Data``) when every name opens
    with a distinct id; else None."""
    found = [_ID_NAMED.match(plain(padded_cells(table, r.cells)[col])) for r in table.rows]
    ids = [m.group("id") for m in found if m]
    if not table.rows or len(ids) != len(table.rows) or len(set(ids)) != len(ids):
        return None
    rows = []
    for row, m in zip(table.rows, found, strict=True):
        assert m
        cells = padded_cells(table, row.cells)
        rows.append(TableRow(row.line, [m.group("id"), *cells[:col], m.group("title"), *cells[col + 1 :]]))
    return ids, Table(table.line, table.end, ["ID", *table.headers], rows)


#: A cell that is one issue or ticket number, struck through or not: ``#305``, ``~~#295~~``.
_TICKET = re.compile(r"^(?:~~)?(#\d+)(?:~~)?$")


#: A row number in a "#" column beside the id column: ``01``, ``7``.
_ROW_NUMBER = re.compile(r"^(\d{1,3})$")


def ticket_aliases(b: Builder, table: Table, fields: list[str | None], rows: list[tuple[str, list[str]]]) -> None:
    """A column giving each row its own ticket (``| 2b | Validate | #305 |``): elsewhere the plan may cite the row
    by that ticket ("Bloqué par #305"), another name of it."""
    for n, f in enumerate(fields):
        if f in ("id", "title", "depends_on", "soft_depends_on", "blocks"):
            continue
        # "| # | Key | … | Deps |" over 01, 02…: the row numbers the dependency cells cite ("02, 03", "01~13").
        pattern = _ROW_NUMBER if custom_key(table.headers[n]) == "number" else _TICKET
        found = [(rid, pattern.match(plain(cells[n]).strip())) for rid, cells in rows if plain(cells[n]).strip("—– -")]
        tickets = [m.group(1) for _, m in found if m]
        if len(tickets) < 2 or len(tickets) != len(found) or len(set(tickets)) != len(tickets):
            continue
        for rid, m in found:
            assert m is not None
            b.aliases.setdefault(m.group(1), rid)
        what = "number" if pattern is _ROW_NUMBER else "ticket"
        b.note(table.line, f"table: column {plain(table.headers[n])!r} gives each row its {what}, another name of it")
