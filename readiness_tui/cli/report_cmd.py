"""``readiness report BOARD|- [--week 2026-W09] [--format md|json] [--json] [-o FILE]``: the weekly update."""

from __future__ import annotations

from pathlib import Path

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import board_argument, fail, is_stdin, load_or_exit, with_project_settings


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
@click.option("--json", "as_json", is_flag=True, help="Same as --format json (format_version 1).")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of stdout."
)
def report(board: Path, week: str | None, fmt: str, as_json: bool, output: Path | None) -> None:
    """Write the weekly update: completed, blocked, new risks, dependency changes, go/no-go.

    What happened in the week comes from the board's history (BOARD's .history.jsonl); the update
    ends with the history's head hash. BOARD may be `-` to read the board from standard input:
    with no history beside it, the week's changes are not known.
    """
    from readiness_tui.core.model.dates import week_bounds

    if week is not None:
        try:
            week_bounds(week)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--week") from None
        week = week.strip().upper()
    as_json = fmt == "json" or as_json
    # A file written is not an answer (as for export).
    reply = Reply.start("report", (week, as_json), [board]) if output is None else Reply(None)
    from readiness_tui.core.board.fsutil import atomic_write
    from readiness_tui.core.outputs.report import weekly_report

    store = load_or_exit(board, stdin_ok=True)
    effective = with_project_settings(store)
    if effective.board.levels:
        reply.forgo()  # the level reads the gates' evidence and last runs, which no key holds
    rep = weekly_report(effective, None if is_stdin(board) else board, week=week)
    text = rep.to_json() if as_json else rep.render_markdown()
    if output is None:
        reply.echo(text, nl=False)
        reply.finish()
        return
    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    click.echo(f"wrote {output}", err=True)
