"""The board text of an import: ``[board]``, then every record as its own table with its source line."""

from __future__ import annotations

import json
from typing import Any

import tomlkit

from readiness_tui.core.board.toml_edit import render_record
from readiness_tui.core.importers.result import IMPORTED_KEY, Rec, encode_fingerprints

_KIND_ORDER = ("risks", "phases", "milestones", "waivers", "deliverables", "progress", "sections")


def _meta_text(meta: dict[str, Any]) -> str:
    doc = tomlkit.document()
    board = tomlkit.table()
    subtables = []
    for key, value in meta.items():
        if isinstance(value, dict):
            subtables.append((key, value))
        else:
            board[key] = value
    for key, value in subtables:
        sub = tomlkit.table()
        for k, v in value.items():
            if isinstance(v, list) and v and isinstance(v[0], dict):
                arr = tomlkit.array()
                arr.multiline(True)
                for d in v:
                    inline = tomlkit.inline_table()
                    inline.update(d)
                    arr.append(inline)
                sub[k] = arr
            else:
                sub[k] = v
        board[key] = sub
    doc["board"] = board
    return tomlkit.dumps(doc)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    # JSON string escapes are TOML's, except that JSON leaves DEL (U+007F) raw and TOML forbids it.
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")


def render_item(values: dict[str, Any], imported: dict[str, Any] | None) -> str:
    text = render_record("items", {k: v for k, v in values.items() if k != IMPORTED_KEY})
    if imported:
        # One line per item, ``imported = {fp = "t:3fa2c1 s:0b1c2d"}``, among the item's own keys (before any
        # ``[items.gate]`` sub-table). Written directly: tomlkit is slow per value.
        line = (
            f"{IMPORTED_KEY} = {{"
            + ", ".join(f"{k} = {_scalar(v)}" for k, v in encode_fingerprints(imported).items())
            + "}"
        )
        head, sep, tail = text.partition("\n[items.")
        text = head.rstrip("\n") + "\n" + line + "\n" + ("\n" + sep.lstrip("\n") + tail if sep else "")
    return text


def render_board(
    source: str,
    meta: dict[str, Any],
    items: list[Rec],
    records: dict[str, list[Rec]],
    matrix: dict[str, list[str]] | None,
    imported: dict[str, dict[str, Any]],
) -> str:
    out = ["#:schema ./board.schema.json", f"# Imported from {source} by `readiness import`.", ""]
    out.append(_meta_text(meta).rstrip("\n"))
    out.append("")
    for rec in items:
        out.append(f"# from {source} line {rec.line}")
        out.append(render_item(rec.values, imported.get(rec.values["id"])).rstrip("\n"))
        out.append("")
    for kind in _KIND_ORDER:
        for rec in records.get(kind, []):
            out.append(f"# from {source} line {rec.line}")
            out.append(render_record(kind, rec.values).rstrip("\n"))
            out.append("")
    if matrix:
        doc = tomlkit.document()
        tbl = tomlkit.table()
        tbl["order"] = matrix["order"]
        arr = tomlkit.array()
        arr.multiline(True)
        arr.extend(matrix["rows"])
        tbl["rows"] = arr
        doc["matrix"] = tbl
        out.append(tomlkit.dumps(doc).rstrip("\n"))
        out.append("")
    return "\n".join(out)
