"""The filter language's values: what each field accepts, how a value is written canonically,
whether the board has it, and the error that says so (with the column and what was meant)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from readiness_tui.core.model.board import PRIORITIES, STATUSES, normalize_status
from readiness_tui.core.model.dates import normalize_target
from readiness_tui.core.model.problems import suggest
from readiness_tui.core.model.statuses import status_hint

#: The flags a filter may name: what the analysis says of an item (``core.filters.match``).
FLAGS = ("ready", "waiting", "blocked", "overdue", "open", "closed", "gate", "parent", "child")


class FilterError(ValueError):
    """A filter that cannot be read: ``column`` is 1-based, ``hint`` what was probably meant."""

    def __init__(self, message: str, column: int, hint: str = "") -> None:
        self.message, self.column, self.hint = message, column, hint
        text = f"column {column}: {message}"
        super().__init__(f"{text}; {hint}" if hint else text)


@dataclass(frozen=True)
class Vocabulary:
    """What a board has, lower-cased, for checking values (no vocabulary at all: not checked)."""

    phases: frozenset[str] = frozenset()
    milestones: frozenset[str] = frozenset()
    owners: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    workstreams: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    views: Mapping[str, str] = field(default_factory=dict)


def comparable(name: str, value: str, col: int) -> str:
    if name == "score":
        if not re.fullmatch(r"-?\d+", value):
            raise FilterError(f"score takes a whole number, not {value!r}", col, "e.g. score>=15")
        return str(int(value))
    if name == "estimate":
        v = value.lower().removesuffix("d")
        try:
            num = float(v)
        except ValueError:
            raise FilterError(f"estimate takes days, not {value!r}", col, "e.g. estimate<3 or estimate<=0.5") from None
        if num != num or num in (float("inf"), float("-inf")):
            raise FilterError(f"estimate takes days, not {value!r}", col, "e.g. estimate<3")
        return f"{num:g}"
    try:
        return normalize_target(value)
    except ValueError:
        raise FilterError(f"{name} takes an ISO week or a date, not {value!r}", col, f"e.g. {name}<2026-W10") from None


def norm(name: str, value: str) -> str:
    value = value.strip().lower()
    if name in ("owner", "contributor"):
        return value.lstrip("@ \t")
    if name == "priority":
        v = value.upper()
        return ("P" + v if v.isdigit() else v).lower()
    if name == "status":
        try:
            return normalize_status(value)
        except ValueError:
            return value  # a prefix while typing ("in_pr"), checked below
    return value


def _check_status(vocab: Vocabulary | None, v: str, col: int) -> None:
    if v in STATUSES or any(s.startswith(v) for s in STATUSES):
        return
    raise FilterError(f"unknown status {v!r}", col, status_hint(v))


def _check_priority(vocab: Vocabulary | None, v: str, col: int) -> None:
    if v.upper() not in PRIORITIES:
        raise FilterError(f"unknown priority {v.upper()!r}", col, f"priorities are {', '.join(PRIORITIES)}")


def _known(attr: str, what: str, prefix: bool) -> Callable[[Vocabulary | None, str, int], None]:
    def check(vocab: Vocabulary | None, v: str, col: int) -> None:
        if vocab is None:
            return  # nothing to check against
        known: frozenset[str] = getattr(vocab, attr)
        if v in known or (prefix and any(k.startswith(v) for k in known)):
            return
        hint = suggest(v, known, f"{what}s") if known else f"this board has no {what}s"
        raise FilterError(f"no {what} {v!r} on this board", col, hint)

    return check


CHECKS: dict[str, Callable[[Vocabulary | None, str, int], None]] = {
    "status": _check_status,
    "priority": _check_priority,
    "phase": _known("phases", "phase", False),
    "milestone": _known("milestones", "milestone", False),
    "owner": _known("owners", "owner", True),
    "kind": _known("kinds", "kind", True),
    "workstream": _known("workstreams", "workstream", True),
    "tag": _known("tags", "tag", False),
    "id": _known("ids", "id", True),
    "parent": _known("ids", "item", False),
}
