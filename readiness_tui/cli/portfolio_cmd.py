"""``readiness portfolio [SOURCE...]``: every board at once, read at a ref through git."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from readiness_tui.cli.common import EXIT_PROBLEMS, fail

if TYPE_CHECKING:
    from readiness_tui.core.portfolio import BoardRow, Entry


def entries_of(sources: tuple[str, ...], ref: str, path: str, work_tree: bool) -> tuple[str, list[Entry]]:
    """The portfolio's title and entries from the command's SOURCEs: a portfolio file (``*.toml``),
    a clone (a directory with ``.git``: its boards at ``ref``), or a directory tree of boards."""
    from readiness_tui.core.portfolio import Entry, PortfolioFileError, from_clones, from_directory, from_file

    entries: list[Entry] = []
    titles: list[str] = []
    for source in sources or (".",):
        where = Path(source).expanduser()
        if where.is_file():
            try:
                title, found = from_file(where)
            except PortfolioFileError as exc:
                fail(exc.describe())
            titles.append(title)
            entries += found
        elif (where / ".git").exists() and not work_tree:
            entries += from_clones([where], ref, path)
        elif where.is_dir():
            entries += from_directory(where)
        else:
            # A clone that is missing is one row with its reason, not a failed run.
            entries.append(Entry(where.name or source, path, where.resolve(), ref))
    title = titles[0] if len(titles) == 1 and len(sources) == 1 else "Portfolio"
    return title, entries


def load_rows(entries: list[Entry], use_cache: bool = True) -> list[BoardRow]:
    """Every board's row, through the blob cache in the user cache directory."""
    from readiness_tui.core.portfolio import read_portfolio

    if not use_cache:
        return read_portfolio(entries)
    from readiness_tui.core.cache.portfolio import PortfolioCache

    cache = PortfolioCache()
    rows = read_portfolio(entries, cache)
    cache.save()
    return rows


@click.command("portfolio")
@click.argument("sources", nargs=-1)
@click.option("--ref", default="origin/main", show_default=True, help="The ref clones are read at.")
@click.option(
    "--path", "board_path", default="boards/", show_default=True, help="A clone's board, or directory of boards."
)
@click.option("--work-tree", is_flag=True, help="Read clones' boards from disk as they are, not at --ref.")
@click.option(
    "--filter", "-q", "query", default="", help="Only the boards that match: nogo, level:<silver, owner:@team ..."
)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(["text", "json", "md", "html"]), default="text", show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead of stdout."
)
@click.option(
    "--go-no-go", "train", is_flag=True, help="The release train's decision: exit 1 unless every board is ready."
)
@click.option("--app", "open_app", is_flag=True, help="Open the portfolio screen.")
@click.option("--no-cache", is_flag=True, help="Parse every board again.")
def portfolio_cmd(
    sources: tuple[str, ...],
    ref: str,
    board_path: str,
    work_tree: bool,
    query: str,
    fmt: str,
    as_json: bool,
    output: Path | None,
    train: bool,
    open_app: bool,
    no_cache: bool,
) -> None:
    """Readiness across services: one row per board, read at REF through git with nothing checked out.

    \b
    SOURCE: a portfolio file (TOML naming repositories, board paths and refs), a local clone (its
    boards/*.toml at --ref, origin/main by default), or a directory tree of boards. Default: `.`.
    A board that cannot be read is one row with its error; the run goes on.
    Exit 0; with --go-no-go, 1 when any board in scope is not ready (or not readable).
    """
    from readiness_tui.core.filters.values import FilterError
    from readiness_tui.core.portfolio import document, html_page, markdown, parse_query, select, train_decision

    fmt = "json" if as_json else fmt
    try:
        parse_query(query)
    except FilterError as exc:
        fail(f"--filter {query!r}: {exc}")
    title, entries = entries_of(sources, ref, board_path, work_tree)
    if open_app:
        from readiness_tui.ui.portfolio_app import run_app

        run_app(title, query, lambda: load_rows(entries, not no_cache))
        return
    rows = select(load_rows(entries, not no_cache), query)
    decision = train_decision(rows)
    if fmt == "json":
        from readiness_tui.core.outputs.json_doc import document_text

        text = document_text(document(title, rows, query))
    elif fmt == "md":
        text = markdown(title, rows)
    elif fmt == "html":
        text = html_page(title, rows)
    elif train:
        text = "\n".join(decision.lines())
    else:
        text = _table(rows) + "\n" + decision.lines()[0]
    if output is not None:
        from readiness_tui.core.board.fsutil import atomic_write

        atomic_write(output, text.encode("utf-8") + b"\n")
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text)
    if train and not decision.go:
        raise SystemExit(EXIT_PROBLEMS)


def _table(rows: list[BoardRow]) -> str:
    from readiness_tui.core.portfolio.outputs import COLUMNS, cells

    table = [list(COLUMNS), *(cells(r) for r in rows)]
    widths = [max(len(row[n]) for row in table) for n in range(len(COLUMNS) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1] for row in table]
    return "\n".join(line.rstrip() for line in lines)
