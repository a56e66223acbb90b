"""``readiness search [BOARD|-] WORDS...``: items whose title, description, notes or acceptance say it."""

from __future__ import annotations

import click

from .common import echo_json, fail, load_or_exit, split_board


@click.command("search")
@click.argument("args", nargs=-1, required=True, metavar="[BOARD] WORDS...")
@click.option("--json", "as_json", is_flag=True, help="Matching items as JSON records.")
def search_cmd(args: tuple[str, ...], as_json: bool) -> None:
    """Find items by their text: every word must appear (case-insensitive).

    BOARD may be `-` to read the board from standard input.
    """
    from ..core.analysis import Analysis
    from ..core.documents import items_document
    from ..core.itemview import item_line, search_items

    board, words = split_board(args)
    if not words:
        fail("expected [BOARD] WORDS...")
    store = load_or_exit(board, stdin_ok=True)
    found = search_items(store.board, words)
    analysis = Analysis(store.board)
    if as_json:
        echo_json(items_document(found, analysis, query=" ".join(words)))
        return
    for it in found:
        click.echo(item_line(it, analysis))
    if not found:
        click.echo(f"no item mentions {' '.join(words)!r}", err=True)
