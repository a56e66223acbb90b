"""``readiness show [BOARD] ID [--json]``: one item, every field and what the analysis says."""

from __future__ import annotations

import click

from .common import EXIT_PROBLEMS, EXIT_USAGE, echo_json, fail, load_or_exit, split_board


@click.command("show")
@click.argument("args", nargs=-1, required=True, metavar="[BOARD] ID")
@click.option("--json", "as_json", is_flag=True, help="The item as a JSON record.")
def show_cmd(args: tuple[str, ...], as_json: bool) -> None:
    """Show one item."""
    import difflib

    from ..core.analysis import Analysis
    from ..core.itemview import ITEM_FORMAT_VERSION, item_block, item_record

    board, rest = split_board(args)
    if len(rest) != 1:
        fail("expected [BOARD] ID", EXIT_USAGE)
    item_id = rest[0]
    store = load_or_exit(board)
    if not store.has_item(item_id):
        near = difflib.get_close_matches(item_id, [it.id for it in store.board.items], n=1)
        fail(f"no item {item_id!r} in {store.name}" + (f"; did you mean {near[0]}?" if near else ""), EXIT_PROBLEMS)
    analysis = Analysis(store.board)
    item = store.item(item_id)
    if as_json:
        echo_json({"format_version": ITEM_FORMAT_VERSION, **item_record(item, analysis)})
    else:
        click.echo(item_block(item, analysis))
