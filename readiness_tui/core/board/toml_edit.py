"""Editing TOML values through tomlkit so that what the edit does not touch keeps its layout.

The store round-trips one segment at a time through these helpers (see ``board_text``); they also
write a new record's table from scratch.
"""

from __future__ import annotations

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
    """The TOML text of a new ``[[kind]]`` table, keys in reading order, sub-tables last."""
    import tomlkit

    order = ITEM_KEY_ORDER if kind == "items" else ()
    keys = [k for k in order if k in values] + [k for k in values if k not in order]
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
