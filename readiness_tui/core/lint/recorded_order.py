"""Rules about the order a board records besides ``depends_on`` (the ``[matrix]`` and
``suggested_order``): each must name real items and agree with the dependencies."""

from __future__ import annotations

from readiness_tui.core.lint.context import LintContext


def matrix(ctx: LintContext) -> None:
    recorded = ctx.board.matrix
    if recorded is None:
        return
    for ref in recorded.order:
        if ref not in ctx.analysis.items:
            line = ctx.lines.table("matrix", "order")
            message = f"matrix order names {ref!r}, which names no item"
            ctx.add("error", "unknown-item", message, line, ref, "matrix.order")
    for dis in ctx.analysis.matrix_disagreements:
        says = "depends" if dis.recorded else "does not depend"
        message = f"recorded matrix says {dis.row} {says} on {dis.col}; depends_on says otherwise"
        ctx.add("error", "matrix-disagrees", message, ctx.lines.table("matrix", "rows"), dis.row, "depends_on")


def suggested_order(ctx: LintContext) -> None:
    order = ctx.board.board.suggested_order
    if not order:
        return
    items = ctx.analysis.items
    line = ctx.lines.table("board", "suggested_order")
    for ref in order:
        if ref not in items:
            message = f"suggested_order names {ref!r}, which names no item"
            ctx.add("error", "unknown-item", message, line, ref, "suggested_order")
    where = {i: n for n, i in enumerate(order)}
    for it in items.values():
        for d in it.depends_on:
            if it.id in where and d in where and where[d] > where[it.id]:
                message = f"suggested_order puts {it.id} before its dependency {d}"
                ctx.add("error", "order-violates-dependency", message, line, it.id, "suggested_order")
