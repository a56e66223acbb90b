"""Risk tables without an id column: ``| Risk | Probability | Impact | Mitigation |``, ``| Risk | Mitigation | Task |``.

The rows are numbered ``R-1``, ``R-2``... (reported). A column of ids beside the risk (``Task``: ``2.2.1, 2.3.1``,
``P1-01``, ``2, 6``) names the items that mitigate it; it is neither the risks' ids nor their titles. Bare numbers
there are read after the column's word (``Task`` ``2`` -> the item ``Task 2`` names, ``TASK-2``) once every item
is known.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.references.ids import NONE_WORDS, says_all
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.tables.cells import column_cells, padded_cells, with_ids
from readiness_tui.core.importers.tables.id_cells import split_id_cell
from readiness_tui.core.importers.vocabulary.headers import header_field, norm_header
from readiness_tui.core.importers.vocabulary.words import RISK_HEADERS

_RISK_HEADERS = (
    "risk", "risks", "risk description", "description of risk", "risk area", "risk areas", "risk item", *RISK_HEADERS
)  # fmt: skip
#: Headers of what a review found, which the work its "Fixed by" column names puts right: risks, not work.
FINDING_HEADERS = ("finding", "findings", "threat", "threats", "vulnerability", "vulnerabilities", "weakness")
#: Words a column of the items mitigating a risk is headed with ("Task", "Tasks", "Story").
_ITEM_NOUNS = (
    "task", "tasks", "story", "stories", "ticket", "tickets", "issue", "issues", "item", "items",
    # in the plan languages read
    "tarea", "tareas", "tâche", "tâches", "tarefa", "tarefas", "attività", "compito", "aufgabe", "aufgaben",
    "задача", "задачи", "zadanie", "zadania", "taak", "taken", "görev", "görevler", "завдання", "任务", "タスク", "작업",
)  # fmt: skip
_NUMBERS = re.compile(r"^\d+(?:\s*[,&/]\s*\d+)*$")


def _items_column(table: Table, fields: list[str | None], col: int) -> int | None:
    """The column beside the risk whose cells are ids alone (or "all", "—"): the items mitigating each risk."""
    for n, head in enumerate(table.headers):
        # ("Ticket" reads as an id header; beside a risk column of no ids it names the tickets, not the risks.)
        if n == col or fields[n] not in ("title", "description", "mitigated_by", "id", None):
            continue
        if norm_header(plain(head)) not in _ITEM_NOUNS:
            continue
        cells = column_cells(table, n)
        with_ids = [c for c in cells if parse_refs(c).ids and not parse_refs(c).rest]
        others = [c for c in cells if c not in with_ids and (c.lower() in NONE_WORDS or len(c.split()) == 1)]
        # Under a "Task" header, ids and "—" alone: however few rows name a task, the rest say "none".
        nones = all(c.lower() in NONE_WORDS or c in ("", "—", "–", "-") for c in others)
        if with_ids and (len(with_ids) * 2 >= len(cells) or nones) and len(with_ids) + len(others) == len(cells):
            return n
    return None


def _heads(table: Table) -> list[str]:
    """The table's headers as compared with header words: "Risk (proposal Section 7)" is "risk" (a note in brackets
    says where the risks come from, not what the column is)."""
    return [norm_header(re.sub(r"\([^)]*\)", " ", plain(h))) for h in table.headers]


def about_risks(heading_words: str) -> bool:
    """Whether headings (lower case) speak of risks, in English or a plan language ("Riesgos", "リスクと回避策")."""
    return any(w in heading_words for w in ("risk", *RISK_HEADERS))


def risk_column(table: Table) -> bool:
    """Whether a column is headed "Risk" (or a word for it): a row stands for its risk, whatever else is empty."""
    heads = _heads(table)
    return any(h in _RISK_HEADERS for h in heads)


def keys_no_rows(table: Table, fields: list[str | None], id_col: int | None, items: Collection[str] = ()) -> bool:
    """Whether the table has no column of row ids: none found, or one found only by its cells that holds bare
    numbers under a header that is no id word (``| 要件軸 | リスク |`` keyed by requirement 1.1, 1.2...), or one
    whose cells name items of the plan (``| Threat | Ticket |``: the tickets, not the rows)."""
    if id_col is None:
        return True
    cells = column_cells(table, id_col)
    given = [c for c in cells if c]
    if len(set(given)) < len(given):
        return True  # "| ID | Risk |" whose cells repeat P0, P1, P2: severity bands, not the rows' ids
    # Cells saying "All" or "—" name no row either way; the rest must each name items.
    named = [parse_refs(c).ids for c in given if not says_all(c) and c.lower() not in NONE_WORDS]
    if items and named and all(ids and all(i in items for i in ids) for ids in named):
        return True
    if header_field(table.headers[id_col]) == "id":
        return False
    return not any(c.isalpha() for v in cells for c in v)


def number_risks(
    b: Builder, table: Table, fields: list[str | None], heading_words: str
) -> tuple[Table, list[str | None]] | None:
    """The register with ``R-n`` ids (see the module doc), or None when the table is no id-less risk table.

    Only when a column is headed "Risk" and another says how likely, how bad or how it is mitigated, or the
    section is about risks; and not when the risk cells open with ids of their own (``R-06 OCR quality``)."""
    heads = _heads(table)
    col = next((n for n, h in enumerate(heads) if h in _RISK_HEADERS), None)
    riskcols = any(f in ("severity", "likelihood", "mitigated_by") for f in fields) or any(
        w in h for h in heads for w in ("probability", "likelihood", "impact", "mitigation")
    )
    if col is None or not (riskcols or about_risks(heading_words)):
        return None
    if sum(1 for r in table.rows if split_id_cell(padded_cells(table, r.cells)[col])) * 2 > len(table.rows):
        return None
    items_col = _items_column(table, fields, col)
    rows = []
    for r in table.rows:
        cells = padded_cells(table, r.cells)
        if items_col is not None and _NUMBERS.match(plain(cells[items_col]).strip()):
            word = plain(table.headers[items_col]).strip().rstrip("s")
            cells[items_col] = ", ".join(f"{word} {k}" for k in re.findall(r"\d+", plain(cells[items_col])))
        rows.append(TableRow(r.line, cells))
    taken = {r.values.get("id") for r in b.records["risks"]}
    numbered, start = with_ids(Table(table.line, table.end, table.headers, rows), "R-", taken)
    # An id column whose cells repeat (see ``keys_no_rows``) is kept as a column of its own, not as the ids.
    new_fields: list[str | None] = ["id", *(None if f == "id" else f for f in fields)]
    new_fields[col + 1] = "title"
    b.note(table.line, f"risk table without an id column: its rows numbered R-{start}..R-{start + len(rows) - 1}")
    if items_col is not None:
        # The column of ids says which items mitigate; a "Mitigation" column beside it says how, in words.
        new_fields = [None if f == "mitigated_by" else f for f in new_fields]
        new_fields[items_col + 1] = "mitigated_by"
        b.note(table.line, f"risk table: column {plain(table.headers[items_col])!r} names the items mitigating")
    return numbered, new_fields


#: "Risk addressed", "Risks reduced", "Mitigates risk": a task table's column naming the risk each row retires.
_ADDRESSED = re.compile(
    r"^(?:risks?\s+(?:addressed|reduced|treated|retired|covered|refs?|ids?)|(?:addresses|reduces|retires)\s+risks?"
    # "Rischio trattato", "Riesgo tratado", "Risque traité", "Risco tratado", "Behandeltes Risiko"
    r"|rischi[oi]?\s+trattat[oi]|riesgos?\s+tratados?|risques?\s+traités?|riscos?\s+tratados?"
    r"|behandelte[sn]?\s+risik(?:o|en))$",
    re.I,
)


def addressed_risk_column(table: Table) -> int | None:
    """The column of a task table that names, per row, the risk the row retires: headed so ("Risk addressed"), or
    headed "Risk" ("Riesgo") with ids alone in its cells (``RT-005``); None without one."""
    found = next((n for n, h in enumerate(table.headers) if _ADDRESSED.match(norm_header(plain(h)))), None)
    if found is not None:
        return found
    for n, head in enumerate(_heads(table)):
        if head not in _RISK_HEADERS:
            continue
        cells = column_cells(table, n)
        refs = [parse_refs(c, loose=False) for c in cells if c and c.lower() not in NONE_WORDS and c not in "—–-"]
        if refs and all(r.ids and not r.rest.strip(" ,;/()") for r in refs):
            return n
    return None


def row_risk(b: Builder, cell: str, rid: str, line: int) -> None:
    """The risk a row's own cell names: risks of the plan by their ids (``T-01, T-03``), else, without an id,
    the next ``R-n``; retired by that row."""
    title = plain(cell).strip()
    if title.lower() in NONE_WORDS or title in ("—", "–"):
        return
    known = {str(r.values.get("id")): r for r in b.records["risks"]}
    if says_all(title):
        b.says_all.append(("item", rid, line))
        b.note(line, f"{rid}: its row addresses {title!r} risks, not one of them: no risk linked ([options] all)")
        return
    named = [i for i in parse_refs(title).ids if i in known]
    cited = parse_refs(title, loose=False)
    if cited.ids and not cited.rest.strip(" ,;/()"):
        # "| Risk ref | C-85/C-86 |": the register's ids, read before the register itself (it merges into them);
        # "R-001, R-002" where an earlier row named R-001: each id counts, known or not.
        for i in cited.ids:
            if i in known:
                links = known[i].values.setdefault("mitigated_by", [])
                if rid not in links:
                    links.append(rid)
            else:
                known[i] = b.add_risk({"id": i, "title": i, "mitigated_by": [rid]}, line, "risk ref")
        b.note(line, f"{rid}: retires the risks its row names, {', '.join(cited.ids)}")
        return
    if named:
        for i in named:
            links = known[i].values.setdefault("mitigated_by", [])
            if rid not in links:
                links.append(rid)
        b.note(line, f"{rid}: retires the risks its row names, {', '.join(named)}")
        return
    made = b.free_risk_id()
    b.add_risk({"id": made, "title": title, "mitigated_by": [rid]}, line, "table")
    b.note(line, f"{rid}: the risk its row addresses, {title[:40]!r}, is {made}, retired by {rid}")
