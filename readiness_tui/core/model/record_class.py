"""The class every board record is: a plain object whose fields are declared once, as annotations.

Records were pydantic models. Importing pydantic and defining the models cost ~0.13 s of every
start (a third of a ``lint`` on a cached board, a fifth of the app's first paint), yet a command
that reads an unchanged board from the parse cache never validates anything. So a record is a
plain object here, and a validator is built only when a record is made from raw data
(``record_validation`` builds pydantic-core's schema from the same declaration on first use).
The API keeps pydantic's names (``model_validate``, ``model_dump``, ``model_copy``,
``model_fields``, ``model_extra``) and meaning, so the rest of the code and the audit trail see
the same values.

A record's fields live in its ``__dict__`` (a value a subclass caches there is never dumped, copied
or compared), the keys its data had that no field names in ``_extra`` (None when there were none).
A record is replaced, never changed, and so are its values: an edit makes a new list or dict,
never appends to the one a record holds (records loaded from the parse cache share their empty
ones, see ``cache_layout``).
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

_MISSING: Any = object()
_new = object.__new__
_set = object.__setattr__


class FieldInfo:
    """A declared field: its type (``Annotated`` markers apart, as pydantic reports it), its
    markers and its default."""

    __slots__ = ("annotation", "default", "default_factory", "metadata")

    def __init__(self, hint: Any, default: Any, factory: Callable[[], Any] | None) -> None:
        self.metadata: tuple[Any, ...] = ()
        if typing.get_origin(hint) is typing.Annotated:
            hint, *marks = typing.get_args(hint)
            self.metadata = tuple(marks)
        self.annotation = hint
        self.default = default
        self.default_factory = factory

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def get_default(self) -> Any:
        return self.default_factory() if self.default_factory is not None else self.default


class _Default:
    __slots__ = ("default", "factory")

    def __init__(self, default: Any, factory: Callable[[], Any] | None) -> None:
        self.default = default
        self.factory = factory


def Field(default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None) -> Any:  # noqa: N802
    """A field's default (``default_factory`` for a mutable one), as pydantic's ``Field`` gives it."""
    return _Default(default, default_factory)


class Check:
    """A validator declared on a record class (``field_validator`` / ``model_validator``)."""

    __slots__ = ("fields", "func", "kind", "mode")

    def __init__(self, kind: str, fields: tuple[str, ...], mode: str, func: Any) -> None:
        self.kind, self.fields, self.mode, self.func = kind, fields, mode, func


def field_validator(*fields: str, mode: str = "after") -> Callable[[Any], Any]:
    """A check of the named fields, run by pydantic as its ``field_validator`` is."""
    return lambda func: Check("field", fields, mode, func)


def model_validator(*, mode: str) -> Callable[[Any], Any]:
    """A check of the whole record, run by pydantic as its ``model_validator`` is."""
    return lambda func: Check("model", (), mode, func)


class Before:
    """A type's marker: ``func`` folds the raw value before the type checks it (pydantic's
    ``BeforeValidator``, named without importing pydantic)."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func


class ValidationError(ValueError):
    """What validating raw data found wrong: pydantic's errors, with their locations."""

    def __init__(self, text: str, errors: list[dict[str, Any]]) -> None:
        super().__init__(text)
        self._errors = errors

    def errors(self) -> list[dict[str, Any]]:
        return self._errors


class Record:
    """The base of every record: frozen unless its ``model_config`` says otherwise."""

    __slots__ = ("__dict__", "_extra")
    model_config: ClassVar[dict[str, Any]] = {"frozen": True}
    model_fields: ClassVar[dict[str, FieldInfo]] = {}
    checks: ClassVar[tuple[Check, ...]] = ()
    _extra: dict[str, Any] | None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        hints = typing.get_type_hints(cls, include_extras=True)
        inherited = {k: v for base in reversed(cls.__mro__[1:]) for k, v in getattr(base, "model_fields", {}).items()}
        fields: dict[str, FieldInfo] = {}
        for name, hint in hints.items():
            if name.startswith("_") or typing.get_origin(hint) is ClassVar or hint is ClassVar:
                continue
            if name not in cls.__dict__ and name in inherited:
                fields[name] = inherited[name]
                continue
            declared = cls.__dict__.get(name, _MISSING)
            if isinstance(declared, _Default):
                info = FieldInfo(hint, declared.default, declared.factory)
            else:
                info = FieldInfo(hint, declared, None)
            if declared is not _MISSING:
                delattr(cls, name)  # an unset field is an error, never the class's default
            fields[name] = info
        cls.model_fields = fields
        own = [v for v in cls.__dict__.values() if isinstance(v, Check)]
        cls.checks = (*cls.checks, *own)

    def __init__(self, /, **data: Any) -> None:
        made = type(self).model_validate(data)
        _set(self, "__dict__", made.__dict__)
        _set(self, "_extra", made._extra)

    @classmethod
    def model_validate(cls, data: Any) -> typing.Self:
        """The record of raw ``data`` (a mapping, as TOML gives it), checked and normalised;
        raises ``ValidationError``."""
        if isinstance(data, cls):
            return data
        return typing.cast(typing.Self, _validator()(cls, data))  # once per item of a cold load

    @classmethod
    def model_json_schema(cls) -> dict[str, Any]:
        from readiness_tui.core.model.record_schema import json_schema  # imports pydantic

        return json_schema(cls)

    @property
    def model_extra(self) -> dict[str, Any]:
        """The keys the record's data had that are not fields (an empty dict when none)."""
        return self._extra or {}

    def unknown_keys(self) -> list[str]:
        return sorted((self._extra or {}).keys())

    def __getattr__(self, name: str) -> Any:
        # Only reached when no field or attribute has the name: an unknown key of the data.
        if name != "_extra":
            extra = self._extra
            if extra and name in extra:
                return extra[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        # Records are replaced, never mutated: caches, undo snapshots and the write path rely on it.
        if self.model_config.get("frozen"):
            raise AttributeError(f"{type(self).__name__} is frozen: {name} cannot be set")
        if name in self.model_fields:
            self.__dict__[name] = value
        else:
            _set(self, "_extra", {**(self._extra or {}), name: value})

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        mine, theirs = self.__dict__, other.__dict__
        if not all(mine.get(k, _MISSING) == theirs.get(k, _MISSING) for k in self.model_fields):
            return False
        return (self._extra or {}) == (other._extra or {})

    def __hash__(self) -> int:
        if not self.model_config.get("frozen"):
            raise TypeError(f"unhashable type: {type(self).__name__!r}")
        return hash((type(self), *(self.__dict__[k] for k in self.model_fields)))

    def __repr__(self) -> str:
        shown = [f"{k}={self.__dict__.get(k)!r}" for k in self.model_fields]
        shown += [f"{k}={v!r}" for k, v in (self._extra or {}).items()]
        return f"{type(self).__name__}({', '.join(shown)})"

    def __getstate__(self) -> tuple[dict[str, Any], dict[str, Any] | None]:
        d = self.__dict__
        return {k: d[k] for k in self.model_fields if k in d}, self._extra

    def __setstate__(self, state: tuple[dict[str, Any], dict[str, Any] | None]) -> None:
        _set(self, "__dict__", state[0])
        _set(self, "_extra", state[1])

    def model_copy(self, *, update: dict[str, Any] | None = None) -> typing.Self:
        """A shallow copy, with the fields (or unknown keys) in ``update`` replaced, unchecked."""
        d = self.__dict__
        fields = {k: d[k] for k in self.model_fields}
        extra = dict(self._extra) if self._extra else None
        for k, v in (update or {}).items():
            if k in fields:
                fields[k] = v
            else:
                extra = {**(extra or {}), k: v}
        return typing.cast(typing.Self, made(type(self), fields, extra))

    def model_dump(
        self, *, mode: str = "python", exclude_defaults: bool = False, exclude: Iterable[str] | None = None
    ) -> dict[str, Any]:
        """The record as plain data, as pydantic dumps it (``mode="json"``: dates as ISO text)."""
        json = mode == "json"
        skip = frozenset(exclude or ())
        d = self.__dict__
        out: dict[str, Any] = {}
        # How each field is dumped is worked out once per class from its type (``_layout``): a
        # plain value is taken, a list of strings copied, with no call per value (a board's
        # history replays dump every item).
        for name, default, how in _layout(type(self)):
            v = d[name]
            if name in skip or (exclude_defaults and default is not _MISSING and _equal(v, default)):
                continue
            if how == _TAKE or v is None:
                out[name] = v
            elif how == _COPY_LIST:
                out[name] = list(v)
            elif how == _COPY_DICT:
                out[name] = dict(v)
            else:
                out[name] = _dump(v, json, exclude_defaults)
        if self._extra:
            for name, v in self._extra.items():
                if name not in skip:
                    out[name] = _dump(v, json, exclude_defaults)
        return out


_TAKE, _COPY_LIST, _COPY_DICT, _WALK = range(4)
_SCALARS = (str, int, float, bool, type(None))
_LAYOUTS: dict[type, tuple[tuple[str, Any, int], ...]] = {}


def _layout(cls: type[Record]) -> tuple[tuple[str, Any, int], ...]:
    """Each field of ``cls``: its name, its default (made once: only compared, never handed out)
    and how its value is dumped."""
    found = _LAYOUTS.get(cls)
    if found is None:
        found = _LAYOUTS[cls] = tuple(
            (name, _MISSING if info.is_required() else info.get_default(), _how(info.annotation))
            for name, info in cls.model_fields.items()
        )
    return found


def _how(hint: Any) -> int:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in _SCALARS or origin is typing.Literal:
        return _TAKE
    if origin in (typing.Union, types.UnionType) and all(
        a in _SCALARS or typing.get_origin(a) is typing.Literal for a in args
    ):
        return _TAKE
    if origin is list and args and args[0] is str:
        return _COPY_LIST
    if origin is dict and args and all(a in (str, int) for a in args):
        return _COPY_DICT
    return _WALK


def warm_steps() -> list[Callable[[], None]]:
    """Importing pydantic-core (~0.04 s), then building every record's validator (~6 ms in all),
    for the app to run while nobody types (``ui.idle_work``), so that its first edit does not wait
    for them."""
    import importlib

    from readiness_tui.core.model import board as model  # noqa: F401 - defines every record class

    def load_core() -> None:
        # Imported in a step, not here: importing record_validation imports pydantic-core.
        importlib.import_module(f"{__package__}.record_validation")

    def build_all() -> None:
        from readiness_tui.core.model.record_validation import prepare_one

        # Every record class there is, held by others or not: a few ms in all.
        kinds = Record.__subclasses__()
        for cls in kinds:
            kinds += cls.__subclasses__()
        for cls in kinds:
            prepare_one(cls)

    return [load_core, build_all]


@functools.cache
def _validator() -> Callable[[type[Record], Any], Any]:
    # pydantic-core is imported on the first validation, not with the records.
    from readiness_tui.core.model.record_validation import validate

    return validate


def made(cls: type[Any], fields: dict[str, Any], extra: dict[str, Any] | None) -> Any:
    """A record of ``cls`` holding ``fields`` (all of them) and ``extra``, as is: no checks."""
    obj = _new(cls)
    _set(obj, "__dict__", fields)
    _set(obj, "_extra", extra or None)
    return obj


def _equal(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _dump(v: Any, json: bool, exclude_defaults: bool) -> Any:
    t = type(v)
    if t in _SCALARS:
        return v
    if isinstance(v, Record):
        return v.model_dump(mode="json" if json else "python", exclude_defaults=exclude_defaults)
    if t is list or (json and t in (tuple, set, frozenset)):
        return [_dump(x, json, exclude_defaults) for x in v]
    if t is tuple:
        return tuple(_dump(x, json, exclude_defaults) for x in v)
    if t is dict:
        return {k: x if type(x) is str else _dump(x, json, exclude_defaults) for k, x in v.items()}
    if json and isinstance(v, (dt.date, dt.time)):
        return _iso(v)
    return v


def _iso(v: dt.date | dt.time) -> str:
    # As pydantic writes them: UTC as "Z".
    text = v.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
