"""Editing TOML values through tomlkit so that what the edit does not touch keeps its layout.

The store round-trips one segment at a time through these helpers (see ``board_text``); they also
write a new record's table from scratch.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from readiness_tui.core.model.records import ITEM_KEY_ORDER

#: A change to one tomlkit table, applied by ``BoardText.edit_segment``.
Mutation = Callable[[Any], None]


def keep_trailing_blank_lines(old: str, new: str) -> str:
    """tomlkit appends a new sub-table after the blank lines that separated this table from the
    next one; move that separation back to the end so the next table keeps its blank line."""
    old_tail = len(old) - len(old.rstrip("\n"))
    new_tail = len(new) - len(new.rstrip("\n"))
    if new_tail < old_tail:
        return new.rstrip("\n") + "\n" * old_tail
    return new


def plain(value: Any) -> Any:
    """tomlkit values to plain Python (for comparisons and change records)."""
    if hasattr(value, "unwrap"):
        return value.unwrap()
    return value


def toml_value(value: Any) -> Any:
    """A Python value as TOML should hold it: tuples as arrays, whole floats as integers."""
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def setter(values: Mapping[str, Any]) -> Mutation:
    """A segment mutation that sets each dotted field of ``values`` (``None`` removes it)."""

    def mutate(table: Any) -> None:
        for field, value in values.items():
            set_path(table, field.split("."), value)

    return mutate


def list_setter(key: str, values: list[str]) -> Mutation:
    """Make ``values`` the table's list ``key``, editing the existing array in place (removing what
    is gone, appending what is new) so that comments inside it survive."""

    def mutate(table: Any) -> None:
        arr = table.get(key) if key in table else None
        if not isinstance(arr, list):
            table[key] = values
            return
        for i in range(len(arr) - 1, -1, -1):
            if str(arr[i]) not in values:
                del arr[i]
        present = {str(x) for x in arr}
        for v in values:
            if v not in present:
                arr.append(v)

    return mutate


def set_path(table: Any, path: list[str], value: Any) -> None:
    import tomlkit

    for key in path[:-1]:
        if key not in table:
            if value is None:
                return
            table[key] = tomlkit.table()
        table = table[key]
    leaf = path[-1]
    if value is None:
        if leaf in table:
            del table[leaf]
        return
    value = toml_value(value)
    if isinstance(value, list) and leaf in table and isinstance(table[leaf], list):
        # Keep the existing array's formatting (one per line, comments) where the values allow.
        arr = table[leaf]
        old = [plain(x) for x in arr]
        if old == value:
            return
        kept = [x for x in old if x in value]
        if kept + [x for x in value if x not in old] == value:
            # Only removals and appends: edit in place, so a one-per-line array stays one per line.
            for i in range(len(arr) - 1, -1, -1):
                if plain(arr[i]) not in value:
                    del arr[i]
            for x in value[len(kept) :]:
                arr.append(x)
            return
        arr.clear()
        arr.extend(value)
        return
    was_multiline = leaf in table and is_multiline(table[leaf])
    if isinstance(value, str) and ("\n" in value or was_multiline):
        # Text of several lines is written as a ``"""`` string (and one stays one), instead of one
        # line full of \n escapes. TOML drops a newline right after the opening quotes: keep the
        # layout that had one.
        item = tomlkit.string(value, multiline=True)
        if was_multiline and table[leaf].as_string()[3:4] == "\n" and not value.startswith("\n"):
            body = item.as_string()
            item = tomlkit.parse(f"x = {body[:3]}\n{body[3:]}")["x"]
        table[leaf] = item
        return
    table[leaf] = value


def is_multiline(value: Any) -> bool:
    from tomlkit.items import String, StringType

    return isinstance(value, String) and value.type in (StringType.MLB, StringType.MLL)


def render_record(kind: str, values: Mapping[str, Any]) -> str:
    """The TOML text of a new ``[[kind]]`` table, keys in reading order, sub-tables last.

    The text is what tomlkit writes for such a table, assembled here line by line: building a
    tomlkit document per record was most of the time of importing a large plan. A record holding
    tables of tables (a gate's checks) is still written by tomlkit."""
    order = ITEM_KEY_ORDER if kind == "items" else ()
    keys = [k for k in order if k in values] + [k for k in values if k not in order]
    plain_values = {k: toml_value(values[k]) for k in keys}
    gate = plain_values.pop("gate", None)
    if not isinstance(gate, (dict, type(None))) or any(_is_table_array(v) for v in plain_values.values()):
        return _render_with_tomlkit(kind, keys, values)
    if gate is not None:
        gate = {k: toml_value(v) for k, v in gate.items()}
        if any(isinstance(v, dict) or _is_table_array(v) for v in gate.values()):
            return _render_with_tomlkit(kind, keys, values)
    lines = [f"[[{kind}]]"]
    lines.extend(f"{toml_key(k)} = {value_text(v)}" for k, v in plain_values.items())
    if gate is not None:
        if plain_values:
            lines.append("")
        lines.append(f"[{kind}.gate]")
        lines.extend(f"{toml_key(k)} = {value_text(v)}" for k, v in gate.items())
    return "\n".join(lines) + "\n"


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+\Z")


def toml_key(key: str) -> str:
    """A key as TOML writes it: bare where it can be, else quoted."""
    return key if _BARE_KEY.match(key) else value_text(key)


def value_text(value: Any) -> str:
    """One TOML value on one line, as tomlkit writes it: basic strings, inline arrays and tables."""
    if isinstance(value, str):
        # JSON's string escapes are TOML's, except that JSON leaves DEL (U+007F) raw.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(value_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {value_text(v)}" for k, v in value.items()) + "}"
    import tomlkit

    return str(tomlkit.item(value).as_string())  # dates and times


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _render_with_tomlkit(kind: str, keys: list[str], values: Mapping[str, Any]) -> str:
    import tomlkit

    table = tomlkit.table()
    subtables = []
    for key in keys:
        value = toml_value(values[key])
        if isinstance(value, dict) and key in ("gate",):
            subtables.append((key, value))
            continue
        if isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update(value)
            table[key] = inline
        else:
            table[key] = value
    for key, value in subtables:
        sub = tomlkit.table()
        for k, v in value.items():
            sub[k] = toml_value(v)
        table[key] = sub
    aot = tomlkit.aot()
    aot.append(table)
    doc = tomlkit.document()
    doc[kind] = aot
    return tomlkit.dumps(doc)


def render_matrix(order: list[str], rows: list[str]) -> str:
    """The TOML text of a ``[matrix]`` table, one row per line so diffs stay readable."""
    import tomlkit

    doc = tomlkit.document()
    tbl = tomlkit.table()
    tbl["order"] = order
    arr = tomlkit.array()
    arr.multiline(True)
    arr.extend(rows)
    tbl["rows"] = arr
    doc["matrix"] = tbl
    return tomlkit.dumps(doc)
