"""Rules about ``depends_on``: every reference names an item, no cycles, and statuses and targets
that cannot hold given what an item waits on."""

from __future__ import annotations

from collections import Counter

from readiness_tui.core.lint.context import LintContext, reports


def references(ctx: LintContext) -> None:
    a = ctx.analysis
    for item_id, ref in a.unknown_dependencies:
        from difflib import get_close_matches  # a wrong id's hint: a sound board never gets here

        hint = get_close_matches(ref, list(a.items), n=1)
        more = f" (did you mean {hint[0]}?)" if hint else ""
        if ".." in ref:
            more = " (ranges must be expanded into ids)"
        ctx.item("error", "unknown-dependency", item_id, f"depends on {ref!r}, which names no item{more}", "depends_on")
    duplicates = ctx.wants("warning")  # not looked for by a lint that would drop them
    for it in a.items.values():
        deps = it.depends_on
        if deps:
            if it.id in deps:
                ctx.item("error", "self-dependency", it.id, "depends on itself", "depends_on")
            if duplicates and len(deps) > 1 and len(set(deps)) != len(deps):
                dup = [d for d, c in Counter(deps).items() if c > 1]
                ctx.item(
                    "warning", "duplicate-dependency", it.id, f"lists {', '.join(dup)} more than once", "depends_on"
                )
        for ref in it.soft_depends_on:
            if ref not in a.items:
                ctx.item(
                    "error", "unknown-dependency", it.id, f"soft dependency {ref!r} names no item", "soft_depends_on"
                )


def cycles(ctx: LintContext) -> None:
    for cycle in ctx.analysis.cycles:
        if len(cycle) == 2 and cycle[0] == cycle[1]:
            continue  # reported as self-dependency
        ctx.item("error", "cycle", cycle[0], f"dependency cycle {' -> '.join(cycle)}", "depends_on")


@reports("warning", "info")
def statuses_and_targets(ctx: LintContext) -> None:
    """What an item's status or target says against its dependencies'."""
    a = ctx.analysis
    items = a.items
    for it in items.values():
        deps = it.depends_on
        status = it.status
        if deps and status == "done":
            open_deps = [d for d in deps if d in items and not a.is_satisfied(d)]
            if open_deps:
                ctx.item(
                    "warning",
                    "done-before-dependency",
                    it.id,
                    f"is done but depends on open {', '.join(open_deps)}",
                    "status",
                )
        elif deps and status != "cancelled":
            cancelled = [d for d in deps if d in items and items[d].status == "cancelled"]
            if cancelled:
                ctx.item(
                    "warning",
                    "depends-on-cancelled",
                    it.id,
                    f"depends on cancelled {', '.join(cancelled)}",
                    "depends_on",
                )
            # A dependency due after the item itself cannot be met.
            due = it.due
            if due:
                late = [d for d in deps if d in items and (dep_due := items[d].due) and dep_due > due]
                if late:
                    ctx.item(
                        "warning",
                        "target-before-dependency",
                        it.id,
                        f"target {it.target} is before the target of {', '.join(late)}",
                        "target",
                    )
        if status == "blocked" and not a.open_dependencies(it.id):
            ctx.item(
                "info", "blocked-without-dependency", it.id, "is marked blocked but no dependency is open", "status"
            )
