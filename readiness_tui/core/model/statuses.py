"""The status and priority vocabulary: the six statuses, what closes an item, the ``s`` cycle,
the words plans use for each status, and the priorities P0..P3.

One vocabulary for every surface: the board schema (``readiness schema``) takes its enums from
``Status`` and ``Priority``; reading a board folds an alias (``Done``, ``✅``, ``p0``) to its
canonical word; ``set`` and the app write the canonical word; lint warns of an alias in the file
(``status-alias``), since a schema validator (taplo, check-jsonschema) rejects it.
"""

from __future__ import annotations

from typing import Literal, get_args

from readiness_tui.core.model.problems import suggest

Status = Literal["todo", "in_progress", "blocked", "review", "done", "cancelled"]
STATUSES: tuple[str, ...] = get_args(Status)
#: Statuses that no longer hold up the items that depend on them.
CLOSED: frozenset[str] = frozenset({"done", "cancelled"})
#: What ``s`` walks an item through, in the backlog and the standup alike. Blocked and cancelled
#: are set directly (``S``); from there ``s`` leads back into the cycle.
STATUS_CYCLE: dict[str, str] = {
    "todo": "in_progress",
    "in_progress": "review",
    "review": "done",
    "done": "todo",
    "blocked": "in_progress",
    "cancelled": "todo",
}


def status_label(word: str) -> str:
    """The words a person reads for a status (or a risk's state): ``in_progress`` is "in progress"."""
    return word.replace("_", " ")


def next_status(status: str) -> str:
    """The status ``s`` moves an item to from ``status``."""
    return STATUS_CYCLE.get(status, "todo")


Priority = Literal["P0", "P1", "P2", "P3"]
PRIORITIES: tuple[str, ...] = get_args(Priority)

#: Words and marks that plans use for statuses, folded to the canonical six.
STATUS_ALIASES: dict[str, str] = {
    "todo": "todo",
    "to do": "todo",
    "to-do": "todo",
    "open": "todo",
    "new": "todo",
    "not started": "todo",
    "planned": "todo",
    "pending": "todo",
    "backlog": "todo",
    "[ ]": "todo",
    "⬜": "todo",
    "☐": "todo",
    "🔲": "todo",
    "⏳": "todo",  # waiting to start: pending, as plans without a legend mean it
    "in progress": "in_progress",
    "in-progress": "in_progress",
    "in_progress": "in_progress",
    "wip": "in_progress",
    "doing": "in_progress",
    "started": "in_progress",
    "active": "in_progress",
    "ongoing": "in_progress",
    "🚧": "in_progress",
    "🔄": "in_progress",
    "partial": "in_progress",
    "blocked": "blocked",
    "on hold": "blocked",
    "paused": "blocked",
    "stuck": "blocked",
    "⛔": "blocked",
    "🚫": "blocked",
    "❌": "blocked",
    "🛑": "blocked",
    "review": "review",
    "in review": "review",
    "needs review": "review",
    "qa": "review",
    "👀": "review",
    "verifying": "review",
    "done": "done",
    "complete": "done",
    "completed": "done",
    "closed": "done",
    "finished": "done",
    "resolved": "done",
    "shipped": "done",
    "pass": "done",
    "passed": "done",
    "✅": "done",
    "✔": "done",
    "✔️": "done",
    "☑": "done",
    "☑️": "done",
    "[x]": "done",
    "✓": "done",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "dropped": "cancelled",
    "won't do": "cancelled",
    "wontfix": "cancelled",
    "obsolete": "cancelled",
    "n/a": "cancelled",
    "🗑": "cancelled",
}


def normalize_status(value: object, extra: dict[str, str] | None = None) -> str:
    """Fold a status word or mark (``Done``, ``✅``, ``Not started``) to a canonical status."""
    if not isinstance(value, str):
        raise ValueError(f"expected a status ({', '.join(STATUSES)}), got {value!r}")
    key = value.strip().lower()
    if extra:
        for k, v in extra.items():
            if k.strip().lower() == key:
                return v
    if key in STATUS_ALIASES:
        return STATUS_ALIASES[key]
    # "✅ Done", "Done ✅", "Done (2026-02-16)": take the first word or mark we know.
    for token in key.replace("(", " ").replace(")", " ").split():
        if token in STATUS_ALIASES:
            return STATUS_ALIASES[token]
    raise ValueError(f"unknown status {value!r}; {status_hint(key)}")


def status_hint(word: str) -> str:
    """What an unknown status word probably meant (``doen``: "did you mean 'done' or 'todo'?"),
    a status first, else an alias (``wpi`` -> 'wip'), else the statuses: for the filter and edits."""
    hint = suggest(word, STATUSES, "")
    if not hint:
        hint = suggest(word, STATUS_ALIASES, "")
    return hint or f"expected one of {', '.join(STATUSES)} or a known alias"


def status_reading(raw: str, status: str) -> str:
    """``status 'wontfix' read as 'cancelled'`` when ``raw`` was an alias, else ``""``: an edit says
    how it read a word rather than store something else in silence."""
    word = raw.strip()
    return "" if word.lower() == status else f"status {word!r} read as {status!r}"


def normalize_priority(value: object) -> str:
    text = str(value).strip().upper()
    if text.isdigit():
        text = "P" + text
    if text not in PRIORITIES:
        raise ValueError(f"expected a priority P0, P1, P2 or P3, got {value!r}")
    return text


def canonical_of(field: str, value: object, extra: dict[str, str] | None = None) -> str | None:
    """The canonical word ``value`` (as written in the file) stands for, when it is an alias of one
    rather than the word itself: ``("status", "Done")`` -> ``"done"``, ``("priority", 0)`` ->
    ``"P0"``; None for a canonical word, or a value that is neither (reading reports that)."""
    canonical = STATUSES if field == "status" else PRIORITIES
    if isinstance(value, str) and value in canonical:
        return None
    try:
        word = normalize_status(value, extra) if field == "status" else normalize_priority(value)
    except ValueError:
        return None
    return word
