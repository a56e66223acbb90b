"""Validating raw data into records, by pydantic-core (the validator pydantic itself runs).

For each record class a core schema is built on first use from the class's own declaration (its
fields' types and defaults, its markers, its checks), shaped as pydantic builds one for a model,
so the rules are written once, on the record, and the errors, their locations and messages are
pydantic's word for word. The schema's last step makes the record itself: nested records come out
as records, with no model class in between.

pydantic itself is not imported here: importing it and building its models cost a ``set`` on an
unchanged board ~0.1 s more than pydantic-core's schemas do. It is imported only for the JSON
schema (``record_schema``).
"""

from __future__ import annotations

import datetime as dt
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic_core import SchemaValidator
from pydantic_core import ValidationError as CoreValidationError
from pydantic_core import core_schema as cs

from readiness_tui.core.model.record_class import Before, Check, Record, ValidationError, made


def validate(cls: type[Record], data: Any) -> Any:
    """The record of ``cls`` for raw ``data``; raises ``ValidationError``."""
    try:
        return _validator(cls).validate_python(data)
    except CoreValidationError as exc:
        raise ValidationError(str(exc), [dict(e) for e in exc.errors()]) from None


def prepare_one(cls: type[Record]) -> None:
    """Build the validator of ``cls`` now, before it is needed."""
    _validator(cls)


_VALIDATORS: dict[type, SchemaValidator] = {}
_BUILDING = threading.RLock()  # the app validates in threads: one validator per class, built once


def _validator(cls: type[Record]) -> SchemaValidator:
    built = _VALIDATORS.get(cls)
    if built is None:
        with _BUILDING:
            built = _VALIDATORS.get(cls)
            if built is None:
                built = _VALIDATORS[cls] = SchemaValidator(_record_schema(cls), cs.CoreConfig(title=cls.__name__))
    return built


def built() -> list[type[Record]]:
    """The record classes whose validator is built (what a process has validated, or prepared)."""
    return list(_VALIDATORS)


def _record_schema(cls: type[Record]) -> cs.CoreSchema:
    """What pydantic builds for a model: each field's type under its markers, its field checks and
    its default; the model's "before" checks around the fields; then the record is made and its
    "after" checks see it."""
    fields: dict[str, cs.ModelField] = {}
    for name, info in cls.model_fields.items():
        schema = _marked(_type_schema(info.annotation), info.metadata)
        for check in cls.checks:
            if check.kind == "field" and name in check.fields:
                schema = _checked(check, cls, schema)
        if info.default_factory is not None:
            schema = cs.with_default_schema(schema, default_factory=info.default_factory)
        elif not info.is_required():
            schema = cs.with_default_schema(schema, default=info.default)
        fields[name] = cs.model_field(schema)
    schema = cs.model_fields_schema(fields, model_name=cls.__name__, extra_behavior="allow")
    for check in cls.checks:
        if check.kind == "model" and check.mode == "before":
            schema = _checked(check, cls, schema)
    schema = cs.no_info_after_validator_function(_maker(cls), schema)
    # A record given where one is expected (``Board(items=[...])``) is taken as it is, as pydantic
    # takes an instance of a model.
    return cs.no_info_wrap_validator_function(taken_as_is(cls), schema)


def _marked(schema: cs.CoreSchema, marks: typing.Iterable[Any]) -> cs.CoreSchema:
    """``schema`` under a type's ``Before`` markers, as pydantic puts its ``BeforeValidator``s."""
    for mark in marks:
        if isinstance(mark, Before):
            schema = cs.no_info_before_validator_function(mark.func, schema)
    return schema


def _checked(check: Check, cls: type[Record], schema: cs.CoreSchema) -> cs.CoreSchema:
    func = check.func.__get__(None, cls)  # the classmethod, bound as pydantic binds it
    if check.mode == "before":
        return cs.no_info_before_validator_function(func, schema)
    return cs.no_info_after_validator_function(func, schema)


def _maker(cls: type[Record]) -> Callable[[Any], Any]:
    after = [c.func for c in cls.checks if c.kind == "model" and c.mode == "after"]

    def make(validated: tuple[Any, ...]) -> Any:
        record = made(cls, validated[0], validated[1])
        for func in after:
            record = func(record)
        return record

    return make


def taken_as_is(cls: type[Record]) -> Callable[[Any, Any], Any]:
    """A wrap validator: a record of ``cls`` as it is, anything else validated."""

    def wrap(value: Any, handler: Any) -> Any:
        return value if isinstance(value, cls) else handler(value)

    return wrap


_SCALAR_SCHEMAS: dict[Any, Callable[[], cs.CoreSchema]] = {
    str: cs.str_schema,
    int: cs.int_schema,
    float: cs.float_schema,
    bool: cs.bool_schema,
    dt.date: cs.date_schema,
    Any: cs.any_schema,
}


def _type_schema(hint: Any) -> cs.CoreSchema:
    """The core schema pydantic makes of ``hint`` (the types records declare; any other is refused
    here, when the validator is built, rather than validated some other way)."""
    if isinstance(hint, type) and issubclass(hint, Record):
        return _record_schema(hint)
    scalar = _SCALAR_SCHEMAS.get(hint)
    if scalar is not None:
        return scalar()
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return cs.literal_schema(list(args))
    if origin is typing.Annotated:
        return _marked(_type_schema(args[0]), args[1:])
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1 and len(args) == 2:
            return cs.nullable_schema(_type_schema(rest[0]))
    if origin is list and len(args) == 1:
        return cs.list_schema(_type_schema(args[0]))
    if origin is dict and len(args) == 2:
        return cs.dict_schema(_type_schema(args[0]), _type_schema(args[1]))
    raise TypeError(f"a record field of type {hint!r} has no validator here (record_validation)")
