"""What every board record shares: the pydantic base model (frozen, unknown keys kept) and the field
types records reuse (a list written as one string, a status in any known word, a finite number in
range).

The models are built lazily (``defer_build``): a command that reads its board from the parse cache
never validates, so it never pays for building a validator; the first validation of a class builds
it, and the app builds them all while idle (``model.warm_steps``).
"""

from __future__ import annotations

import math
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict

from readiness_tui.core.model.statuses import Status, normalize_status

#: The largest estimate (days) or timeout (seconds) a board may state; beyond it is a typo.
MAX_NUMBER = 100_000.0


class Record(BaseModel):
    """The base of every board record. Unknown keys are kept (``extra="allow"``) so that a board
    written by a newer version, or annotated by hand, survives a save; ``lint`` warns about them.
    Records are frozen: caches, undo snapshots and the write path share them, so an edit replaces a
    record (``model_copy``) and its values (a new list, never an append)."""

    model_config = ConfigDict(frozen=True, extra="allow", defer_build=True)


def check_number(v: float | None, what: str, *, minimum: float, allow_zero: bool) -> float | None:
    """A finite number in range, or a ValueError that says which rule it breaks (nan and inf are
    refused: they poison sums, and strict JSON cannot carry them)."""
    if v is None:
        return v
    if not math.isfinite(v):
        raise ValueError(f"{what} must be a finite number, got {v!r}")
    if v < minimum or (v == minimum and not allow_zero):
        raise ValueError(f"{what} must be {'at least' if allow_zero else 'greater than'} {minimum:g}, got {v:g}")
    if v > MAX_NUMBER:
        raise ValueError(f"{what} of {v:g} is out of range (at most {MAX_NUMBER:g})")
    return v


def str_list(value: object) -> object:
    # A single string where a list is expected is a common hand edit; accept it.
    if isinstance(value, str):
        return [value] if value.strip() else []
    return value


def id_text(value: object) -> object:
    """An id written as a number (``phase = 2``) as its text; anything else as it is (a bool is
    left for the field's type to reject: ``true`` is no id)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


#: A list of strings where a single string is also accepted (a common hand edit).
StrList = Annotated[list[str], BeforeValidator(str_list)]
#: A status given as any known word or mark, stored as the canonical word.
StatusIn = Annotated[Status, BeforeValidator(lambda v: _fold_status(v))]


def _fold_status(value: object) -> object:
    # Leave what is not recognised for the Literal to reject, so the error names the field.
    try:
        return normalize_status(value)
    except ValueError:
        return value
