"""Tables whose ids are not in an id column: inside the name cell, or behind a running number.

``| R-01 Password-protected PDFs | ...``, ``| W1-1 harness layer | ...``, ``| R-06 / R-07 OCR quality | ...``,
``| [API-12] Cursor pagination | ...`` (Notion and Jira exports)
and ``| 1 | [#50](...) Circuit breaker | ...`` (the first column counts rows; the real id is in the link)
or ``| 1 | Circuit breaker | ... | https://host/org/repo/issues/50 |`` (the id is the number of the issue each row
links to) are rewritten into a table with an ``ID`` column first, so the table recognisers read them like any
other; every such rewrite is reported, since it is a guess about the table.

A table whose rows group under the row that names an id: ``| **US-12** Rewards | 5 | Draw the reward | ☐ |`` then
``| | | Apply its effects | ☐ |``. A row whose id cell is empty continues the row above (the story's tasks, written as
blank cells under it, as a spreadsheet's merged cells are): it is part of that item, not one of its own. The id cell
gives the id and the title; the task cells of the row and of those continuing it, the description. Rows naming no id
and not continuing one (``*(outside a story)*``, a total row) are reported, not given a made-up id. When every task
row below a story has a state of its own (``☐``), the rows are the work: each an item with a made-up id, the story
its workstream (``_grouped_rows``).

A checklist written as a table: ``| [ ] Verify the bundle | SecOps | ... |``. When every row opens the same column
with a checkbox and words, that column is the title and its box the status, and the rows are numbered as a
checklist's entries are (the heading's initials, ``LK-1``, ``LK-2`` ..).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import (
    BOX_STATUS,
    Section,
    Table,
    TableRow,
    plain,
)
from readiness_tui.core.importers.guided.recipe import RECIPE
from readiness_tui.core.importers.references.ids import (
    is_id,
    looks_like_text_id,
    title_initials,
)
from readiness_tui.core.importers.tables.cells import column_cells, padded_cells
from readiness_tui.core.importers.tables.id_cells import issue_url_number, split_id_cell
from readiness_tui.core.importers.vocabulary.headers import norm_header
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A row left out of the numbering (an epic row above its numbered slices): ``—``, ``-`` or empty.
_UNNUMBERED = ("", "-", "—", "–")


#: A column of epics, in the plan languages read.
_EPIC = re.compile(r"\b(?:epics?|pique|épique|épica|epica|epico|epos|эпик|에픽|エピック|史诗)\b")
#: The number of each reference to an issue or pull request in a cell (``#62``, ``…/issues/62``).
_ISSUE_REFS = re.compile(r"(?:#|/(?:issues|pull|pulls|merge_requests)/)(\d+)")


def _running_number(table: Table, col: int) -> bool:
    vals = [plain(r.cells[col]) if col < len(r.cells) else "" for r in table.rows]
    nums = [v for v in vals if v not in _UNNUMBERED]
    return bool(nums) and (
        nums == [str(k) for k in range(1, len(nums) + 1)] or nums == [str(k) for k in range(len(nums))]
    )


#: ``1.4``, ``2``, ``0.1``: a row's position in the plan's order, not an id of its own.
_POSITION = re.compile(r"^\d{1,2}(?:\.\d{1,2})?$")


def _positions(table: Table, col: int) -> bool:
    vals = [plain(r.cells[col]) if col < len(r.cells) else "" for r in table.rows]
    nums = [v for v in vals if v not in _UNNUMBERED]
    return bool(nums) and all(_POSITION.match(v) for v in nums) and len(set(nums)) == len(nums)


def _marked_ids(table: Table, col: int) -> bool:
    """Whether most cells of a column open with an id set off in bold or code (``**AIN-1** x``): written so, it
    is the row's id even beside a column that numbers the rows."""
    marked = sum(1 for r in table.rows if col < len(r.cells) and re.match(r"^\s*(?:\*\*|__|`)", r.cells[col]))
    return marked * 5 >= len(table.rows) * 4


def _lift_issue_urls(
    b: Builder, table: Table, fields: list[str | None], id_col: int | None
) -> tuple[Table, list[str | None]] | None:
    """Every row links to one issue in the same column: the issue numbers are the ids."""
    for n in range(len(table.headers)):
        if n == id_col:
            continue
        ids = [issue_url_number(r.cells[n]) if n < len(r.cells) else None for r in table.rows]
        if not all(ids) or len(set(ids)) != len(ids):
            continue
        if _EPIC.search(norm_header(plain(table.headers[n]))):
            # "| Wave | Epic |" over links to the epics' issues: groups of the work, not items.
            b.note(table.line, f"table: column {plain(table.headers[n])!r} links each row to an epic: groups, no ids")
            continue
        rows = [TableRow(r.line, [i or "", *r.cells]) for r, i in zip(table.rows, ids)]
        new_fields: list[str | None] = ["id", *fields]
        if id_col is not None:
            new_fields[id_col + 1] = None
        why = f"column {plain(table.headers[n])!r} links each row to an issue"
        if id_col is not None:
            why += f"; column {plain(table.headers[id_col])!r} only counts rows"
        b.note(table.line, f"table: {why}: the issue numbers are the ids")
        return Table(table.line, table.end, ["ID", *table.headers], rows), new_fields
    return None


#: A name cell numbered as a list is: ``1: Strategy Protocol``, ``12. Report``.
_NUMBERED_NAME = re.compile(r"^\s*(?P<num>\d{1,3})[:.)]\s+(?P<rest>\S.*)$")


def _numbered_names(table: Table, n: int) -> list[tuple[list[str], str] | None] | None:
    """Each row's number and name when every cell of column ``n`` opens with a number of its own and a colon or
    dot (``1: Strategy Protocol``); None otherwise. Alone, a number opens a phrase ("3 scales"); a column of them,
    one per row, numbers the rows, and the other columns name them by it."""
    found = [_NUMBERED_NAME.match(plain(r.cells[n]) if n < len(r.cells) else "") for r in table.rows]
    nums = [m.group("num") for m in found if m]
    if len(table.rows) < 3 or len(nums) != len(found) or len(set(nums)) != len(nums):
        return None
    return [([m.group("num")], m.group("rest").strip()) if m else None for m in found]


#: A named code: capitals and digits in dashed parts, closing with a number ("FR-AUTH-003", "NFR-SEC-001").
_NAMED_CODES = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+\b")


def _codes_only(cell: str) -> bool:
    """Whether a cell lists two codes or more and nothing else ("FR-AUTH-003, FR-OBS-001 to FR-OBS-003"); "R-06 /
    R-07 OCR" names its row."""
    rest = re.sub(r"\b(?:to|and|or)\b|[,;/&–—\s]", "", _NAMED_CODES.sub("", cell), flags=re.I)
    return len(set(_NAMED_CODES.findall(cell))) >= 2 and not rest


def _ids_alone(table: Table, fields: list[str | None]) -> bool:
    """Whether the title column holds nothing but an id in every row (``REQ-SYNC-01``): a trace, not a name."""
    if "title" not in fields:
        return False
    cells = column_cells(table, fields.index("title"))
    return bool(cells) and all(c and " " not in c and is_id(c) for c in cells)


def lift_ids(
    b: Builder, table: Table, fields: list[str | None], id_col: int | None
) -> tuple[Table, list[str | None]] | None:
    """The table with an ``ID`` column made from ids written in a name cell, or None when it has none."""
    running = id_col is not None and _running_number(table, id_col)
    positions = id_col is not None and not running and _positions(table, id_col)
    if id_col is not None and not running and not positions:
        return None
    candidates = [n for n, f in enumerate(fields) if f in ("title", "description", "links", None) and n != id_col]
    for n in candidates[:3]:
        whole = [plain(r.cells[n]).strip() for r in table.rows if n < len(r.cells)]
        if whole and all(w in b.items for w in whole):
            continue  # "| feature-1-final-parity | task-1-... |": each row names the item it belongs to, not its own id
        split = [split_id_cell(r.cells[n]) if n < len(r.cells) else None for r in table.rows]
        split = _like_siblings(table, n, _numbered_names(table, n) or split)
        found = [s for s in split if s]
        # "[#62] A4 · [#64] A5", "[#193]–[#201] (B1→B2)": a cell listing several issues names no row.
        lists = sum(1 for r in table.rows if n < len(r.cells) and len(set(_ISSUE_REFS.findall(r.cells[n]))) >= 2)
        if found and lists * 2 >= len(found):
            continue
        # "| SRS |" over "FR-AUTH-003, FR-OBS-001 to FR-OBS-003": codes the row refers to, not its own id.
        coded = sum(1 for r in table.rows if n < len(r.cells) and _codes_only(plain(r.cells[n])))
        if found and coded * 2 >= len(found):
            continue
        # Most rows (3 in 4) must open with ids: the rest ("Bug Fixes") are rows of work with no number yet. A
        # one-row table only with an unmistakable one ("W2-1 ...").
        alone = len(split) == 1 and bool(found) and all(looks_like_text_id(i) for i in found[0][0])
        if len(found) < max(1 if alone else 2, (len(split) * 3 + 3) // 4):
            continue
        if positions and not _marked_ids(table, n):
            continue
        rows = []
        for row, s in zip(table.rows, split):
            cells = list(row.cells) + [""] * (len(table.headers) - len(row.cells))
            if s:
                cells[n] = s[1]
            rows.append(TableRow(row.line, [" / ".join(s[0]) if s else "", *cells]))
        new_fields: list[str | None] = ["id", *fields]
        if id_col is not None:
            new_fields[id_col + 1] = None
        if new_fields[n + 1] in ("links", "description") or (new_fields[n + 1] is None and _ids_alone(table, fields)):
            # "| Epic | Outcome |" over "**1.1 Landing Experience**", "| Card | Requirement |" over "[#31 Queue
            # writes](…)" and "REQ-SYNC-01": the names or links the ids open name the row; the column that was its
            # title describes it. (Beside "| Timing |" over "T-4 weeks", the title column stays.)
            described = "description" in new_fields[: n + 1] + new_fields[n + 2 :]
            new_fields = [
                "title" if k == n + 1 else f if f != "title" else None if described else "description"
                for k, f in enumerate(new_fields)
            ]
        elif new_fields[n + 1] is None:
            new_fields[n + 1] = "title"
        why = f"column {plain(table.headers[n])!r} starts with ids"
        if positions and id_col is not None:
            for row, s in zip(table.rows, split):
                pos = plain(row.cells[id_col]) if id_col < len(row.cells) else ""
                if s and len(s[0]) == 1 and pos:
                    b.aliases[pos] = s[0][0]
            why += f"; column {plain(table.headers[id_col])!r} holds positions, read as other names of the rows"
        elif id_col is not None:
            why += f"; column {plain(table.headers[id_col])!r} only counts rows"
        b.note(table.line, f"table: {why}: ids read from there")
        return Table(table.line, table.end, ["ID", *table.headers], rows), new_fields
    return _lift_issue_urls(b, table, fields, id_col)


#: A cell opening with a letter or two and maybe a number, a colon, then words: ``W1：真实微信联调``, ``A: Plan``.
_SHORT_LEAD = re.compile(r"^\**(?P<id>[A-Z]{1,2}\d{0,3}[a-z]?)\**\s*[:：]\s*(?P<rest>\S.*)$")


def _like_siblings(
    table: Table, n: int, split: list[tuple[list[str], str] | None]
) -> list[tuple[list[str], str] | None]:
    """``split`` with the rows that gave no id read as their siblings are: among ``B1：…``, ``C2：…``, ``W1：…`` and
    ``A：…`` open with ids too, though alone one would be a week and the other a letter."""
    if not any(s and len(s[0]) == 1 and re.fullmatch(r"[A-Z]{1,2}\d{1,3}[a-z]?", s[0][0]) for s in split):
        return split
    out = list(split)
    for k, row in enumerate(table.rows):
        if out[k] is None and n < len(row.cells) and (m := _SHORT_LEAD.match(plain(row.cells[n]).strip())):
            out[k] = ([m.group("id")], m.group("rest"))
    return out


#: A cell that opens with a checkbox and has words after it: ``[ ] Verify the bundle``.
_BOX_CELL = re.compile(r"^\[(?P<mark>[ xX✓✔~/-])\]\s+(?P<rest>\S.*)$")


def box_rows(b: Builder, table: Table, fields: list[str | None], sec: Section) -> tuple[Table, list[str | None]] | None:
    """The table with an ``ID`` column and a status column when it is a checklist written as a table (see
    above); None otherwise. Two rows at least, every one boxed in the same column, which is not an id column."""
    if len(table.rows) < 2 or "id" in fields:
        return None
    for n, f in enumerate(fields):
        if f not in ("title", "description", None):
            continue
        boxed = [_BOX_CELL.match(plain(r.cells[n]).strip()) if n < len(r.cells) else None for r in table.rows]
        if not all(boxed):
            continue
        prefix = f"{title_initials(sec.title)}-"
        has_status = "status" in fields
        rows, k = [], 0
        for row, m in zip(table.rows, boxed, strict=True):
            assert m
            k += 1
            while f"{prefix}{k}" in b.items:
                k += 1
            cells = list(row.cells) + [""] * (len(table.headers) - len(row.cells))
            cells[n] = m.group("rest")
            rows.append(
                TableRow(row.line, [f"{prefix}{k}", *cells, *([] if has_status else [BOX_STATUS[m.group("mark")]])])
            )
        new_fields: list[str | None] = ["id", *fields, *([] if has_status else ["status"])]
        new_fields[n + 1] = "title"
        headers = ["ID", *table.headers, *([] if has_status else ["Status"])]
        b.note(
            table.line,
            f"table: column {plain(table.headers[n])!r} opens every row with a checkbox: a checklist, its rows "
            f"{rows[0].cells[0]}..{rows[-1].cells[0]}",
        )
        return Table(table.line, table.end, headers, rows), new_fields
    return None


def _grouped_rows(
    b: Builder, table: Table, fields: list[str | None], n: int, owner: list[int | None]
) -> tuple[Table, list[str | None]]:
    """The table with column ``n`` filled down each story's rows and read as their workstream."""
    rows = []
    tcol = fields.index("title")
    for k, row in enumerate(table.rows):
        cells = padded_cells(table, row.cells)
        if not plain(cells[tcol]).strip():
            # "| | **17** | | | |": the story points summed under the rows, no task.
            b.skipped(row.line, f"table row with no {plain(table.headers[tcol])!r}: a total or a spacer, not an item")
            continue
        head = owner[k]
        if head is not None and head != k:
            cells[n] = table.rows[head].cells[n]
        rows.append(TableRow(row.line, cells))
    b.note(
        table.line,
        f"table: rows under each {plain(table.headers[n])!r} cell have states of their own: items, "
        f"with {plain(table.headers[n])!r} as their workstream",
    )
    new_fields = list(fields)
    new_fields[n] = "workstream"
    return Table(table.line, table.end, list(table.headers), rows), new_fields


def continued_rows(b: Builder, table: Table, fields: list[str | None]) -> tuple[Table, list[str | None]] | None:
    """The table with an ``ID`` column, one row per id row, when its rows group under id rows (see above); else None.

    Only when the first row names an id, two rows or more do, and at least one blank row continues one of them."""
    if "id" in fields or "title" not in fields:
        return None
    tcol = fields.index("title")
    recipe = RECIPE.get()
    scol = fields.index("status") if "status" in fields else None
    for n in range(min(2, len(table.headers))):
        if n == tcol or (recipe is not None and recipe.column(table.headers[n])):
            continue  # the person said what this column is: not rows grouped under it
        cells = [plain(r.cells[n]).strip() if n < len(r.cells) else "" for r in table.rows]
        split = [split_id_cell(c) if c else None for c in cells]
        owner: list[int | None] = []  # the id row each row belongs to
        for k, (c, sp) in enumerate(zip(cells, split, strict=True)):
            single = sp is not None and len(sp[0]) == 1
            owner.append(k if single else (owner[-1] if not c and owner and owner[-1] is not None else None))
        heads = [k for k, o in enumerate(owner) if o == k]
        continuing = [k for k, o in enumerate(owner) if o is not None and o != k]
        if owner[0] != 0 or len(heads) < 2 or not continuing:
            continue
        below = [padded_cells(table, table.rows[k].cells) for k in continuing]
        below = [c for c in below if plain(c[tcol]).strip()]  # not a spacer or a closing total
        if scol is not None and below and all(plain(c[scol]).strip() for c in below):
            # "| **US-12** Rewards | 5 | Draw with the seed | | ☐ |" then "| | | Apply the effects | | ☐ |": each
            # task row has a state of its own; they are the work, and the story they are under is their group.
            return _grouped_rows(b, table, fields, n, owner)
        rows: list[TableRow] = []
        width = len(table.headers)
        for k, row in enumerate(table.rows):
            if owner[k] is not None and owner[k] != k:
                continue
            cells_k = list(row.cells) + [""] * (width - len(row.cells))
            if owner[k] is None:
                rows.append(TableRow(row.line, ["", *cells_k, ""]))
                continue
            sp = split[k]
            assert sp is not None
            tasks = [plain(r.cells[tcol]) for j, r in enumerate(table.rows) if owner[j] == k and tcol < len(r.cells)]
            tasks = [t for t in tasks if t]
            cells_k[n] = sp[1]
            rows.append(TableRow(row.line, [sp[0][0], *cells_k, " · ".join(tasks)]))
        new_fields: list[str | None] = ["id", *fields, "description"]
        new_fields[n + 1] = "title"
        new_fields[tcol + 1] = None
        heads_ids = [sp[0][0] for k in heads if (sp := split[k]) is not None]
        b.note(
            table.line,
            f"table: rows with an empty {plain(table.headers[n])!r} cell continue the row above "
            f"({len(continuing)} rows, under {', '.join(heads_ids)}): read as part of it",
        )
        return Table(table.line, table.end, ["ID", *table.headers, "Tasks"], rows), new_fields
    return None


def wrapped_rows(b: Builder, table: Table, fields: list[str | None]) -> Table | None:
    """The table with its run-on rows joined to the rows they continue, or None where it has none. A table wrapped by
    hand to a fixed width runs a long cell on into a row of its own: its state cell empty, and so the cell of the
    column that every stated row fills (``| Not Yet | | align_entries | Align entries. Entries that |`` then ``| | | |
    comments between them are not aligned. |``). Only where that column is empty exactly on the rows with no state."""
    if "status" not in fields:
        return None
    scol = fields.index("status")
    rows = [padded_cells(table, r.cells) for r in table.rows]
    stated = [bool(plain(r[scol]).strip()) for r in rows]
    if not stated or not stated[0] or all(stated):
        return None
    if any(parse_status(plain(r[scol])) is None for r, s in zip(rows, stated, strict=True) if s):
        return None  # "| To Do | In Progress |" over cards: a board's columns, whose cells are work, not states
    key = next(
        (
            n
            for n, f in enumerate(fields)
            if f is None and all(bool(plain(r[n]).strip()) == s for r, s in zip(rows, stated, strict=True))
        ),
        None,
    )
    if key is None:
        return None
    joined: list[TableRow] = []
    for row, cells, s in zip(table.rows, rows, stated, strict=True):
        if s:
            joined.append(TableRow(row.line, list(cells)))
            continue
        above = joined[-1].cells
        for n, cell in enumerate(cells):
            if cell.strip():
                above[n] = f"{above[n].strip()} {cell.strip()}".strip()
    b.note(
        table.line,
        f"table: {len(rows) - len(joined)} rows with empty {plain(table.headers[scol])!r} and "
        f"{plain(table.headers[key])!r} cells run on from the row above: joined to it",
    )
    return Table(table.line, table.end, table.headers, joined)
