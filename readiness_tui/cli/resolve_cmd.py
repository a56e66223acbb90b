"""``readiness resolve BOARD [N --take ours|theirs|base]``: the conflicts a git merge left in a board."""

from __future__ import annotations

from pathlib import Path

import click

from readiness_tui.cli.common import EXIT_PROBLEMS, board_argument, echo_json, fail, load_or_exit


@click.command("resolve")
@board_argument
@click.argument("number", type=int, required=False)
@click.option("--take", type=click.Choice(["ours", "theirs", "base"]), help="Which side's value to keep.")
@click.option("--json", "as_json", is_flag=True, help="The conflicts left, as JSON (format_version 1).")
def resolve(board: Path, number: int | None, take: str | None, as_json: bool) -> None:
    """List merge conflicts (numbered from 1), or resolve conflict NUMBER by taking one side.

    The pick is written like any edit (locked, recorded in the history). Exit 1 while conflicts
    remain after the command, 0 when none are left. With --json, both print the conflicts left.
    """
    from readiness_tui.core.edits.editor import EditController
    from readiness_tui.core.gitmerge.resolve import conflicts, resolve_conflict
    from readiness_tui.core.outputs.documents import conflicts_document

    store = load_or_exit(board)
    if number is None:
        if take:
            fail("--take needs the NUMBER of the conflict to resolve")
        rows = conflicts(store)
        if as_json:
            echo_json(conflicts_document(store.name, rows))
        for n, c in enumerate([] if as_json else rows, 1):
            click.echo(f"{n}. {c.describe()}")
        if not rows:
            if not as_json:
                click.echo(f"{board}: no merge conflicts")
            return
        raise SystemExit(EXIT_PROBLEMS)
    if not take:
        fail("say which side to keep: --take ours, --take theirs or --take base")
    side: str = take
    editor = EditController(store, autosave=True, audit_source="cli")
    editor.open_check()
    result = editor.apply(f"resolve conflict {number}", lambda s: resolve_conflict(s, number - 1, side))
    if result.error:
        fail(result.error, EXIT_PROBLEMS)
    if not result.saved.on_disk:
        fail(f"not saved: {editor.last_save_error}", EXIT_PROBLEMS)
    if editor.audit_error:
        click.echo(f"readiness: saved, but the history was not written: {editor.audit_error}", err=True)
    left = len(editor.store.board.conflicts)
    if as_json:
        echo_json(conflicts_document(editor.store.name, conflicts(editor.store)))
    else:
        click.echo(f"conflict {number} resolved ({take}); {left} left")
    if left:
        raise SystemExit(EXIT_PROBLEMS)
