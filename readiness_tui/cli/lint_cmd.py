"""``readiness lint BOARD... [--format text|github|json]``"""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_PROBLEMS, echo_json, fail


@click.command()
@click.argument("boards", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings and notes.")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text: file:line: LEVEL code message; github: Actions annotations; json.",
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
def lint(boards: tuple[Path, ...], quiet: bool, fmt: str, as_json: bool) -> None:
    """Check boards: syntax, schema, dependencies, cycles, risks, matrix, dates.

    Prints one problem per line as `file:line: LEVEL code message` (or as GitHub Actions
    annotations, or JSON) and exits 1 when any problem is an error, 2 when a board is missing.
    """
    from ..core.annotations import github_annotation, problems_document
    from ..core.lint import lint_path

    missing = [str(p) for p in boards if not p.exists()]
    if missing:
        fail(f"no such board file: {', '.join(missing)}")
    fmt = "json" if as_json else fmt
    found = []
    for path in boards:
        problems = [p for p in lint_path(path).sorted() if not quiet or p.level == "error"]
        found.append((str(path), problems))
    if fmt == "json":
        doc = problems_document(found)
        echo_json(doc)
        errors = doc["errors"]
    else:
        render = github_annotation if fmt == "github" else (lambda p: p.format())
        lines = [render(p) for _, problems in found for p in problems]
        if lines:
            click.echo("\n".join(lines))
        errors = sum(1 for _, problems in found for p in problems if p.level == "error")
    if errors:
        raise SystemExit(EXIT_PROBLEMS)
