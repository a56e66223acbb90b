"""``readiness export BOARD|- --format json|md|mermaid|dot|csv|html``"""

from __future__ import annotations

from pathlib import Path

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import board_argument, fail, load_or_exit, with_project_settings


@click.command()
@board_argument
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["json", "md", "mermaid", "dot", "csv", "html"]),
    default="json",
    show_default=True,
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead of stdout."
)
@click.option(
    "--bom",
    is_flag=True,
    help="csv: start with a UTF-8 byte order mark, for spreadsheet programs that need it to read non-ASCII text.",
)
def export(board: Path, fmt: str, output: Path | None, bom: bool) -> None:
    """Export a board: json (a stable contract), md, mermaid, dot, csv (for spreadsheets) or html
    (one self-contained page).

    BOARD may be `-` to read the board from standard input (the html page then has no history:
    its weekly report and standup deck see no past changes).
    """
    # A page names the history it read besides the board, and a file written is not an answer.
    kept = output is None and fmt != "html"
    if bom and fmt != "csv":
        fail(f"--bom is for -f csv, not -f {fmt}")
    reply = Reply.start("export", (fmt, bom), [board]) if kept else Reply(None)
    from readiness_tui.core.board.fsutil import atomic_write
    from readiness_tui.core.outputs.export import FORMATS, to_json_bytes
    from readiness_tui.core.outputs.export_csv import to_csv

    store = load_or_exit(board, stdin_ok=True)
    # An export reads the model only: let the text and its segments go before the output is
    # built (a large part of the peak; on a cold run the parse cache keeps the text until it
    # writes its entry, after the output).
    model, where = with_project_settings(store), store.path
    del store
    data: bytes
    if fmt == "json":  # written as UTF-8 bytes, without a second copy as text
        data = to_json_bytes(model)
    elif fmt == "html":  # the page reads the board's history too (weekly report, standup deck)
        from readiness_tui.core.outputs.html import to_html

        data = to_html(model, where).encode("utf-8")
    elif fmt == "csv":
        data = to_csv(model, bom=bom).encode("utf-8")
    else:
        data = FORMATS[fmt](model).encode("utf-8")
    if output is None:
        reply.echo(data, nl=False)
        reply.finish()
        return
    try:
        atomic_write(output, data)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
