"""How a board's model is laid out in a parse-cache entry: one column per field of each record kind.

Pickling the models themselves costs a ``__setstate__`` call and a state dict per record, and a
pickled dict per record's fields: on a big board, much of every command. Laid out as
columns (a list per field, nested models such as an item's gate as columns of their own), the
values unpickle as plain lists in C, and each record is rebuilt with one ``dict(zip(...))``: less
time here, and a smaller file.

Each kind's columns are written with ``marshal`` where it takes them (strings, numbers, lists,
dicts: columns load faster than by pickle), with the
nested records' classes named by their place in a list beside them; a kind holding a value
marshal refuses (a date in an unknown key) is pickled as it is. Equal strings stay one object
within a kind (an item's id and every ``depends_on`` naming it); across kinds (a risk's
``mitigated_by``) each kind loads its own.

An empty list or dict (an item's tags, links, inputs ... : most of an imported board's lists)
is one object per column, which marshal writes once and refers to after that: a load then makes
one where it made one per record (less memory held, less to load, most of it fewer objects for
the garbage collector to walk). Sharing them is safe because a record's values
are never changed in place, only replaced (records are frozen, ``record_base``); ``tests/core/test_cache_layout.py``
edits every kind of list a board has on a loaded board and checks that the shared ones stay empty.

Only fields are kept; anything a record computed and cached on itself is computed again when
asked. The records are rebuilt as unpickling rebuilds a pydantic model (no validation: the
entry is trusted only after ``board_cache`` checked whose it is and which code wrote it).
"""

from __future__ import annotations

import marshal
from collections import deque
from itertools import repeat
from operator import itemgetter
from typing import Any

from readiness_tui.core.model.record_base import Record
from readiness_tui.core.model.records import RECORD_MODELS

_new = object.__new__
_NONE = type(None)


def _columns(cls: type[Record], rows: list[Any], seen: dict[str, str]) -> dict[str, Any]:
    names = list(cls.model_fields)
    columns: list[Any] = []
    # Each column is read and its value types found by ``map`` (loops in C): a writer otherwise
    # spends a Python step here per field of every record.
    fields = [r.__dict__ for r in rows]
    for name in names:
        column = list(map(itemgetter(name), fields))
        kinds = set(map(type, column))
        kinds.discard(_NONE)
        if len(kinds) == 1 and issubclass(next(iter(kinds)), Record):
            # Nested models (an item's gate) are columns of their own; a tuple tells them apart
            # from a column of plain values, which is always a list.
            (sub,) = kinds
            present = [n for n, v in enumerate(column) if v is not None]
            columns.append((sub, present, _columns(sub, [column[n] for n in present], seen)))
        else:
            columns.append(_shared_values(column, kinds, seen))
    return {
        "names": names,
        "columns": columns,
        # No unknown keys (nearly every record) as None: one object for marshal to write.
        "extra": [r.__pydantic_extra__ or None for r in rows],
        "count": len(rows),
    }


def _shared_values(column: list[Any], kinds: set[type], seen: dict[str, str]) -> list[Any]:
    """The column with equal strings made one object, in it and in its lists of strings (an id and
    every ``depends_on`` naming it): pickle writes each once and refers to it after that, so a load
    makes one string where it made one per record (a smaller entry, less memory held), and every
    empty list or dict one object (see the
    module docstring). The rows' own lists are never changed: they are copied."""
    if kinds == {str}:  # a column of strings (and None, which ``seen`` keeps as None)
        return list(map(seen.setdefault, column, column))
    out: list[Any] = []
    empty_list: list[Any] = []
    empty_dict: dict[Any, Any] = {}
    for v in column:
        if type(v) is str:
            v = seen.setdefault(v, v)
        elif type(v) is list:
            if not v:
                v = empty_list
            elif all(type(x) is str for x in v):
                v = list(map(seen.setdefault, v, v))
        elif type(v) is dict and not v:
            v = empty_dict
        out.append(v)
    return out


def _marshalled(packed: dict[str, Any]) -> Any:
    """One kind's columns as ``(classes, marshal bytes)``, each nested class named by its place in
    ``classes``; the columns as they are when marshal refuses a value."""
    classes: list[type[Record]] = []

    def named(packed: dict[str, Any]) -> dict[str, Any]:
        columns = []
        for column in packed["columns"]:
            if isinstance(column, tuple):
                sub, present, inner = column
                if sub not in classes:
                    classes.append(sub)
                column = (classes.index(sub), present, named(inner))
            columns.append(column)
        return {**packed, "columns": columns}

    try:
        return (classes, marshal.dumps(named(packed)))
    except ValueError:
        return packed


def _unmarshalled(found: Any) -> tuple[dict[str, Any], list[type[Record]]]:
    if isinstance(found, tuple):
        classes, data = found
        return marshal.loads(data), classes
    return found, []


def _rows(cls: type[Record], packed: dict[str, Any], classes: list[type[Record]]) -> list[Any]:
    names: list[str] = packed["names"]
    if list(cls.model_fields) != names:
        raise ValueError(f"the cached {cls.__name__} fields are not this model's")
    count: int = packed["count"]
    columns = []
    for column in packed["columns"]:
        if isinstance(column, tuple):
            sub, present, inner = column
            if type(sub) is int:  # a class named by its place (marshalled columns)
                sub = classes[sub]
            full: list[Any] = [None] * count
            for n, model in zip(present, _rows(sub, inner, classes), strict=True):
                full[n] = model
            column = full
        elif len(column) != count:
            raise ValueError("the cached columns are not all of one length")
        columns.append(column)
    extras: list[dict[str, Any] | None] = packed["extra"]
    if len(extras) != count:
        raise ValueError("the cached records are not all there")
    # Each record is made as unpickling makes a model: ``__new__``, then the four slots pydantic's
    # ``__setstate__`` sets (its fields, its unknown keys, the fields it was given, no private
    # values), each by ``map`` over the records (loops in C, no Python frame per record; calling
    # ``__setstate__`` made one, and a state dict, per record). No validation: the entry holds
    # what a validation made. ``model_construct`` would look at each field's aliases and
    # defaults, a Python step per field of every record.
    # Each record's dict starts as a copy of one holding every field (sized for them all), then takes its values:
    # built up from empty, each dict would grow, and be copied, several times on its way to thirty fields.
    copy = dict.fromkeys(names).copy
    values = [copy() for _ in repeat(None, count)]
    deque(map(dict.update, values, map(zip, repeat(names), zip(*columns) if columns else repeat((), count))), maxlen=0)
    # Every record of a kind gets the same empty dict of unknown keys and the same set of fields
    # given: a record is frozen, and ``model_copy`` copies both before it changes them.
    empty: dict[str, Any] = {}
    out: list[Any] = list(map(_new, repeat(cls, count)))
    for slot, column in (
        ("__pydantic_fields_set__", repeat(set(names))),
        ("__pydantic_extra__", (e or empty for e in extras)),
        ("__pydantic_private__", repeat(None)),
        ("__dict__", values),
    ):
        deque(map(_set, out, repeat(slot), column), maxlen=0)
    return out


_set = object.__setattr__


def pack(board: Any) -> dict[str, Any]:
    """The board's model as columns (the board itself without its record lists, pickled as is)."""
    # Made of the fields alone: what else a board holds in its ``__dict__`` (a loaded seed of its
    # analysis, ``analysis_seed``) is not the board's and is not kept.
    fields = {name: [] if name in RECORD_MODELS else getattr(board, name) for name in type(board).model_fields}
    shell = type(board).model_construct(board.model_fields_set, **fields, **(board.model_extra or {}))
    seen: dict[str, str] = {}
    return {
        "shell": shell,
        "records": {
            kind: _marshalled(_columns(cls, getattr(board, kind), seen)) for kind, cls in RECORD_MODELS.items()
        },
    }


def unpack(payload: dict[str, Any]) -> Any:
    """The board ``pack`` laid out, rebuilt (raises on any entry that does not fit the models)."""
    board = payload["shell"]
    for kind, cls in RECORD_MODELS.items():
        # The shell's lists are empty: put the records in place.
        setattr(board, kind, _rows(cls, *_unmarshalled(payload["records"][kind])))
    return board
