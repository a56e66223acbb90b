"""Who may reach a served board: the token (on loopback too), Host, and Origin, in real Chromium."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import free_port

EVIL_PAGE = """<!doctype html><title>another page</title><script>
window.results = {};
const ws = new WebSocket("ws://127.0.0.1:PORT/ws?width=80&height=24");
ws.onopen = () => { window.results.ws = "open"; ws.send(JSON.stringify(["stdin", "s"])); };
ws.onclose = (e) => { window.results.ws = window.results.ws || ("closed " + e.code); };
fetch("http://127.0.0.1:PORT/", {credentials: "include"}).then(
  (r) => { window.results.fetch = r.status; }, (e) => { window.results.fetch = "failed"; });
fetch("http://127.0.0.1:PORT/", {mode: "no-cors", credentials: "include"}).then(
  (r) => { window.results.nocors = r.type; }, (e) => { window.results.nocors = "failed"; });
</script>"""


@pytest.fixture
def other_origin() -> Iterator[object]:
    """A page on another port of 127.0.0.1 (same site as the server, another origin)."""
    pages: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def put(path: str, html: str) -> str:
        pages[path] = html.encode()
        return f"http://127.0.0.1:{httpd.server_address[1]}{path}"

    yield put
    httpd.shutdown()
    httpd.server_close()


def status_with_host(port: int, host: str, path: str = "/") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Host": host})
    status = conn.getresponse().status
    conn.close()
    return status


def test_another_origin_cannot_drive_the_board(serve, open_page, board_file: Path, other_origin) -> None:
    server = serve(board_file)
    before = board_file.read_bytes()
    page, _term = open_page(server.url)  # signed in: this browser context holds the cookie
    assert "token=" not in page.url  # the redirect took the token out of the address bar
    assert len(server.children()) == 1
    statuses: list[tuple[str, int]] = []  # what Chromium saw of the server's answers
    evil = page.context.new_page()
    evil.on("response", lambda r: statuses.append((r.request.resource_type, r.status)))
    evil.goto(other_origin("/evil.html", EVIL_PAGE.replace("PORT", str(server.port))))
    evil.wait_for_function("() => 'ws' in results && 'fetch' in results && 'nocors' in results")
    results = evil.evaluate("() => results")
    assert results["ws"].startswith("closed"), results  # never opened
    assert results["fetch"] == "failed", results
    # The server refused each request itself (not merely the browser's CORS rule hiding a page).
    assert ("fetch", 403) in statuses, statuses
    server.wait_said(r"refused GET /ws: (Origin 'http://127\.0\.0\.1:\d+'|a same-site websocket)")
    server.wait_said(r"refused GET /: (Origin|a same-site no-cors)", count=2)
    assert len(server.children()) == 1  # no app started for the other page
    assert board_file.read_bytes() == before


def test_token_on_loopback_and_host_checked(serve, browser, board_file: Path) -> None:
    server = serve(board_file)
    assert "token=" in server.url
    base = server.url.split("?")[0]
    ctx = browser.new_context()
    page = ctx.new_page()
    response = page.goto(base)  # loopback, no token
    assert response is not None and response.status == 403
    ctx.close()
    path = "/?" + server.url.split("?")[1]
    assert status_with_host(server.port, "evil.example", path) == 403  # DNS rebinding: the right token, a wrong Host
    assert status_with_host(server.port, f"evil.example:{server.port}", path) == 403
    assert status_with_host(server.port, f"localhost:{server.port}", path) == 303  # the token goes into a cookie
    assert status_with_host(server.port, f"[::1]:{server.port}", path) == 303
    assert server.children() == []


def test_no_token_warns_and_serves(serve, open_page, board_file: Path) -> None:
    server = serve(board_file, "--no-token")
    assert "token=" not in server.url
    assert any(line.startswith("WARNING: --no-token") for line in server.said), server.said
    assert status_with_host(server.port, "evil.example") == 403  # Host is checked all the same
    open_page(server.url)
    assert len(server.children()) == 1


def test_the_rules_without_a_server() -> None:
    """``allowed_hosts`` and ``refusal`` themselves: the cases a browser test does not reach."""
    from aiohttp.test_utils import make_mocked_request

    from readiness_tui.cli.serve_web import allowed_hosts, refusal

    loop = allowed_hosts("127.0.0.1", 8000)
    assert loop == {"localhost:8000", "127.0.0.1:8000", "[::1]:8000"}
    assert allowed_hosts("::1", 80) >= {"[::1]:80", "[::1]", "localhost"}  # port 80 may be left out
    assert allowed_hosts("192.0.2.7", 8000) == {"192.0.2.7:8000"}

    def why(headers: dict[str, str], path: str = "/", token: str | None = "s3cret") -> str | None:
        request = make_mocked_request("GET", path, headers={"Host": "127.0.0.1:8000", **headers})
        return refusal(request, loop, token, "readiness_token_8000")

    signed_in = {"Cookie": "readiness_token_8000=s3cret"}
    assert why(signed_in) is None
    assert why({}, "/?token=s3cret") is None
    assert why({"Cookie": "readiness_token_8001=s3cret"}) is not None  # another port's cookie
    assert why({}, "/?token=s3cre") is not None
    assert why({"Host": "127.0.0.1:8001", **signed_in}) is not None
    assert why({"Origin": "http://127.0.0.1:8000", **signed_in}) is None
    assert why({"Origin": "null", **signed_in}) is not None  # a sandboxed frame, a file:// page
    assert why({"Origin": "http://localhost:8000", **signed_in}) is not None  # not the Host it asked
    # Another page's request without an Origin (no-cors): refused, unless it is a navigation.
    other = {"Sec-Fetch-Site": "same-site", **signed_in}
    assert why({**other, "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "empty"}) is not None
    assert why({**other, "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}) is None
    assert why({**other, "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "iframe"}) is not None
    assert why({}, token=None) is None  # --no-token: Host and Origin still hold
    assert why({"Host": "evil.example"}, token=None) is not None
