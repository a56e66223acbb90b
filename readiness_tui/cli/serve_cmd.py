"""``readiness serve [BOARD|DIR]``: the app in a browser (textual-serve), one app process per tab.

A token always, on loopback too (as Jupyter does): another program on this machine, or a page in
the browser, must not drive the board. The URL printed at start carries it; the page's answer
moves it into a cookie. ``--no-token`` is for those who know why (a warning says so). Host,
Origin and token checks, the apps' processes and the stop: ``cli.serve_web``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from readiness_tui.cli.open_cmd import resolve_target

__all__ = ["app_argv", "serve"]


def app_argv(board: Path, read_only: bool, present: bool) -> list[str]:
    """The command each tab's app runs: this Python, this package, this board (no shell)."""
    args = [sys.executable, "-m", "readiness_tui", "open", str(board.resolve())]
    if read_only:
        args.append("--read-only")
    if present:
        args.append("--follow")
    return args


@click.command()
@click.argument("target", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--public", is_flag=True, help="Allow a non-loopback --host (the token is still required).")
@click.option(
    "--no-token",
    is_flag=True,
    help="Serve without the token: any program or page that reaches the port can use the board.",
)
@click.option("--read-only", is_flag=True, help="Viewers cannot edit, save or run gates.")
@click.option(
    "--present",
    is_flag=True,
    help="Tabs open the standup following its presenter (`readiness BOARD --present`, or P in standup).",
)
def serve(
    target: str | None, host: str, port: int, public: bool, no_token: bool, read_only: bool, present: bool
) -> None:
    """Serve the app to browsers: each tab runs its own app over the same board."""
    # aiohttp and textual-serve are the server's alone: `readiness --help` must not import them.
    from readiness_tui.cli.serve_web import BoardServer, bracketed, is_loopback

    path, _directory, problem = resolve_target(target)
    if path is None:
        click.echo(f"readiness: {problem}", err=True)
        raise SystemExit(2)
    if not is_loopback(host) and not public:
        click.echo(
            f"readiness: {host} is not a loopback address; add --public to serve it (a token is then required)",
            err=True,
        )
        raise SystemExit(2)
    import secrets

    token = None if no_token else secrets.token_urlsafe(24)
    url = f"http://{bracketed(host)}:{port}/"
    if public:
        click.echo(
            f"WARNING: serving on {host} with --public: anyone with the URL below "
            "can use the board" + ("" if read_only else " and edit it") + ".",
            err=True,
        )
    if token is None:
        click.echo(
            "WARNING: --no-token: any program that reaches the port"
            + (" (anyone on the network)" if public else " on this machine")
            + " can use the board"
            + ("" if read_only else " and edit it")
            + ".",
            err=True,
        )
    else:
        url += f"?token={token}"
    click.echo(f"readiness: serving {path} at {url}" + (" (read-only)" if read_only else ""), err=True)
    server = BoardServer(app_argv(path, read_only, present), host, port, f"readiness · {path.name}", token)
    server.serve()
