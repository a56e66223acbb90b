"""``readiness export BOARD|- --format json|md|mermaid|dot|csv|html``"""

from __future__ import annotations

from pathlib import Path

import click

from .common import board_argument, fail, load_or_exit


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
def export(board: Path, fmt: str, output: Path | None) -> None:
    """Export a board: json (a stable contract), md, mermaid, dot, csv (for spreadsheets) or html
    (one self-contained page).

    BOARD may be `-` to read the board from standard input (the html page then has no history:
    its weekly report and standup deck see no past changes).
    """
    from ..core.export import FORMATS
    from ..core.export_csv import to_csv
    from ..core.fsutil import atomic_write

    store = load_or_exit(board, stdin_ok=True)
    if fmt == "html":  # the page reads the board's history too (weekly report, standup deck)
        from ..core.html_export import to_html

        text = to_html(store.board, store.path)
    elif fmt == "csv":
        text = to_csv(store.board)
    else:
        text = FORMATS[fmt](store.board)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror}")
