"""The records found, made into the board: each validated against its model (what it refuses is kept in custom
and reported), the board text rendered and loaded back, checked (dangling references, cycles, the matrix
against the dependency column), and counted.

The board text of an import: ``[board]``, then every record as its own table with its source line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import tomlkit
from pydantic import ValidationError

from readiness_tui.core.board.toml_edit import render_matrix, render_record
from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.merge import is_default, value_at
from readiness_tui.core.importers.assembly.result import (
    IMPORTED_KEY,
    ImportResult,
    Rec,
    encode_fingerprints,
    fingerprint,
    flatten_item,
    jsonable,
)
from readiness_tui.core.model.board import (
    Board,
    BoardMeta,
    Item,
)
from readiness_tui.core.model.record_base import Record
from readiness_tui.core.model.records import RECORD_MODELS

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore


def _validate_record(b: Builder, rec: Rec) -> dict[str, Any] | None:
    """Make a record valid for its model: fields the model refuses are moved to custom/notes."""
    model: type[Record] = RECORD_MODELS[rec.kind]
    values = dict(rec.values)
    for _ in range(len(values) + 1):
        try:
            model.model_validate(values)
            return values
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = [str(x) for x in err["loc"]]
            key = loc[0] if loc else ""
            if not key or key not in values or key in ("id", "item", "path", "text", "title"):
                b.warn(rec.line, f"{rec.kind} record dropped: {err['msg']} ({'.'.join(loc)})")
                return None
            bad = values.pop(key)
            if rec.kind == "items":
                values.setdefault("custom", {})[key] = bad if isinstance(bad, (str, int, float, list)) else str(bad)
            b.warn(rec.line, f"{values.get('id', rec.kind)}: {key} {bad!r} refused ({err['msg']}); kept in custom")
    return None


def _valid_records(b: Builder, recs: Iterable[Rec]) -> list[Rec]:
    """The records that validate (made valid by ``_validate_record``), in document order."""
    out: list[Rec] = []
    for rec in sorted(recs, key=lambda r: r.line):
        values = _validate_record(b, rec)
        if values is not None:
            rec.values = values
            out.append(rec)
    return out


def assemble(b: Builder) -> ImportResult:
    items = _valid_records(b, b.items.values())
    records = {kind: _valid_records(b, recs) for kind, recs in b.records.items()}
    meta = _board_meta(b)
    matrix = None
    if b.matrix:
        matrix = {"order": b.matrix[0], "rows": b.matrix[1]}
    imported: dict[str, dict[str, Any]] = {}
    for rec in items:
        dump = Item.model_validate(rec.values).model_dump(mode="json")
        # A field at the model's default needs no fingerprint: merge counts a default board value as
        # unedited and any other as edited, which is what the fingerprint of the default would say.
        values = {k: value_at(dump, k) for k in flatten_item(rec.values)}
        imported[rec.values["id"]] = {k: fingerprint(jsonable(v)) for k, v in values.items() if not is_default(k, v)}
    text = render_board(b.source, meta, items, records, matrix, imported)
    board = None
    try:
        from readiness_tui.core.board.store import BoardStore

        store = BoardStore.from_text(text, b.source)
        board = store.board
    except Exception as exc:  # noqa: BLE001 - report, never crash the import
        b.warn(0, f"the generated board does not load: {exc}")
    result = ImportResult(b.source, text, board, b.report, {}, imported, {r.values["id"]: r.line for r in items})
    if board is not None:
        _check(b, board)
        _lint_errors(b, store)
        result.report = b.report
    result.counts = _counts(b, board, items)
    result.numbered = {new: old for old, new in b.numbered.items()}
    return result


def _board_meta(b: Builder) -> dict[str, Any]:
    meta = dict(b.meta)
    meta.pop("h1", None)
    meta.setdefault("title", "Imported plan")
    try:
        BoardMeta.model_validate(meta)
    except ValidationError as exc:
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else ""
            if key in meta and key != "title":
                b.warn(0, f"board.{key} {meta[key]!r} refused ({err['msg']}); left out")
                meta.pop(key)
    return meta


#: Lint errors ``_check`` already reports in the import's own words (a reference kept as written, a cycle).
_CHECKED = frozenset({"unknown-dependency", "unknown-parent", "cycle", "matrix-disagrees"})


def _lint_errors(b: Builder, store: BoardStore) -> None:
    """What ``readiness lint`` would refuse in the board written (a duplicate id, an item without a title), so that
    an import never ends with a board that fails its first lint and a report that says nothing of it."""
    from readiness_tui.core.lint.run import lint_store

    for p in lint_store(store, levels={"error"}):
        if p.code in _CHECKED:
            continue
        what = f"{p.item}: " if p.item and p.item not in p.message else ""
        b.warn(0, f"the board written fails lint ({p.code}): {what}{p.message}")


def _check(b: Builder, board: Board) -> None:
    from readiness_tui.core.analysis.analyze import Analysis

    an = Analysis(board)
    known_items = set(an.items)
    for item, ref in an.unknown_dependencies:
        b.warn(0, f"{item} depends on {ref!r}, which names no item; kept as written")
    for it in board.items:
        for ref in it.soft_depends_on:
            if ref not in known_items:
                b.warn(0, f"{it.id}: soft dependency {ref!r} names no item; kept")
        if it.parent and it.parent not in known_items:
            b.warn(0, f"{it.id}: parent {it.parent!r} names no item; kept")
    for r in board.risks:
        for ref in r.mitigated_by:
            if ref not in known_items:
                b.warn(0, f"risk {r.id}: {ref!r} names no item; kept as written")
    for p in board.phases:
        for ref in p.items:
            if ref not in known_items:
                b.warn(0, f"phase {p.id}: {ref!r} names no item; kept as written")
    for cyc in an.cycles:
        b.warn(0, f"dependency cycle: {' -> '.join(cyc)}")
    if board.matrix:
        dis = an.matrix_disagreements
        if dis:
            for d in dis[:50]:
                b.warn(
                    b.matrix[2] if b.matrix else 0,
                    f"matrix says {d.row} {'depends' if d.recorded else 'does not depend'} on {d.col}; "
                    f"the dependency column says {'it does' if d.derived else 'it does not'}",
                )
        else:
            b.used(b.matrix[2] if b.matrix else 0, "dependency matrix agrees with the dependency column")


def _counts(b: Builder, board: Board | None, items: list[Rec]) -> dict[str, int]:
    if board is None:
        return {"items": 0}
    its = board.items
    unresolved = 0
    known = {i.id for i in its}
    for it in its:
        unresolved += sum(1 for d in it.depends_on if d not in known)
    for r in board.risks:
        unresolved += sum(1 for d in r.mitigated_by if d not in known)
    return {
        "items": len(its),
        "dependencies": sum(len(i.depends_on) for i in its),
        "soft_dependencies": sum(len(i.soft_depends_on) for i in its),
        "risks": len(board.risks),
        "risk_mappings": sum(len(r.mitigated_by) for r in board.risks),
        "statuses": sum(1 for i in its if i.id in b.status_stated or i.status != "todo"),
        "owners": sum(1 for i in its if i.owner),
        "priorities": sum(1 for i in its if i.priority),
        "verify_commands": sum(1 for i in its if i.gate and i.gate.verify),
        "evidence_paths": sum(len(i.gate.evidence) for i in its if i.gate),
        "estimates": sum(1 for i in its if i.estimate_days is not None),
        "targets": sum(1 for i in its if i.target),
        "phases": len(board.phases),
        "milestones": len(board.milestones),
        "waivers": len(board.waivers),
        "deliverables": len(board.deliverables),
        "progress": len(board.progress),
        "sections": len(board.sections),
        "unresolved_refs": unresolved,
        "matrix": 1 if board.matrix else 0,
    }


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


def render_item(values: dict[str, Any], imported: dict[str, Any] | None) -> str:
    # ``imported = {fp = "t:3fa2c1 s:0b1c2d"}`` comes last among the item's own keys, before any
    # ``[items.gate]`` sub-table (``imported`` is not in the reading order, so it is appended).
    own = {k: v for k, v in values.items() if k != IMPORTED_KEY}
    if imported:
        own[IMPORTED_KEY] = encode_fingerprints(imported)
    return render_record("items", own)


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
        out.append(render_matrix(matrix["order"], matrix["rows"]).rstrip("\n"))
        out.append("")
    return "\n".join(out)
