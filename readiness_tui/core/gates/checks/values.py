"""``value`` checks: a value in a JSON, YAML or TOML file, found by a JMESPath query and compared
with a number, a string, a version or a list (``slo.yaml`` ``availability >= 99.9``,
``package.json`` ``engines.node >= 20``)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jmespath
import yaml
from jmespath.exceptions import JMESPathError
from packaging.version import InvalidVersion, Version

from readiness_tui.core.gates.checks.base import CheckError, CheckFailed, one_file, read_text
from readiness_tui.core.model.check_model import Check

_SUFFIX_FORMAT = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml"}
#: The first version-looking run in a string: ``>=20.11 <23`` reads as 20.11.
_VERSION = re.compile(r"\d+(?:\.\d+)*")


def load_document(rel: str, path: Path, fmt: str | None) -> Any:
    kind = fmt or _SUFFIX_FORMAT.get(path.suffix.lower())
    if kind is None:
        raise CheckError(f'{rel}: cannot tell its format from the name; add format = "json", "yaml" or "toml"')
    text = read_text(rel, path)
    try:
        if kind == "json":
            return json.loads(text)
        if kind == "toml":
            return tomllib.loads(text)
        # safe_load builds plain values only (no Python objects from tags).
        return yaml.safe_load(text)
    except json.JSONDecodeError as exc:
        raise CheckError(f"{rel}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except tomllib.TOMLDecodeError as exc:
        raise CheckError(f"{rel}: not valid TOML: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CheckError(f"{rel}{where}: not valid YAML: {problem}") from None


def value_check(root: Path, check: Check) -> str:
    rel, path = one_file(root, check.path)
    doc = load_document(rel, path, check.format)
    query = check.query or ""
    try:
        actual = jmespath.search(query, doc)
    except JMESPathError as exc:
        raise CheckError(f"{rel}: query {query!r} failed: {exc}") from None
    if actual is None:
        raise CheckFailed(f"{query} not set in {rel}")
    ok, shown = compare(actual, check.op, check.value, check.compare_as, f"{query} in {rel}")
    text = f"{query} = {shown} {'' if ok else 'not '}{check.op} {_show(check.value)} ({rel})"
    if not ok:
        raise CheckFailed(text)
    return text


def compare(actual: Any, op: str, expected: Any, compare_as: str | None, where: str) -> tuple[bool, str]:
    """Whether ``actual op expected`` holds, and ``actual`` as the reason shows it. ``compare_as``
    (else inferred: a number when ``expected`` is one) says how; a value that cannot be read so is
    a ``CheckError`` naming ``where``."""
    if op == "contains":
        if not isinstance(actual, (list, str)):
            raise CheckError(f"{where} is {_show(actual)}, not a list or text to look in")
        return expected in actual, _show(actual)
    if op == "in":
        if not isinstance(expected, list):
            raise CheckError(f"'in' needs a list to compare {where} with, got {_show(expected)}")
        return actual in expected, _show(actual)
    if op == "matches":
        return re.search(str(expected), str(actual)) is not None, _show(actual)
    how = compare_as or _infer(actual, op, expected)
    if isinstance(expected, list) or isinstance(actual, (list, dict)):
        if op not in ("==", "!="):
            raise CheckError(f"{where} is {_show(actual)}: {op} compares numbers, versions or text")
        return (actual == expected) == (op == "=="), _show(actual)
    a: Any
    e: Any
    if how == "number":
        a, e = _number(actual, where), _number(expected, "the check's value")
    elif how == "version":
        a, e = _version(actual, where), _version(expected, "the check's value")
    else:
        a, e = str(actual), str(expected)
    result = {
        "==": a == e,
        "!=": a != e,
        ">=": a >= e,
        ">": a > e,
        "<=": a <= e,
        "<": a < e,
    }[op]
    return result, _show(actual)


def _infer(actual: Any, op: str, expected: Any) -> str:
    """Numbers when both read as numbers; versions for an ordering of version-looking text
    (``engines.node = ">=20.11"`` against 20); else text."""
    if _is_number(expected) and (_is_number(actual) or _numeric_text(actual)):
        return "number"
    if op not in ("==", "!=") and _versiony(str(actual)) and _versiony(str(expected)):
        return "version"
    return "number" if _is_number(expected) else "string"


def _numeric_text(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        float(v.strip().rstrip("%"))
    except ValueError:
        return False
    return True


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _versiony(v: Any) -> bool:
    return isinstance(v, str) and _VERSION.search(v) is not None


def _number(v: Any, where: str) -> float:
    if _is_number(v):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.strip().rstrip("%"))
        except ValueError:
            pass
    raise CheckError(f"{where} is {_show(v)}, not a number")


def _version(v: Any, where: str) -> Version:
    m = _VERSION.search(str(v)) if not isinstance(v, (list, dict, bool)) else None
    if m is None:
        raise CheckError(f"{where} is {_show(v)}, not a version")
    try:
        return Version(m.group(0))
    except InvalidVersion:
        raise CheckError(f"{where} is {_show(v)}, not a version") from None


def _show(v: Any) -> str:
    text = json.dumps(v, default=str) if not isinstance(v, str) else repr(v)
    return text if len(text) <= 60 else text[:57] + "..."
