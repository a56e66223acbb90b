"""The shapes of ids and of the words that are not ids: in a cell known to hold ids, and in running text."""

from __future__ import annotations

import re

#: An id in a cell known to hold ids: T-001, CODEX-P0-001, NEW-RISK-001, M-01, SEC-3, A1, FE-Task#001, 1.2, 2.7.1,
#: 6-1, 7.
ID_RE = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?:#\d+)?|\d+(?:\.\d+)+[a-z]?|\d{1,3}(?:-\d{1,3})+|\d+|#\d+)$"
)


#: An id found in running text: hyphenated with a digit (T-001, R-1, CODEX-P1-006, S2-T1),
#: or dotted numbers (1.2, 2.7.1).
TEXT_ID_RE = re.compile(
    r"(?<![\w./&-])(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]*\d+[A-Z0-9]*(?:-[A-Z0-9]+)*(?:\.\d+)*|\d+(?:\.\d+)+[a-z]?|#\d+)(?![\w/]|\.\d)"
)


#: Words that look like ids but are not (priorities, quarters, weeks, versions).
NOT_IDS = re.compile(r"^(?:P[0-9]|Q[1-4]|H[12]|W\d{1,2}|V\d+(?:\.\d+)*|\d{4}(?:-\d\d){0,2}|\d{4}-W\d\d)$", re.I)


NONE_WORDS = frozenset(
    {
        "",
        "none",
        "-",
        "--",
        "—",
        "–",
        "n/a",
        "na",
        "n.a.",
        "nil",
        "null",
        "no",
        "nothing",
        "no dependencies",
        "no dependency",
        "no deps",
        "not applicable",
        "0",
        "/",
        "·",
        "∅",
        "(none)",
        "none yet",
    }
)


RANGE_SEP = r"(?:\.\.\.?|…|–|—|\s+to\s+|\s+through\s+|\s+thru\s+)"


def is_id(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= 40 and bool(ID_RE.match(t)) and any(c.isdigit() for c in t)


def looks_like_text_id(text: str) -> bool:
    t = text.strip()
    m = TEXT_ID_RE.fullmatch(t)
    return bool(m) and not NOT_IDS.match(t)


#: Ids that name risks rather than tasks: R1, R-3, RSK-2, RISK-7, NEW-RISK-001.
RISK_ID_RE = re.compile(r"^(?:R\d|R-|RSK|RISK|NEW-RISK)", re.I)
