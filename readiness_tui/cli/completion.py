"""Shell completion of item ids and field names (bash, zsh and fish, through click).

Enable it once in your shell's rc file:

    eval "$(_READINESS_COMPLETE=bash_source readiness)"     # bash
    eval "$(_READINESS_COMPLETE=zsh_source readiness)"      # zsh
    _READINESS_COMPLETE=fish_source readiness | source       # fish
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported when the shell asks: `set`, `show` and `note` name these at import
    from click.shell_completion import CompletionItem

#: What ``set`` and ``add`` take, with ``=``, for the shell to offer.
FIELD_WORDS = (
    "status=",
    "priority=",
    "owner=",
    "target=",
    "estimate_days=",
    "title=",
    "kind=",
    "workstream=",
    "phase=",
    "milestone=",
    "depends_on=",
    "depends_on+=",
    "depends_on-=",
    "tags+=",
    "tags-=",
    "description=",
    "notes=",
    "gate.verify=",
    "gate.exit_criteria=",
    "gate.evidence+=",
    "gate.timeout_s=",
)


#: Fields whose value is an item id, and the vocabularies of the others (``core.model.statuses``).
_ID_FIELDS = frozenset({"depends_on", "parent", "gate.depends_on"})
_ASSIGN = re.compile(r"^([\w.]+)([+-]?=)(.*)$", re.S)


def _default_board() -> Path | None:
    from readiness_tui.cli.common import board_candidates

    boards, _where = board_candidates()
    return boards[0] if len(boards) == 1 else None


def _board_of(ctx: click.Context) -> Path | None:
    from readiness_tui.cli.common import names_board

    board = ctx.params.get("board")
    if board:
        return Path(board)
    args = ctx.params.get("args") or ()
    if args and names_board(str(args[0])) and str(args[0]) != "-":
        return Path(args[0])
    return _default_board()


def _items(path: Path | None) -> list[tuple[str, str]]:
    """(id, title) of each item of ``path``; none when it does not load (completion never fails).
    Kept as an answer is: a tab pressed again on an unchanged board reads no model."""
    if path is None:
        return []
    import json

    from readiness_tui.cli.answers import Reply

    try:
        kept, reply = Reply.recall("complete-items", (), [path])
        if kept is not None:
            return [(str(i), str(t)) for i, t in json.loads(kept)]
        from readiness_tui.core.board.store import BoardStore

        items = [(it.id, it.title) for it in BoardStore.load(path).board.items]
    except Exception:  # noqa: BLE001 - a board that does not load completes nothing
        return []
    reply.keep(json.dumps(items))
    reply.finish()
    return items


def complete_item_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids of the board named on the command line (or the board the project means), with titles."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(i, help=t) for i, t in _items(_board_of(ctx)) if i.startswith(incomplete)]


def complete_fields(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Field names, then values: ``status=d`` -> ``status=done``, priorities, ids after
    ``depends_on+=``."""
    from click.shell_completion import CompletionItem

    m = _ASSIGN.match(incomplete)
    if m is None:
        return [CompletionItem(w, type="plain") for w in FIELD_WORDS if w.startswith(incomplete)]
    from readiness_tui.core.model.statuses import PRIORITIES, STATUSES

    field, op, value = m.groups()
    if field == "status":
        words = [(w, "") for w in STATUSES]
    elif field == "priority":
        words = [(w, "") for w in PRIORITIES]
    elif field in _ID_FIELDS:
        words = _items(_board_of(ctx))
    else:
        return []
    return [CompletionItem(f"{field}{op}{w}", help=h) for w, h in words if w.startswith(value)]


def complete_board_args(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """``[BOARD] ID ...`` as ``show``, ``note`` and ``set`` take it: a board file or an id first,
    the id after a board, then (``set``) fields and values."""
    from click.shell_completion import CompletionItem

    from readiness_tui.cli.common import names_board

    before = [str(a) for a in ctx.params.get(param.name or "args") or ()]
    rest = before[1:] if before and names_board(before[0]) else before
    if not rest:
        ids = complete_item_ids(ctx, param, incomplete)
        if not before and ("/" in incomplete or incomplete.endswith((".", ".t", ".to", ".tom", ".toml")) or not ids):
            return [CompletionItem(incomplete, type="file")]  # a board file: the shell completes paths
        return ids
    if ctx.command.name == "set":
        return complete_fields(ctx, param, incomplete)
    return []
