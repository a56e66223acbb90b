"""Frozen records share their bookkeeping: one set object per distinct set of given field names,
and one empty dict for the records with no unknown keys.

pydantic keeps on every model the names of the fields its data gave (``__pydantic_fields_set__``)
and a dict of the keys it did not know (``__pydantic_extra__``). A board's records are made of a
few shapes, so a 10,000-item board held 10,000 sets of the same dozen names: ~13 MB of the ~41 MB
its items take, ~130 MB at 100,000 items. Sharing them is safe because the records are frozen:
pydantic refuses to set an attribute on one before it would add to either, and ``model_copy``
copies both before it changes them. The board itself is not frozen, and is never shared.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

_set = object.__setattr__


class Sharing:
    """One set per distinct set of field names, one empty dict of extra keys, for a whole load."""

    def __init__(self) -> None:
        self._sets: dict[frozenset[str], set[str]] = {}
        self._empty: dict[str, Any] = {}

    def fields_set(self, names: Iterable[str]) -> set[str]:
        key = frozenset(names)
        shared = self._sets.get(key)
        if shared is None:
            shared = self._sets[key] = set(key)
        return shared

    def extra(self, extra: dict[str, Any] | None) -> dict[str, Any]:
        return extra if extra else self._empty

    def share(self, records: Iterable[BaseModel]) -> None:
        """Make the frozen ``records`` (and the frozen models they hold) use the shared objects."""
        nested: dict[str, list[BaseModel]] = {}
        for record in records:
            cls = type(record)
            if not cls.model_config.get("frozen"):
                continue
            _set(record, "__pydantic_fields_set__", self.fields_set(record.__pydantic_fields_set__))
            _set(record, "__pydantic_extra__", self.extra(record.__pydantic_extra__))
            for name in nested_model_fields(cls):
                inner = record.__dict__.get(name)
                if isinstance(inner, BaseModel):
                    nested.setdefault(name, []).append(inner)
        for inner_records in nested.values():  # an item's gate: all the gates at once
            self.share(inner_records)


@lru_cache(maxsize=64)
def nested_model_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` whose value may be a model (an item's gate)."""
    out = []
    for name, info in cls.model_fields.items():
        args = typing.get_args(info.annotation) or (info.annotation,)
        if any(isinstance(a, type) and issubclass(a, BaseModel) for a in args):
            out.append(name)
    return tuple(out)


def share_board(board: Any, kinds: Iterable[str]) -> None:
    """Share the bookkeeping of every record in the lists ``kinds`` of ``board``."""
    sharing = Sharing()
    for kind in kinds:
        sharing.share(getattr(board, kind))
