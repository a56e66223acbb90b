"""``readiness report BOARD [--week 2026-W09] [--format md|json] [-o FILE]``: the weekly update."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import board_argument


@click.command("report")
@board_argument
@click.option("--week", "-w", metavar="YYYY-Www", help="ISO week to report on (default: this week).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["md", "json"]),
    default="md",
    show_default=True,
    help="Markdown in the weekly-update template's shape, or JSON.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout."
)
def report(board: Path, week: str | None, fmt: str, output: Path | None) -> None:
    """Write the weekly update: completed, blocked, new risks, dependency changes, go/no-go.

    What happened in the week comes from the board's history (BOARD's .history.jsonl); the update
    ends with the history's head hash.
    """
    from ..core.dates import week_bounds
    from ..core.fsutil import atomic_write
    from ..core.problems import BoardError
    from ..core.report import weekly_report
    from ..core.store import BoardStore

    if week is not None:
        try:
            week_bounds(week)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--week") from None
        week = week.strip().upper()
    try:
        store = BoardStore.load(board)
    except BoardError as exc:
        click.echo(f"readiness report: {exc}", err=True)
        for p in getattr(exc, "problems", None) or []:
            click.echo(p.format(), err=True)
        sys.exit(2)
    rep = weekly_report(store.board, board, week=week)
    text = rep.to_json() if fmt == "json" else rep.render_markdown()
    if output is None:
        click.echo(text, nl=False)
    else:
        atomic_write(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)
