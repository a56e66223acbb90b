"""A record's JSON schema, by pydantic: the one module that imports it (``readiness schema``).

For each record class a pydantic model is built on first use from the class's own declaration
(its fields' types and defaults, its markers, its checks), under the record's own class name, and
pydantic writes its schema. Records are validated without it (``record_validation``, by
pydantic-core, from the same declaration); the tests hold the two to the same answers.
"""

from __future__ import annotations

import threading
import types
import typing
from typing import Any

import pydantic

from readiness_tui.core.model.record_class import Before, Check, Record
from readiness_tui.core.model.record_validation import taken_as_is


def json_schema(cls: type[Record]) -> dict[str, Any]:
    return pydantic_model(cls).model_json_schema()


#: The model built for each record class.
_MODEL_OF: dict[type, type[pydantic.BaseModel]] = {}


_BUILDING = threading.RLock()  # one model per class, built once, whichever thread asks first


def pydantic_model(cls: type[Record]) -> type[pydantic.BaseModel]:
    """pydantic's model of ``cls``: what writes the JSON schema, and what the tests hold
    ``record_validation`` to."""
    built = _MODEL_OF.get(cls)
    if built is None:
        with _BUILDING:
            built = _MODEL_OF.get(cls) or _build(cls)
    return built


def _build(cls: type[Record]) -> type[pydantic.BaseModel]:
    namespace: dict[str, Any] = {
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
        "__doc__": cls.__doc__,
        "__annotations__": {},
        "model_config": pydantic.ConfigDict(extra="allow", populate_by_name=True),
    }
    for name, info in cls.model_fields.items():
        hint = info.annotation
        if info.metadata:
            hint = typing.Annotated[(hint, *info.metadata)]
        namespace["__annotations__"][name] = _translate(hint)
        if info.default_factory is not None:
            namespace[name] = pydantic.Field(default_factory=info.default_factory)
        elif not info.is_required():
            namespace[name] = info.default
    for n, check in enumerate(cls.checks):
        namespace[f"_check_{n}"] = _validator(check)
    model = typing.cast(type[pydantic.BaseModel], type(cls.__name__, (pydantic.BaseModel,), namespace))
    _MODEL_OF[cls] = model
    return model


def _validator(check: Check) -> Any:
    if check.kind == "field":
        return pydantic.field_validator(*check.fields, mode=check.mode)(check.func)  # type: ignore[call-overload]
    return pydantic.model_validator(mode=check.mode)(check.func)  # type: ignore[call-overload]


def _translate(hint: Any) -> Any:
    """``hint`` with record classes replaced by their models and markers by pydantic's validators."""
    if isinstance(hint, type) and issubclass(hint, Record):
        # A record given where one is expected (``Board(items=[...])``) is taken as it is, as
        # pydantic takes an instance of a model.
        return typing.Annotated[pydantic_model(hint), pydantic.WrapValidator(taken_as_is(hint))]
    origin = typing.get_origin(hint)
    if origin is None:
        return hint
    args = typing.get_args(hint)
    if origin is typing.Annotated:
        base, *marks = args
        return typing.Annotated[(_translate(base), *(_marker(m) for m in marks))]
    if origin is typing.Literal:
        return hint
    new = tuple(_translate(a) for a in args)
    if new == args:
        return hint
    if origin in (typing.Union, types.UnionType):
        return typing.Union[new]  # noqa: UP007 - built from a tuple of types
    return origin[new]


def _marker(mark: Any) -> Any:
    if isinstance(mark, Before):
        return pydantic.BeforeValidator(mark.func)
    return mark
