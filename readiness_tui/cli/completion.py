"""Shell completion of item ids and field names (bash, zsh and fish, through click).

Enable it once in your shell's rc file:

    eval "$(_READINESS_COMPLETE=bash_source readiness)"     # bash
    eval "$(_READINESS_COMPLETE=zsh_source readiness)"      # zsh
    _READINESS_COMPLETE=fish_source readiness | source       # fish
"""

from __future__ import annotations

from pathlib import Path

import click
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


def _board_of(ctx: click.Context) -> Path | None:
    board = ctx.params.get("board")
    if board:
        return Path(board)
    args = ctx.params.get("args") or ()
    if args and str(args[0]).endswith(".toml"):
        return Path(args[0])
    boards = sorted((Path.cwd() / "boards").glob("*.toml"))
    return boards[0] if len(boards) == 1 else None


def complete_item_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Ids of the board named on the command line (or the one board in ./boards), with titles."""
    path = _board_of(ctx)
    if path is None:
        return []
    try:
        from readiness_tui.core.board.store import BoardStore

        items = BoardStore.load(path).board.items
    except Exception:  # noqa: BLE001 - a board that does not load completes nothing
        return []
    return [CompletionItem(it.id, help=it.title) for it in items if it.id.startswith(incomplete)]


def complete_fields(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    return [CompletionItem(w, type="plain") for w in FIELD_WORDS if w.startswith(incomplete)]
