"""The status words of one block of a plan, and relabelling them: the guide's status relabel.

A plan writes its own status words ("COMPLETE", "Shipped to QA", "검수 중"); those the built-in scale does not
know, or reads other than the plan means, a person maps to a board status. The words are read from the block
under the cursor: the cells of a table's status column, ``Status: X`` fields, and the closing state of a
heading (``### Phase 2 — Sync — source written``). The mapping is the recipe's ``[statuses]`` table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from readiness_tui.core.importers.blocks import plain, split_row
from readiness_tui.core.importers.headers import header_field
from readiness_tui.core.importers.recipe import Recipe, _key
from readiness_tui.core.importers.status_words import parse_status
from readiness_tui.core.model.statuses import STATUSES

#: ``Status: Done``, ``**Status:** ✅ DONE``, ```STATUS: BLOCKED```: a status field in running text.
_FIELD_RE = re.compile(r"(?:^|[\s*_`|(\[-])(?:status|state)\s*\**\s*[:=]\s*\**\s*(?P<word>[^|*`;,()\n]+)", re.I)
#: ``### Phase 2 — Sync — source written``: the state a heading closes with.
_HEADING_STATE_RE = re.compile(r"^#{1,6}\s.*\s[—–-]\s.*\s[—–-]\s+(?P<word>[^—–]+?)\s*$")
_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}")


def block_status_words(lines: list[str], recipe: Recipe | None = None) -> list[str]:
    """The distinct status words of a block's source ``lines`` (a table, a list, a heading), in order."""
    found: list[str] = []
    rows = [ln for ln in lines if ln.strip().startswith("|")]
    if len(rows) >= 2 and _SEPARATOR_RE.match(rows[1]):
        columns = [n for n, h in enumerate(split_row(rows[0])) if _is_status_column(h, recipe)]
        for row in rows[2:]:
            cells = split_row(row)
            found += [plain(cells[n]).strip() for n in columns if n < len(cells)]
    else:
        for ln in lines:
            found += [m.group("word").strip() for m in _FIELD_RE.finditer(plain(ln, keep_code=True))]
            heading = _HEADING_STATE_RE.match(ln)
            if heading:
                found.append(heading.group("word"))
    return list(dict.fromkeys(w for w in found if w and len(w) <= 40))


def _is_status_column(header: str, recipe: Recipe | None) -> bool:
    given = recipe.columns.get(_key(header)) if recipe else None
    return (given or header_field(header)) == "status"


def relabel_status(recipe: Recipe, word: str, status: str) -> Recipe:
    """``recipe`` with ``[statuses] word = status`` (a new recipe; the one given is left as it was)."""
    if status not in STATUSES:
        raise ValueError(f"{status!r} is not a board status; expected one of {', '.join(STATUSES)}")
    if not _key(word):
        raise ValueError("a status word without letters cannot be relabelled")
    return replace(recipe, statuses={**recipe.statuses, _key(word): status}, applied=set())


def status_reading(word: str, recipe: Recipe | None = None) -> str | None:
    """What the import reads ``word`` as now: the recipe's mapping first, else the built-in scale (None: unknown)."""
    given = recipe.statuses.get(_key(word)) if recipe else None
    return given or parse_status(word)
