"""Edits of the records other than items: risks, phases, milestones, waivers, deliverables,
progress notes, sections, the ``[board]`` table and the recorded matrix.

Each edit changes the board's text (one segment, through ``BoardText``) and its model together,
and refuses what would not validate; ``BoardStore`` calls these (``path``/``name``: its file and
the name its messages use) and re-indexes after them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from readiness_tui.core.board.parse import validation_message
from readiness_tui.core.board.segments import Segment
from readiness_tui.core.board.text import BoardText
from readiness_tui.core.board.toml_edit import render_matrix, render_record, setter
from readiness_tui.core.model.board import Board, BoardMeta, Matrix
from readiness_tui.core.model.problems import EditError
from readiness_tui.core.model.records import RECORD_KEYS, RECORD_MODELS, Change, field_changes


def add_record(board: Board, text: BoardText, kind: str, values: Mapping[str, Any], path: Path | None) -> Change:
    """Append a record of ``kind`` (not an item)."""
    model = RECORD_MODELS.get(kind)
    if model is None:
        raise EditError(f"unknown record kind {kind!r}", path)
    values = {k: v for k, v in values.items() if v is not None}
    try:
        record = model.model_validate(dict(values))
    except ValidationError as exc:
        raise EditError(validation_message(exc, kind), path) from None
    rows = getattr(board, kind)
    text.insert_record(kind, len(rows), render_record(kind, values))
    rows.append(record)
    key = str(values.get(RECORD_KEYS.get(kind, ""), len(rows) - 1))
    return Change(key, "*", None, record.model_dump(mode="json", exclude_defaults=True), kind=kind)


def set_record_fields(
    board: Board, text: BoardText, kind: str, index: int, values: Mapping[str, Any], path: Path | None, name: str
) -> list[Change]:
    model = RECORD_MODELS[kind]
    rows = getattr(board, kind)
    if not 0 <= index < len(rows):
        raise EditError(f"no {kind} row {index}", path)
    before = rows[index].model_dump(mode="json")
    seg_index = text.arrays[kind][index]
    snapshot = text.segments[seg_index]
    raw = text.edit_segment(seg_index, kind, setter(values), name)
    try:
        rows[index] = model.model_validate(raw)
    except ValidationError as exc:
        text.put(seg_index, snapshot)
        raise EditError(validation_message(exc, kind), path) from None
    after = rows[index].model_dump(mode="json")
    key = str(before.get(RECORD_KEYS.get(kind, ""), index))
    return field_changes(key, values, before, after, kind)


def remove_record(board: Board, text: BoardText, kind: str, index: int, path: Path | None) -> Change:
    rows = getattr(board, kind)
    if kind == "items" or not 0 <= index < len(rows):
        raise EditError(f"no {kind} row {index}", path)
    old = rows[index].model_dump(mode="json", exclude_defaults=True)
    text.delete(text.arrays[kind][index])
    del rows[index]
    return Change(str(old.get(RECORD_KEYS.get(kind, ""), index)), "*", old, None, kind=kind)


def set_board_fields(
    board: Board, text: BoardText, values: Mapping[str, Any], path: Path | None, name: str
) -> list[Change]:
    """Edit the ``[board]`` table (``scoring.max``, ``today`` ...), adding it when there is none."""
    before = board.board.model_dump(mode="json")
    if "board" not in text.tables:
        text.insert(text.first_table_index(), Segment("board", "[board]\n\n", 1, 1, False))
    seg_index = text.tables["board"]
    snapshot = text.segments[seg_index]
    raw = text.edit_segment(seg_index, "board", setter(values), name)
    try:
        board.board = BoardMeta.model_validate(raw)
    except ValidationError as exc:
        text.put(seg_index, snapshot)
        raise EditError(validation_message(exc, "board"), path) from None
    after = board.board.model_dump(mode="json")
    return field_changes("board", values, before, after, "board")


def set_matrix(board: Board, text: BoardText, order: list[str], rows: list[str]) -> None:
    """Record the dependency matrix (replacing the recorded one)."""
    matrix = Matrix(order=order, rows=rows)
    rendered = render_matrix(order, rows)
    if "matrix" in text.tables:
        at = text.tables["matrix"]
        old = text.segments[at]
        text.put(at, Segment("matrix", rendered + "\n", old.start_line, old.header_line, False))
    else:
        text.append(Segment("matrix", rendered, 1, 1, False))
    board.matrix = matrix


def put_matrix(board: Board, text: BoardText, matrix: Matrix, name: str, dropped: list[int]) -> Change:
    """Make ``matrix`` the recorded one, editing the ``[matrix]`` table in place so that the
    comments beside its rows (``# M-01``) stay; ``dropped``: the rows (of the recorded order)
    that left it. Returns the change the history records."""
    old = board.matrix
    at = text.tables["matrix"]

    def mutate(table: Any) -> None:
        if list(table.get("order", [])) != matrix.order:
            table["order"] = matrix.order
            rows = table["rows"]
            for n in sorted(dropped, reverse=True):
                del rows[n]
        rows = table["rows"]
        for n, row in enumerate(matrix.rows):
            if str(rows[n]) != row:
                rows[n] = row

    text.edit_segment(at, "matrix", mutate, name)
    board.matrix = matrix
    before = old.model_dump(mode="json") if old is not None else None
    return Change("matrix", "*", before, matrix.model_dump(mode="json"), kind="matrix")
