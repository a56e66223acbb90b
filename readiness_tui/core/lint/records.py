"""Rules about each record on its own: ids, titles, unknown keys, and what git or the store left."""

from __future__ import annotations

from operator import attrgetter

from readiness_tui.core.filters.views import board_views as named_views
from readiness_tui.core.filters.views import views_for
from readiness_tui.core.lint.context import LintContext, reports
from readiness_tui.core.model.board import Item

_ITEM_FIELDS = set(Item.model_fields)


_id = attrgetter("id")
_title = attrgetter("title")


def duplicate_item_ids(ctx: LintContext) -> None:
    ids = list(map(_id, ctx.board.items))
    if len(set(ids)) == len(ids):  # nearly every board: no loop over the items in Python
        return
    seen: dict[str, int] = {}
    for n, it in enumerate(ctx.board.items):
        if it.id in seen:
            first = ctx.lines.record("items", seen[it.id])
            ctx.item("error", "duplicate-id", it.id, f"id also used by the item on line {first}", "id", n)
        else:
            seen[it.id] = n


#: The kinds of record whose ids must be unique among their own kind, and how a message names one.
ID_KINDS = {"risks": "risk", "phases": "phase", "milestones": "milestone", "waivers": "waiver"}


def duplicate_record_ids(ctx: LintContext) -> None:
    """A risk, phase, milestone or waiver id used twice in its kind: on the later record's line,
    naming the first's (a second phase A would make ``phase:A`` and ``set A`` mean either)."""
    for kind, word in ID_KINDS.items():
        seen: dict[str, int] = {}
        for n, row in enumerate(getattr(ctx.board, kind)):
            rid = (getattr(row, "id", None) or "").strip()
            if not rid:
                continue  # a waiver may go without an id (it is named by its item)
            if rid not in seen:
                seen[rid] = n
                continue
            first = ctx.lines.record(kind, seen[rid], "id")
            message = f"{word} id {rid} is also used by the {word} on line {first}"
            ctx.add("error", "duplicate-id", message, ctx.lines.record(kind, n, "id"), rid, "id")


def missing_titles(ctx: LintContext) -> None:
    if all(map(str.strip, map(_title, ctx.board.items))):  # every title says something
        return
    for it in ctx.board.items:
        if not it.title.strip():
            ctx.item("error", "missing-title", it.id, "has no title", "title")


@reports("warning")
def unknown_keys(ctx: LintContext) -> None:
    """Keys the model does not know are kept on save, but are usually typos: say the nearest field."""
    for n, it in enumerate(ctx.board.items):
        if not it.model_extra:
            continue
        from difflib import get_close_matches  # a typo's hint: a board without one never gets here

        for key in sorted(it.model_extra):
            hint = get_close_matches(key, _ITEM_FIELDS, n=1)
            more = f"; did you mean {hint[0]!r}?" if hint else "; put custom fields under custom"
            ctx.item("warning", "unknown-key", it.id, f"unknown key {key!r}{more}", key, n)
    for key in sorted(ctx.board.board.model_extra or {}):
        ctx.add("warning", "unknown-key", f"[board] has unknown key {key!r}", ctx.lines.table("board", key), None, key)


def merge_conflicts(ctx: LintContext) -> None:
    """``[[conflicts]]`` records the git merge driver left (see core.gitmerge), each with its fix."""
    for n, conflict in enumerate(ctx.board.conflicts):
        pick = f"; pick a side: readiness resolve {ctx.name} {n + 1} --take ours|theirs|base"
        ctx.add(
            "error",
            "merge-conflict",
            conflict.describe() + pick,
            ctx.lines.record("conflicts", n),
            conflict.id if conflict.kind == "items" else None,
            conflict.field,
        )


@reports("warning")
def not_editable(ctx: LintContext) -> None:
    if ctx.store.editable_reason:
        ctx.add("warning", "not-editable", ctx.store.editable_reason, None)


def board_views(ctx: LintContext) -> None:
    """Each view of the board's ``[views]`` whose filter cannot be read, as an error on its line (a
    view is otherwise only checked when it is used)."""
    board = ctx.board
    names = named_views(board)
    if not names:
        return
    # Most boards name no view: only those pay for importing the filter language.
    from readiness_tui.core.filters.filtering import FilterError, parse, vocabulary

    vocab = vocabulary(board, views_for(board))  # one scan of the board for every view
    for name in names:
        try:
            parse(f"view:{name}", vocab)
        except FilterError as exc:
            why = exc.message.removeprefix(f"view {name!r} is broken (").removesuffix(")")
            ctx.add("error", "bad-view", f"view {name!r}: {why}", ctx.lines.table("views", name), None, name)
