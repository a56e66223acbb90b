"""A real browser over a real server: headless Chromium (Debian's package) driven by Playwright.

Chromium missing is a failure, not a skip (``.ci/run`` installs it). The server is ``readiness
serve`` as a subprocess on a free loopback port; what the page's terminal shows is read from the
bytes the server sends it over the websocket (xterm.js draws on a canvas), and screenshots show it.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
BOARD = ROOT / "boards" / "final-implementation-plan.toml"
TITLE = "Final Implementation Plan"
#: One app process per tab starts in a few seconds even on a busy 2-core machine.
START_TIMEOUT_MS = 45_000
ANSI = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMc])")


# Package scope: Playwright's sync API keeps an event loop running while it is open, which would
# stop any later test (outside tests/web) from calling asyncio.run.
@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """A ``readiness serve`` subprocess; ``url`` is what it printed (with the token, if any)."""

    def __init__(self, board: Path, *flags: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "readiness_tui", "serve", str(board), "--port", str(self.port), *flags],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        assert self.proc.stderr is not None
        line = ""
        #: What the server said before it listened (warnings, then the URL).
        self.said: list[str] = []
        for line in self.proc.stderr:  # the "serving ... at URL" line comes before the server listens
            self.said.append(line)
            if line.startswith("readiness: serving"):
                break
        match = re.search(r"http://\S+", line)
        assert match, f"serve said: {line!r}"
        self.heard = threading.Condition()
        threading.Thread(target=self._listen, daemon=True).start()
        self.url = match.group(0)
        deadline = time.monotonic() + 30
        while True:  # the port accepting connections is the event we wait for
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                assert self.proc.poll() is None, "serve exited"
                assert time.monotonic() < deadline, "serve did not listen"
                time.sleep(0.05)

    def _listen(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            with self.heard:
                self.said.append(line)
                self.heard.notify_all()

    def wait_said(self, pattern: str, count: int = 1, timeout: float = 30) -> list[str]:
        """Wait until the server has said ``count`` lines matching ``pattern`` (a regex) on stderr."""
        rx = re.compile(pattern)
        with self.heard:
            assert self.heard.wait_for(lambda: len([x for x in self.said if rx.search(x)]) >= count, timeout), (
                f"serve never said {pattern!r} {count} times: {self.said!r}"
            )
            return [x for x in self.said if rx.search(x)]

    def children(self) -> list[int]:
        """Pids of the server's child processes (one app per connected tab)."""
        out: list[int] = []
        for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
            text = (task / "children").read_text().split()
            out += [int(t) for t in text]
        return out

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Terminal:
    """What the server sent a page's terminal, as text without escape codes."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.chunks: list[bytes] = []
        self.ws: object | None = None
        page.on("websocket", self._socket)  # type: ignore[attr-defined]

    def _socket(self, ws: object) -> None:
        self.ws = ws
        ws.on("framereceived", self._frame)  # type: ignore[attr-defined]

    def _frame(self, payload: object) -> None:
        self.chunks.append(payload if isinstance(payload, bytes) else str(payload).encode())

    def mark(self) -> int:
        """A position: ``wait_for(..., since=mark)`` looks only at what came after it."""
        return len(self.chunks)

    def text(self, since: int = 0) -> str:
        return ANSI.sub(b"", b"".join(self.chunks[since:])).decode("utf-8", "replace")

    def wait_for(self, pattern: str, since: int = 0, timeout_ms: int = START_TIMEOUT_MS) -> str:
        """Wait until the terminal shows ``pattern`` (a regex); returns the match."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            found = rx.search(self.text(since))
            if found:
                return found.group(0)
            left = deadline - time.monotonic()
            assert left > 0, f"terminal never showed {pattern!r}; it showed: {self.text(since)[-600:]!r}"
            if self.ws is None:
                self.page.wait_for_event("websocket", timeout=left * 1000)  # type: ignore[attr-defined]
                continue
            try:  # the next frame is the event that can change the answer
                self.ws.wait_for_event("framereceived", timeout=min(left, 5) * 1000)  # type: ignore[attr-defined]
            except Exception:  # noqa: BLE001 - no frame in 5 s: look again, until the deadline
                pass


@pytest.fixture
def board_file(tmp_path: Path) -> Path:
    dst = tmp_path / BOARD.name
    shutil.copy(BOARD, dst)
    return dst


@pytest.fixture
def serve() -> Iterator[object]:
    started: list[Served] = []

    def start(board: Path, *flags: str) -> Served:
        s = Served(board, *flags)
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()


@pytest.fixture
def open_page(browser: object) -> Iterator[object]:
    contexts: list[object] = []

    def open_(url: str) -> tuple[object, Terminal]:
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
        contexts.append(ctx)
        page = ctx.new_page()
        term = Terminal(page)
        page.goto(url)
        term.wait_for(re.escape(TITLE))
        return page, term

    yield open_
    for ctx in contexts:
        ctx.close()  # type: ignore[attr-defined]
