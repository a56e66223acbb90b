"""Derived facts the board also records by hand: which risks the items cover, and the dependency
matrix as ``depends_on`` says it against the ``[matrix]`` a plan recorded."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from readiness_tui.core.model.board import Item, Matrix, Risk

#: A risk's coverage states, worst first: the order every surface counts and lists them in.
RISK_STATES = ("uncovered", "open", "in_progress", "mitigated")


@dataclass
class RiskStatus:
    id: str
    title: str
    mitigated_by: list[str]
    unknown: list[str]
    state: str  # one of RISK_STATES


@dataclass
class MatrixDisagreement:
    row: str
    col: str
    recorded: int
    derived: int


def risk_status(risks: Iterable[Risk], items: Mapping[str, Item]) -> list[RiskStatus]:
    """Each risk's coverage: uncovered (no live mitigating item), open, in progress or mitigated."""
    out = []
    for r in risks:
        known = [i for i in r.mitigated_by if i in items]
        unknown = [i for i in r.mitigated_by if i not in items]
        live = [i for i in known if items[i].status != "cancelled"]
        if not live:
            state = "uncovered"
        elif all(items[i].status == "done" for i in live):
            state = "mitigated"
        elif any(items[i].status in ("in_progress", "review", "done") for i in live):
            state = "in_progress"
        else:
            state = "open"
        out.append(RiskStatus(r.id, r.title, r.mitigated_by, unknown, state))
    return out


def derived_matrix(items: Mapping[str, Item], order: list[str]) -> list[list[int]]:
    """``rows[r][c] == 1`` when ``order[r]`` depends on ``order[c]``."""
    pos = {i: n for n, i in enumerate(order)}
    rows = [[0] * len(order) for _ in order]
    for r, rid in enumerate(order):
        it = items.get(rid)
        if it is None:
            continue
        for d in it.depends_on:
            if d in pos:
                rows[r][pos[d]] = 1
    return rows


def matrix_disagreements(matrix: Matrix | None, items: Mapping[str, Item]) -> list[MatrixDisagreement]:
    """Cells where the recorded matrix and ``depends_on`` disagree."""
    if matrix is None or not matrix.order:
        return []
    recorded = matrix.cells()
    out = []
    for rid in matrix.order:
        it = items.get(rid)
        deps = set(it.depends_on) if it else set()
        for cid in matrix.order:
            rec = (rid, cid) in recorded
            der = cid in deps
            if rec != der:
                out.append(MatrixDisagreement(rid, cid, int(rec), int(der)))
    return out


def matrix_in_step(
    matrix: Matrix,
    items: Mapping[str, Item],
    keep: set[tuple[str, str]] | None = None,
    renamed: Mapping[str, str] | None = None,
    removed: Iterable[str] = (),
) -> Matrix | None:
    """The recorded matrix after an edit of ``depends_on``, or None when it needs no change.

    Ids renamed by the edit are renamed in its order, and ids it removed leave it (rows and
    columns), so the matrix never names what is gone. Every cell then says what ``depends_on``
    says, except the cells in ``keep``: those that already disagreed before the edit, which is the
    recorder's business (lint names them), not this edit's.
    """
    renamed = renamed or {}
    gone = set(removed)
    old_order = [renamed.get(i, i) for i in matrix.order]
    kept = [n for n, i in enumerate(old_order) if i not in gone or i in items]
    order = [old_order[n] for n in kept]
    recorded = [row.replace(" ", "") for row in matrix.rows]
    keep = {(renamed.get(r, r), renamed.get(c, c)) for r, c in keep or set()}
    rows = []
    for r in kept:
        rid = old_order[r]
        deps = set(items[rid].depends_on) if rid in items else set()
        cells = []
        for c in kept:
            cid = old_order[c]
            cell = recorded[r][c]
            if (rid, cid) not in keep:
                cell = "1" if cid in deps else "0"
            cells.append(cell)
        row = "".join(cells)
        # An unchanged row keeps the way it was written (spaces between cells, say).
        rows.append(matrix.rows[r] if row == recorded[r] and len(kept) == len(old_order) else row)
    if order == matrix.order and rows == matrix.rows:
        return None
    return Matrix(order=order, rows=rows)
