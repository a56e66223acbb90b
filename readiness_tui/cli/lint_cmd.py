"""``readiness lint BOARD...``"""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_PROBLEMS


@click.command()
@click.argument("boards", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings and notes.")
def lint(boards: tuple[Path, ...], quiet: bool) -> None:
    """Check boards: syntax, schema, dependencies, cycles, risks, matrix, dates.

    Prints one problem per line as `file:line: LEVEL code message` and exits 1 when any
    problem is an error.
    """
    from ..core.lint import lint_path

    errors = 0
    for path in boards:
        problems = lint_path(path)
        shown = [p.format() for p in problems.sorted() if not quiet or p.level == "error"]
        if shown:
            click.echo("\n".join(shown))
        errors += len(problems.errors)
    if errors:
        raise SystemExit(EXIT_PROBLEMS)
