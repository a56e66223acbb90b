"""The web side of ``readiness serve``: who may come in, one app process per tab, an orderly end.

Every request (page, websocket, static files, downloads) must

- name this server in ``Host`` (a DNS-rebinding page reaches us under its own name);
- come from our own page: an ``Origin`` header must be our origin, and Chromium's
  ``Sec-Fetch-Site`` may say another site only for a top-level navigation (which the other site
  cannot read);
- carry the token, unless the server was started with ``--no-token``: ``?token=`` on the page,
  answered with a redirect that drops it from the address bar and sets it as an HttpOnly,
  SameSite=Strict cookie, which the browser then sends with the websocket (textual-serve's page
  builds the websocket URL itself, with no room for a query of ours).

Anything else gets 403 before any app process is started.

Each tab's app runs without a shell (``argv``, not a command line) in a session of its own (a
Ctrl+C in the server's terminal reaches the server alone, which then ends the apps in order), and
holds the read end of a pipe whose write end only the server has: when the server dies, however
it dies, the app reads end-of-file and exits (``cli.parent_watch``).
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import os
import shlex
import signal
import socket
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiohttp import web
from aiohttp.web_runner import GracefulExit
from textual_serve.app_service import AppService
from textual_serve.server import Server

from readiness_tui.cli.parent_watch import PARENT_FD_ENV

#: The cookie's name ends with the port: cookies do not tell ports apart, and two servers on one
#: host would otherwise overwrite each other's token.
COOKIE_PREFIX = "readiness_token_"
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
#: How long the apps get to quit when the server is asked to stop, before they are killed: the
#: whole stop must fit in 2 s.
QUIT_GRACE_S = 1.2
#: Headers every answer carries: no framing (clickjacking), no token in a Referer, no cached page.
SAFE_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bracketed(host: str) -> str:
    """An address as it is written in a URL or a ``Host`` header (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The ``Host`` headers a request may carry: ``host:port`` as started; a loopback address by
    any of its names; a wildcard address (``0.0.0.0``, ``::``) by this machine's names and addresses."""
    names = {bracketed(host)}
    if is_loopback(host):
        names |= set(LOOPBACK_NAMES)
    elif host in ("0.0.0.0", "::", ""):
        names |= set(LOOPBACK_NAMES) | {socket.gethostname(), socket.getfqdn()}
        with contextlib.suppress(OSError):
            names |= {bracketed(str(info[4][0])) for info in socket.getaddrinfo(socket.gethostname(), None)}
    out = {f"{name.lower()}:{port}" for name in names}
    if port == 80:  # a browser leaves the default port out of Host
        out |= {name.lower() for name in names}
    return frozenset(out)


def same_token(given: str, token: str) -> bool:
    """Compared in constant time: the time taken says nothing about how much of it was right."""
    return hmac.compare_digest(given.encode(), token.encode())


def refusal(request: web.Request, hosts: frozenset[str], token: str | None, cookie: str) -> str | None:
    """Why ``request`` is refused, or None when it may go on."""
    host = request.headers.get("Host", "").lower()
    if host not in hosts:
        return f"Host {host or '(none)'!r} is not this server"
    origin = request.headers.get("Origin")
    if origin is not None and origin.lower() not in (f"http://{host}", f"https://{host}"):
        return f"Origin {origin!r} is not this server's page"
    site = request.headers.get("Sec-Fetch-Site", "")
    navigation = request.headers.get("Sec-Fetch-Mode") == "navigate" and request.headers.get("Sec-Fetch-Dest") in (
        "document",
        None,
    )
    if site in ("cross-site", "same-site") and not navigation:
        return f"a {site} {request.headers.get('Sec-Fetch-Mode', '')} request from another page"
    if token is not None:
        given = request.query.get("token") or request.cookies.get(cookie) or ""
        if not same_token(given, token):
            return "a valid token is needed (see the serve command's output)"
    return None


class TabApp(AppService):
    """One tab's app process: started from ``argv`` (no shell), in its own session, holding the
    read end of the server's pipe (``parent_fd``)."""

    def __init__(self, argv: Sequence[str], parent_fd: int, **kwargs: Any) -> None:
        super().__init__(shlex.join(argv), **kwargs)
        self.argv = list(argv)
        self.parent_fd = parent_fd

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        env = self._build_environment(width=width, height=height)
        env[PARENT_FD_ENV] = str(self.parent_fd)
        process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=env,
            pass_fds=(self.parent_fd,),
            start_new_session=True,
        )
        self._process = process
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def process(self) -> asyncio.subprocess.Process | None:
        return self._process

    async def end(self, grace_s: float) -> None:
        """Ask the app to quit; after ``grace_s``, kill it (and whatever it started)."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        await self.send_meta({"type": "quit"})
        try:
            await asyncio.wait_for(process.wait(), grace_s)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            await process.wait()
        if self._task is not None:  # its reader ends at the app's end of output
            with contextlib.suppress(Exception):
                await asyncio.wait_for(asyncio.shield(self._task), 0.5)


class BoardServer(Server):
    """textual-serve's ``Server`` with the checks above, tabs run as ``TabApp``, and a stop that
    tells every tab and ends every app within 2 s of SIGTERM or SIGINT."""

    def __init__(self, argv: Sequence[str], host: str, port: int, title: str, token: str | None) -> None:
        super().__init__(shlex.join(argv), host=host, port=port, title=title)
        self.argv = list(argv)
        self.token = token
        self.hosts = allowed_hosts(host, port)
        self.cookie = f"{COOKIE_PREFIX}{port}"
        self.tabs: set[tuple[web.WebSocketResponse, TabApp]] = set()
        self.stopping = False
        # The apps watch the read end; the write end stays here (not inherited: os.pipe makes
        # both ends close-on-exec, and each app gets the read end alone through pass_fds).
        self.watch_read, self.watch_write = os.pipe()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Callable[[web.Request], Awaitable[Any]]) -> Any:
        why = refusal(request, self.hosts, self.token, self.cookie)
        if why is not None:
            print(f"readiness: refused {request.method} {request.path}: {why} (403)", file=sys.stderr, flush=True)
            return web.Response(status=403, text=f"403: {why}\n", headers=SAFE_HEADERS)
        response = await handler(request)
        if not isinstance(response, web.WebSocketResponse):
            response.headers.update(SAFE_HEADERS)
        return response

    async def handle_index(self, request: web.Request) -> Any:
        if self.token is not None and "token" in request.query:
            # The token goes into the cookie and out of the address bar (and the browser's history).
            rest = {k: v for k, v in request.query.items() if k != "token"}
            response = web.Response(status=303, headers={"Location": str(request.rel_url.with_query(rest))})
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", path="/")
            return response
        # The page's websocket and static URLs name the host the browser used (checked above), so
        # the websocket is same-origin and gets the cookie: no await between here and their use.
        self.public_url = f"http://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler, with a ``TabApp`` per tab and a stop that never hangs."""
        from textual_serve.server import to_int

        # A short wait for the browser's answer to our close: a stop must not wait on a dead tab.
        websocket = web.WebSocketResponse(heartbeat=15, timeout=0.5)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        if self.stopping:
            raise web.HTTPServiceUnavailable(text="the server is stopping")
        await websocket.prepare(request)
        tab = TabApp(
            self.argv,
            self.watch_read,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.tabs.add((websocket, tab))
        try:
            await tab.start(width, height)
            await self._process_messages(websocket, tab)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # noqa: BLE001 - textual-serve logs a tab's failure and serves on
            print(f"readiness: a tab failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        finally:
            self.tabs.discard((websocket, tab))
            await tab.end(QUIT_GRACE_S)
            with contextlib.suppress(Exception):
                await websocket.close()
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Tell every tab (its websocket is closed: going away) and end every app."""
        self.stopping = True
        tabs = list(self.tabs)
        closes = [ws.close(code=1001, message=b"the readiness server stopped") for ws, _tab in tabs]
        ends = [tab.end(QUIT_GRACE_S) for _ws, tab in tabs]
        await asyncio.gather(*closes, *ends, return_exceptions=True)

    def request_exit(self) -> None:
        if self.stopping:  # a second Ctrl+C while the apps quit: the stop is bounded anyway
            return
        self.stopping = True
        raise GracefulExit()

    def serve(self, debug: bool = False) -> None:
        """textual-serve's ``serve``, with a short wait for the handlers once the apps are ended."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        loop.add_signal_handler(signal.SIGINT, self.request_exit)
        loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            shutdown_timeout=0.3,
            print=lambda *args: None,
        )
