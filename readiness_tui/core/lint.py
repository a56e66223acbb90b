"""``readiness lint``: every problem of a board, each with the file line it is about."""

from __future__ import annotations

import difflib
from collections import Counter
from pathlib import Path

from .analysis import Analysis
from .gates.paths import evidence_problem, root_problem
from .model import CLOSED, Item
from .problems import BoardError, Problem, Problems
from .store import BoardStore
from .views import view_problems

_ITEM_FIELDS = set(Item.model_fields)
WAIVER_WARN_DAYS = 7


def lint_store(store: BoardStore, analysis: Analysis | None = None) -> Problems:
    board = store.board
    a = analysis or Analysis(board)
    lines = store.line_index()
    name = store.name
    out = Problems()
    pos: dict[str, int] = {}
    for n, it in enumerate(board.items):
        pos.setdefault(it.id, n)

    def item_problem(
        level: str, code: str, item_id: str, msg: str, field: str | None = None, index: int | None = None
    ) -> None:
        idx = pos.get(item_id) if index is None else index
        line = lines.record("items", idx, field) if idx is not None else None
        out.add(Problem(level, code, f"{item_id}: {msg}", name, line, None, item_id, field))  # type: ignore[arg-type]

    # ids -----------------------------------------------------------------------
    seen: dict[str, int] = {}
    for n, it in enumerate(board.items):
        if it.id in seen:
            item_problem(
                "error",
                "duplicate-id",
                it.id,
                f"id also used by the item on line {lines.record('items', seen[it.id])}",
                "id",
                n,
            )
        else:
            seen[it.id] = n

    # gate paths (issue 13): one rule with check and the app, in core.gates.paths -------------
    if store.path is not None:
        why = root_problem(store.path, board.board.repo_root)
        if why:
            line = lines.table("board", "repo_root")
            out.add(Problem("error", "repo-root-outside", why, name, line, None, None, "repo_root"))
    for n, it in enumerate(board.items):
        for pat in it.gate.evidence if it.gate else []:
            why = evidence_problem(pat)
            if why:
                item_problem("error", "evidence-outside", it.id, f"evidence {why}", "evidence", n)
    for it in board.items:
        if not it.title.strip():
            item_problem("error", "missing-title", it.id, "has no title", "title")

    # dependencies ---------------------------------------------------------------
    for item_id, ref in a.unknown_dependencies:
        hint = difflib.get_close_matches(ref, list(a.items), n=1)
        more = f" (did you mean {hint[0]}?)" if hint else ""
        if ".." in ref:
            more = " (ranges must be expanded into ids)"
        item_problem(
            "error", "unknown-dependency", item_id, f"depends on {ref!r}, which names no item{more}", "depends_on"
        )
    for it in a.items.values():
        if it.id in it.depends_on:
            item_problem("error", "self-dependency", it.id, "depends on itself", "depends_on")
        dup = (
            [d for d, c in Counter(it.depends_on).items() if c > 1]
            if len(set(it.depends_on)) != len(it.depends_on)
            else None
        )
        if dup:
            item_problem(
                "warning", "duplicate-dependency", it.id, f"lists {', '.join(dup)} more than once", "depends_on"
            )
        for ref in it.soft_depends_on:
            if ref not in a.items:
                item_problem(
                    "error", "unknown-dependency", it.id, f"soft dependency {ref!r} names no item", "soft_depends_on"
                )
    for cycle in a.cycles:
        if len(cycle) == 2 and cycle[0] == cycle[1]:
            continue  # reported as self-dependency
        item_problem("error", "cycle", cycle[0], f"dependency cycle {' -> '.join(cycle)}", "depends_on")
    items = a.items
    for it in items.values():
        deps = it.depends_on
        status = it.status
        if deps:
            if status == "done":
                open_deps = [d for d in deps if d in items and not a.is_satisfied(d)]
                if open_deps:
                    item_problem(
                        "warning",
                        "done-before-dependency",
                        it.id,
                        f"is done but depends on open {', '.join(open_deps)}",
                        "status",
                    )
            elif status != "cancelled":
                cancelled = [d for d in deps if d in items and items[d].status == "cancelled"]
                if cancelled:
                    item_problem(
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
                        item_problem(
                            "warning",
                            "target-before-dependency",
                            it.id,
                            f"target {it.target} is before the target of {', '.join(late)}",
                            "target",
                        )
        if status == "blocked" and not a.open_dependencies(it.id):
            item_problem(
                "info", "blocked-without-dependency", it.id, "is marked blocked but no dependency is open", "status"
            )

    # parents, phases, milestones ----------------------------------------------
    phase_ids = {p.id for p in board.phases}
    phase_pos = {p.id: n for n, p in enumerate(board.phases)}
    milestone_ids = {m.id for m in board.milestones}
    for it in a.items.values():
        if it.parent is not None:
            if it.parent not in a.items:
                item_problem("error", "unknown-parent", it.id, f"parent {it.parent!r} names no item", "parent")
            elif it.parent == it.id:
                item_problem("error", "parent-cycle", it.id, "is its own parent", "parent")
        if it.phase and it.phase not in phase_ids:
            item_problem(
                "error", "unknown-phase", it.id, f"phase {it.phase!r} is not one of the board's phases", "phase"
            )
        if it.milestone and it.milestone not in milestone_ids:
            item_problem(
                "error",
                "unknown-milestone",
                it.id,
                f"milestone {it.milestone!r} is not one of the board's milestones",
                "milestone",
            )
        if it.status == "done":
            open_children = [c for c in a.children.get(it.id, ()) if a.items[c].status not in CLOSED]
            if open_children:
                item_problem(
                    "warning",
                    "done-with-open-children",
                    it.id,
                    f"is done but {', '.join(open_children[:5])} {'is' if len(open_children) == 1 else 'are'} open",
                    "status",
                )
    _parent_cycles(a, item_problem)

    membership: dict[str, list[str]] = {}
    for n, ph in enumerate(board.phases):
        for ref in ph.items:
            if ref not in a.items:
                out.add(
                    Problem(
                        "error",
                        "unknown-item",
                        f"phase {ph.id} lists {ref!r}, which names no item",
                        name,
                        lines.record("phases", n, "items"),
                        None,
                        ph.id,
                        "items",
                    )
                )
            membership.setdefault(ref, []).append(ph.id)
    for ref, phs in membership.items():
        if len(phs) > 1 and ref in a.items:
            item_problem("warning", "multiple-phases", ref, f"is listed in phases {', '.join(phs)}")
    # An item should not wait on work scheduled in a later phase.
    if phase_pos:
        first_phase: dict[str, int] = {}
        for ref, phs in membership.items():
            first_phase[ref] = min(phase_pos[p] for p in phs)
        for it in a.items.values():
            if it.phase in phase_pos:
                first_phase[it.id] = min(first_phase.get(it.id, phase_pos[it.phase]), phase_pos[it.phase])
        for it in a.items.values():
            mine = first_phase.get(it.id)
            if mine is None:
                continue
            for d in it.depends_on:
                theirs = first_phase.get(d)
                if theirs is not None and theirs > mine:
                    item_problem(
                        "warning",
                        "phase-order",
                        it.id,
                        f"depends on {d}, which is scheduled in a later phase",
                        "depends_on",
                    )
    for n, ms in enumerate(board.milestones):
        for ref in ms.items:
            if ref not in a.items:
                out.add(
                    Problem(
                        "error",
                        "unknown-item",
                        f"milestone {ms.id} lists {ref!r}, which names no item",
                        name,
                        lines.record("milestones", n, "items"),
                        None,
                        ms.id,
                        "items",
                    )
                )

    # risks -----------------------------------------------------------------------
    for n, rs in enumerate(a.risk_status):
        line = lines.record("risks", n, "mitigated_by")
        for ref in rs.unknown:
            out.add(
                Problem(
                    "error",
                    "unknown-item",
                    f"risk {rs.id} is mitigated by {ref!r}, which names no item",
                    name,
                    line,
                    None,
                    rs.id,
                    "mitigated_by",
                )
            )
        if rs.state == "uncovered":
            why = (
                "no item mitigates it"
                if not rs.mitigated_by
                else "every item that mitigated it is cancelled or unknown"
            )
            out.add(
                Problem(
                    "warning",
                    "uncovered-risk",
                    f"risk {rs.id}: {why}",
                    name,
                    line or lines.record("risks", n),
                    None,
                    rs.id,
                    "mitigated_by",
                )
            )
    risk_ids = Counter(r.id for r in board.risks)
    for rid, c in risk_ids.items():
        if c > 1:
            out.add(Problem("error", "duplicate-id", f"risk id {rid} is used {c} times", name, None, None, rid, "id"))

    # waivers, deliverables ------------------------------------------------------
    today = a.today
    for n, w in enumerate(board.waivers):
        line = lines.record("waivers", n, "expires")
        if w.item not in a.items:
            out.add(
                Problem(
                    "error",
                    "unknown-item",
                    f"waiver for {w.item!r}, which names no item",
                    name,
                    lines.record("waivers", n, "item"),
                    None,
                    w.item,
                    "item",
                )
            )
        if w.expires is None:
            out.add(
                Problem(
                    "error",
                    "waiver-without-expiry",
                    f"waiver for {w.item} has no expiry date, so it waives nothing",
                    name,
                    lines.record("waivers", n),
                    None,
                    w.item,
                    "expires",
                )
            )
        elif w.expires <= today:
            out.add(
                Problem(
                    "warning",
                    "waiver-expired",
                    f"waiver for {w.item} expired on {w.expires}",
                    name,
                    line,
                    None,
                    w.item,
                    "expires",
                )
            )
        elif (w.expires - today).days <= WAIVER_WARN_DAYS:
            out.add(
                Problem(
                    "warning",
                    "waiver-expiring",
                    f"waiver for {w.item} expires on {w.expires}",
                    name,
                    line,
                    None,
                    w.item,
                    "expires",
                )
            )
    for n, dlv in enumerate(board.deliverables):
        if dlv.item and dlv.item not in a.items:
            out.add(
                Problem(
                    "error",
                    "unknown-item",
                    f"deliverable {dlv.path} belongs to {dlv.item!r}, which names no item",
                    name,
                    lines.record("deliverables", n, "item"),
                    None,
                    dlv.item,
                    "item",
                )
            )

    # matrix -----------------------------------------------------------------------
    if board.matrix is not None:
        for ref in board.matrix.order:
            if ref not in a.items:
                out.add(
                    Problem(
                        "error",
                        "unknown-item",
                        f"matrix order names {ref!r}, which names no item",
                        name,
                        lines.table("matrix", "order"),
                        None,
                        ref,
                        "matrix.order",
                    )
                )
        for dis in a.matrix_disagreements:
            says = "depends" if dis.recorded else "does not depend"
            out.add(
                Problem(
                    "error",
                    "matrix-disagrees",
                    f"recorded matrix says {dis.row} {says} on {dis.col}; depends_on says otherwise",
                    name,
                    lines.table("matrix", "rows"),
                    None,
                    dis.row,
                    "depends_on",
                )
            )

    # suggested order ---------------------------------------------------------------
    order = board.board.suggested_order
    if order:
        where = {i: n for n, i in enumerate(order)}
        for ref in order:
            if ref not in a.items:
                out.add(
                    Problem(
                        "error",
                        "unknown-item",
                        f"suggested_order names {ref!r}, which names no item",
                        name,
                        lines.table("board", "suggested_order"),
                        None,
                        ref,
                        "suggested_order",
                    )
                )
        for it in a.items.values():
            for d in it.depends_on:
                if it.id in where and d in where and where[d] > where[it.id]:
                    out.add(
                        Problem(
                            "error",
                            "order-violates-dependency",
                            f"suggested_order puts {it.id} before its dependency {d}",
                            name,
                            lines.table("board", "suggested_order"),
                            None,
                            it.id,
                            "suggested_order",
                        )
                    )

    # scores, required fields, dates, unknown keys ---------------------------------
    scoring = board.board.scoring
    factor_keys = {f.key for f in scoring.factors} if scoring else set()
    for it in a.items.values():
        if it.score_factors:
            if scoring is None:
                item_problem(
                    "warning",
                    "score-without-model",
                    it.id,
                    "has score_factors but the board defines no [board.scoring]",
                    "score_factors",
                )
            else:
                for k, v in it.score_factors.items():
                    if k not in factor_keys:
                        item_problem(
                            "error",
                            "unknown-score-factor",
                            it.id,
                            f"score factor {k!r} is not one of {', '.join(sorted(factor_keys))}",
                            "score_factors",
                        )
                    elif not scoring.min <= v <= scoring.max:
                        item_problem(
                            "error",
                            "score-out-of-range",
                            it.id,
                            f"score factor {k} = {v} is outside {scoring.min}..{scoring.max}",
                            "score_factors",
                        )
            if it.score is not None and it.score != sum(it.score_factors.values()):
                item_problem(
                    "warning",
                    "score-mismatch",
                    it.id,
                    f"recorded score {it.score} but its factors sum to {sum(it.score_factors.values())}",
                    "score",
                )
        elif scoring is not None and it.score is not None and scoring.factors and it.score > scoring.max_total:
            item_problem(
                "error",
                "score-out-of-range",
                it.id,
                f"score {it.score} exceeds the maximum {scoring.max_total}",
                "score",
            )
    rules = board.board.rules
    for it in a.items.values():
        if rules.require_fields_kinds and it.kind not in rules.require_fields_kinds:
            continue
        for f in rules.require_fields:
            if not getattr(it, f, None) and not it.custom.get(f):
                item_problem("warning", "missing-field", it.id, f"has no {f} (the board requires it)", f)
    for overdue_id in a.overdue:
        item = a.items[overdue_id]
        item_problem(
            "warning",
            "overdue",
            overdue_id,
            f"target {item.target} passed ({item.due}) and it is {item.status}",
            "target",
        )
    for n, it in enumerate(board.items):
        if not it.model_extra:
            continue
        for key in it.unknown_keys():
            hint = difflib.get_close_matches(key, _ITEM_FIELDS, n=1)
            more = f"; did you mean {hint[0]!r}?" if hint else "; put custom fields under custom"
            item_problem("warning", "unknown-key", it.id, f"unknown key {key!r}{more}", key, n)
    for key in board.board.unknown_keys():
        out.add(
            Problem(
                "warning",
                "unknown-key",
                f"[board] has unknown key {key!r}",
                name,
                lines.table("board", key),
                None,
                None,
                key,
            )
        )
    for n, conflict in enumerate(board.conflicts):  # left by the git merge driver, see gitmerge
        pick = f"; pick a side: readiness resolve {name} {n + 1} --take ours|theirs|base"
        out.add(
            Problem(
                "error",
                "merge-conflict",
                conflict.describe() + pick,
                name,
                lines.record("conflicts", n),
                None,
                conflict.id if conflict.kind == "items" else None,
                conflict.field,
            )
        )
    if store.editable_reason:
        out.add(Problem("warning", "not-editable", store.editable_reason, name))
    for problem in view_problems(store):  # the board's named views (core.views)
        out.add(problem)
    return out


def _parent_cycles(a: Analysis, report) -> None:  # type: ignore[no-untyped-def]
    for it in a.items.values():
        seen = {it.id}
        cur = it.parent
        while cur is not None and cur in a.items:
            if cur in seen:
                if cur == it.id:
                    report("error", "parent-cycle", it.id, "is its own ancestor through parent links", "parent")
                break
            seen.add(cur)
            cur = a.items[cur].parent


def lint_path(path: Path | str) -> Problems:
    """Lint a board file; syntax and schema errors come back as problems, never as exceptions."""
    try:
        store = BoardStore.load(path)
    except BoardError as exc:
        problems = Problems()
        for p in exc.problems or [Problem("error", "unreadable", str(exc), str(path))]:
            problems.add(p)
        return problems
    return lint_store(store)
