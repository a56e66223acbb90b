"""``readiness serve [BOARD|DIR]``: the app in a browser (textual-serve), one app process per tab.

Loopback only unless ``--public``: then every request needs the token printed at start, as
``?token=...`` on the page; the page's answer sets it as a same-site cookie, which the browser
sends with the websocket (textual-serve's page builds the websocket URL itself, with no room for
a query of ours). A wrong or missing token gets 403 before any app process is started.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import shlex
import sys
from pathlib import Path
from typing import Any

import click

from readiness_tui.cli.open_cmd import resolve_target

TOKEN_COOKIE = "readiness_token"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(board: Path, read_only: bool, present: bool) -> str:
    """The command textual-serve runs for each tab: this Python, this package, this board."""
    args = [sys.executable, "-m", "readiness_tui", "open", str(board.resolve())]
    if read_only:
        args.append("--read-only")
    if present:
        args.append("--follow")
    return shlex.join(args)


def make_server(command: str, host: str, port: int, title: str, token: str | None) -> Any:
    """A textual-serve ``Server``; with a token, one that checks it first.

    The subclass overrides only the two public request handlers (page and websocket), which is
    where textual-serve lets a caller in; it does not touch how the app process is run."""
    from aiohttp import web
    from textual_serve.server import Server

    if token is None:
        return Server(command, host=host, port=port, title=title)
    secret: str = token  # narrowed above; the closures below see this name, not the parameter

    def authorised(request: web.Request) -> bool:
        given = request.query.get("token") or request.cookies.get(TOKEN_COOKIE) or ""
        return hmac.compare_digest(given.encode(), secret.encode())

    class TokenServer(Server):
        async def handle_index(self, request: web.Request) -> Any:
            if not authorised(request):
                raise web.HTTPForbidden(text="403: a valid token is needed (see the serve command's output)")
            response = await super().handle_index(request)
            response.set_cookie(TOKEN_COOKIE, secret, httponly=True, samesite="Strict")
            return response

        async def handle_websocket(self, request: web.Request) -> Any:
            if not authorised(request):
                raise web.HTTPForbidden(text="403: a valid token is needed")
            return await super().handle_websocket(request)

    return TokenServer(command, host=host, port=port, title=title)


@click.command()
@click.argument("target", required=False)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--public", is_flag=True, help="Allow a non-loopback --host; every page then needs the token printed at start."
)
@click.option("--read-only", is_flag=True, help="Viewers cannot edit, save or run gates.")
@click.option(
    "--present",
    is_flag=True,
    help="Tabs open the standup following its presenter (`readiness BOARD --present`, or P in standup).",
)
def serve(target: str | None, host: str, port: int, public: bool, read_only: bool, present: bool) -> None:
    """Serve the app to browsers: each tab runs its own app over the same board."""
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
    token = secrets.token_urlsafe(24) if public else None
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    if token is not None:
        click.echo(
            f"WARNING: serving on {host} with --public: anyone with the URL below "
            "can use the board" + ("" if read_only else " and edit it") + ".",
            err=True,
        )
        url += f"?token={token}"
    click.echo(f"readiness: serving {path} at {url}" + (" (read-only)" if read_only else ""), err=True)
    server = make_server(app_command(path, read_only, present), host, port, f"readiness · {path.name}", token)
    server.serve()
