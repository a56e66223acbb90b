"""What every command shares: loading a board with a clear message instead of a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from ..core.problems import BoardError
from ..core.store import BoardStore

#: Exit codes: 0 fine, 1 problems found (lint errors, failing gates), 2 usage or unreadable board.
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

board_argument = click.argument("board", type=click.Path(dir_okay=False, path_type=Path))


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"readiness: {message}", err=True)
    raise SystemExit(code)


def load_or_exit(path: Path) -> BoardStore:
    try:
        return BoardStore.load(path)
    except BoardError as exc:
        click.echo(exc.describe(), err=True)
        raise SystemExit(EXIT_USAGE) from None
