"""``readiness note [BOARD] ID TEXT...``: a dated progress note on an item."""

from __future__ import annotations

import click

from readiness_tui.cli.common import EXIT_PROBLEMS, EXIT_USAGE, echo_json, fail, item_or_fail, load_or_exit, split_board
from readiness_tui.cli.completion import complete_board_args


@click.command("note")
@click.argument("args", nargs=-1, required=True, metavar="[BOARD] ID TEXT...", shell_complete=complete_board_args)
@click.option("--status", default=None, help="What the note reports (default: the item's status).")
@click.option("--json", "as_json", is_flag=True, help="The note as recorded, as JSON (format_version 1).")
def note_cmd(args: tuple[str, ...], status: str | None, as_json: bool) -> None:
    """Add a progress note dated today (a `[[progress]]` record), through the one write path."""
    from readiness_tui.core.edits.editor import EditController
    from readiness_tui.core.edits.notes import EmptyNote, add_note, note_values

    board, rest = split_board(args)
    if len(rest) < 2:
        fail("expected [BOARD] ID TEXT...", EXIT_USAGE)
    item_id, text = rest[0], " ".join(rest[1:])
    store = load_or_exit(board)
    item_or_fail(store, item_id)
    try:
        values = note_values(store.board, item_id, text, status)
    except EmptyNote as exc:
        fail(str(exc), EXIT_PROBLEMS)
    except ValueError as exc:
        fail(str(exc))
    editor = EditController(store, audit_source="cli")
    editor.open_check()
    result = add_note(editor, values)
    if not result.ok:
        fail(result.error, EXIT_PROBLEMS)
    if not result.saved.on_disk:
        fail(f"not saved: {editor.last_save_error}", EXIT_PROBLEMS)
    if as_json:
        from readiness_tui.core.outputs.documents import note_document

        echo_json(note_document(values))
    else:
        click.echo(f"{item_id}: noted ({values['date']})")
