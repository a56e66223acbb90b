"""Tables: items (any table with an id column), risk registers, waivers, milestones, deliverables,
priority-scoring tables without ids, supplementary tables about known items, dependency matrices."""

from __future__ import annotations

import re
from typing import Any

from .blocks import Section, Table, plain
from .builder import STATUS_BY_MARK, Builder
from .cells import is_linklike, split_list
from .dates_effort import parse_date, parse_estimate, parse_target, put_due
from .headers import TITLE_RANK, custom_key, estimate_unit, header_field, norm_header
from .id_cells import lift_ids
from .id_shapes import RISK_ID_RE, is_id
from .refs import parse_refs
from .result import Rec
from .status_words import parse_priority, parse_status

_MATRIX_HEAD = re.compile(
    r"^(?:row\s*[\\/]*\s*col(?:umn)?|from\s*[\\/→]\s*to|depends\s*[\\/→]\s*on|item\s*[\\/]\s*dep\w*)$", re.I
)
_ONE = frozenset({"1", "x", "✓", "✔", "●", "■", "yes", "y", "true", "✅"})
_ZERO = frozenset({"0", "", "-", ".", "·", "no", "n", "false", "—", "–"})
_EMBEDDED_ID = re.compile(
    r"^\**`?([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|\d+(?:\.\d+)+|[A-Z]{1,4}\d+)`?\**(?:\s*[:—–.|-])?\s+(\S.*)$"
)
_GEN_PREFIX = {
    "stream": "S",
    "workstream": "WS",
    "workstream name": "WS",
    "epic": "E",
    "task": "T",
    "action": "A",
    "item": "I",
    "milestone": "M",
    "check": "C",
    "feature": "F",
    "story": "ST",
}


def _cells(table: Table, row_cells: list[str]) -> list[str]:
    cells = list(row_cells) + [""] * (len(table.headers) - len(row_cells))
    return cells[: len(table.headers)]


def is_matrix(table: Table) -> bool:
    if len(table.headers) < 2 or not table.rows:
        return False
    head = norm_header(table.headers[0]).replace(" ", "")
    cols = [plain(h) for h in table.headers[1:]]
    looks = bool(_MATRIX_HEAD.match(head.replace("\\\\", "\\"))) or (not head and all(is_id(c) for c in cols))
    if not looks:
        return False
    for row in table.rows:
        for c in _cells(table, row.cells)[1:]:
            if plain(c).strip().lower() not in _ONE | _ZERO:
                return False
    return True


def handle_matrix(b: Builder, table: Table, sec: Section) -> None:
    order = [plain(h) for h in table.headers[1:]]
    rows: dict[str, str] = {}
    for row in table.rows:
        cells = _cells(table, row.cells)
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


def _id_column(table: Table, fields: list[str | None]) -> int | None:
    for n, f in enumerate(fields):
        if f == "id":
            return n
    # No header says "id": a column whose values are all distinct ids.
    for n in range(min(2, len(table.headers))):
        vals = [plain(_cells(table, r.cells)[n]) for r in table.rows]
        if (
            vals
            and all(is_id(v) and ("-" in v or "." in v or v[0].isalpha()) for v in vals)
            and len(set(vals)) == len(vals)
        ):
            return n
    return None


def classify_fields(table: Table) -> list[str | None]:
    fields = [header_field(h) for h in table.headers]
    titleish = [n for n, h in enumerate(table.headers) if norm_header(h) in TITLE_RANK]
    # Columns of issue references ("#2") are links, whatever their header says.
    for n in list(titleish):
        vals = [plain(_cells(table, r.cells)[n]) for r in table.rows if plain(_cells(table, r.cells)[n])]
        if vals and all(is_linklike(v) for v in vals):
            fields[n] = "links"
            titleish.remove(n)
    if titleish:
        best = min(titleish, key=lambda n: TITLE_RANK.index(norm_header(table.headers[n])))
        for n in titleish:
            if n != best and fields[n] == "title":
                fields[n] = "description"
        fields[best] = "title"
    elif "description" in fields:
        fields[fields.index("description")] = "title"
    # Several id-like columns ("#" numbering and "ID"): the one holding real ids wins.
    id_cols = [n for n, f in enumerate(fields) if f == "id"]
    if len(id_cols) > 1:

        def realness(n: int) -> int:
            vals = [plain(_cells(table, r.cells)[n]) for r in table.rows]
            return sum(1 for v in vals if any(c.isalpha() for c in v) or "." in v)

        best_id = max(id_cols, key=lambda n: (realness(n), norm_header(table.headers[n]) not in ("#", "no", "nr")))
        for n in id_cols:
            if n != best_id:
                fields[n] = None
    # A second column mapping to the same field keeps its value as custom.
    seen: set[str] = set()
    for n, f in enumerate(fields):
        if f is None:
            continue
        if f in seen and f not in ("description", "notes"):
            fields[n] = None
        seen.add(f)
    return fields


def _is_risk_table(b: Builder, table: Table, fields: list[str | None], id_col: int, sec: Section) -> bool:
    head = norm_header(table.headers[id_col])
    if "risk" in head:
        return True
    ids = [plain(_cells(table, r.cells)[id_col]) for r in table.rows]
    risky = sum(1 for i in ids if RISK_ID_RE.match(i)) >= max(1, len(ids) // 2)
    riskcols = any(f in ("severity", "likelihood", "mitigated_by") for f in fields)
    in_risk_section = "risk" in _heading_words(sec)
    return (risky and (riskcols or in_risk_section)) or (in_risk_section and riskcols)


def _heading_words(sec: Section) -> str:
    return " ".join(s.title.lower() for s in [sec, *sec.ancestors()] if s.heading)


def handle_table(
    b: Builder, table: Table, sec: Section, kind: str = "task", defaults: dict[str, Any] | None = None
) -> None:
    if not table.headers:
        b.skipped(table.line, "table without a header row")
        return
    if is_matrix(table):
        handle_matrix(b, table, sec)
        return
    if not table.rows:
        b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}) has no rows")
        return
    fields = classify_fields(table)
    id_col = _id_column(table, fields)
    lifted = lift_ids(b, table, fields, id_col)
    if lifted:
        table, fields = lifted
        id_col = 0
    words = _heading_words(sec)
    if id_col is not None:
        fields[id_col] = "id"
        if "title" not in fields:
            # The id took the title-like column ("Task" holding T1, T2): the next text column is the title.
            for n, f in enumerate(fields):
                if f in (None, "description") and n != id_col:
                    vals = [plain(_cells(table, r.cells)[n]) for r in table.rows]
                    if any(len(v.split()) > 1 for v in vals):
                        fields[n] = "title"
                        break
        if "expires" in fields or ("waiver" in words or "exception" in words):
            handle_waivers(b, table, sec, fields)
        elif _is_risk_table(b, table, fields, id_col, sec):
            handle_risks(b, table, sec, fields, id_col)
        elif "milestone" in norm_header(table.headers[id_col]) or ("milestone" in words and "target" in fields):
            handle_milestones(b, table, sec, fields, id_col)
        else:
            handle_items(b, table, sec, fields, id_col, kind, defaults)
        return
    if "path" in fields and any(f in fields for f in ("purpose", "description", "title", "status")):
        handle_deliverables(b, table, sec, fields)
        return
    if "expires" in fields:
        handle_waivers(b, table, sec, fields)
        return
    if "title" in fields and any(f in fields for f in ("priority", "score", "status", "owner", "depends_on")):
        handle_items(b, table, sec, fields, None, kind, defaults)
        return
    b.skipped(table.line, f"table ({', '.join(plain(h) for h in table.headers)}): no id column and no known shape")


def _mapping_note(table: Table, fields: list[str | None]) -> str:
    parts = []
    for h, f in zip(table.headers, fields):
        parts.append(f"{plain(h)}->{f if f else 'custom.' + custom_key(h)}")
    return ", ".join(parts)


def row_values(
    b: Builder, table: Table, fields: list[str | None], cells: list[str], line: int, rid: str
) -> dict[str, Any]:
    """The item fields of one table row; unmapped and unparseable cells go to ``custom``."""
    values: dict[str, Any] = {}
    gate: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    for header, fld, cell in zip(table.headers, fields, cells):
        text = plain(cell)
        if fld in (None, "id"):
            if fld is None and text:
                custom[custom_key(header)] = plain(cell, keep_code=True)
            continue
        if not text:
            continue
        if not _apply(b, fld, cell, values, gate, custom, line, rid, header):
            custom[custom_key(header)] = plain(cell, keep_code=True)
    if gate:
        values["gate"] = gate
    if custom:
        values["custom"] = custom
    return values


def _apply(
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
    """Put one value where it belongs; False when it cannot be understood (the caller keeps it)."""
    text = plain(cell)
    keep = plain(cell, keep_code=True)
    if fld == "title":
        values["title"] = keep.rstrip(":")
    elif fld == "description":
        values["description"] = (values.get("description", "") + "\n" + keep).strip()
    elif fld == "notes":
        values["notes"] = (values.get("notes", "") + "\n" + keep).strip()
    elif fld in ("owner", "role", "workstream"):
        values[fld] = text
    elif fld == "contributors":
        values[fld] = split_list(text)
    elif fld == "depends_on":
        refs = parse_refs(cell)
        values["depends_on"] = refs.ids
        b.deps_stated.add(rid)
        if refs.rest:
            values["dependency_note"] = keep
            b.note(line, f"{rid}: dependency words {refs.rest!r} not ids; kept in dependency_note")
        for n in refs.negated:
            b.note(line, f"{rid}: {n} is named as not a dependency ({text!r}); not added")
        for r in refs.bad_ranges:
            b.warn(line, f"{rid}: range {r!r} could not be expanded; kept in dependency_note")
            values["dependency_note"] = keep
    elif fld == "status":
        st = parse_status(cell)
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
        est = parse_estimate(cell, estimate_unit(header))
        if est is None:
            b.note(line, f"{rid}: estimate {text!r} is not a duration; kept in custom")
            return False
        values["estimate_days"] = est
    elif fld == "target":
        tgt, exact = parse_target(cell)
        if tgt is None:
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
        gate["evidence"] = [plain(x) for x in split_list(cell)]
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
        values[fld] = m.group(1) if m else text
    elif fld == "soft_depends_on":
        values[fld] = parse_refs(cell).ids
    else:
        return False
    return True


def handle_items(
    b: Builder,
    table: Table,
    sec: Section,
    fields: list[str | None],
    id_col: int | None,
    kind: str,
    defaults: dict[str, Any] | None = None,
) -> None:
    known = set(b.items)
    rows = []
    for row in table.rows:
        cells = _cells(table, row.cells)
        rid = plain(cells[id_col]) if id_col is not None else ""
        rows.append((row, cells, rid))
    ids = [r for _, _, r in rows if r]
    # A table about items already known (an issue mapping, a status table): it adds to them.
    if id_col is not None and ids and all(i in known for i in ids):
        for row, cells, rid in rows:
            if not rid:
                b.skipped(row.line, f"table row without an id ({plain(' | '.join(cells))[:60]!r})")
                continue
            values = row_values(b, table, fields, cells, row.line, rid)
            values["id"] = rid
            _merge_supplement(b, rid, values, row.line)
        b.consume(table, sec)
        b.used(table.line, f"table of {len(ids)} known items ({_mapping_note(table, fields)}) -> added to those items")
        return
    _severity_as_priority(b, table, fields, rows)
    made = 0
    gen_prefix = None
    embedded: dict[int, tuple[str, str]] = {}
    if id_col is None:
        # "2.1 Cut over reads" / "T-3: Build": the title cells carry the ids.
        tcol = fields.index("title")
        for n, (_, cells, _) in enumerate(rows):
            m = _EMBEDDED_ID.match(plain(cells[tcol], keep_code=True))
            if m and is_id(m.group(1)) and any(c.isdigit() for c in m.group(1)):
                embedded[n] = (m.group(1), m.group(2))
        if len(embedded) != len(rows) or len({v[0] for v in embedded.values()}) != len(rows):
            embedded = {}
    if id_col is None and not embedded:
        title_col = fields.index("title")
        gen_prefix = _GEN_PREFIX.get(norm_header(table.headers[title_col]), "ROW-")
        if norm_header(table.headers[title_col]) in ("stream", "workstream", "workstream name", "epic"):
            kind = "stream"
    for n, (row, cells, rid) in enumerate(rows, start=1):
        if embedded:
            rid = embedded[n - 1][0]
        elif id_col is None:
            title = plain(cells[fields.index("title")])
            rid = b.match_stream(title, n, gen_prefix) if gen_prefix else ""
        if not rid or not is_id(rid):
            b.skipped(row.line, f"table row without an id ({plain(' | '.join(cells))[:60]!r})")
            continue
        values = {"id": rid, "kind": kind, **(defaults or {})}
        values.update(row_values(b, table, fields, cells, row.line, rid))
        if embedded:
            values["title"] = embedded[n - 1][1]
        if b.add_item(values, row.line, "table"):
            made += 1
    b.consume(table, sec)
    what = f"{made} items"
    if id_col is None:
        col = plain(table.headers[fields.index("title")])
        what += f" (ids taken from the start of the {col} column)" if embedded else f" (ids made from the {col} column)"
    b.used(table.line, f"table ({_mapping_note(table, fields)}) -> {what}")


def _severity_as_priority(
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


def _merge_supplement(b: Builder, rid: str, values: dict[str, Any], line: int) -> None:
    rec = b.items[rid]
    old = rec.values
    values.pop(STATUS_BY_MARK, None)
    for key, value in values.items():
        if key in ("id", "kind"):
            continue
        if key in ("gate", "custom"):
            sub = old.setdefault(key, {})
            for k, v in value.items():
                if k not in sub:
                    sub[k] = v
                elif sub[k] != v:
                    old.setdefault("custom", {})[f"{k}_line_{line}"] = v
            continue
        if key not in old or old[key] in (None, "", []):
            old[key] = value
        elif isinstance(old[key], list) and isinstance(value, list):
            old[key] = old[key] + [v for v in value if v not in old[key]]
        elif old[key] != value:
            b.note(line, f"{rid}: {key} {value!r} differs from {old[key]!r} given earlier; kept in custom")
            old.setdefault("custom", {})[f"{key}_line_{line}"] = value


def handle_risks(b: Builder, table: Table, sec: Section, fields: list[str | None], id_col: int) -> None:
    n = 0
    mappings = 0
    for row in table.rows:
        cells = _cells(table, row.cells)
        rids = [r for r in re.split(r"\s*/\s*", plain(cells[id_col])) if r]
        if not rids or not all(is_id(r) for r in rids):
            b.skipped(row.line, f"risk row without an id ({plain(cells[id_col])!r})")
            continue
        rid = rids[0]
        values: dict[str, Any] = {"id": rid}
        notes = []
        for header, fld, cell in zip(table.headers, fields, cells):
            text = plain(cell, keep_code=True)
            if fld == "id" or not text:
                continue
            if fld in ("title", "description") and "title" not in values:
                values["title"] = text
            elif fld in ("severity", "priority"):
                values["severity"] = text
            elif fld == "likelihood":
                values["likelihood"] = text
            elif fld == "owner":
                values["owner"] = text
            elif fld in ("source_refs",):
                values["source"] = text
            elif fld in ("mitigated_by", "depends_on", "links"):
                refs = parse_refs(cell, loose=False)
                values["mitigated_by"] = values.get("mitigated_by", []) + [r for r in refs.ids if r != rid]
                if refs.negated:
                    b.note(row.line, f"risk {rid}: {', '.join(refs.negated)} named as not mitigating it ({text!r})")
                if refs.rest:
                    notes.append(f"{plain(header)}: {text}")
            else:
                notes.append(f"{plain(header)}: {text}")
        if notes:
            values["notes"] = "\n".join(notes)
        if len(rids) > 1:
            b.note(row.line, f"one row for risks {', '.join(rids)}: each gets the row's fields and mappings")
        for r in rids:
            mitigations = [t for t in values.get("mitigated_by", []) if t not in rids]
            mappings += len(mitigations)
            b.records["risks"].append(
                Rec("risks", {**values, "id": r, "mitigated_by": mitigations}, row.line, "risk register")
            )
            n += 1
    b.consume(table, sec)
    b.used(table.line, f"risk register ({_mapping_note(table, fields)}) -> {n} risks, {mappings} risk-to-task mappings")


def handle_waivers(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> None:
    n = 0
    for row in table.rows:
        cells = _cells(table, row.cells)
        values: dict[str, Any] = {}
        reason = []
        for header, fld, cell in zip(table.headers, fields, cells):
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
                    b.warn(row.line, f"waiver expiry {text!r} is not a date; the waiver is kept without one")
                    reason.append(f"expires: {text}")
                else:
                    values["expires"] = d
            elif fld == "approved_by" or fld == "owner":
                values["approved_by"] = plain(cell)
            else:
                reason.append(
                    text if fld in ("reason", "title", "description", "notes") else f"{plain(header)}: {text}"
                )
        if reason:
            values["reason"] = "; ".join(reason)
        if "item" not in values:
            b.skipped(row.line, "waiver row names no item")
            continue
        b.records["waivers"].append(Rec("waivers", values, row.line, "waiver table"))
        n += 1
    b.consume(table, sec)
    b.used(table.line, f"waiver table ({_mapping_note(table, fields)}) -> {n} waivers")


def handle_milestones(b: Builder, table: Table, sec: Section, fields: list[str | None], id_col: int) -> None:
    n = 0
    for row in table.rows:
        cells = _cells(table, row.cells)
        values: dict[str, Any] = {"id": plain(cells[id_col])}
        for header, fld, cell in zip(table.headers, fields, cells):
            text = plain(cell, keep_code=True)
            if fld == "id" or not text:
                continue
            if fld in ("title", "description") and "title" not in values:
                values["title"] = text
            elif fld == "target":
                put_due(values, cell, text)
            elif (
                fld in ("depends_on", "mitigated_by", "links")
                or "item" in norm_header(header)
                or "task" in norm_header(header)
            ):
                values["items"] = parse_refs(cell).ids
        b.records["milestones"].append(Rec("milestones", values, row.line, "milestone table"))
        n += 1
    b.consume(table, sec)
    b.used(table.line, f"milestone table -> {n} milestones")


def handle_deliverables(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> None:
    n = 0
    for row in table.rows:
        cells = _cells(table, row.cells)
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
        if "path" not in values:
            b.skipped(row.line, "deliverable row without a path")
            continue
        b.records["deliverables"].append(Rec("deliverables", values, row.line, "deliverables table"))
        n += 1
    b.consume(table, sec)
    b.used(table.line, f"deliverables table ({_mapping_note(table, fields)}) -> {n} deliverables")
