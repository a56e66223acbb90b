"""Rules about risks: each is mitigated by real, live items (unique ids: ``records.duplicate_record_ids``)."""

from __future__ import annotations

from readiness_tui.core.lint.context import LintContext


def risks(ctx: LintContext) -> None:
    for n, rs in enumerate(ctx.analysis.risk_status):
        unknown = rs.unknown if ctx.wants("error") else []
        uncovered = rs.state == "uncovered" and ctx.wants("warning")
        if not unknown and not uncovered:
            continue  # no line looked up (the text is cut into segments for the first one)
        line = ctx.lines.record("risks", n, "mitigated_by")
        for ref in unknown:
            message = f"risk {rs.id} is mitigated by {ref!r}, which names no item"
            ctx.add("error", "unknown-item", message, line, rs.id, "mitigated_by")
        if uncovered:
            why = (
                "no item mitigates it"
                if not rs.mitigated_by
                else "every item that mitigated it is cancelled or unknown"
            )
            where = line or ctx.lines.record("risks", n)
            ctx.add("warning", "uncovered-risk", f"risk {rs.id}: {why}", where, rs.id, "mitigated_by")
