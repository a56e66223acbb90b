"""A declarative gate check (``[[items.gate.checks]]``): a rule over files the repo already has.

Each check names its ``kind`` and the file (or glob) it reads in ``path``; the other keys are the
kind's own (``KIND_KEYS``). A key of another kind is an error, not ignored: ``min_line`` on a junit
check would otherwise be dropped silently and the check pass without it. The checks themselves run
in ``core.gates.checks``; this module only says what a well-formed one is, so that a bad one is a
schema error located on its line like any other.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from readiness_tui.core.model.record_base import Record, StrList

CheckKind = Literal["file", "grep", "value", "junit", "coverage", "sarif", "fresh", "owner"]
CHECK_KINDS: tuple[str, ...] = ("file", "grep", "value", "junit", "coverage", "sarif", "fresh", "owner")
#: Comparison operators of a ``value`` check.
VALUE_OPS: tuple[str, ...] = ("==", "!=", ">=", ">", "<=", "<", "in", "contains", "matches")
SARIF_LEVELS: tuple[str, ...] = ("error", "warning", "note", "none")

#: The keys each kind reads beside ``kind``, ``path`` and ``name``.
KIND_KEYS: dict[str, frozenset[str]] = {
    "file": frozenset({"absent"}),
    "grep": frozenset({"contains", "not_contains", "matches"}),
    "value": frozenset({"query", "op", "value", "compare_as", "format"}),
    "junit": frozenset({"min_tests", "max_failures", "max_errors", "min_pass_rate"}),
    "coverage": frozenset({"min_line", "min_branch", "format"}),
    "sarif": frozenset({"levels", "rules", "min_security_severity", "max_results"}),
    "fresh": frozenset({"max_age_days"}),
    "owner": frozenset({"owner"}),
}
_ALL_KEYS = frozenset().union(*KIND_KEYS.values())


class Check(Record):
    kind: CheckKind
    #: The file or glob the check reads, relative to the repo root.
    path: str
    #: A label for the check in reasons ("unit tests"); the kind and path otherwise.
    name: str = ""
    absent: bool = False
    contains: str | None = None
    not_contains: str | None = None
    matches: str | None = None
    query: str | None = None
    op: str = "=="
    value: Any = None
    compare_as: Literal["number", "string", "version"] | None = None
    format: Literal["json", "yaml", "toml", "cobertura", "coverage-json", "lcov"] | None = None
    min_tests: int | None = Field(default=None, ge=0)
    max_failures: int = Field(default=0, ge=0)
    max_errors: int = Field(default=0, ge=0)
    min_pass_rate: float | None = Field(default=None, ge=0, le=100)
    min_line: float | None = Field(default=None, ge=0, le=100)
    min_branch: float | None = Field(default=None, ge=0, le=100)
    levels: StrList = Field(default_factory=lambda: ["error"])
    rules: StrList = Field(default_factory=list)
    min_security_severity: float | None = Field(default=None, ge=0, le=10)
    max_results: int = Field(default=0, ge=0)
    max_age_days: float | None = Field(default=None, gt=0)
    owner: str | None = None

    @field_validator("path")
    @classmethod
    def _path(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a check needs a path")
        return v.strip()

    @field_validator("levels")
    @classmethod
    def _levels(cls, v: list[str]) -> list[str]:
        bad = [x for x in v if x not in SARIF_LEVELS]
        if bad:
            raise ValueError(f"unknown SARIF level {bad[0]!r} (one of {', '.join(SARIF_LEVELS)})")
        return v

    @field_validator("op")
    @classmethod
    def _op(cls, v: str) -> str:
        if v not in VALUE_OPS:
            raise ValueError(f"unknown operator {v!r} (one of {' '.join(VALUE_OPS)})")
        return v

    @model_validator(mode="before")
    @classmethod
    def _own_keys(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        kind = data.get("kind")
        own = KIND_KEYS.get(kind) if isinstance(kind, str) else None
        if own is None:
            return data  # the Literal rejects the kind, naming the field
        foreign = sorted(k for k in data if k in _ALL_KEYS and k not in own)
        if foreign:
            raise ValueError(f"{foreign[0]!r} is not a key of a {kind} check (its keys: {', '.join(sorted(own))})")
        return data

    @model_validator(mode="after")
    def _complete(self) -> Check:
        kind = self.kind
        if kind == "grep":
            given = [k for k in ("contains", "not_contains", "matches") if getattr(self, k) is not None]
            if len(given) != 1:
                raise ValueError("a grep check needs exactly one of contains, not_contains, matches")
            if self.matches is not None:
                _regex(self.matches)
        elif kind == "value":
            if not self.query:
                raise ValueError("a value check needs a query (a JMESPath expression, e.g. 'engines.node')")
            _jmespath(self.query)
            if self.value is None:
                raise ValueError("a value check needs a value to compare with")
            if self.op == "matches":
                _regex(str(self.value))
            if self.format in ("cobertura", "coverage-json", "lcov"):
                raise ValueError(f"a value check reads json, yaml or toml, not {self.format}")
        elif kind == "coverage":
            if self.min_line is None and self.min_branch is None:
                raise ValueError("a coverage check needs min_line or min_branch (a percentage)")
            if self.format in ("json", "yaml", "toml"):
                raise ValueError(f"a coverage check reads cobertura, coverage-json or lcov, not {self.format}")
        elif kind == "fresh":
            if self.max_age_days is None:
                raise ValueError("a fresh check needs max_age_days")
        return self

    @property
    def label(self) -> str:
        return self.name or f"{self.kind} {self.path}"


def _regex(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from None


def _jmespath(query: str) -> None:
    import jmespath
    from jmespath.exceptions import JMESPathError

    try:
        jmespath.compile(query)
    except JMESPathError as exc:
        raise ValueError(f"bad JMESPath query {query!r}: {str(exc).splitlines()[0]}") from None
