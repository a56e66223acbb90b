"""Records as flat dotted fields, and writing fields back into a segment's text with tomlkit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from readiness_tui.core.board.toml_edit import set_path, toml_value

if TYPE_CHECKING:
    from readiness_tui.core.board.segments import Segment
    from readiness_tui.core.gitmerge.board import Conflict


def flatten(row: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"gate": {"verify": "x"}}`` -> ``{"gate.verify": "x"}``; arrays and empty tables are leaves."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        name = f"{prefix}{k}"
        if isinstance(v, dict) and v:
            out.update(flatten(v, name + "."))
        else:
            out[name] = v
    return out


def apply_fields(seg: Segment, values: Mapping[str, Any]) -> str:
    """The segment's text with each dotted field set (``None`` removes it); other lines kept as they are."""
    import tomlkit

    doc = tomlkit.parse(seg.text)
    if not seg.kind:
        table: Any = doc
    else:
        table = doc[seg.kind][0] if seg.is_array else doc[seg.kind]
    for name, value in values.items():
        set_path(table, name.split("."), value)
    new = tomlkit.dumps(doc)
    # tomlkit puts a new sub-table after the trailing blank lines; keep the separation at the end.
    old_tail = len(seg.text) - len(seg.text.rstrip("\n"))
    if len(new) - len(new.rstrip("\n")) < old_tail:
        new = new.rstrip("\n") + "\n" * old_tail
    return new


def render_conflicts(conflicts: list[Conflict], ours_name: str, theirs_name: str) -> str:
    """``[[conflicts]]`` records for the end of a board; an absent value is an absent key."""
    import tomlkit

    doc = tomlkit.document()
    aot = tomlkit.aot()
    for c in conflicts:
        t = tomlkit.table()
        t["kind"] = c.kind
        t["id"] = c.id
        t["field"] = c.field
        t["ours_side"] = ours_name
        t["theirs_side"] = theirs_name
        for name in ("ours", "theirs", "base"):
            value = getattr(c, name)
            if value is not None:
                t[name] = toml_value(value)
        aot.append(t)
    doc["conflicts"] = aot
    text = tomlkit.dumps(doc)
    return text
