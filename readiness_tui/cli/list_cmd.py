"""``readiness list [BOARD] [--filter EXPR] [--json]``: the backlog as lines or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from .common import echo_json, find_board, load_or_exit


@click.command("list")
@click.argument("board", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--filter", "-f", "expr", default="", help="The app's filter language: owner:@ana status:blocked p:P0 ready."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per item (see `show --json`).")
def list_cmd(board: Path | None, expr: str, as_json: bool) -> None:
    """List the board's items, filtered as in the app's backlog (`/`)."""
    from ..core.analysis import Analysis
    from ..core.filtering import Facts, parse
    from ..core.itemview import ITEM_FORMAT_VERSION, item_line, item_record

    store = load_or_exit(find_board(board))
    analysis = Analysis(store.board)
    facts = Facts.of(analysis)
    items = parse(expr).filter(store.board.items, facts)
    if as_json:
        echo_json(
            {
                "format_version": ITEM_FORMAT_VERSION,
                "filter": expr,
                "items": [item_record(it, analysis) for it in items],
            }
        )
        return
    for it in items:
        click.echo(item_line(it, analysis))
