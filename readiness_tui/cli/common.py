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


def split_board(args: tuple[str, ...] | list[str]) -> tuple[Path, list[str]]:
    """``[BOARD] REST...``: a first word that names a ``.toml`` file (or any existing file) is the
    board; without one, the board is found as ``find_board`` says."""
    rest = list(args)
    if rest and (rest[0].endswith(".toml") or rest[0] == "-" or Path(rest[0]).is_file()):
        return Path(rest[0]), rest[1:]
    return find_board(None), rest


def find_board(given: Path | None) -> Path:
    """The board a command without BOARD means: the project file's ``boards`` setting, else the only
    ``*.toml`` in ``./boards``; with several, the message lists them."""
    if given is not None:
        return given
    from ..core.config import default_boards, load_config
    from ..resources import list_boards

    cfg = load_config()
    boards = default_boards(cfg)
    where = f"the project file's boards setting ({cfg.origins['boards']})"
    if not boards:
        here = Path.cwd() / "boards"
        boards = list_boards(here) if here.is_dir() else []
        where = "./boards"
    if len(boards) == 1:
        return boards[0]
    if not boards:
        fail(
            "no board given, no ./boards/*.toml here and no `boards` in a project file; "
            "name one: readiness COMMAND BOARD.toml ..."
        )
    listed = "\n  ".join(_shown(b) for b in boards)
    fail(f"several boards in {where}; name one:\n  {listed}")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def echo_json(data: object) -> None:
    """Strict JSON (no NaN or Infinity: every reader takes it) on stdout."""
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False))
