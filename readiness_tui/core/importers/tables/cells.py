"""Cell helpers: whether a cell is a link or issue reference or a placeholder, splitting a cell that holds several
values, a row padded to its header, and the custom key of each column.

The other parsers of cells and phrases each have their module: ``references.ids`` (ids), ``references.refs``
(reference lists and ranges), ``vocabulary.statuses`` (statuses), ``vocabulary.priorities`` (priorities),
``vocabulary.dates`` (estimates, targets), ``vocabulary.headers`` (what a column header means); ``tables.row_fields``
reads a row's cells as an item's fields.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from readiness_tui.core.importers.document.blocks import Table, TableRow, plain
from readiness_tui.core.importers.vocabulary.headers import custom_key

_LINKLIKE = re.compile(r"^(?:#\d+|[A-Z][A-Z0-9]+-\d+|https?://\S+|\[.*\]\(.*\)|gh-\d+|!\d+)$")


def is_linklike(cell: str) -> bool:
    text = cell.strip()
    if _LINKLIKE.match(text):
        return True
    p = plain(text)
    return bool(re.fullmatch(r"#\d+(?:\s*[,;]\s*#\d+)*", p)) or p.startswith(("http://", "https://"))


def split_list(cell: str, seps: str = ",;") -> list[str]:
    """A cell holding several values: split on the separators outside parentheses and backticks."""
    text = cell.strip()
    if not text:
        return []
    out: list[str] = []
    depth = 0
    tick = False
    cur: list[str] = []
    for ch in text:
        if ch == "`":
            tick = not tick
        elif not tick and ch in "([":
            depth += 1
        elif not tick and ch in ")]" and depth:
            depth -= 1
        if ch in seps and depth == 0 and not tick:
            out.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    out.append("".join(cur))
    return [x.strip() for x in out if x.strip()]


#: What a cell says when it holds nothing: "None", "—", "N/A", "TBD", "None yet" (a "Known Issues" table).
_PLACEHOLDER = frozenset(
    {"none", "n/a", "na", "tbd", "tba", "nil", "nothing", "-", "—", "–", "--", "…", "...", "?", "none yet",
     "nothing yet", "none so far"}
)  # fmt: skip


#: "(and so on for other stories...)", "etc.": a row saying that more would follow, standing for none.
_MORE_TO_COME = re.compile(r"^[(\[]?\s*(?:\.\.\.|…)?\s*(?:and so on|and so forth|etc\.?|and more)\b", re.I)


def is_placeholder(cell: str) -> bool:
    """Whether a cell stands for no value (``None``, ``—``, ``N/A``, ``TBD``, "and so on", a blank ``__`` to fill in),
    emphasis and brackets aside."""
    text = plain(cell).strip().lstrip("↳└├─→ ")  # "↳ tbd": a row under the one above, still to be named
    if len(text) >= 2 and not text.strip("_"):
        return True
    return text.strip("*_()[]. ").lower() in _PLACEHOLDER or text in _PLACEHOLDER or bool(_MORE_TO_COME.match(text))


def owners_of(names: list[str]) -> tuple[str, list[str]]:
    """(owner, contributors) of the names a plan gives: the one marked (primary)/(lead)/(owner), else the first."""
    names = [n.strip() for n in names if n.strip()]
    if not names:
        return "", []
    primary = next((n for n in names if re.search(r"\((?:primary|lead|owner|dri|accountable)\)", n, re.I)), None)
    if primary is None:
        primary = names[0]
    rest = [n for n in names if n is not primary]
    owner = re.sub(r"\s*\([^)]*\)\s*$", "", primary).strip()
    return owner, rest


#: The headers of a table of one record's fields, a field and its value a row: ``| Field | Value |``, ``| | |``.
_FIELD_COLUMNS = (["field", "value"], ["key", "value"], ["property", "value"], ["attribute", "value"], ["", ""])


def names_field_columns(table: Table) -> bool:
    """Whether a table's headers say its rows are one record's fields (``_FIELD_COLUMNS``), whatever its rows hold."""
    return [plain(h).strip().lower() for h in table.headers] in _FIELD_COLUMNS


def padded_cells(table: Table, row_cells: list[str]) -> list[str]:
    cells = list(row_cells) + [""] * (len(table.headers) - len(row_cells))
    return cells[: len(table.headers)]


def column_cells(table: Table, n: int) -> list[str]:
    """Column ``n``'s cells, one per row, as plain text without the spaces around it ("" where a row is short)."""
    return [plain(padded_cells(table, r.cells)[n]).strip() for r in table.rows]


def mapping_note(table: Table, fields: list[str | None]) -> str:
    parts = []
    for h, f, key in zip(table.headers, fields, column_keys(table.headers)):
        parts.append(f"{plain(h)}->{f if f else 'custom.' + key}")
    return ", ".join(parts)


def with_ids(table: Table, prefix: str, taken: Collection[object]) -> tuple[Table, int]:
    """``table`` with a first column "ID" numbering its rows ``{prefix}1``, ``{prefix}2`` … from the first number no id
    in ``taken`` has (a register or a schedule with no ids of its own); and that first number."""
    start = 1
    while f"{prefix}{start}" in taken:
        start += 1
    rows = [TableRow(r.line, [f"{prefix}{start + n}", *padded_cells(table, r.cells)]) for n, r in enumerate(table.rows)]
    return Table(table.line, table.end, ["ID", *table.headers], rows), start


def column_keys(headers: list[str]) -> list[str]:
    """The custom key of each column, one apart from another: two headers that give the same key ("完成条件摘要" and
    "证据" both give ``column``) are ``column`` and ``column_2``, so that neither cell overwrites the other."""
    return list(_column_keys(tuple(headers)))


@lru_cache(maxsize=64)  # asked once per row of a table
def _column_keys(headers: tuple[str, ...]) -> tuple[str, ...]:
    keys: list[str] = []
    for header in headers:
        key = base = custom_key(header)
        n = 1
        while key in keys:
            n += 1
            key = f"{base}_{n}"
        keys.append(key)
    return tuple(keys)
