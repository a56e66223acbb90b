"""``readiness add [BOARD] --title T [FIELD=VALUE...]``: a new item; prints its id."""

from __future__ import annotations

import click

from readiness_tui.cli.common import EXIT_PROBLEMS, echo_json, fail, load_or_exit, split_board


@click.command("add")
@click.argument("args", nargs=-1, metavar="[BOARD] [FIELD=VALUE...]")
@click.option("--title", "-t", required=True, help="The new item's title.")
@click.option("--id", "item_id", help="Its id (default: the next free id in the board's own scheme).")
@click.option("--after", metavar="ID", help="Place it after this item (default: at the end).")
@click.option("--json", "as_json", is_flag=True, help="Print the new item as a JSON record.")
def add_cmd(args: tuple[str, ...], title: str, item_id: str | None, after: str | None, as_json: bool) -> None:
    """Add an item: `readiness add --title "Rotate keys" owner=@ana priority=P1 depends_on=SEC-01`.

    Written the way every edit is: locked, merged with what others wrote, recorded in the history.
    """
    from readiness_tui.core.edits.editor import EditController
    from readiness_tui.core.edits.expressions import new_item_values, parse_assignments
    from readiness_tui.core.edits.ids import new_item_id

    board, rest = split_board(args)
    store = load_or_exit(board)
    try:
        parsed = parse_assignments(rest, store.board)
    except ValueError as exc:
        fail(str(exc))
    new_id = item_id or new_item_id(store, after or (store.board.items[-1].id if store.board.items else None))
    if store.has_item(new_id):
        fail(f"{new_id} already exists in {store.name}", EXIT_PROBLEMS)
    try:
        values = new_item_values(store.board, new_id, title, parsed)
    except ValueError as exc:
        fail(str(exc), EXIT_PROBLEMS)
    for a in parsed:
        if a.note:
            click.echo(f"readiness: {new_id}.{a.note}", err=True)
    editor = EditController(store, audit_source="cli")
    editor.open_check()
    result = editor.add_item(values, after=after)
    if not result.ok:
        fail(result.error, EXIT_PROBLEMS)
    if not result.saved.on_disk:
        fail(f"not saved: {editor.last_save_error}", EXIT_PROBLEMS)
    if as_json:  # the record carries the analysis' facts: only then is the board analysed
        from readiness_tui.core.analysis.analyze import Analysis
        from readiness_tui.core.outputs.itemview import item_document

        echo_json(item_document(editor.store.item(new_id), Analysis(editor.store.board)))
    else:
        click.echo(new_id)
