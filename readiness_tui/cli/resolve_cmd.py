"""``readiness resolve BOARD [N --take ours|theirs|base]``: the conflicts a git merge left in a board."""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_PROBLEMS, board_argument, fail, load_or_exit


@click.command("resolve")
@board_argument
@click.argument("number", type=int, required=False)
@click.option("--take", type=click.Choice(["ours", "theirs", "base"]), help="Which side's value to keep.")
def resolve(board: Path, number: int | None, take: str | None) -> None:
    """List merge conflicts (numbered from 1), or resolve conflict NUMBER by taking one side.

    Exit 1 while conflicts remain after the command, 0 when none are left.
    """
    from ..core.gitmerge.resolve import conflicts, resolve_conflict
    from ..core.problems import BoardChangedOnDisk, BoardError, EditError

    store = load_or_exit(board)
    if number is None:
        if take:
            fail("--take needs the NUMBER of the conflict to resolve")
        rows = conflicts(store)
        for n, c in enumerate(rows, 1):
            click.echo(f"{n}. {c.describe()}")
        if not rows:
            click.echo(f"{board}: no merge conflicts")
            return
        raise SystemExit(EXIT_PROBLEMS)
    if not take:
        fail("say which side to keep: --take ours, --take theirs or --take base")
    try:
        changes = resolve_conflict(store, number - 1, take)
    except EditError as exc:
        fail(str(exc), EXIT_PROBLEMS)
    try:
        store.save()
    except BoardChangedOnDisk as exc:
        fail(str(exc), EXIT_PROBLEMS)
    except BoardError as exc:
        fail(exc.describe(), EXIT_PROBLEMS)
    from ..core import audit

    audit.append(store.path, changes, source="cli")
    left = len(store.board.conflicts)
    click.echo(f"conflict {number} resolved ({take}); {left} left")
    if left:
        raise SystemExit(EXIT_PROBLEMS)
