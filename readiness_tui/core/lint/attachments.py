"""Rules about records attached to an item: waivers (they must expire, and are flagged as they do)
and deliverables."""

from __future__ import annotations

from readiness_tui.core.lint.context import LintContext

#: A waiver this many days or fewer from its expiry is flagged, so it is renewed or the gate fixed.
WAIVER_WARN_DAYS = 7


def waivers(ctx: LintContext) -> None:
    items = ctx.analysis.items
    today = ctx.analysis.today
    for n, w in enumerate(ctx.board.waivers):
        if w.item not in items:
            line = ctx.lines.record("waivers", n, "item")
            ctx.add("error", "unknown-item", f"waiver for {w.item!r}, which names no item", line, w.item, "item")
        if w.expires is None:
            message = f"waiver for {w.item} has no expiry date, so it waives nothing"
            ctx.add("error", "waiver-without-expiry", message, ctx.lines.record("waivers", n), w.item, "expires")
        elif not ctx.wants("warning"):
            continue  # what follows is warnings: no line looked up for them
        elif w.expires <= today:
            line = ctx.lines.record("waivers", n, "expires")
            ctx.add("warning", "waiver-expired", f"waiver for {w.item} expired on {w.expires}", line, w.item, "expires")
        elif (w.expires - today).days <= WAIVER_WARN_DAYS:
            message = f"waiver for {w.item} expires on {w.expires}"
            ctx.add("warning", "waiver-expiring", message, ctx.lines.record("waivers", n, "expires"), w.item, "expires")


def deliverables(ctx: LintContext) -> None:
    for n, dlv in enumerate(ctx.board.deliverables):
        if dlv.item and dlv.item not in ctx.analysis.items:
            line = ctx.lines.record("deliverables", n, "item")
            message = f"deliverable {dlv.path} belongs to {dlv.item!r}, which names no item"
            ctx.add("error", "unknown-item", message, line, dlv.item, "item")
