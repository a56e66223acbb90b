"""What every command shares: loading a board with a clear message instead of a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.model.board import Board

#: Exit codes: 0 fine, 1 problems found (lint errors, failing gates), 2 usage or unreadable board.
EXIT_PROBLEMS = 1
EXIT_USAGE = 2

board_argument = click.argument("board", type=click.Path(dir_okay=False, path_type=Path))

#: BOARD given as ``-``: the board's text is read from standard input (commands that only read).
STDIN = "-"
#: What messages call a board read from standard input: ``<stdin>:12: ERROR ...``.
STDIN_NAME = "<stdin>"

#: Why a command needs the board's file, not its text on standard input.
_NEEDS_FILE = {
    "set": "it writes the edit back into the board file",
    "add": "it writes the new item into the board file",
    "note": "it writes the note into the board file",
    "resolve": "it writes the chosen side back into the board file",
    "trust": "trust is recorded for a board file's path",
    "verify": "the history lives beside the board file",
    "log": "the history lives beside the board file",
    "anchor": "the history lives beside the board file",
    "mcp": "agents' edits are written back into the board file",
    "git-setup": "git merges files named in .gitattributes",
}


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    click.echo(f"readiness: {message}", err=True)
    raise SystemExit(code)


def format_options(formats: list[str], help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format/-f`` (passed as ``fmt``, default ``text``) and ``--json`` (``as_json``) as its alias."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")(fn)
        choice = click.Choice(formats)
        return click.option("--format", "-f", "fmt", type=choice, default="text", show_default=True, help=help)(fn)

    return decorate


def is_stdin(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDIN


def refuse_stdin(path: Path | str | None) -> None:
    """Exit 2 with the reason when ``-`` (standard input) is given to a command that needs a file."""
    if is_stdin(path):
        cmd = click.get_current_context().info_name or "this command"
        why = _NEEDS_FILE.get(cmd, "it needs the board's file")
        fail(f"{cmd}: a board on standard input (-) cannot be used here: {why}; name the board file")


def load_or_exit(path: Path, stdin_ok: bool = False) -> BoardStore:
    """The board at ``path``; ``-`` reads it from standard input where ``stdin_ok`` (commands that
    only read), and is refused with the reason elsewhere. Unreadable: the located message, exit 2."""
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.model.problems import BoardError

    if not stdin_ok:
        refuse_stdin(path)
    try:
        if is_stdin(path):
            return read_stdin_board()
        return BoardStore.load(path)
    except BoardError as exc:
        click.echo(exc.describe(), err=True)
        raise SystemExit(EXIT_USAGE) from None


def with_project_settings(store: BoardStore) -> Board:
    """The store's board as the settings of its project (and the user's) say to read it
    (``core.settings.with_settings``: the go/no-go scope); a problem in a settings file is said on
    stderr with its file and line, never dropped in silence."""
    from readiness_tui.core.settings.config import load_config, with_settings

    cfg = load_config(store.path.parent if store.path else None)
    for p in cfg.problems:
        click.echo(f"readiness: settings: {p.format()}", err=True)
    return with_settings(store.board, cfg)


def read_stdin_bytes() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    return stream.read() if stream is not None else sys.stdin.read().encode("utf-8")


def read_stdin_board() -> BoardStore:
    """A board from standard input, its problems located at ``<stdin>:LINE`` (bytes that are not
    UTF-8 too: a ``BoardSyntaxError`` naming the line)."""
    from readiness_tui.core.board.parse import decode
    from readiness_tui.core.board.store import BoardStore

    return BoardStore.from_text(decode(read_stdin_bytes(), STDIN_NAME), STDIN_NAME)


def item_or_fail(store: BoardStore, item_id: str) -> None:
    """Exit 1 naming the nearest id when ``item_id`` is not on the board."""
    if store.has_item(item_id):
        return
    from readiness_tui.core.model.problems import no_item

    fail(no_item(item_id, (it.id for it in store.board.items), store.name), EXIT_PROBLEMS)


def split_board(args: tuple[str, ...] | list[str]) -> tuple[Path, list[str]]:
    """``[BOARD] REST...``: a first word that names a ``.toml`` file (or any existing file) is the
    board; without one, the board is found as ``find_board`` says."""
    rest = list(args)
    if rest and names_board(rest[0]):
        return Path(rest[0]), rest[1:]
    return find_board(None), rest


def names_board(word: str) -> bool:
    """Whether a first word is BOARD rather than an id: a ``.toml`` name, ``-`` or an existing file."""
    return word.endswith(".toml") or word == "-" or Path(word).is_file()


def find_board(given: Path | None) -> Path:
    """The board a command without BOARD means: the project file's ``boards`` setting, else the only
    ``*.toml`` in ``./boards``; with several, the message lists them."""
    if given is not None:
        return given
    boards, where = board_candidates()
    if len(boards) == 1:
        return boards[0]
    if not boards:
        fail(
            "no board given, no ./boards/*.toml here and no `boards` in a project file; "
            "name one: readiness COMMAND BOARD.toml ..."
        )
    listed = "\n  ".join(_shown(b) for b in boards)
    fail(f"several boards in {where}; name one:\n  {listed}")


def board_candidates() -> tuple[list[Path], str]:
    """The boards BOARD left out may mean (the project file's ``boards``, else ``./boards/*.toml``),
    and where they were found."""
    from readiness_tui.core.settings.config import default_boards, load_config
    from readiness_tui.resources import list_boards

    cfg = load_config()
    boards = default_boards(cfg)
    if boards:
        return boards, f"the project file's boards setting ({cfg.origins['boards']})"
    here = Path.cwd() / "boards"
    return (list_boards(here) if here.is_dir() else []), "./boards"


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def echo_json(data: object) -> None:
    """Strict JSON (no NaN or Infinity: every reader takes it) on stdout, written as the UTF-8 bytes
    the encoder made (decoding them to text to encode them again cost as much as the encoding)."""
    from readiness_tui.core.outputs.json_doc import document_bytes

    click.echo(document_bytes(data, line_end=True), nl=False)
