"""Where a heading's or an entry's own words state the work's state: a heading that is a board's column (``##
Shipped``, ``### In progress (3)``), a state closing the words after a dash (``Testing framework - Done``), marks
closing them (``Ship the app ✅``), a state in capitals or in brackets closing them."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.vocabulary.statuses import MARK, exact_status, opening_state, parse_status

#: What a status heading may add about when: "Completed This Sprint", "Done this week", "Planned for next release".
_WHEN_TAIL = re.compile(
    r"\s+(?:this|last|current|previous|next|in|for|during)\s+(?:the\s+|this\s+|next\s+|last\s+)?"
    r"(?:sprint|week|month|quarter|release|milestone|iteration|cycle)\b[\w\s#.-]*$",
    re.I,
)


#: "🟢 Column: DONE (Sprint 0)", "Lane: Review": the board's word for the heading, before the state it names.
_COLUMN_LABEL = re.compile(r"^[^\w]*(?:column|lane|swimlane|stage|status)\s*:\s*", re.I)


#: "Recently completed", "Completadas recientemente": when, said of the column's work, not its state.
_RECENTLY = re.compile(
    r"^(?:recently|lately)\s+|\s+(?:recently|lately|recientemente|recentemente|récemment|kürzlich)$", re.I
)


#: "Fully implemented & working", "Done and verified": a state, and words after it that only confirm it.
_CONFIRMED_TAIL = re.compile(r"\s*(?:&|\band\b)\s*(?:working|tested|verified|deployed|live)\s*$", re.I)


def status_heading(title: str) -> str | None:
    """The status a heading is a column of (``Shipped``, ``In progress (3)``, ``🚧 Building``, ``Completed This
    Sprint``, ``Recently completed``), or None."""
    words = re.sub(r"\s*\(\d+\)\s*$", "", plain(title)).strip(" :")
    words = _COLUMN_LABEL.sub("", words) or words
    words = _WHEN_TAIL.sub("", words) or words
    words = _RECENTLY.sub("", words) or words
    words = _CONFIRMED_TAIL.sub("", words) or words
    if (timed := _WHEN_IN_SCHEDULE.match(words)) and "(" not in timed.group("head"):
        # "📋 POR HACER — SPRINT 1 (Esencial)", "Done - Week 2": the column, and the stretch of the schedule it covers.
        return status_heading(timed.group("head"))
    glossed = re.match(r"^(?P<head>[^()]+?)\s*\((?P<gloss>[^()]+)\)$", words)
    if glossed and len(glossed.group("head").split()) <= 3:
        # "ACTIEF (In Progress)", "VOLTOOID (Afgerond)": the state, and the same in other words beside it; the
        # words before the gloss say it. "1. Sistem Analizi (Tamamlandı)": work glossed with its state, no column.
        # "Planned Features (in priority order)": the column, and how its work is ordered.
        head = glossed.group("head")
        return exact_status(head) or (status_heading(head) if "(" not in head else None)
    if len(words.split()) <= 3 and (state := exact_status(words)):
        return state
    if 1 < len(parts := re.split(r"\s+/\s+", words)) <= 3 and len(words.split()) <= 5:
        # "REVIEW / QA", "Done / Shipped": one column named twice; names that are not all one state name none
        # ("TODO / possible improvements" is a to-do list and its ideas).
        states = {exact_status(p) for p in parts}
        return states.pop() if len(states) == 1 else None
    # "Done ✅", "🔄 In Progress": the state word, and a mark beside it saying the same; "PRs In Review", "Already
    # Merged to Main": the work the column holds, and where it went.
    bare = re.sub(r"^[^\w(]+|[^\w)]+$", "", words)
    bare = _WHO_WHERE.sub("", bare) or bare
    return exact_status(bare) if bare != words and len(bare.split()) <= 3 else None


#: A column's state, then the stretch of the schedule it covers after a dash: ``To do — Sprint 1 (core)``.
_WHEN_IN_SCHEDULE = re.compile(
    r"^(?P<head>[^—–]+?)\s+[—–-]\s+(?:sprint|week|iteration|semana|fase|iteraci[oó]n|woche|semaine)s?\s+\d+\b.*$", re.I
)

#: Words around a status heading's state that say what the column holds or where the work went.
_WHO_WHERE = re.compile(
    r"^(?:(?:prs?|pull requests|tasks|items|issues|stories|tickets|already)\s+)+|"
    # "What's done", "What has been done", "Done so far": a status report's column, asked and answered. ("What's
    # ready" is what a summary delivered as often as work ready to start.)
    r"^what(?:['’]s|\s+is|\s+has\s+been|['’]s\s+been)\s+(?!ready\b)|\s+so\s+far$|"
    r"\s+(?:to|into|on|in)\s+(?:main|master|prod|production|staging)$|"
    # "Completed Tasks", "Ongoing Work", "✅ Completed Deliverables": the state, then the work it holds ("New Features" are a release's news).
    r"(?<!\bnew)\s+(?:tasks|items|work|issues|stories|tickets|features|milestones|deliverables)$|"
    # "TAMAMLANAN GÖREVLER" (completed tasks): Turkish names the column's work after its state.
    r"\s+(?:görevler|görevleri|işler)$",
    re.I,
)


#: A title closing with a state after a dash: ``Search — implemented``, ``Sync - not started``.
_TRAILING_STATE_RE = re.compile(r"^(?P<title>.*\S)\s+(?:—|–|-)\s+(?P<state>[^—–]+?)\s*$")


#: A day closing a state: "completed 2026-02-24", "done on 2026-03-01".
_STATE_DATE = re.compile(r"(?<=\w)\s+(?:on\s+)?\d{4}-\d{2}-\d{2}$")

#: A tail that says what the work waits on: ``pending owner decision``, ``blocked on the vendor``.
_WAITING_RE = re.compile(r"^(?P<word>pending|blocked|waiting|awaiting)\b", re.I)


#: A mark opening a tail: "✅ Basic Setup", "❌ Missing".
_TAIL_MARK = re.compile(rf"^(?P<mark>{MARK})\s")


def _marked_tail(tail: str) -> str | None:
    """The state of a tail that opens with a mark of it and says more ("✅ Basic Setup"): the mark's."""
    m = _TAIL_MARK.match(tail)
    return parse_status(m.group("mark")) if m else None


#: Marks closing a title (``✅``, ``🔄``, ``✔️``): read as its status where they name one, never kept in it.
_CLOSING_MARKS = re.compile(r"^(?P<title>.*?[\w)])\s*(?P<marks>[^\w\s()\[\]`'\".,:;-]+)$")


def closing_marks(text: str) -> tuple[str, str | None]:
    """``text`` without the marks that close it, and the status they name (None when none): ``basestring ✔️`` ->
    ("basestring", "done"); the text unchanged and None when no mark closes it."""
    m = _CLOSING_MARKS.match(text)
    if m is None:
        return text, None
    return m.group("title").strip(), parse_status(m.group("marks"))


def closing_state(title: str) -> str | None:
    """The state a heading's title closes with: a mark (``Phase 2: Authentication ✅``), a state word in capitals
    (``Phase 1: Development ✅ COMPLETE``) or one after a dash (``trailing_status``); None when it closes with none."""
    title = plain(title).strip()
    words = title.split()
    last = words[-1] if words else ""
    if last and not any(c.isalnum() for c in last) and (state := parse_status(last)):
        return state
    # "✅ COMPLETE", "⏳ NOT STARTED": the closing words in capitals, read together; "(COMPLETE)" in brackets too.
    shouted = _CLOSING_CAPITALS.search(title)
    return trailing_status(title)[1] or (exact_status(shouted.group("words")) if shouted else None)


#: Words in capitals closing a title, maybe in brackets and after a mark there: "COMPLETE", "NOT STARTED", "(COMPLETE)",
#: "(⏸️ WAITING)", "[COMPLETED]".
_CLOSING_CAPITALS = re.compile(
    r"(?:^|\s)(?P<open>[(\[])?(?(open)[^\w\s()]{0,3}\s*)(?P<words>[A-Z][A-Z-]+(?:\s+[A-Z][A-Z-]+)*)(?(open)[)\]])\s*$"
)


def bracketed_state(title: str) -> tuple[str, str | None]:
    """(title, status) of a title closing with its state in brackets (``Tích hợp Zalo OA (⏸️ WAITING)`` -> the name,
    blocked: ``_CLOSING_CAPITALS`` in brackets); the title unchanged and None when it closes with none."""
    m = _CLOSING_CAPITALS.search(title)
    state = exact_status(m.group("words")) if m and m.group("open") else None
    return (title[: m.start()].rstrip(), state) if m and state else (title, None)


def trailing_status(title: str) -> tuple[str, str | None]:
    """(title, status) of a heading's title that closes with a status after a dash (``Search — implemented`` ->
    ("Search", "done"), ``Foundation — completed 2026-02-24``), maybe glossed (``Docs — IN PROGRESS (this session)``) or saying what it waits on
    (``Graphs — pending spec``), in a code span (``REST API — `PENDING` ``), or opening with a mark (``Socket.IO — ✅
    Basic Setup``); the title unchanged and None when the tail is no status."""
    m = _TRAILING_STATE_RE.match(title)
    if not m:
        return title, None
    state = _STATE_DATE.sub("", m.group("state"))  # "completed 2026-02-24": the state, then the day it came
    if re.fullmatch(r"`[^`]+`", state):  # "REST API Layer — `PENDING`": the state set as a label
        state = state[1:-1]
    waits = _WAITING_RE.match(state)
    st = opening_state(state) or (exact_status(waits.group("word")) if waits else None) or _marked_tail(state)
    return (m.group("title"), st) if st else (title, None)
