"""``readiness lint BOARD... [--format text|github|json|junit]``"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import EXIT_PROBLEMS, STDIN_NAME, fail, format_options, is_stdin, read_stdin_bytes

if TYPE_CHECKING:
    from readiness_tui.core.model.problems import Level


@click.command()
@click.argument("boards", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print errors only, not warnings and notes.")
@format_options(
    ["text", "github", "json", "junit"],
    "text: file:line: LEVEL code message; github: Actions annotations; json (format_version 1); "
    "junit: JUnit XML (an error is a failing test case).",
)
def lint(boards: tuple[Path, ...], quiet: bool, fmt: str, as_json: bool) -> None:
    """Check boards: syntax, schema, dependencies, cycles, risks, matrix, dates.

    Prints one problem per line as `file:line: LEVEL code message` (or as GitHub Actions
    annotations, JSON or JUnit XML) and exits 1 when any problem is an error, 2 when a board is
    missing. A BOARD of `-` reads a board from standard input; its problems are located at
    `<stdin>:LINE`.
    """
    missing = [str(p) for p in boards if not is_stdin(p) and not p.exists()]
    if missing:
        fail(f"no such board file: {', '.join(missing)}")
    if sum(1 for p in boards if is_stdin(p)) > 1:
        fail("standard input (-) can be read once; name it once")
    fmt = "json" if as_json else fmt
    reply = Reply.start("lint", (quiet, fmt), boards)
    from readiness_tui.core.lint import lint_bytes, lint_path
    from readiness_tui.core.model.problems import count_levels
    from readiness_tui.core.outputs.annotations import github_annotation, problems_document
    from readiness_tui.core.outputs.json_doc import document_text

    found = []
    # --quiet: the warnings and notes are not looked for at all, only the errors.
    levels: tuple[Level, ...] | None = ("error",) if quiet else None
    for path in boards:
        if is_stdin(path):
            name, problems = STDIN_NAME, lint_bytes(read_stdin_bytes(), STDIN_NAME, levels)
        else:
            name, problems = str(path), lint_path(path, levels)
        found.append((name, [p for p in problems.sorted() if not quiet or p.level == "error"]))
    counts = count_levels(p for _, problems in found for p in problems)
    if fmt == "json":
        reply.echo(document_text(problems_document(found)))
    elif fmt == "junit":
        from readiness_tui.core.outputs.junit import junit_xml, problem_cases

        suites = [(f"readiness lint: {name}", problem_cases(name, problems)) for name, problems in found]
        reply.echo(junit_xml(suites).decode("utf-8"), nl=False)
    else:
        render = github_annotation if fmt == "github" else (lambda p: p.format())
        lines = [render(p) for _, problems in found for p in problems]
        if lines:
            reply.echo("\n".join(lines))
        if lines and not quiet:  # --quiet: the errors, nothing else
            # The tally goes to stderr: stdout stays one problem per line for editors and grep.
            reply.echo(f"readiness lint: {counts.describe(', ')}", err=True)
    reply.finish(EXIT_PROBLEMS if counts.errors else 0)
