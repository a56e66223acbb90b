"""``readiness show [BOARD|-] ID [--json]``: one item, every field and what the analysis says."""

from __future__ import annotations

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import EXIT_USAGE, fail, item_or_fail, load_or_exit, split_board
from readiness_tui.cli.completion import complete_board_args


@click.command("show")
@click.argument("args", nargs=-1, required=True, metavar="[BOARD] ID", shell_complete=complete_board_args)
@click.option("--json", "as_json", is_flag=True, help="The item as a JSON record.")
def show_cmd(args: tuple[str, ...], as_json: bool) -> None:
    """Show one item. BOARD may be `-` to read the board from standard input.

    Exit 1 when the board has no such item (the nearest id is named).
    """
    board, rest = split_board(args)
    if len(rest) != 1:
        fail("expected [BOARD] ID", EXIT_USAGE)
    item_id = rest[0]
    reply = Reply.start("show", (item_id, as_json), [board])
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.outputs.itemview import item_block, item_document
    from readiness_tui.core.outputs.json_doc import document_text

    store = load_or_exit(board, stdin_ok=True)
    item_or_fail(store, item_id)
    analysis = Analysis(store.board)
    item = store.item(item_id)
    reply.echo(document_text(item_document(item, analysis)) if as_json else item_block(item, analysis))
    reply.finish()
