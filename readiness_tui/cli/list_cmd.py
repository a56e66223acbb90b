"""``readiness list [BOARD|-] [--filter EXPR] [--json]``: the backlog as lines or JSON."""

from __future__ import annotations

from pathlib import Path

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import fail, find_board, load_or_exit


@click.command("list")
@click.argument("board", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--filter", "-f", "expr", default="", help="The app's filter language: owner:@ana status:blocked p:P0 ready."
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="One JSON document: format_version, filter and items, each item the record `show --json` prints.",
)
def list_cmd(board: Path | None, expr: str, as_json: bool) -> None:
    """List the board's items, filtered as in the app's backlog (`/`).

    BOARD may be `-` to read the board from standard input.
    """
    path = find_board(board)
    reply = Reply.start("list", (expr, as_json), [path])
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.filters.filtering import Facts, FilterError, board_query
    from readiness_tui.core.filters.views import settings_views
    from readiness_tui.core.outputs.itemview import item_lines
    from readiness_tui.core.outputs.json_doc import document_bytes

    store = load_or_exit(path, stdin_ok=True)
    analysis = Analysis(store.board)
    facts = Facts.of(analysis)
    try:
        query = board_query(expr, store.board, facts.tree, settings_views(store.path.parent if store.path else None))
    except FilterError as exc:
        fail(f"bad filter {expr!r}: {exc}")
    items = query.filter(store.board.items, facts)
    if as_json:
        from readiness_tui.core.outputs.itemview import items_document

        # the encoder's bytes as they are: decoding 19 MB to encode it again cost as much as encoding
        reply.echo(document_bytes(items_document(items, analysis, filter=expr), line_end=True), nl=False)
    elif items:
        reply.echo("\n".join(item_lines(items, analysis)))  # one write, not one per item
    reply.finish()
