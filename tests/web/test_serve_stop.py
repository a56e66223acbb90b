"""However ``readiness serve`` ends, no app it started lives on, and the board is left unlocked.

Tabs are a real Chromium page or plain websocket clients (as a page's, with the cookie); the
server's process tree is read from /proc before it is stopped, and each of those processes must
be gone afterwards (a zombie counts as gone: it runs nothing and holds no file).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import signal
import socket
import time
from pathlib import Path

import pytest

from readiness_tui.core.board.lock import lock_path

from .conftest import TITLE

#: A ceiling for waits on processes to end, far above what they take, so that a loaded machine
#: does not fail the test; the 2 s the stop is meant to take is measured, not asserted.
ENDED_WITHIN_S = 30


def tree(pid: int) -> dict[int, str]:
    """``pid`` and its descendants, each with its start time (a pid can be reused)."""
    out: dict[int, str] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        start = started(p)
        if start is None:
            continue
        out[p] = start
        for task in Path(f"/proc/{p}/task").iterdir():
            todo += [int(t) for t in (task / "children").read_text().split()]
    return out


def started(pid: int) -> str | None:
    """The start time of a running process ``pid`` (None once it is gone, or a zombie)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] in ("Z", "X") else fields[19]


def wait_all_gone(pids: dict[int, str]) -> list[int]:
    """Poll /proc until none of ``pids`` runs; returns those left when the ceiling is reached."""
    deadline = time.monotonic() + ENDED_WITHIN_S
    while True:
        left = [p for p, start in pids.items() if started(p) == start]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


class Tab:
    """A websocket client as the page's: the cookie, the server's own Origin, the page's query."""

    def __init__(self, port: int, token: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (
                f"GET /ws?width=100&height=30 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Origin: http://127.0.0.1:{port}\r\nCookie: readiness_token_{port}={token}\r\n"
                f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode()
        )
        self.received = b""
        while b"\r\n\r\n" not in self.received:
            self.received += self.sock.recv(65536)
        head, _, self.received = self.received.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 101"), head

    def send(self, message: object) -> None:
        payload = json.dumps(message).encode()
        assert len(payload) < 126
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + masked)

    def wait_for(self, text: bytes) -> None:
        """Read until the app has drawn ``text`` (it is then running, past its start)."""
        while text not in re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", self.received):
            chunk = self.sock.recv(65536)
            assert chunk, "the server closed the tab"
            self.received += chunk

    def close_code(self) -> int | None:
        """Read the stream to its end; the code of the close frame the server sent (None: none)."""
        while chunk := self.sock.recv(65536):
            self.received += chunk
        data, code = self.received, None
        while len(data) >= 2:  # the server's frames are unmasked
            opcode, size, at = data[0] & 0x0F, data[1] & 0x7F, 2
            if size == 126:
                size, at = int.from_bytes(data[2:4], "big"), 4
            elif size == 127:
                size, at = int.from_bytes(data[2:10], "big"), 10
            if opcode == 0x8:
                code = int.from_bytes(data[at : at + 2], "big")
            data = data[at + size :]
        return code

    def close(self) -> None:
        self.sock.close()


def open_tabs(server: object, count: int, already: int = 0) -> list[Tab]:
    """``count`` tabs, each with its app drawn (``already`` tabs were open before)."""
    token = server.url.split("token=")[1]  # type: ignore[attr-defined]
    tabs = [Tab(server.port, token) for _ in range(count)]  # type: ignore[attr-defined]
    for tab in tabs:
        tab.wait_for(TITLE.encode())
    assert len(server.children()) == count + already  # type: ignore[attr-defined]
    return tabs


def assert_apps_exec_d(server: object) -> None:
    """The server's children are the apps themselves, with no shell between.

    (An app may have a child of its own for a moment: the parse cache's writer, ``core.caches``.)"""
    for pid in server.children():  # type: ignore[attr-defined]
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        assert argv[1:4] == [b"-m", b"readiness_tui", b"open"], argv


def assert_unlocked(board: Path) -> None:
    fd = os.open(lock_path(board), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # raises BlockingIOError if an app held it
    finally:
        os.close(fd)


@pytest.mark.parametrize("tabs", [1, 3])
def test_sigkill_leaves_no_app_behind(serve, board_file: Path, tabs: int) -> None:
    server = serve(board_file)
    clients = open_tabs(server, tabs)
    pids = tree(server.proc.pid)
    assert_apps_exec_d(server)
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait()
    assert wait_all_gone(pids) == []
    assert_unlocked(board_file)
    for client in clients:
        client.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stop_tells_every_tab_and_ends_every_app(serve, open_page, board_file: Path, sig: int) -> None:
    server = serve(board_file)
    page, term = open_page(server.url)
    clients = open_tabs(server, 2, already=1)
    pids = tree(server.proc.pid)
    assert_apps_exec_d(server)
    closed: list[object] = []
    term.ws.on("close", lambda ws: closed.append(ws))  # type: ignore[union-attr]
    begun = time.monotonic()
    os.kill(server.proc.pid, sig)
    assert server.proc.wait(timeout=ENDED_WITHIN_S) == 0
    took = time.monotonic() - begun
    assert wait_all_gone(pids) == []
    if not closed:  # Playwright delivers the events it has during a call
        term.ws.wait_for_event("close", timeout=ENDED_WITHIN_S * 1000)  # type: ignore[union-attr]
    for client in clients:
        assert client.close_code() == 1001  # going away
        client.close()
    assert_unlocked(board_file)
    print(f"stop took {took:.2f} s")  # measured (pytest -s shows it), not asserted
