"""Cell helpers: whether a cell is a link or issue reference, and splitting a cell that holds several values.

The other parsers of cells and phrases each have their module: ``id_shapes`` (ids), ``refs`` (reference
lists and ranges), ``status_words`` (statuses, priorities), ``dates_effort`` (estimates, targets),
``headers`` (what a column header means).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.blocks import plain

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


#: What a cell says when it holds nothing: "None", "—", "N/A", "TBD".
_PLACEHOLDER = frozenset({"none", "n/a", "na", "tbd", "tba", "nil", "nothing", "-", "—", "–", "--", "…", "...", "?"})


def is_placeholder(cell: str) -> bool:
    """Whether a cell stands for no value (``None``, ``—``, ``N/A``, ``TBD``), emphasis and brackets aside."""
    return plain(cell).strip().strip("*_()[]. ").lower() in _PLACEHOLDER or plain(cell).strip() in _PLACEHOLDER


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
