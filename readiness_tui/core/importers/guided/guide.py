"""What each block of a plan became, and relabelling it: the rules behind the guided import screen.

``plan_marks(text, result)`` maps every heading and block of the Markdown (by line range) to what the
import made of it (items, risks, milestones, phases, dependencies, fields, text, skipped), read from the
import report, whose lines already carry line numbers. ``relabel_section`` and ``relabel_column`` add a
person's choice to a ``Recipe``, so the next import (and ``import --merge`` / ``--recipe``) applies it.

The status words of one block of a plan, and relabelling them: the guide's status relabel.

A plan writes its own status words ("COMPLETE", "Shipped to QA", "검수 중"); those the built-in scale does not
know, or reads other than the plan means, a person maps to a board status. The words are read from the block
under the cursor: the cells of a table's status column, ``Status: X`` fields, and the closing state of a
heading (``### Phase 2 — Sync — source written``). The mapping is the recipe's ``[statuses]`` table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from readiness_tui.core.board.fsutil import atomic_write
from readiness_tui.core.importers.assembly.result import ImportResult, ReportLine
from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.document.normalize import normalize
from readiness_tui.core.importers.document.parse import parse_sections, split_row
from readiness_tui.core.importers.guided.recipe import (
    COLUMN_FIELDS,
    LIST_LABELS,
    SECTION_ROLES,
    Recipe,
    _key,
    recipe_beside,
)
from readiness_tui.core.importers.sections.board_info import front_matter
from readiness_tui.core.importers.sections.lead_ins import list_lead_in
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import parse_status
from readiness_tui.core.model.statuses import PRIORITIES, STATUSES

#: What a block can have become, in the order the guide's legend lists them.
KINDS = ("items", "risks", "milestones", "phases", "dependencies", "fields", "text", "skipped", "none")
#: Section labels a person may give (the recipe's ``[sections]`` values).
SECTION_LABELS = tuple(SECTION_ROLES)
#: The fields the guide offers for a column: the most asked for first, then every other ``[columns]`` value, so
#: that the screen offers each relabel a recipe file accepts (a risk table's column as ``mitigated_by`` too).
_FIRST = ("owner", "depends_on", "blocks", "estimate", "status", "id", "title", "priority", "target", "phase")
COLUMN_CHOICES = _FIRST + tuple(f for f in COLUMN_FIELDS if f not in _FIRST)

# Report wording -> kind; the first rule that matches wins (a "risk register" is risks, not items).
_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("text", re.compile(r"kept as text|\[\[sections\]\]|not tasks|a view|not an item|not items", re.I)),
    ("risks", re.compile(r"\brisks?\b", re.I)),
    ("milestones", re.compile(r"milestone", re.I)),
    ("phases", re.compile(r"\bphases?\b", re.I)),
    ("items", re.compile(r"\bitems?\b|checklist|ticket", re.I)),
    ("dependencies", re.compile(r"depend|matrix", re.I)),
    ("fields", re.compile(r"board\.|status|owner|priority|field|->", re.I)),
)


@dataclass(frozen=True)
class Mark:
    """One heading or block of the plan: lines ``line``..``end`` (1-based, inclusive) and what it became."""

    line: int
    end: int
    kind: str
    #: The report line that says so ("" when the report says nothing about these lines).
    why: str
    #: The heading words a section relabel (and a field for every item under the heading) keys on; "" before the
    #: first heading. On the title, a field reaches every item of the plan.
    section: str
    #: A table's column headers (empty for other blocks).
    headers: tuple[str, ...] = ()
    is_heading: bool = False
    #: The label a list is led in by (``**Checklist**:`` -> "Checklist"): what a list relabel keys on.
    lead_in: str = ""
    #: The words of the heading above ``section``'s (the ``headings`` relabel keys on them: each heading beside
    #: this one is an item); "" when there is none to relabel.
    parent: str = ""


def kind_of(report: ReportLine) -> str:
    """What a report line says its lines became."""
    if report.action == "skipped":
        return "skipped"
    return next((kind for kind, rx in _KIND_RULES if rx.search(report.text)), "fields")


def _verdict(report: list[ReportLine], line: int, end: int, heading: bool = False) -> tuple[str, str]:
    # A "used"/"skipped" line at the block's first line says what the block is; notes only qualify it.
    inside = [r for r in report if line <= r.line <= end]
    if not heading:
        # A plan with no heading is titled by its file's name at its first block's line: that is no block's verdict.
        inside = [r for r in inside if not _HEADING_USE.match(r.text)]
    said = [r for r in inside if r.action in ("used", "skipped")]
    first = [r for r in said if r.line == line]
    for hit in (first or said or inside)[:1]:
        return kind_of(hit), f"{hit.action}: {hit.text}"
    return "none", ""


#: A report line of what a heading became (``H1 'Plan' -> board.title``).
_HEADING_USE = re.compile(r"H[1-6] ")


def plan_marks(text: str, result: ImportResult) -> list[Mark]:
    """Every heading and block of ``text`` with what ``result`` (its import) made of it, in line order."""
    body, _ = front_matter(text)
    root = parse_sections(normalize(body, lambda _line, _what: None))
    marks: list[Mark] = []
    for sec in root.walk():
        key = _section_key(sec)
        parent = _section_key(sec.parent) if sec.parent is not None and key else ""
        if sec.heading is not None:
            kind, why = _verdict(result.report, sec.line, sec.line, heading=True)
            marks.append(Mark(sec.line, sec.line, kind, why, key, is_heading=True, parent=parent))
        for blk in sec.blocks:
            kind, why = _verdict(result.report, blk.line, blk.end)
            headers = tuple(blk.headers) if isinstance(blk, Table) else ()
            lead_in = (list_lead_in(sec, blk) or "") if isinstance(blk, ListBlock) else ""
            marks.append(Mark(blk.line, blk.end, kind, why, key, headers, lead_in=lead_in, parent=parent))
    return sorted(marks, key=lambda m: (m.line, not m.is_heading))


def _section_key(sec: Section) -> str:
    """The words a recipe's ``[sections]`` entry matches for this section ("" before the first heading)."""
    return sec.bare_title if sec.heading is not None else ""


def relabel_section(recipe: Recipe, section: str, label: str) -> Recipe:
    """``recipe`` with ``[sections] section = label`` (a new recipe; the one given is left as it was)."""
    if label not in SECTION_LABELS:
        raise ValueError(f"{label!r} is not a section label; expected one of {', '.join(SECTION_LABELS)}")
    if not section.strip():
        raise ValueError("a block before the first heading cannot be relabelled: give it a heading")
    key = _key(section)
    unit = _UNIT_HEADING.match(section.strip())
    if label == "item" and unit:
        # "Milestone 2: Auth": every "Milestone N" heading is an item, with one relabel.
        key = _key(unit.group(1)) + " *"
    return replace(recipe, sections={**recipe.sections, key: label}, applied=set(), lines={})


#: ``Milestone 2: Auth``, ``Epic 4 — Billing``: a heading that names a unit of work by a word and a number.
_UNIT_HEADING = re.compile(r"^([A-Za-z]+)\s+\d+(?:\.\d+)*\b")


def relabel_list(recipe: Recipe, lead_in: str, label: str) -> Recipe:
    """``recipe`` with ``[lists] lead_in = label`` (a new recipe): every list so led in is ``label``."""
    why = "only a list led in by a label (**Checklist**:) can be relabelled: relabel its section"
    lists = _with_entry(recipe.lists, lead_in, label, LIST_LABELS, "a list label", why)
    return replace(recipe, lists=lists, applied=set(), lines={})


def relabel_column(recipe: Recipe, header: str, fld: str) -> Recipe:
    """``recipe`` with ``[columns] header = fld`` (a new recipe)."""
    why = "a column without a header cannot be relabelled"
    columns = _with_entry(recipe.columns, header, fld, COLUMN_FIELDS, "a board field", why)
    return replace(recipe, columns=columns, applied=set(), lines={})


def _with_entry(
    table: dict[str, str], name: str, label: str, labels: tuple[str, ...], kind: str, nameless: str
) -> dict[str, str]:
    """A recipe table with ``name = label`` (a new dict); ``label`` must be one of ``labels`` (``kind``) and ``name``
    say something (else ``nameless`` says why not)."""
    if label not in labels:
        raise ValueError(f"{label!r} is not {kind}; expected one of {', '.join(labels)}")
    if not _key(name):
        raise ValueError(nameless)
    return {**table, _key(name): label}


def relabel_count(recipe: Recipe, start: Recipe | None) -> int:
    """How many entries ``recipe`` has beyond (or changed from) ``start``: one a relabelled block, column, status
    word or option, one a field corrected on one item or risk (``drop`` included), one a field given to every
    item under a heading, and one an added item (its ``add`` and ``title`` are what the person typed once)."""
    base = start or Recipe()
    tables: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (recipe.columns, base.columns),
        (recipe.sections, base.sections),
        (recipe.lists, base.lists),
        (recipe.statuses, base.statuses),
        (recipe.priorities, base.priorities),
        (recipe.options, base.options),
        (recipe.ids, base.ids),
    ]
    for mine, theirs in ((recipe.items, base.items), (recipe.risks, base.risks), (recipe.groups, base.groups)):
        tables += [(_once(fix), _once(theirs.get(key, {}))) for key, fix in mine.items()]
    return sum(1 for mine, given in tables for k, v in mine.items() if given.get(k) != v)


def _once(fix: dict[str, Any]) -> dict[str, Any]:
    """An added item's title is part of adding it: one entry, not two."""
    return {k: v for k, v in fix.items() if k != "title"} if fix.get("add") else fix


def save_import(result: ImportResult, recipe: Recipe, output: Path) -> list[str]:
    """Write the board to ``output`` and the recipe beside it (``BOARD.import.toml``, which ``import
    --merge`` applies again); the lines say what was written. ``OSError`` names the file that failed."""
    if not result.ok:
        raise ValueError(f"{result.source}: nothing recognizable as a readiness plan; no board written")
    lines = []
    try:
        atomic_write(output, result.toml_text.encode("utf-8"))
    except OSError as exc:
        raise OSError(exc.errno, f"{output}: cannot write: {exc.strerror}") from None
    lines.append(f"wrote {output} ({result.items_found} items)")
    if not recipe.is_empty():
        where = recipe_beside(output)
        try:
            atomic_write(where, recipe.to_toml().encode("utf-8"))
        except OSError as exc:
            raise OSError(exc.errno, f"{where}: cannot save the recipe: {exc.strerror}") from None
        lines.append(f"wrote {where} (the recipe; --merge {output} applies it again)")
    return lines


#: ``Status: Done``, ``**Status:** ✅ DONE``, ```STATUS: BLOCKED```: a status field in running text.
_FIELD_RE = re.compile(r"(?:^|[\s*_`|(\[-])(?:status|state)\s*\**\s*[:=]\s*\**\s*(?P<word>[^|*`;,()\n]+)", re.I)
#: ``### Phase 2 — Sync — source written``: the state a heading closes with.
_HEADING_STATE_RE = re.compile(r"^#{1,6}\s.*\s[—–-]\s.*\s[—–-]\s+(?P<word>[^—–]+?)\s*$")
_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}")


def block_status_words(lines: list[str], recipe: Recipe | None = None) -> list[str]:
    """The distinct status words of a block's source ``lines`` (a table, a list, a heading), in order."""
    return _block_words(lines, recipe, "status", _FIELD_RE, _HEADING_STATE_RE)


#: ``Priority: Must``, ``**優先度**: 最高``: a priority field in running text.
_PRIORITY_FIELD_RE = re.compile(
    r"(?:^|[\s*_`|(\[-])(?:priority|prio|優先度|优先级|우선순위)\s*\**\s*[:=：]\s*\**\s*(?P<word>[^|*`;,()\n]+)", re.I
)


def block_priority_words(lines: list[str], recipe: Recipe | None = None) -> list[str]:
    """The distinct priority words of a block's source ``lines`` (a table's priority column, ``Priority:``
    fields), in order."""
    return _block_words(lines, recipe, "priority", _PRIORITY_FIELD_RE)


def _block_words(
    lines: list[str],
    recipe: Recipe | None,
    fld: str,
    field_re: re.Pattern[str],
    heading_re: re.Pattern[str] | None = None,
) -> list[str]:
    """The distinct words a block gives ``fld``: the cells of a table's ``fld`` column, else the ``word`` of every
    ``field_re`` match in its lines (and of ``heading_re``, a heading's closing word), in order."""
    found: list[str] = []
    rows = [ln for ln in lines if ln.strip().startswith("|")]
    if len(rows) >= 2 and _SEPARATOR_RE.match(rows[1]):
        columns = [n for n, h in enumerate(split_row(rows[0])) if _is_column(h, recipe, fld)]
        for row in rows[2:]:
            cells = split_row(row)
            found += [plain(cells[n]).strip() for n in columns if n < len(cells)]
    else:
        for ln in lines:
            found += [m.group("word").strip() for m in field_re.finditer(plain(ln, keep_code=True))]
            heading = heading_re.match(ln) if heading_re else None
            if heading:
                found.append(heading.group("word"))
    return list(dict.fromkeys(w for w in found if w))


def _is_column(header: str, recipe: Recipe | None, fld: str) -> bool:
    given = recipe.columns.get(_key(header)) if recipe else None
    return (given or header_field(header)) == fld


def relabel_status(recipe: Recipe, word: str, status: str) -> Recipe:
    """``recipe`` with ``[statuses] word = status`` (a new recipe; the one given is left as it was)."""
    return _relabel_word(recipe, "statuses", word, status)


def relabel_priority(recipe: Recipe, word: str, priority: str) -> Recipe:
    """``recipe`` with ``[priorities] word = priority`` (a new recipe; the one given is left as it was)."""
    return _relabel_word(recipe, "priorities", word, priority)


#: The recipe table of the plan's own words for a field -> (the values a word may mean, what one is called).
_WORD_TABLES = {"statuses": (STATUSES, "status"), "priorities": (PRIORITIES, "priority")}


def _relabel_word(recipe: Recipe, table: str, word: str, value: str) -> Recipe:
    allowed, what = _WORD_TABLES[table]
    if value not in allowed:
        raise ValueError(f"{value!r} is not a board {what}; expected one of {', '.join(allowed)}")
    if not _key(word):
        raise ValueError(f"a {what} word of spaces only cannot be relabelled")
    out = replace(recipe, applied=set(), lines={})
    setattr(out, table, {**getattr(recipe, table), _key(word): value})  # a new table: the one given stays as it was
    return out


def priority_reading(word: str, recipe: Recipe | None = None) -> str | None:
    """What the import reads ``word`` as now: the recipe's mapping first, else the built-in scale (None: unknown)."""
    given = recipe.priorities.get(_key(word)) if recipe else None
    return given or parse_priority(word)[0]


def status_reading(word: str, recipe: Recipe | None = None) -> str | None:
    """What the import reads ``word`` as now: the recipe's mapping first, else the built-in scale (None: unknown)."""
    given = recipe.statuses.get(_key(word)) if recipe else None
    return given or parse_status(word)
