"""``readiness search [BOARD|-] WORDS...``: items whose title, description, notes or acceptance say it."""

from __future__ import annotations

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import fail, load_or_exit, split_board


@click.command("search")
@click.argument("args", nargs=-1, required=True, metavar="[BOARD] WORDS...")
@click.option("--json", "as_json", is_flag=True, help="Matching items as JSON records.")
def search_cmd(args: tuple[str, ...], as_json: bool) -> None:
    """Find items by their text: every word must appear (case-insensitive).

    BOARD may be `-` to read the board from standard input.
    """
    board, words = split_board(args)
    if not words:
        fail("expected [BOARD] WORDS...")
    reply = Reply.start("search", (tuple(words), as_json), [board])
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.outputs.itemview import item_lines, items_document, search_items
    from readiness_tui.core.outputs.json_doc import document_text

    store = load_or_exit(board, stdin_ok=True)
    found = search_items(store.board, words)
    analysis = Analysis(store.board)
    if as_json:
        reply.echo(document_text(items_document(found, analysis, query=" ".join(words))))
    elif found:
        reply.echo("\n".join(item_lines(found, analysis)))
    else:
        reply.echo(f"no item mentions {' '.join(words)!r}", err=True)
    reply.finish()
