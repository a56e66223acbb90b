"""What a table cell that names a row holds: one id, several (``R-06 / R-07``), a range (``3.2-3.4``), ids opening the
words of a name (``R-06 / R-07 OCR quality``), an id struck through (a cancelled item) or marked, and a link to an
issue standing for its number."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import PICTOGRAPHS, plain
from readiness_tui.core.importers.references.ids import DAY_FIRST_DATE, NOT_IDS, expand_range, is_id
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: An id: ``#12``, ``2.3``, or letters then letters, digits and dashes with a digit among them (``S-1``, ``ST-41``).
_ID = r"(?:#\d+|(?=[A-Za-z0-9-]*\d)[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?:\.\d+)*|\d+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+|\d+(?:\.\d+)+)"
#: A range of ids: ``3.2-3.4`` (a hyphen only between dotted numbers, where no id has one), ``T-2..T-4``,
#: ``M2-01~M2-05``, ``TASK-002～TASK-005``.
_SPAN = rf"(?:\d+(?:\.\d+)+\s*[-–—~～〜]\s*\d+(?:\.\d+)+|{_ID}\s*(?:–|—|~|～|〜|\.\.)\s*{_ID})"
_SPAN_RE = re.compile(
    r"^(?:(?P<a>\S+?)\s*(?:–|—|~|～|〜|\.\.)\s*(?P<b>\S+)|(?P<c>\d+(?:\.\d+)+)\s*-\s*(?P<d>\d+(?:\.\d+)+))$"
)
#: An id, a range of ids, or several joined by ``/``, ``&``, ``,``, at the start of a cell, then the name.
# The ids end at a word boundary: ``#49`` is one id, not ``#4`` before a name ``9``.
_LEADING = re.compile(
    rf"^\**`?\[?(?P<ids>(?:{_SPAN}|{_ID})(?:\s*[/&,]\s*(?:{_SPAN}|{_ID}))*)(?!\w)\]?`?\**\s*(?:[:：—–|]|\s-\s)?\s*"
    r"(?P<rest>\S.*)$"
)


def cell_ids(text: str) -> list[str] | None:
    """The ids an id cell names: one, several (``R-06 / R-07``) or a range (``3.2-3.4`` -> 3.2, 3.3, 3.4);
    None when a part is no id."""
    ids: list[str] = []
    for part in (p for p in re.split(r"\s*[/&,]\s*", text.strip()) if p):
        if is_id(part) and not NOT_IDS.match(part):
            ids.append(part)
            continue
        m = _SPAN_RE.match(part)
        ends = [e for e in (m.group("a", "b") if m and m.group("a") else m.group("c", "d") if m else ()) if is_id(e)]
        span = expand_range(ends[0], ends[1]) if len(ends) == 2 else None
        if not span or len(span) > _MAX_SPAN:
            return None
        ids += span
    return list(dict.fromkeys(ids)) or None


#: A row standing for more items than this is no grouped row.
_MAX_SPAN = 50


def split_id_cell(cell: str) -> tuple[list[str], str] | None:
    """``"R-06 / R-07 OCR quality"`` -> (["R-06", "R-07"], "OCR quality"); ``"3.2-3.4: rest"`` -> the three ids;
    None without a leading id."""
    text = plain(cell).strip()
    if re.match(rf"{DAY_FIRST_DATE}(?!\S)", text):
        return None  # "16.09.2019": a date written day first, not ids 16.09 and a name ".2019"
    m = _LEADING.match(text)
    if not m:
        return None
    ids = cell_ids(m.group("ids"))
    if m.end("ids") == m.start("rest") and m.group("rest")[0] == "-":
        return None  # "task-1-final-contract-suite": one word, a slug, not an id and a name
    rest = m.group("rest").strip()
    # "C-85/C-86 (personal SSH key)": the name in brackets after the ids is the name, not an aside.
    rest = inner.group(1).strip() if (inner := re.fullmatch(r"\(([^()]*)\)", rest)) else rest
    return (ids, rest) if ids else None


#: A cell struck through: ``~~x~~``, or ``~x~`` as GitHub also renders it.
_STRUCK = re.compile(r"^(?P<tildes>~~?)(?P<inner>[^~](?:.*?[^~])?)(?P=tildes)$")


def struck_id(cell: str) -> tuple[str, bool]:
    """The id in an id cell and whether it is struck through (``~~2.16~~``, ``~2.16~``: the item was cancelled).

    CommonMark has no strike-through, so the tildes survive ``plain``: they are read here."""
    text = plain(cell).strip()
    words = struck_words(text)
    rid, struck = (words, True) if words is not None else (text, False)
    # "[T099]": spec-kit writes its ids in brackets (a link would keep its target, not be bare brackets).
    bracketed = re.fullmatch(r"\[([A-Za-z][\w.-]*\d[\w.-]*)\]", rid)
    rid = bracketed.group(1) if bracketed else rid
    # "1A.7 ⭐": a mark the plan sets beside some ids (a shared point), not a state and no part of the id.
    marked = _MARKED_ID.fullmatch(rid)
    if marked and is_id(marked.group("id")) and parse_status(marked.group("mark")) is None:
        rid = marked.group("id")
    return rid, struck


_MARKED_ID = re.compile(rf"(?P<id>[\w.-]*\d[\w.-]*)\s*(?P<mark>[{PICTOGRAPHS}\ufe0f]+)")


def struck_words(text: str) -> str | None:
    """The words of a text struck through whole (``~~Old idea~~``, ``~Old idea~``), or None when it is not."""
    m = _STRUCK.match(text.strip())
    return m.group("inner").strip() if m else None


def unstrike(text: str) -> str:
    """A cell's text without the tildes of a strike-through around it."""
    words = struck_words(text)
    return text if words is None else words


#: A cell that is one link to an issue, pull or merge request (bare URL or ``[text](url)``): its number.
_ISSUE_URL = re.compile(r"^(?:\[[^\]]*\]\()?<?https?://\S+?/(?:issues|pull|pulls|merge_requests)/(\d+)/?>?\)?$")


def issue_url_number(cell: str) -> str | None:
    """``https://github.com/o/r/issues/50`` (or a link to it) -> ``#50``; None for any other cell."""
    m = _ISSUE_URL.match(cell.strip())
    return f"#{m.group(1)}" if m else None
