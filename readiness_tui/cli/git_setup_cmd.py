"""``readiness git-setup [BOARD...]``: let git merge boards and histories with readiness' drivers."""

from __future__ import annotations

from pathlib import Path

import click

from readiness_tui.cli.common import echo_json, fail, refuse_stdin


@click.command("git-setup")
@click.argument("boards", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="What was written, as JSON (format_version 1).")
def git_setup(boards: tuple[Path, ...], as_json: bool) -> None:
    """Write .gitattributes entries for BOARDs and their histories (all *.toml and *.history.jsonl
    when none are named) and register the merge drivers in this repository's git config.

    Safe to run again: only missing lines and changed settings are written.
    """
    from readiness_tui.core.gitmerge.setup import SetupError, setup

    for b in boards:
        refuse_stdin(b)
    missing = [str(b) for b in boards if not b.is_file()]
    if missing:
        fail(f"no such board file: {', '.join(missing)}")
    start = boards[0].resolve().parent if boards else Path.cwd()
    try:
        result = setup(start, list(boards))
    except SetupError as exc:
        fail(str(exc))
    if as_json:
        from readiness_tui.core.outputs.documents import git_setup_document

        echo_json(git_setup_document(result.root, result.attributes_added, result.config_set))
        return
    for line in result.attributes_added:
        click.echo(f"{result.root / '.gitattributes'}: + {line}")
    for line in result.config_set:
        click.echo(f"git config: {line}")
    if not result.attributes_added and not result.config_set:
        click.echo(f"{result.root}: already set up")
