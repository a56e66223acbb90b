"""``readiness search [BOARD] WORDS...``: items whose title, description, notes or acceptance say it."""

from __future__ import annotations

import click

from .common import echo_json, fail, load_or_exit, split_board


@click.command("search")
@click.argument("args", nargs=-1, required=True, metavar="[BOARD] WORDS...")
@click.option("--json", "as_json", is_flag=True, help="Matching items as JSON records.")
def search_cmd(args: tuple[str, ...], as_json: bool) -> None:
    """Find items by their text: every word must appear (case-insensitive)."""
    from ..core.analysis import Analysis
    from ..core.itemview import ITEM_FORMAT_VERSION, item_line, item_record, search_texts

    board, words = split_board(args)
    if not words:
        fail("expected [BOARD] WORDS...")
    store = load_or_exit(board)
    wanted = [w.lower() for w in words]
    texts = search_texts(store.board)
    found = [it for it in store.board.items if all(w in texts[it.id] for w in wanted)]
    analysis = Analysis(store.board)
    if as_json:
        echo_json(
            {
                "format_version": ITEM_FORMAT_VERSION,
                "query": " ".join(words),
                "items": [item_record(it, analysis) for it in found],
            }
        )
        return
    for it in found:
        click.echo(item_line(it, analysis))
    if not found:
        click.echo(f"no item mentions {' '.join(words)!r}", err=True)
