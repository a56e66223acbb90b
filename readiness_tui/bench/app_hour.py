"""The app's memory after an hour of use, compressed: what a user's session does to the process,
driven through tmux in a few minutes, and the peak RSS read from ``/proc`` (``VmHWM``).

    python -c "from readiness_tui.bench.app_hour import run; print(run(10000))"

An hour is ``rounds`` rounds of: every pane shown in turn; the backlog's cursor taken over the
whole board (page by page, then back to the top); a filter typed and cleared; the status of a few
items changed (each change saved at once, with its history record); and the board changed by
another process (one title, written atomically, as an editor or ``git pull`` does, once the
app's own saves have landed). Memory that grows with use (history, caches keyed by board,
widgets kept) shows as a peak that climbs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readiness_tui.bench.external import TmuxPane, app_command, load_average, settle, shows, tmux_app

#: Panes by their number key (``pane.N`` in the action registry), the backlog last.
PANE_KEYS = ("2", "3", "4", "5", "6", "7", "8", "1")


def rss_mb(pid: int) -> dict[str, float]:
    """Current and peak resident size of ``pid`` (MiB)."""
    out: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        for key, name in (("VmRSS:", "rss_mb"), ("VmHWM:", "peak_rss_mb")):
            if line.startswith(key):
                out[name] = round(int(line.split()[1]) / 1024, 1)
    return out


def send_many(pane: TmuxPane, key: str, count: int, batch: int = 25) -> None:
    """``key`` ``count`` times, a batch per ``send-keys``, letting the screen settle between batches."""
    while count > 0:
        n = min(batch, count)
        pane.send_keys([key] * n)
        count -= n
        settle(pane, 0.05)


def outside_title(board: Path, item_id: str, title: str) -> None:
    """Replace ``item_id``'s title on disk as another process would (whole file, atomically)."""
    text = board.read_text(encoding="utf-8")
    head = f'id = "{item_id}"\ntitle = "'
    at = text.index(head) + len(head)
    end = text.index('"', at)
    tmp = board.with_name(f".{board.name}.bench")
    tmp.write_text(text[:at] + title + text[end:], encoding="utf-8")
    os.replace(tmp, board)


def one_round(
    pane: TmuxPane, board: Path, n_items: int, first_id: str, round_no: int, mark: Callable[[str], None] | None = None
) -> None:
    """One round of use; ``mark(step)`` is called after each step (a trace of where memory grows)."""
    step = mark or (lambda _name: None)
    for key in PANE_KEYS:
        pane.send(key)
        settle(pane, 0.15)
        step(f"pane {key}")
    # The whole backlog, a page at a time (38 rows a page in a 40-line pane), and back.
    send_many(pane, "PageDown", n_items // 30 + 1)
    pane.send("g")
    settle(pane, 0.1)
    step("pages")
    pane.send("/")
    settle(pane, 0.1)
    for ch in "owner:@ana ready":
        pane.send_keys([ch if ch != " " else "Space"])
    settle(pane, 0.3)
    pane.send("Escape")
    settle(pane, 0.3)
    pane.send("Escape")
    settle(pane, 0.2)
    step("filter")
    # Status edits, each saved at once with its history record, on items across the board.
    for _ in range(4):
        pane.send("s")
        settle(pane, 0.1)
        send_many(pane, "j", 7, batch=7)
    step("status edits")
    # Another process changes the file once the app's own saves have landed (the top bar says
    # "saved" again). Written before, on a loaded machine, it took the place of an edit still
    # being saved: the save was refused, the conflict dialog took the next keys, and the hour
    # measured something else from then on.
    pane.wait_for(lambda screen: "unsaved" not in screen, timeout=30)
    # Back to the top, where the changed item's row is: after the filter and the edits the cursor
    # is a hundred rows down, the new title never showed, and each round waited out the timeout.
    pane.send("g")
    settle(pane, 0.1)
    title = f"Changed outside {round_no:03d}"
    outside_title(board, first_id, title)
    pane.wait_for(shows(title), timeout=30)
    settle(pane, 0.2)
    step("outside change")


def hour_of_use(
    command: str, board: Path, n_items: int, first_id: str, rounds: int = 6, trace: bool = False
) -> dict[str, Any]:
    """Peak and current RSS of the app after each round of use (MiB), and at first paint; with
    ``trace``, also after every step of every round (``steps``: round, step and RSS), to see which
    action makes memory jump."""
    load = load_average()
    with tmux_app(command) as pane:
        if pane.wait_for(shows(first_id), timeout=120) is None:
            return {"timeout": True}
        settle(pane, 1.0)
        out: dict[str, Any] = {"first_paint": rss_mb(pane.pid), "rounds": []}
        steps: list[dict[str, Any]] = []
        for r in range(rounds):
            mark = (lambda name, r=r: steps.append({"round": r, "step": name, **rss_mb(pane.pid)})) if trace else None
            one_round(pane, board, n_items, first_id, r, mark)
            out["rounds"].append(rss_mb(pane.pid))
        out["peak_rss_mb"] = out["rounds"][-1]["peak_rss_mb"] if rounds else out["first_paint"]["peak_rss_mb"]
        if trace:
            out["steps"] = steps
    out["load"] = load
    return out


def run(n: int = 10_000, rounds: int = 6, workdir: Path | None = None, trace: bool = False) -> dict[str, Any]:
    """``hour_of_use`` on an imported board of ``n`` items (made in ``workdir`` and kept there)."""
    from readiness_tui.bench.outside import imported_board, warm_parse_cache

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = workdir or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        pristine = tmp / f"pristine-{n}.toml"
        if not pristine.exists():
            made, _ = imported_board(tmp, n)
            shutil.copy(made, pristine)
        board = tmp / f"hour-{n}.toml"
        shutil.copy(pristine, board)
        for beside in tmp.glob(f"hour-{n}.history*"):
            beside.unlink()
        warm_parse_cache(board)
        return hour_of_use(app_command(str(board)), board, n, "M-000001", rounds, trace)
