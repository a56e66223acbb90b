"""Parsers for the cells and phrases of a plan: ids, reference lists and ranges, statuses,
priorities, estimates, targets, and the meaning of a column header.

All of them are pure functions of a string, so they are property-tested on their own.
"""

from __future__ import annotations

import datetime as dt
import re
from contextvars import ContextVar
from typing import Any

from ..dates import normalize_target
from ..model import STATUS_ALIASES, normalize_priority, normalize_status
from .blocks import plain

# ---------------------------------------------------------------------- ids
#: An id in a cell known to hold ids: T-001, CODEX-P0-001, NEW-RISK-001, M-01, SEC-3, A1, 1.2, 2.7.1, 7.
ID_RE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*|\d+(?:\.\d+)*|#\d+)$")
#: An id found in running text: hyphenated with a digit (T-001, R-1, CODEX-P1-006, S2-T1),
#: or dotted numbers (1.2, 2.7.1).
TEXT_ID_RE = re.compile(
    r"(?<![\w./&-])(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]*\d+[A-Z0-9]*(?:-[A-Z0-9]+)*|\d+(?:\.\d+)+|#\d+)(?![\w/]|\.\d)"
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
_RANGE_SEP = r"(?:\.\.\.?|…|–|—|\s+to\s+|\s+through\s+|\s+thru\s+)"


def is_id(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= 40 and bool(ID_RE.match(t)) and any(c.isdigit() for c in t)


def looks_like_text_id(text: str) -> bool:
    t = text.strip()
    m = TEXT_ID_RE.fullmatch(t)
    return bool(m) and not NOT_IDS.match(t)


# References (parse_refs, ids_in_text, expand_range, Refs) live in refs.py; re-exported for the recognisers.
# The ``X as X`` form marks them as re-exports; E402: refs imports is_id from here, so this comes last.
from .refs import Refs as Refs  # noqa: E402
from .refs import expand_range as expand_range  # noqa: E402
from .refs import ids_in_text as ids_in_text  # noqa: E402
from .refs import parse_refs as parse_refs  # noqa: E402

# ---------------------------------------------------------------------- statuses, priorities
_STATUS_EXTRA = {
    "not started": "todo",
    "not-started": "todo",
    "to be done": "todo",
    "tbd": "todo",
    "queued": "todo",
    "ready": "todo",
    "scheduled": "todo",
    "proposed": "todo",
    "draft": "todo",
    "🟥": "todo",
    "🔴": "blocked",
    "🟡": "in_progress",
    "🟨": "in_progress",
    "🟠": "in_progress",
    "🟢": "done",
    "🟩": "done",
    "✔︎": "done",
    "✗": "blocked",
    "✖": "blocked",
    "⚠️": "blocked",
    "⚠": "blocked",
    "at risk": "blocked",
    "waiting": "blocked",
    "⚪": "todo",
    "⚪️": "todo",
    "in flight": "in_progress",
    "underway": "in_progress",
    "implementing": "in_progress",
    "in dev": "in_progress",
    "in development": "in_progress",
    "testing": "review",
    "in qa": "review",
    "under review": "review",
    "pr open": "review",
    "merged": "done",
    "complete ✅": "done",
    "deployed": "done",
    "accepted": "done",
    "approved": "done",
    "verified": "done",
    "mitigated": "done",
    "implemented": "done",
    "deferred": "cancelled",
    "descoped": "cancelled",
    "out of scope": "cancelled",
    "rejected": "cancelled",
    "superseded": "cancelled",
    "x": "done",
    "[x]": "done",
    "[ ]": "todo",
    "yes": "done",
    "no": "todo",
    "needs decision": "blocked",
    "needs a decision": "blocked",
    "decision needed": "blocked",
    "awaiting decision": "blocked",
    "on ice": "cancelled",
    "postponed": "cancelled",
    "parked": "cancelled",
    "⏸": "cancelled",
    "⏸️": "cancelled",
    "⏳ pending": "todo",
    "pending ⏳": "todo",
}


def parse_status(cell: str) -> str | None:
    """A status word or mark -> canonical status, or None when it is not one."""
    text = plain(cell).strip().strip("*_")
    if not text:
        return None
    low = text.lower()
    if low in _STATUS_EXTRA:
        return _STATUS_EXTRA[low]
    # "⚪ Not started", "Done ✅", "Complete (2026-02-16)": the words first, then the mark.
    words = re.sub(r"\(.*?\)", " ", low)
    words = " ".join(re.sub(r"[^\w\s'/-]", " ", words).split())
    if words in _STATUS_EXTRA:
        return _STATUS_EXTRA[words]
    if re.match(r"^(not|incomplete|unfinished|undone)\b", words):
        return "cancelled" if "applicable" in words or "needed" in words else "todo"
    if words in STATUS_ALIASES:
        return STATUS_ALIASES[words]
    try:
        return normalize_status(text)
    except ValueError:
        pass
    for token in re.split(r"[\s()/:,;-]+", low):
        if token in _STATUS_EXTRA:
            return _STATUS_EXTRA[token]
    # Leading emoji glued to a word ("✅Done").
    head = text[0]
    if not head.isalnum():
        try:
            return normalize_status(head)
        except ValueError:
            return _STATUS_EXTRA.get(head)
    return None


_PRIO_WORDS = {
    "critical": "P0",
    "blocker": "P0",
    "highest": "P0",
    "urgent": "P0",
    "must": "P0",
    "must have": "P0",
    "high": "P1",
    "should": "P1",
    "should have": "P1",
    "important": "P1",
    "medium": "P2",
    "med": "P2",
    "normal": "P2",
    "moderate": "P2",
    "could": "P2",
    "could have": "P2",
    "low": "P3",
    "lowest": "P3",
    "minor": "P3",
    "nice to have": "P3",
    "trivial": "P3",
}
_PRIO_RE = re.compile(r"\bP\s?([0-3])\b", re.I)


#: The plan's own priority words (``import_markdown(priority_words=...)``, ``--priority-word``), read before the
#: built-in scale; set for the length of one import.
PRIORITY_WORDS: ContextVar[dict[str, str] | None] = ContextVar("PRIORITY_WORDS", default=None)


def priority_words(pairs: list[str]) -> dict[str, str]:
    """``["Blocker=P0", "Nice=P3"]`` -> {"blocker": "P0", "nice": "P3"}; ValueError naming the bad pair."""
    out: dict[str, str] = {}
    for pair in pairs:
        word, sep, prio = pair.partition("=")
        if not sep or not word.strip():
            raise ValueError(f"priority word {pair!r}: expected WORD=P0..P3")
        out[" ".join(word.lower().split())] = normalize_priority(prio.strip())
    return out


def parse_priority(cell: str) -> tuple[str | None, bool]:
    """(priority, was_a_word): ``P0``/``p1``/``0`` directly, ``High``/``Critical`` folded to P1/P0."""
    text = plain(cell).strip().strip("*_").rstrip(".")
    if not text:
        return None, False
    own = PRIORITY_WORDS.get() or {}
    if own and " ".join(text.lower().split()) in own:
        return own[" ".join(text.lower().split())], True
    try:
        return normalize_priority(text), False
    except ValueError:
        pass
    m = _PRIO_RE.search(text)
    if m:
        return f"P{m.group(1)}", False
    low = text.lower()
    for emoji, p in (("🔴", "P0"), ("🟠", "P1"), ("🟡", "P2"), ("🟢", "P3")):
        if low.startswith(emoji):
            low = low[len(emoji) :].strip() or p
            if low == p:
                return p, True
    if low in _PRIO_WORDS:
        return _PRIO_WORDS[low], True
    first = re.split(r"[\s(/,]+", low)[0] if low else ""
    if first in _PRIO_WORDS:
        return _PRIO_WORDS[first], True
    return None, False


# ---------------------------------------------------------------------- estimates, targets
_UNITS = {
    "d": 1.0,
    "day": 1.0,
    "days": 1.0,
    "pd": 1.0,
    "md": 1.0,
    "person-day": 1.0,
    "person-days": 1.0,
    "man-day": 1.0,
    "man-days": 1.0,
    "working days": 1.0,
    "business days": 1.0,
    "w": 5.0,
    "wk": 5.0,
    "wks": 5.0,
    "week": 5.0,
    "weeks": 5.0,
    "h": 0.125,
    "hr": 0.125,
    "hrs": 0.125,
    "hour": 0.125,
    "hours": 0.125,
    "m": 20.0,
    "mo": 20.0,
    "month": 20.0,
    "months": 20.0,
    "sprint": 10.0,
    "sprints": 10.0,
}
_EST_RE = re.compile(
    r"^~?\s*(?P<a>\d+(?:[.,]\d+)?|half a|half|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s*(?:-|–|to)\s*(?P<b>\d+(?:[.,]\d+)?))?\s*"
    r"(?P<u>person-days?|man-days?|working days|business days|[a-z]+)?\.?\s*(?:\(.*\))?$",
    re.I,
)
_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "half": 0.5,
    "half a": 0.5,
}


def parse_estimate(cell: str, default_unit: str | None = None) -> float | None:
    """``2 days``/``3d``/``1 week``/``4h``/``2-3 days`` -> working days (a range takes its upper end).

    A bare number counts as days only when ``default_unit`` says so (a header like "Effort (days)").
    """
    text = plain(cell).strip().lower()
    if not text:
        return None
    m = _EST_RE.match(text)
    if not m:
        return None
    a = m.group("a").replace(",", ".")
    b = m.group("b")
    num = float(b.replace(",", ".")) if b else (float(a) if a[0].isdigit() else float(_WORDS[a]))
    unit = (m.group("u") or default_unit or "").lower()
    if unit not in _UNITS:
        return None
    return round(num * _UNITS[unit], 3)


_MONTHS = {
    m: n
    for n, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}
_DATE_IN_TEXT = re.compile(r"\b(\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}|\d{4}/\d{2}/\d{2})\b", re.I)
_MDY = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")


def parse_target(cell: str) -> tuple[str | None, bool]:
    """(target, exact): an ISO week or date in the cell, and whether the cell was only that."""
    text = plain(cell).strip()
    if not text:
        return None, True
    try:
        return normalize_target(text), True
    except ValueError:
        pass
    candidates: list[str] = []
    for m in _DATE_IN_TEXT.finditer(text):
        candidates.append(m.group(1).replace("/", "-"))
    for m in _MDY.finditer(text):
        mon = _MONTHS.get(m.group(1).lower())
        if mon:
            candidates.append(f"{int(m.group(3)):04d}-{mon:02d}-{int(m.group(2)):02d}")
    for m in _DMY.finditer(text):
        mon = _MONTHS.get(m.group(2).lower())
        if mon:
            candidates.append(f"{int(m.group(3)):04d}-{mon:02d}-{int(m.group(1)):02d}")
    for c in candidates:
        try:
            value = normalize_target(c)
        except ValueError:
            continue
        return value, False
    return None, False


def put_due(values: dict[str, Any], cell: str, text: str) -> None:
    """A milestone's ``due`` from the target in ``cell``, and ``text`` as its ``due_text`` when the
    cell holds no target or more than one."""
    tgt, exact = parse_target(cell)
    if tgt:
        values["due"] = tgt
    if not tgt or not exact:
        values["due_text"] = text


def parse_date(text: str) -> dt.date | None:
    """A calendar date in some text (``2026-03-31``, ``Mar 31, 2026``, ``31 March 2026``)."""
    value, _ = parse_target(text)
    if value and "W" not in value:
        return dt.date.fromisoformat(value)
    return None


# ---------------------------------------------------------------------- headers
def norm_header(text: str) -> str:
    t = plain(text).lower().replace("_", " ")
    t = re.sub(r"[^\w#/\\ ]+", " ", t)
    return " ".join(t.split())


#: field -> exact (normalized) header names meaning it. Checked before the keyword rules below.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": (
        "id",
        "task id",
        "ticket",
        "ticket id",
        "ticket #",
        "item id",
        "key",
        "ref",
        "#",
        "no",
        "nr",
        "tracker id",
        "task #",
        "task no",
        "wbs",
        "req id",
        "requirement id",
        "story id",
        "check id",
        "action id",
        "step id",
        "risk id",
        "risk #",
        "milestone id",
        "waiver id",
        "item #",
        "issue id",
    ),
    "title": (
        "title",
        "name",
        "summary",
        "task",
        "item",
        "outcome",
        "task name",
        "work item",
        "action",
        "requirement",
        "story",
        "objective",
        "goal",
        "stream",
        "workstream name",
        "deliverable name",
        "risk",
        "milestone",
        "epic",
        "feature",
        "issue",
        "what",
    ),
    "description": ("description", "details", "detail", "scope", "desc", "context"),
    "owner": (
        "owner",
        "owner/role",
        "owner role",
        "owners",
        "lead",
        "assignee",
        "assigned to",
        "assigned",
        "responsible",
        "dri",
        "who",
        "accountable",
        "owner(s)",
        "team",
        "owning team",
        "raci",
    ),
    "role": ("role", "roles"),
    "contributors": ("contributors", "support", "supporting", "helpers", "consulted", "collaborators"),
    "depends_on": (
        "depends on",
        "depends",
        "dependencies",
        "dependency",
        "deps",
        "dep",
        "prereqs",
        "prereq",
        "prerequisites",
        "prerequisite",
        "blocked by",
        "blockers",
        "requires",
        "after",
        "predecessors",
        "predecessor",
        "needs",
        "upstream",
        "waits on",
    ),
    "estimate_days": (
        "estimate",
        "effort",
        "est",
        "estimate days",
        "effort days",
        "size",
        "duration",
        "days",
        "effort estimate",
        "estimated effort",
        "est days",
        "work days",
        "t shirt",
    ),
    "target": (
        "target",
        "due",
        "due date",
        "deadline",
        "eta",
        "target date",
        "target week",
        "when",
        "date",
        "by",
        "due by",
        "finish",
        "end",
        "week",
        "planned",
        "target release",
    ),
    "status": ("status", "state", "done", "progress", "complete", "completed", "result", "current status"),
    "priority": ("priority", "prio", "pri", "p", "rank", "importance", "moscow"),
    "score": ("score", "priority score", "rice", "ice", "points", "wsjf"),
    "workstream": (
        "workstream",
        "area",
        "component",
        "track",
        "category",
        "theme",
        "domain",
        "module",
        "stream name",
        "work stream",
        "pillar",
        "capability",
    ),
    "gate.exit_criteria": (
        "exit criteria",
        "acceptance",
        "acceptance criteria",
        "definition of done",
        "dod",
        "done when",
        "success criteria",
        "criteria",
        "exit",
        "done criteria",
    ),
    "gate.verify": (
        "verify command",
        "verify",
        "verification",
        "check command",
        "command",
        "test command",
        "how to verify",
        "verify cmd",
        "validation command",
        "verification command",
        "check",
        "validate",
    ),
    "gate.evidence": (
        "evidence path",
        "evidence",
        "evidence paths",
        "artifacts",
        "artifact",
        "proof",
        "evidence location",
        "artifact path",
        "evidence link",
    ),
    "inputs": ("inputs", "input"),
    "outputs": ("outputs", "output"),
    "deliverables": ("deliverable", "deliverables"),
    "source_refs": (
        "source",
        "sources",
        "source refs",
        "source ref",
        "refs",
        "references",
        "reference",
        "traceability",
        "origin",
        "trace",
    ),
    "links": ("link", "links", "url", "pr", "github issue", "jira", "ticket link", "issue link", "issues"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "why", "rationale"),
    "phase": ("phase", "stage", "wave", "sprint", "iteration"),
    "milestone": ("milestone", "release"),
    "tags": ("tags", "labels", "label", "tag"),
    # risk registers
    "severity": ("severity", "impact", "sev", "risk level", "level", "rating"),
    "likelihood": ("likelihood", "probability", "prob", "chance"),
    "mitigated_by": (
        "mitigated by",
        "mitigation tasks",
        "mitigating tasks",
        "mitigations",
        "mitigation",
        "tasks",
        "addressed by",
        "covered by",
        "controls",
        "mapped tasks",
        "task ids",
        "linked tasks",
        "mitigation task",
        "tasks mitigating",
        "response",
    ),
    # waivers
    "expires": (
        "expires",
        "expiry",
        "expiration",
        "expires on",
        "valid until",
        "until",
        "expiry date",
        "expiration date",
        "end date",
    ),
    "approved_by": ("approved by", "approver", "approved", "signed off by", "sign off"),
    "reason": ("reason", "justification", "rationale for waiver"),
    "path": ("file", "path", "file path", "location"),
    "purpose": ("purpose",),
}

_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("depends_on", ("depend", "prereq", "blocked by", "predecessor")),
    ("gate.verify", ("verify", "verification")),
    ("gate.evidence", ("evidence",)),
    ("gate.exit_criteria", ("exit criteria", "acceptance", "definition of done", "done when")),
    ("owner", ("owner", "assignee", "responsible")),
    ("estimate_days", ("estimate", "effort", "est ", "story days", "man days", "person days")),
    ("target", ("target", "due", "deadline")),
    ("status", ("status",)),
    ("priority", ("priority",)),
    ("expires", ("expir", "valid until")),
    ("mitigated_by", ("mitigat",)),
    ("likelihood", ("likelihood", "probability")),
    ("source_refs", ("source",)),
]


def header_field(header: str) -> str | None:
    """The board field a column header means, or None when it means none (kept as custom)."""
    h = norm_header(header)
    if not h:
        return None
    for fld, names in HEADER_SYNONYMS.items():
        if h in names:
            return fld
    words = h.split()
    if words and words[-1] in ("id", "#", "ids") and len(words) <= 3 and words[-1] != "ids":
        return "id"
    for fld, keys in _KEYWORDS:
        if any(k in h for k in keys):
            return fld
    return None


def custom_key(header: str) -> str:
    h = norm_header(header)
    if h in ("#", "no", "nr"):
        return "number"
    key = re.sub(r"[^a-z0-9]+", "_", h).strip("_")
    return key or "column"


def estimate_unit(header: str) -> str | None:
    h = norm_header(header)
    for unit in ("days", "day", "hours", "weeks", "pd", "d", "h", "w"):
        if re.search(rf"\b{unit}\b", h):
            return {"d": "days", "h": "hours", "w": "weeks"}.get(unit, unit)
    if h in ("days", "duration"):
        return "days"
    return None


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
