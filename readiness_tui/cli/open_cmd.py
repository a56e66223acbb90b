"""``readiness [BOARD|DIR]``: open the app on a board, or on the first board of a directory."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from readiness_tui.cli.common import EXIT_PROBLEMS, fail

if TYPE_CHECKING:
    from readiness_tui.ui.app import ReadinessApp


def resolve_target(target: str | None) -> tuple[Path | None, Path | None, str]:
    """(board file, its directory, problem). No argument: ./boards if it exists, else the bundled boards."""
    from readiness_tui.resources import bundled_boards_dir, list_boards

    if target is None:
        local = Path.cwd() / "boards"
        directory = local if local.is_dir() and list_boards(local) else bundled_boards_dir()
        path = directory
    else:
        path = Path(target).expanduser()
    if path.is_dir():
        boards = list_boards(path)
        if not boards:
            return None, path, f"{path}: no board files (*.toml) here"
        return boards[0], path, ""
    if not path.exists():
        return None, None, f"{path}: no such board file or directory"
    return path, path.parent, ""


def sample_dir_of(path: Path, named: bool) -> Path | None:
    """The directory of the sample boards shipped with readiness when ``path`` is one of them:
    inside the installed package, or (in a source checkout) reached because no board was named
    and there is no ``./boards``. Samples are never written: the app offers a copy first."""
    from readiness_tui.resources import bundled_boards_dir

    samples = bundled_boards_dir().resolve()
    if path.resolve().parent != samples:
        return None
    return samples if samples.parent.name == "_bundled" or not named else None


def stdout_is_terminal() -> bool:
    """Whether the app can draw: stdout is a terminal, or Textual was given a driver of its own
    (``readiness serve`` runs the app behind a web driver)."""
    import os
    import sys

    return sys.stdout.isatty() or bool(os.environ.get("TEXTUAL_DRIVER"))


@click.command("open")
@click.argument("target", required=False)
@click.option("--theme", help="Theme to use this time (the choice from the palette is remembered).")
@click.option("--read-only", is_flag=True, help="View only: no edit, save or gate run (as `serve --read-only`).")
@click.option(
    "--present",
    "presenter",
    flag_value="present",
    default=None,
    help="Open the standup as its presenter: followers show its slide and timer.",
)
@click.option("--follow", "presenter", flag_value="follow", help="Open the standup following the presenter.")
def open_cmd(target: str | None, theme: str | None, read_only: bool = False, presenter: str | None = None) -> None:
    """Open the app on BOARD, or on the boards of DIR (default: ./boards, else the bundled boards)."""
    import gc
    import os

    # No cyclic collections while the board loads and the app is imported (they would rescan the
    # growing heap many times over); the app turns the collector back on after its first paint.
    gc.disable()
    from readiness_tui.ui import heap

    # Before any thread: the app's workers would each get an arena whose freed memory no other reuses.
    heap.one_arena()
    from readiness_tui.cli.parent_watch import watch_parent

    app: ReadinessApp | None = None  # an app started by `readiness serve` quits when that server ends, however it ends
    watch_parent(lambda: app.call_from_thread(app.exit) if app is not None else os._exit(1))
    from readiness_tui.core.board.store import BoardStore
    from readiness_tui.core.model.problems import BoardError
    from readiness_tui.resources import list_boards

    path, directory, problem = resolve_target(target)
    if path is None:
        click.echo(problem, err=True)
        raise SystemExit(2)
    # A board named on the command line must load; in a directory, the first board that loads
    # opens and the broken ones are reported inside the app.
    candidates = [path]
    if directory is not None and (target is None or Path(target).expanduser().is_dir()):
        candidates = list_boards(directory)
    broken: list[BoardError] = []
    store = None
    for candidate in candidates:
        try:
            store = BoardStore.load(candidate)
            break
        except BoardError as exc:
            broken.append(exc)
    if store is None:
        click.echo("\n".join(exc.describe() for exc in broken), err=True)
        raise SystemExit(2)

    if not stdout_is_terminal():
        # A pipe or a file would get escape codes and an app waiting for keys that never come.
        click.echo(
            "readiness: the app needs a terminal, and stdout is not one; for text, use "
            "`readiness list`, `show`, `order`, `report` or `export`",
            err=True,
        )
        raise SystemExit(2)
    from readiness_tui.core.settings.config import load_config
    from readiness_tui.ui.app import ReadinessApp

    notes = [exc.describe() for exc in broken]
    # Settings as a command run beside the board reads them: the board's project, and the user's.
    settings = load_config(store.path.parent if store.path else None)
    app = ReadinessApp(
        store,
        board_dir=directory,
        theme=theme,
        notes=notes,
        gc_paused=True,
        read_only=read_only,
        presenter=presenter,
        settings=settings,
        sample_dir=sample_dir_of(store.path, named=target is not None) if store.path else None,
    )
    app.run()
    if app.unsaved_at_exit is not None:
        fail(unsaved_message(app.unsaved_at_exit, app.store.name), EXIT_PROBLEMS)


def unsaved_message(unsaved: tuple[str, Path | None], board: str) -> str:
    """What the command says when the app ended with edits its last save could not write."""
    state, backup = unsaved
    kept = f"they are kept in {backup}" if backup else "and no copy could be written beside it"
    return f"the last edits could not be saved to {board} ({state}); {kept}"
