"""``readiness import PLAN.md``: turn a Markdown readiness plan into a board (or merge it into one)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from readiness_tui.core.importers.assembly.result import ImportResult
    from readiness_tui.core.importers.guided.recipe import Recipe

EXIT_OK, EXIT_NOTHING, EXIT_UNREADABLE = 0, 1, 2


def _read(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise UnicodeDecodeError("utf-8", data, 0, 1, "binary data")
    text = data.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def _read_stdin() -> str:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    return data.decode("utf-8").removeprefix("\ufeff")


@click.command("import")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the board here (default: standard output).",
)
@click.option(
    "--report",
    "report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report to this file instead of standard error.",
)
@click.option(
    "--merge",
    "merge",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Re-import into this existing board: update what came from the document, keep edits.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing -o file (its edits are lost; see --merge).")
@click.option(
    "--priority-word",
    "prio_words",
    multiple=True,
    metavar="WORD=P0..P3",
    help="The plan's own priority word, e.g. --priority-word Blocker=P0 (repeatable; read before "
    "Critical/High/Medium/Low = P0..P3).",
)
@click.option(
    "--recipe",
    "recipe_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help='Relabel columns and sections as this recipe says (TOML: [columns] "Notes" = "depends_on", '
    '[sections] "Review checklist" = "text", [items."C2"] owner = "Kim", [options] owner = "first"). '
    "With -o it is saved beside the board as BOARD.import.toml, which --merge applies again.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print what was imported (counts, every report line, where the board went) as JSON on stdout; "
    "needs -o or --merge, since the board itself would go to stdout otherwise.",
)
@click.option(
    "--no-guide",
    "--no-input",
    "no_guide",
    is_flag=True,
    help="Never open the guided import screen (it opens when stdin and stdout are a terminal; not with "
    "--json, --merge, a plan on standard input, or CI set).",
)
def import_cmd(
    plan: Path,
    output: Path | None,
    report: Path | None,
    merge: Path | None,
    force: bool,
    prio_words: tuple[str, ...] = (),
    as_json: bool = False,
    recipe_path: Path | None = None,
    no_guide: bool = False,
) -> None:
    """Import a Markdown readiness plan (PLAN.md, or - for standard input) into a board.

    The report says which tables, sections and lists were used or skipped, with line numbers.
    --merge re-imports a revised plan into an existing board: fields the plan changed are
    updated, fields edited in the board since the last import are kept, new items are added,
    and items gone from the plan are reported, never deleted.

    \b
    Exit 0 when something was imported, 1 when nothing recognizable was found,
    2 when the plan (or the board to merge into) cannot be read.
    """
    from readiness_tui.core.importers import import_markdown, merge_into
    from readiness_tui.core.model.problems import BoardError

    if as_json and output is None and merge is None:
        _fail("--json prints the import's document on stdout: name the board with -o BOARD or --merge BOARD", 2)

    try:
        text = _read_stdin() if str(plan) == "-" else _read(plan)
    except FileNotFoundError:
        _fail(f"{plan}: no such file", EXIT_UNREADABLE)
    except IsADirectoryError:
        _fail(f"{plan}: is a directory, not a Markdown plan", EXIT_UNREADABLE)
    except UnicodeDecodeError as exc:
        # Name the place, as a board's own encoding error does: line and byte offset.
        line = exc.object[: exc.start].count(b"\n") + 1
        _fail(
            f"{plan}: not UTF-8 text at line {line}, byte {exc.start} ({exc.reason}); cannot read it as Markdown",
            EXIT_UNREADABLE,
        )
    except OSError as exc:
        _fail(f"{plan}: cannot read: {exc.strerror}", EXIT_UNREADABLE)

    guided = _guided(no_guide, as_json, merge, plan)
    if guided and output is None:
        output = plan.with_suffix(".toml")  # the guide writes a file: the plan's name, as a board
    if output is not None and merge is None and output.exists() and not force:
        _fail(
            f"{output} already exists; use --merge {output} to update it from the plan "
            "(keeping edits made since), or --force to overwrite it",
            EXIT_UNREADABLE,
        )

    from readiness_tui.core.importers.vocabulary.priorities import priority_words

    try:
        words = priority_words(list(prio_words))
    except ValueError as exc:
        _fail(f"--priority-word: {exc}", EXIT_UNREADABLE)
    from readiness_tui.core.importers.guided.recipe import RecipeError, recipe_beside
    from readiness_tui.core.importers.guided.recipe_file import load_recipe

    # --merge reapplies the recipe saved beside the board, unless another is named.
    if recipe_path is None and merge is not None and recipe_beside(merge).exists():
        recipe_path = recipe_beside(merge)
    try:
        recipe = load_recipe(recipe_path) if recipe_path is not None else None
    except RecipeError as exc:
        _fail(str(exc), EXIT_UNREADABLE)
    if guided and output is not None:
        _guide(text, plan, output, recipe, words, report)
    try:
        result = import_markdown(text, "stdin" if str(plan) == "-" else plan.name, priority_words=words, recipe=recipe)
    except Exception as exc:  # noqa: BLE001 - the reader's own fault, told as such, not a traceback at the user
        _fail(_reader_failed(plan, exc), EXIT_UNREADABLE)
    lines = list(result.report_lines)
    code = EXIT_OK if result.ok else EXIT_NOTHING
    if not result.ok:
        lines.append(f"{plan.name}: nothing recognizable as a readiness plan (no items, risks, phases or milestones)")

    if merge is not None and result.ok:
        from readiness_tui.core.board.store import BoardStore

        try:
            store = BoardStore.load(merge)
        except BoardError as exc:
            _emit(lines, report)
            _fail(exc.describe(), EXIT_UNREADABLE)
        changes: list[str] = []

        def merge_doc(s: BoardStore) -> None:
            changes[:] = merge_into(s, result)

        if output is not None:  # a new board beside the old one: a plain write, no history yet
            try:
                merge_doc(store)
                store.save(output, force=True)
            except BoardError as exc:
                _emit(lines, report)
                _fail(f"{merge}: {exc}", EXIT_UNREADABLE)
            except OSError as exc:
                _emit(lines, report)
                _fail(f"{output}: cannot write: {exc.strerror}", EXIT_UNREADABLE)
        else:  # the board itself: the one write path (locked, merged, recorded in its history)
            from readiness_tui.core.edits.editor import EditController

            editor = EditController(store, audit_source="import")
            done = editor.apply(f"re-import {plan.name}", merge_doc)
            if not done.ok:
                _emit(lines, report)
                _fail(f"{merge}: {done.error}", EXIT_UNREADABLE)
            if not done.saved.on_disk:
                _emit(lines, report)
                _fail(f"{merge}: not saved: {editor.last_save_error}", EXIT_UNREADABLE)
        lines.append(f"merge into {merge}: {len(changes)} change(s)")
        lines += ["  " + c for c in changes]
        _emit(lines, report)
        if as_json:
            _json(result, output, merge, changes)
        sys.exit(code)

    if result.ok:
        if output is not None:
            try:
                from readiness_tui.core.board.fsutil import atomic_write

                atomic_write(output, result.toml_text.encode("utf-8"))
            except OSError as exc:
                _emit(lines, report)
                _fail(f"{output}: cannot write: {exc.strerror}", EXIT_UNREADABLE)
            lines.append(f"wrote {output} ({result.items_found} items)")
            if recipe is not None and recipe_path is not None and recipe_path != recipe_beside(output):
                try:
                    recipe_beside(output).write_text(recipe.to_toml(), encoding="utf-8")
                    lines.append(f"wrote {recipe_beside(output)} (the recipe; --merge {output} applies it again)")
                except OSError as exc:
                    lines.append(f"{recipe_beside(output)}: cannot save the recipe: {exc.strerror}")
        else:
            click.echo(result.toml_text, nl=False)
    _emit(lines, report)
    if as_json:
        _json(result, output, None)
    sys.exit(code)


def _guided(no_guide: bool, as_json: bool, merge: Path | None, plan: Path) -> bool:
    """Whether a person is at a terminal to guide the import (else today's headless import)."""
    import os

    if no_guide or as_json or merge is not None or str(plan) == "-" or os.environ.get("CI"):
        return False
    return sys.stdin.isatty() and sys.stdout.isatty()


def _guide(
    text: str, plan: Path, output: Path, recipe: Recipe | None, words: dict[str, str], report: Path | None
) -> None:
    """Run the guided import screen; exit 0 when it wrote the board, 1 when the user left without writing."""
    from readiness_tui.ui.screens.import_guide import ImportGuideApp, ImportGuideScreen

    written = ImportGuideApp(ImportGuideScreen(text, plan.name, output, recipe, words)).run()
    if written is None:
        _fail(f"{plan.name}: left the import guide; nothing written", EXIT_NOTHING)
    else:
        _emit(written, report)
    sys.exit(EXIT_OK)


def _json(result: ImportResult, output: Path | None, merge: Path | None, changes: list[str] | None = None) -> None:
    from readiness_tui.cli.common import echo_json
    from readiness_tui.core.outputs.documents import import_document

    rows = [(r.line, r.action, r.text) for r in result.report]
    echo_json(
        import_document(
            result.source,
            result.ok,
            result.counts,
            rows,
            None if output is None else str(output),
            None if merge is None else str(merge),
            changes or [],
        )
    )


def _emit(lines: list[str], report: Path | None) -> None:
    text = "\n".join(lines) + "\n"
    if report is None:
        click.echo(text, err=True, nl=False)
        return
    try:
        report.write_text(text, encoding="utf-8")
    except OSError as exc:
        click.echo(f"{report}: cannot write the report: {exc.strerror}", err=True)
        click.echo(text, err=True, nl=False)
        return
    # The counts (and how many guesses, skips and warnings the file holds) still reach the terminal.
    summary = next((ln for ln in reversed(lines) if ": imported " in ln), None)
    if summary:
        click.echo(f"{summary} (in {report})", err=True)


def _reader_failed(plan: Path, exc: Exception) -> str:
    """What to say when the importer itself fails on a plan: where in the reader, and that the plan is not at fault
    (nothing is written, so no board is harmed)."""
    import traceback

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" in {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return (
        f"{plan.name}: the importer failed on this plan ({type(exc).__name__}: {exc}{where}); nothing written. "
        "This is a bug in readiness, not in the plan: please report it with the plan."
    )


def _fail(message: str, code: int) -> None:
    click.echo(f"readiness import: {message}", err=True)
    sys.exit(code)
