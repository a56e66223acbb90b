"""Tables that are not items: views of the plan's items (a coverage table whose title column only names items the
plan already has, ``| Finding | Assigned tasks |``), rows that stand for nothing, and a summary numbering the rows
of work named elsewhere (tables about the document itself, legends and the like: ``not_work``).

A table without ids whose rows name, by title, items the plan has already made: a status or ownership view.
A schedule whose rows name items by their ids (``| Mon | T001.1-T001.3 | Platform |``) gives them its owners.
A register of dependencies whose rows each name items on both sides (``| BLK-01 | D-3 | US-004 |`` under ``| ID |
Dependency | Blocks |``) links them; such a row is no item of its own.

    ### 1. TypeScript build errors        (an item, made from its heading)
    ...
    | Task              | Owner          | Status |
    | TypeScript errors | @frontend-lead | TODO   |

Each row adds what its item lacks (a status the item's own text did not state, an owner it has none for) instead of
becoming a second item under a made-up id. Only when three rows or more, and three in four at least, each name exactly
one known item, no two rows the same one; a row that names none is reported, not imported. Otherwise the table is
read as usual.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import STATUS_BY_MARK, Builder
from readiness_tui.core.importers.assembly.item_titles import similarity, take_better_title
from readiness_tui.core.importers.document.blocks import Section, Table, TableRow, plain
from readiness_tui.core.importers.references.group_members import group_items
from readiness_tui.core.importers.references.ids import slug_of
from readiness_tui.core.importers.references.refs import GROUP_NOUN, joined_range, parse_refs
from readiness_tui.core.importers.sections.heading_numbers import ticket_id
from readiness_tui.core.importers.tables.cells import is_placeholder, mapping_note, padded_cells
from readiness_tui.core.importers.tables.row_fields import row_values
from readiness_tui.core.importers.vocabulary.headers import norm_header


def names_known_items_only(b: Builder, table: Table, fields: list[str | None]) -> bool:
    """Whether most filled title cells, two at least, are nothing but references, each naming an item already on
    the board: a list of merged pull requests whose task column cites ``TASK-008A`` (and ``bug fix`` beside a few)
    is a log of the plan's work, not more of it."""
    if "title" not in fields or not b.items:
        return False
    col = fields.index("title")
    cited = words = 0
    # Row by row: a task table shows it is none once half its rows are words.
    for row in table.rows:
        cell = plain(padded_cells(table, row.cells)[col], keep_code=True)
        if not cell.strip(" -—–"):
            continue
        refs = parse_refs(cell)
        # ("TASK-011" for the item TASK-011-BE: another name of it, as a dependency may use.)
        if refs.rest.strip(" ,;/()") or not any(i in b.items or slug_of(b.items, i) for i in refs.ids):
            words += 1
            if words * 2 >= len(table.rows):
                return False
        else:
            cited += 1
    return cited >= 2 and cited > words


#: A pull request and the branch it went into: ``PR #9 — 5-modify-helm-chart → dev``, ``PR #15, #19 → dev``.
_MERGE_ROW = re.compile(
    r"^\W*(?:PR|MR|pull request)\s*#?\d+(?:\s*[,+&]\s*#?\d+)*\b.*(?:→|->|\binto)\s*[\w./-]+\s*$", re.I
)


def drop_placeholder_rows(b: Builder, table: Table, fields: list[str | None], by_name: bool = True) -> Table:
    """The table without rows that stand for nothing ("None | None | ...", an id or title cell "—" or "TBD");
    each is reported. ``by_name`` False: only rows of nothing but placeholders (a risk register whose "Task"
    cell says "—" still holds its risk)."""
    keep = []
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        # The id and title cells say nothing (a row without a title column is judged by all its cells).
        named = [c for c, f in zip(cells, fields) if f in ("id", "title")] if "title" in fields and by_name else []
        filled = [c for c in cells if plain(c).strip()]
        # A row of empty cells ("| | | |", a template's line to fill in) stands for nothing either.
        if all(is_placeholder(c) for c in filled) or (named and all(is_placeholder(c) for c in named)):
            b.skipped(row.line, f"placeholder row ({plain(' | '.join(cells))[:60]!r}): not an item")
        elif "title" in fields and _MERGE_ROW.match(plain(cells[fields.index("title")])):
            # "| ✅ Merged | **PR #9** — 5-modify-helm-chart → dev |": the rows above, merged; a record, not work.
            b.skipped(row.line, f"row of a pull request merged into a branch ({plain(cells[fields.index('title')])!r})")
        else:
            keep.append(row)
    return table if len(keep) == len(table.rows) else Table(table.line, table.end, table.headers, keep)


def row_numbers_only(
    b: Builder, table: Table, sec: Section, id_col: int, ids: list[str], fields: list[str | None]
) -> str | None:
    """Why a table numbered 1..n is no list of items, or None when it is one.

    ``| # | Item |`` outside any item's section, in a plan whose items are ``### SEC-001: x`` headings: a summary
    of the work. Inside an item's section the rows are its parts, and a table of more rows than the plan has named
    headings lists work of its own (a summary cannot name more). Under a heading naming a checklist ("Go-live
    checklist"), in a plan whose work has named ids (M1.1, P2.3): checks around that work."""
    if len(ids) < 2 or ids != [str(n) for n in range(1, len(ids) + 1)]:
        return None
    if norm_header(table.headers[id_col]) not in ("#", "", "no", "nr", "num", "number"):
        return None
    if "title" not in fields:
        # "| # | Blocker | Impact | Countermeasure |": numbered rows no column names as work.
        return "and no column names the work of a row"
    named = sum(1 for i in b.items if any(c.isalpha() for c in i))
    if (named >= 2 or b.named_id_rows >= 2) and _CHECKLIST.search(sec.title):
        return "under a checklist heading, where the plan's work has named ids"
    if b.named_id_headings < 2 or len(ids) > b.named_id_headings:
        return None
    if any(ticket_id(s) for s in (sec, *sec.ancestors()) if s.heading is not None):
        return None
    return "where the plan's item headings have named ids"


#: "Go-live checklist", "Launch check list", "Pre-flight checks".
_CHECKLIST = re.compile(r"\bcheck\s?lists?\b|\bchecks\b", re.I)


def match_title(b: Builder, title: str, least: float = 0.5) -> str | None:
    """The one item of the plan whose title is most like ``title`` (``least`` of its words or more: half), else
    None."""
    scores = sorted(
        ((similarity(title, str(rec.values.get("title", ""))), rid) for rid, rec in b.items.items()), reverse=True
    )
    if not scores or scores[0][0] < least or (len(scores) > 1 and scores[1][0] == scores[0][0]):
        return None
    return scores[0][1]


def rows_of_known_titles(b: Builder, table: Table, sec: Section, fields: list[str | None]) -> bool:
    """Add the table's rows to the items their titles name (see above); False, and nothing done, otherwise."""
    if "title" not in fields or len(b.items) < 3:
        return False
    tcol = fields.index("title")
    rows = [padded_cells(table, r.cells) for r in table.rows]
    # Three words in four: "Create simulation service" shares two of its three with "Create mock AI service", and
    # is other work; a table about items already made names them nearly as they are.
    matched = [match_title(b, plain(cells[tcol]), 0.75) for cells in rows]
    found = [m for m in matched if m]
    if len(found) < 3 or len(found) * 4 < len(rows) * 3 or len(set(found)) != len(found):
        return False
    if _same_shape_before(b, table, sec, found):
        return False
    for row, cells, rid in zip(table.rows, rows, matched, strict=True):
        if rid is None:
            b.skipped(row.line, f"row {plain(cells[tcol])!r} names no item of the plan by its title; not imported")
            continue
        stated = rid in b.status_stated  # before the row is read: reading it marks the status stated
        values: dict[str, Any] = row_values(b, table, fields, cells, row.line, rid)
        old = b.items[rid].values
        status = values.pop("status", None)
        if status and not stated:
            old["status"] = status
            b.status_stated.add(rid)
        for key, value in values.items():
            if key not in ("id", "kind", "title", "custom") and old.get(key) in (None, "", []):
                old[key] = value
    b.consume(table, sec)
    b.used(
        table.line, f"table ({mapping_note(table, fields)}): its rows name items of the plan by title -> added to them"
    )
    return True


def merge_supplement(b: Builder, rid: str, values: dict[str, Any], line: int) -> None:
    """Add a row about a known item to it: what it lacks is filled, a value that differs is kept in custom."""
    rec = b.items[rid]
    old = rec.values
    b.seen_at.setdefault(rid, []).append(line)
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
        elif key == "title" and take_better_title(old, str(value), rid):
            was = old["custom"]["title_first"]
            b.note(line, f"{rid}: title {value!r} names it better than {was!r} given earlier; took it")
        elif old[key] != value:
            b.note(line, f"{rid}: {key} {value!r} differs from {old[key]!r} given earlier; kept in custom")
            old.setdefault("custom", {})[f"{key}_line_{line}"] = value


def _named_items(b: Builder, cell: str) -> list[str]:
    """The items of the board a cell names by id and nothing else (``T001.1-T001.3`` in the plan's numbering, ``T005.1,
    T005.2``); empty when it says anything more ("Review", "T004 demo")."""
    refs = parse_refs(plain(cell))
    if refs.rest.strip() or not refs.ids:
        return []
    out: list[str] = []
    for ref in refs.ids:
        run = [ref] if ref in b.items else joined_range(b.items, ref)
        if not run:
            return []
        out += run
    return out


#: A cell that opens by naming groups of the plan, then a colon: ``Phase 1-2: 権限設定と並行稼働``.
_GROUPS_LABEL = re.compile(rf"^\W*(?P<label>{GROUP_NOUN}\s+[\w.,&~–-]+(?:\s*(?:,|&|and|\+)\s*\w+)*)\s*[:：]", re.I)


def _named_groups(b: Builder, root: Section, cell: str) -> list[str]:
    """The items under the headings of the groups a cell opens by naming (``Phase 1-2: x`` -> the items under
    ``### Phase 1`` and ``### Phase 2``); empty for any other cell."""
    m = _GROUPS_LABEL.match(plain(cell).strip())
    if not m:
        return []
    # "Phase 1-2" where no heading is that one group: each group of the range (a hyphen is read as a range here,
    # where a label names the groups a row schedules, not in prose, where "Step 8-11" may be one step).
    return group_items(b, root, m.group("label"), "") or group_items(
        b, root, re.sub(r"(\d)\s*-\s*(\d)", r"\1–\2", m.group("label")), ""
    )


def schedule_owners(b: Builder, table: Table, sec: Section, fields: list[str | None], groups: bool = False) -> bool:
    """A table with an owner column whose rows name items of the plan by id (a week's schedule, ``| Day | Tasks |
    Owner |``), or groups of them by their headings' names (``| Week 1 | Phase 1-2: x | Backend |``): each named
    item without an owner takes the row's (``groups``: rows naming groups, else rows naming items). False (nothing
    done) unless one column names known items in half its rows or more, two at least."""
    if "owner" not in fields or not b.items:
        return False
    owner_col = fields.index("owner")
    rows = [padded_cells(table, r.cells) for r in table.rows]
    for n in range(len(table.headers)):
        if n == owner_col:
            continue
        named = [_named_groups(b, sec.root, c[n]) if groups else _named_items(b, c[n]) for c in rows]
        hits = sum(1 for ids in named if ids)
        if hits < 2 or hits * 2 < len(rows):
            continue
        given: list[str] = []
        for cells, ids, row in zip(rows, named, table.rows, strict=True):
            owner = plain(cells[owner_col]).strip()
            for rid in ids:
                if owner and not b.items[rid].values.get("owner"):
                    merge_supplement(b, rid, {"owner": owner}, row.line)
                    given.append(rid)
        b.consume(table, sec)
        head = ", ".join(plain(h) for h in table.headers)
        b.used(
            table.line,
            f"table ({head}): column {plain(table.headers[n])!r} names the plan's items; owners given to "
            f"{', '.join(given) if given else 'none (each has one)'}",
        )
        return True
    return False


def link_rows(b: Builder, table: Table, fields: list[str | None]) -> Table | None:
    """A dependency register's table without its rows that name known items on both sides (``| BLK-01 | D-3 |
    US-004, tout le modèle |`` under ``| ID | Dépendance | Bloque |``): each item the row blocks waits on each it
    depends on, and the row, a link, makes no item. None when no row is such a link."""
    if "depends_on" not in fields or "blocks" not in fields:
        return None
    dep_col, blocks_col = fields.index("depends_on"), fields.index("blocks")
    kept: list[TableRow] = []
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        first = [i for i in parse_refs(plain(cells[dep_col])).ids if i in b.items]
        then = [i for i in parse_refs(plain(cells[blocks_col])).ids if i in b.items]
        if not (first and then):
            kept.append(row)
            continue
        for rid in then:  # items named one by one: a wait on them, not on a group (``group_waits`` keeps it)
            b.wait_on(rid, first)
        b.note(row.line, f"row links {', '.join(first)} before {', '.join(then)}: dependencies, not an item")
    return Table(table.line, table.end, table.headers, kept) if len(kept) < len(table.rows) else None


def _same_shape_before(b: Builder, table: Table, sec: Section, found: list[str]) -> bool:
    """Whether the items a table's rows name were all made by tables of its own header under other headings (one
    ``| Task | Owner(s) | Notes |`` per subgoal): the plan repeats a shape, each table listing its own work."""
    header = [norm_header(h) for h in table.headers]
    spans = [
        (s.line, s.end)
        for s in sec.root.walk()
        if s is not sec
        and s.heading is not None
        and any(isinstance(blk, Table) and [norm_header(h) for h in blk.headers] == header for blk in s.blocks)
    ]
    return all(b.items[rid].origin == "table" and any(a <= b.items[rid].line <= z for a, z in spans) for rid in found)
