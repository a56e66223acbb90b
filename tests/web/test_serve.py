"""``readiness serve`` in headless Chromium: the board, keys, read-only, presenter mode, the token."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.request
from pathlib import Path

from readiness_tui.core.standup.presenter import read_state, state_path

from .conftest import TITLE


def press(page: object, *keys: str) -> None:
    page.focus(".xterm-helper-textarea")  # type: ignore[attr-defined]
    for key in keys:
        page.keyboard.press(key)  # type: ignore[attr-defined]


def files_of(directory: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in directory.iterdir() if p.is_file()}


def test_board_in_the_browser_keys_change_the_screen(serve, open_page, board_file: Path, tmp_path: Path) -> None:
    server = serve(board_file)
    page, term = open_page(server.url)
    assert len(server.children()) == 1  # this tab's own app process
    mark = term.mark()
    press(page, "m")  # standup mode
    term.wait_for(r"STANDUP · " + re.escape(TITLE), since=mark)
    shot = tmp_path / "standup.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    mark = term.mark()
    press(page, "ArrowRight")
    term.wait_for(r"2/\d+ · owners", since=mark)


def test_read_only_keys_change_no_file(serve, open_page, board_file: Path) -> None:
    before = files_of(board_file.parent)
    server = serve(board_file, "--read-only")
    page, term = open_page(server.url)
    term.wait_for(r"read-only")  # the header says so
    # Edits, undo, save, delete, the theme picker, then standup mode's status change and
    # screenshot, and leaving it (which records a held standup). Gates: tests/ui/test_read_only.py.
    # (No Escape between keys: the terminal sends it as ESC, and ESC + a key typed quickly after it
    # arrives as alt+key. Refused keys open no dialog, so none is needed.)
    press(page, "s", "S", "a", "e", "+", "X", "u", "Control+s", "T")
    mark = term.mark()
    press(page, "m")
    term.wait_for(r"STANDUP", since=mark)
    press(page, "ArrowRight", "s", "e")
    mark = term.mark()
    press(page, "q")  # q leaves the standup (recording it, normally)
    # Wait for it to be gone: a "?" that reaches the standup screen first opens no help (a flake in CI).
    term.wait_for(r"Standup recorded", since=mark)
    mark = term.mark()
    press(page, "?")  # a visible change after every key above was handled
    term.wait_for(r"escape closes", since=mark)
    assert files_of(board_file.parent) == before
    assert not state_path(board_file).exists()
    # nor the user's settings (standup mode switches the theme, which a normal app remembers)
    config = Path(os.environ["XDG_CONFIG_HOME"])
    assert [p for p in config.rglob("*") if p.is_file()] == []  # (rglob of a missing dir is empty)


def test_follower_follows_the_presenter(serve, open_page, board_file: Path) -> None:
    presenting = serve(board_file)
    following = serve(board_file, "--present", "--read-only")
    page1, term1 = open_page(presenting.url)
    mark = term1.mark()
    press(page1, "m", "P")  # standup, then present
    term1.wait_for(r"1/\d+ · owners", since=mark)
    page2, term2 = open_page(following.url)
    term2.wait_for(r"STANDUP · " + re.escape(TITLE))
    first = read_state(state_path(board_file))
    assert first is not None and first.slide == "__overview__"

    # The follower cannot move the presentation: its keys change neither the file nor its slide
    # (the help screen, opened last, is the sign that every key before it was handled).
    mark2 = term2.mark()
    press(page2, "ArrowRight", "w", "t", "?")
    term2.wait_for(r"escape closes", since=mark2)
    assert not re.search(r"2/\d+ ·|workstreams", term2.text(mark2))
    assert read_state(state_path(board_file)) == first
    press(page2, "Escape")

    mark2 = term2.mark()
    press(page1, "ArrowRight")
    term2.wait_for(r"2/\d+ · owners", since=mark2)
    state = read_state(state_path(board_file))
    assert state is not None and state.seq == first.seq + 1 and state.slide != "__overview__"


def test_public_needs_the_token(serve, open_page, board_file: Path, browser) -> None:
    server = serve(board_file, "--public")
    assert "token=" in server.url
    base = server.url.split("?")[0]
    for url in (base, base + "?token=wrong", base.rstrip("/") + "/ws", base.rstrip("/") + "/ws?token=x"):
        try:
            urllib.request.urlopen(url, timeout=10)
            raise AssertionError(f"{url} was served")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403, url
    ctx = browser.new_context()
    page = ctx.new_page()
    response = page.goto(base + "?token=wrong")
    assert response is not None and response.status == 403
    ctx.close()
    assert server.children() == []  # no app process for any refused request
    page, term = open_page(server.url)  # the printed URL works, websocket included (cookie)
    assert len(server.children()) == 1


def test_non_loopback_needs_public(board_file: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "serve", str(board_file), "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "--public" in proc.stderr
