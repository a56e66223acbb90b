"""A record's fields as ``model_dump(mode="json")`` gives them, read from the record's values.

``list --json`` writes every item's fields: pydantic's serializer walks each of the item's ~35
fields and its gate for every item, most of a 10,000-item listing's time, to hand back values that
are already JSON's (a ``str``, an ``int``, a list of strings). Here a field whose type admits only
such values is taken as it is, and pydantic serializes the rest: a field typed ``Any`` (``custom``,
a check's ``value``) and the unknown keys a record keeps go through ``to_jsonable_python``, the
serializer pydantic uses for them in a dump; a nested record is read the same way as its parent.
The bytes the JSON encoder makes of the result are those of ``model_dump(mode="json")``
(``tests/core/test_record_json.py`` holds every board in the fixtures and the values TOML has to it).
"""

from __future__ import annotations

import types
import typing
from functools import cache
from typing import Any, Literal

from pydantic_core import to_jsonable_python

from readiness_tui.core.model.record_base import Record

#: Values the JSON encoder writes as pydantic's dump would hand them to it.
_PLAIN = (str, int, float, bool, type(None))
#: Of these, an empty (falsy) one is its own JSON value.
_OWN_WHEN_EMPTY = frozenset({*_PLAIN, dict, list})

#: How a field's value becomes its JSON value (``_kinds``).
_AS_IS, _RECORD, _RECORDS, _LOOSE = range(4)


def record_json(record: Record) -> dict[str, Any]:
    """``record.model_dump(mode="json")``, the values it already holds in JSON's types shared."""
    layout = _layout(type(record))
    if layout is None:
        return record.model_dump(mode="json")
    # In the order the record holds them, as pydantic's serializer reads them.
    out = record.__dict__.copy()
    for name, kind in layout:
        value = out[name]
        if kind == _LOOSE:
            if value or type(value) not in _OWN_WHEN_EMPTY:
                out[name] = to_jsonable_python(value)
        elif value:  # None, or no records
            out[name] = record_json(value) if kind == _RECORD else [record_json(v) for v in value]
    extra = record.__pydantic_extra__
    if extra:
        out.update(to_jsonable_python(extra))
    return out


@cache
def _layout(cls: type[Record]) -> tuple[tuple[str, int], ...] | None:
    """The class' fields whose value is not taken as it is, with how it is made; None when the
    class changes how pydantic dumps it (a serializer, a computed field): pydantic then dumps it."""
    decorators = cls.__pydantic_decorators__
    if decorators.field_serializers or decorators.model_serializers or decorators.computed_fields:
        return None
    kinds = ((name, _kind(info.annotation)) for name, info in cls.model_fields.items())
    return tuple((name, kind) for name, kind in kinds if kind != _AS_IS)


def _kind(annotation: Any) -> int:
    """How a value of ``annotation`` becomes JSON: as it is when the type admits only JSON's own
    values (strings, numbers, booleans, None, lists and string-keyed tables of them); a record or
    a list of records read field by field; anything else serialized by pydantic."""
    if _plain(annotation):
        return _AS_IS
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if _is_record(annotation) or (_is_union(annotation) and len(args) == 1 and _is_record(args[0])):
        return _RECORD
    if typing.get_origin(annotation) is list and len(args) == 1 and _is_record(args[0]):
        return _RECORDS
    return _LOOSE


def _plain(annotation: Any) -> bool:
    if annotation in _PLAIN:
        return True
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is Literal:
        return all(isinstance(a, _PLAIN) for a in args)
    if origin is typing.Annotated:  # the validators run on input; the value is of the first type
        return _plain(args[0])
    if _is_union(annotation) or origin is list:
        return all(_plain(a) for a in args)
    if origin is dict:
        return args[0] is str and _plain(args[1])
    return False


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Record)
