"""Figures taken from outside the process, as a user meets them (``--only outside``).

- Whole-process CLI timings: a fresh interpreter per run, wall and CPU time and peak RSS of that
  child alone (``os.wait4``), median of ``runs``.
- The app in a real terminal (tmux, 120x40): first paint is the time from launching the command
  to its marker being on the pane; a key's time is from ``send-keys`` to the pane's content
  (with colours, so a moved highlight counts) being different, polled as fast as tmux answers.
  The same first paint is measured for an empty Textual app: Textual's own floor on this machine.
- An outside change: the board rewritten atomically by another process, to the new title on the pane.

Every figure carries the load average when it was taken: on a shared machine that is the first
thing to read beside a number.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_CLOCK_TICK = os.sysconf("SC_CLK_TCK")


def load_average() -> float:
    return round(os.getloadavg()[0], 2)


def stats_ms(samples_s: list[float]) -> dict[str, Any]:
    ms = sorted(x * 1000 for x in samples_s)
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
    return {"median_ms": round(statistics.median(ms), 1), "p95_ms": round(p95, 1), "n": len(ms)}


#: Starts one command and prints its wall time, CPU time, peak RSS (KB) and exit code as JSON.
#: Linux counts the pages a forked child shares with its parent in the child's peak RSS, and keeps
#: that peak across ``exec``: a command started by the bench itself (hundreds of MB after making
#: a 100,000-item plan) would report at least the bench's size. Started by this small process,
#: it reports its own.
_LAUNCHER = (
    "import json, os, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "_, status, usage = os.wait4(proc.pid, 0)\n"
    "wall = time.perf_counter() - start\n"
    "print(json.dumps([wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,"
    " os.waitstatus_to_exitcode(status)]))\n"
)


def run_child(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Wall time, CPU time (user + system) and peak RSS of one child process and its exit code
    (``env``: variables set for it on top of ours). The child is started by a small launcher
    (``_LAUNCHER``), which times it: the figures are the child's alone."""
    child_env = {**os.environ, **env} if env else None
    out = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *argv], capture_output=True, text=True, cwd=cwd, env=child_env, check=True
    )
    wall, cpu, rss_kb, code = json.loads(out.stdout)
    return {"wall_s": wall, "cpu_s": cpu, "rss_mb": rss_kb / 1024, "exit": code}


#: What runs the CLI and the app: ``python -m readiness_tui`` in the environment the bench runs in
#: (an editable install, for developers), or a normal install's own ``readiness`` script and
#: interpreter (``use_install``). The floors are taken with the same interpreter.
_RUNNER: dict[str, list[str]] = {"cli": [sys.executable, "-m", "readiness_tui"], "python": [sys.executable]}


def use_install(python: Path | None) -> None:
    """Time the install whose interpreter is ``python`` (its ``readiness`` script beside it); None:
    the environment the bench runs in."""
    if python is None:
        _RUNNER.update(cli=[sys.executable, "-m", "readiness_tui"], python=[sys.executable])
    else:
        _RUNNER.update(cli=[str(python.parent / "readiness")], python=[str(python)])


def python_argv() -> list[str]:
    """The interpreter of the install being timed."""
    return list(_RUNNER["python"])


def readiness_argv(*args: str) -> list[str]:
    return [*_RUNNER["cli"], *args]


def app_command(*args: str) -> str:
    """``readiness ARGS`` as a shell command line (for tmux)."""
    import shlex

    return shlex.join(readiness_argv(*args))


#: What every command that reads a board imports before it does anything: the interpreter, click and
#: the board model (its records, pydantic with them; their validators only where a board is validated). No such command can
#: finish sooner on this machine.
_CLI_FLOOR = "import click, readiness_tui.core.model.board"
#: The same, and pydantic building the validator of one item and running it: what every command that writes
#: the board (``set``) or reads one changed by hand pays before its own work, whatever the board's size.
_VALIDATION_FLOOR = (
    "import click\nfrom readiness_tui.core.model.board import Item\nItem.model_validate({'id': 'A-1', 'title': 'x'})"
)


def cli_floor(runs: int = 5) -> dict[str, Any]:
    """Whole-process time of a bare interpreter (``python -c pass``), of importing click (the floor
    of any click CLI), of the imports a board command cannot do without (click and the model) and of
    those with one item validated (``_VALIDATION_FLOOR``), with the interpreter of the install being
    timed, beside the commands' own figures."""
    out: dict[str, Any] = {"load": load_average()}
    py = python_argv()
    for name, argv in (
        ("python", [*py, "-c", "pass"]),
        ("click", [*py, "-c", "import click"]),
        ("model_imports", [*py, "-c", _CLI_FLOOR]),
        ("item_validation", [*py, "-c", _VALIDATION_FLOOR]),
    ):
        results = [run_child(argv) for _ in range(runs)]
        out[name] = {
            "median_s": round(statistics.median(r["wall_s"] for r in results), 3),
            "cpu_median_s": round(statistics.median(r["cpu_s"] for r in results), 3),
        }
    return out


def whole_process(args: list[str], runs: int = 5, before: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Median wall and CPU time and peak RSS of ``readiness ARGS`` over ``runs`` fresh processes.

    ``before(n)`` runs ahead of run ``n`` (to make each ``set`` a real change, say).
    """
    results = []
    load = load_average()
    for n in range(runs):
        if before is not None:
            before(n)
        results.append(run_child(readiness_argv(*args)))
    return {
        "median_s": round(statistics.median(r["wall_s"] for r in results), 3),
        "cpu_median_s": round(statistics.median(r["cpu_s"] for r in results), 3),
        "peak_rss_mb": round(max(r["rss_mb"] for r in results), 1),
        "exit": results[-1]["exit"],
        "runs": runs,
        "load": load,
    }


# --------------------------------------------------------------------------- the app in tmux
#: The bench's own tmux server (its socket in the temporary directory, no config file). A session
#: of the user's default server gets that server's environment, from whoever started it: another
#: checkout on PYTHONPATH, say, or PYTHONDONTWRITEBYTECODE, and then the app timed is not the
#: install being timed. A server this process starts runs its programs with this process's
#: environment (as it was when the server started).
TMUX_SOCKET = Path(tempfile.gettempdir()) / f"readiness-bench-{os.getpid()}.tmux"
TMUX = ["tmux", "-S", str(TMUX_SOCKET), "-f", "/dev/null"]


def tmux_server() -> None:
    """Start the bench's tmux server once, kept up by an idle session (so that no figure pays a
    server's start, and a session's end does not stop it); stopped, its socket removed, when the
    bench exits."""
    if _server_up:
        return
    subprocess.run([*TMUX, "new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "exec sleep 86400"], check=True)
    _server_up.append(True)
    import atexit

    atexit.register(_stop_tmux_server, list(TMUX))


def _stop_tmux_server(tmux: list[str]) -> None:
    subprocess.run([*tmux, "kill-server"], capture_output=True)
    Path(tmux[2]).unlink(missing_ok=True)


_server_up: list[bool] = []


class TmuxPane:
    """A program running in a detached 120x40 tmux session."""

    def __init__(self, command: str, name: str) -> None:
        self.name = name
        # ``exec`` so that the pane's process is the program itself (its /proc figures are ours).
        # A tmux server whose last session just ended may refuse the next one while it exits: retry.
        tmux_server()
        for attempt in range(5):
            self.started = time.perf_counter()
            made = subprocess.run(
                [*TMUX, "new-session", "-d", "-s", name, "-x", "120", "-y", "40", f"exec {command}"],
                capture_output=True,
            )
            if made.returncode == 0:
                break
            if attempt == 4:
                raise RuntimeError(f"tmux could not start {command!r}: {made.stderr.decode().strip()}")
            time.sleep(0.2)
        pid = subprocess.run(
            [*TMUX, "display-message", "-p", "-t", name, "#{pane_pid}"], capture_output=True, text=True, check=True
        )
        self.pid = int(pid.stdout.strip())

    def screen(self) -> str:
        """The pane's content with its colours (a moved highlight changes it)."""
        out = subprocess.run([*TMUX, "capture-pane", "-e", "-p", "-t", self.name], capture_output=True, text=True)
        return out.stdout

    def send(self, key: str) -> None:
        subprocess.run([*TMUX, "send-keys", "-t", self.name, key], check=True)

    def send_keys(self, keys: list[str]) -> None:
        """Several keys in one ``send-keys`` (they arrive back to back, as typed fast)."""
        subprocess.run([*TMUX, "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, pred: Callable[[str], bool], timeout: float = 20.0) -> float | None:
        """Seconds until ``pred(screen)`` holds (polled without sleeping), None on timeout."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if pred(self.screen()):
                return time.perf_counter() - start
        return None

    def cpu_s(self) -> float:
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICK

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
        return 0.0

    def close(self) -> None:
        subprocess.run([*TMUX, "kill-session", "-t", self.name], capture_output=True)


@contextmanager
def tmux_app(command: str) -> Iterator[TmuxPane]:
    pane = TmuxPane(command, f"rbench{os.getpid()}_{time.monotonic_ns() % 10**9}")
    try:
        yield pane
    finally:
        pane.close()


def first_paint(command: str, marker: str, runs: int = 5) -> dict[str, Any]:
    """Median seconds from launching ``command`` in tmux to ``marker`` on its pane, and the CPU
    time the program had used by then (``cpu_*``: on a shared machine the steadier figure)."""
    return first_paints({"app": (command, marker)}, runs)["app"]


def first_paints(apps: dict[str, tuple[str, str]], runs: int = 5) -> dict[str, dict[str, Any]]:
    """``first_paint`` of each named (command, marker), taken in turns: one run of each, ``runs``
    times over, so that a ratio of two of them compares the same minutes of a shared machine."""
    load = load_average()
    walls: dict[str, list[float]] = {name: [] for name in apps}
    cpus: dict[str, list[float]] = {name: [] for name in apps}
    out: dict[str, dict[str, Any]] = {}
    for _ in range(runs):
        for name, (command, marker) in apps.items():
            if name in out:  # timed out once: not run again
                continue
            with tmux_app(command) as pane:
                if pane.wait_for(shows(marker), timeout=60) is None:
                    out[name] = {"timeout": True, "marker": marker}
                    continue
                walls[name].append(time.perf_counter() - pane.started)
                cpus[name].append(pane.cpu_s())
    for name in apps:
        if name not in out:
            out[name] = {
                "median_s": round(statistics.median(walls[name]), 3),
                "min_s": round(min(walls[name]), 3),
                "cpu_median_s": round(statistics.median(cpus[name]), 3),
                "cpu_min_s": round(min(cpus[name]), 3),
                "runs": runs,
                "load": load,
            }
    return out


_EMPTY_APP = (
    "from textual.app import App\n"
    "from textual.widgets import Static\n"
    "class Floor(App):\n"
    "    def compose(self):\n"
    "        yield Static('TEXTUAL-FLOOR')\n"
    "Floor().run()\n"
)


#: The empty app after the imports every readiness command that reads a board makes (click and the
#: board model): what no app that has its model before its first frame can beat here.
_MODEL_APP = f"{_CLI_FLOOR}\n{_EMPTY_APP}"


def model_floor_app() -> tuple[str, str]:
    """The command and marker of the empty Textual app that imports the model first (``-P``: the
    install's package, not one in the current directory)."""
    return f"{shlex_quote(python_argv()[0])} -P -c {shlex_quote(_MODEL_APP)}", "TEXTUAL-FLOOR"


def textual_floor_app() -> tuple[str, str]:
    """The command and marker of an empty Textual app (one Static), whose first paint in tmux is
    what no Textual app can beat here (for ``first_paints``, in turns with an app's)."""
    return f"{shlex_quote(python_argv()[0])} -c {shlex_quote(_EMPTY_APP)}", "TEXTUAL-FLOOR"


#: A table of 200 rows whose cursor ``j`` moves: the least any Textual app's cursor key costs to reach
#: the screen here (the key's trip through tmux, one partial frame, the pane polled).
_TABLE_APP = (
    "from textual.app import App\n"
    "from textual.widgets import DataTable\n"
    "class Floor(App):\n"
    "    BINDINGS = [('j', 'down')]\n"
    "    def compose(self):\n"
    "        table = DataTable(cursor_type='row')\n"
    "        table.add_columns('id', 'title', 'status')\n"
    "        for n in range(200):\n"
    "            table.add_row(f'F-{n:06d}', f'Floor row {n}', 'todo')\n"
    "        yield table\n"
    "    def action_down(self):\n"
    "        self.query_one(DataTable).action_cursor_down()\n"
    "Floor().run()\n"
)


def textual_key_floor(samples: int = 30) -> dict[str, Any]:
    """Key to screen for a cursor move in a plain Textual table, measured as ours are (``key_latency``)."""
    with tmux_app(f"{shlex_quote(python_argv()[0])} -c {shlex_quote(_TABLE_APP)}") as pane:
        if pane.wait_for(shows("F-000001"), timeout=60) is None:
            return {"timeout": True}
        settle(pane, 0.5)
        return key_latency(pane, ["j"] * samples)


def shlex_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def key_latency(pane: TmuxPane, keys: list[str]) -> dict[str, Any]:
    """Per key: time from send-keys to a changed pane; and the app's CPU per key (from /proc)."""
    load = load_average()
    samples = []
    timeouts = 0
    cpu0 = pane.cpu_s()
    for key in keys:
        before = pane.screen()
        t = time.perf_counter()
        pane.send(key)

        # A key that never changed the screen is a timeout, not a 10 s sample skewing the p95.
        def changed(screen: str, before: str = before) -> bool:
            return screen != before

        if pane.wait_for(changed, timeout=10) is None:
            timeouts += 1
        else:
            samples.append(time.perf_counter() - t)
        # Let the frame settle so that the next key starts from a quiet screen.
        settle(pane)
    out = stats_ms(samples)
    out["timeouts"] = timeouts
    out["cpu_per_key_ms"] = round((pane.cpu_s() - cpu0) * 1000 / len(keys), 1)
    out["load"] = load
    return out


def settle(pane: TmuxPane, quiet_s: float = 0.05, timeout: float = 5.0) -> None:
    """Wait until the pane has not changed for ``quiet_s`` (a frame may come in two writes)."""
    start = last_change = time.perf_counter()
    last = pane.screen()
    while time.perf_counter() - last_change < quiet_s and time.perf_counter() - start < timeout:
        now = pane.screen()
        if now != last:
            last, last_change = now, time.perf_counter()


def outside_change(pane: TmuxPane, board: Path, item_id: str, samples: int = 30) -> dict[str, Any]:
    """Time from another process replacing the board (one item's title changed) to the new title
    on the pane; the change is written atomically, as an editor or ``git checkout`` does."""
    load = load_average()
    times = []
    text = board.read_text(encoding="utf-8")
    head = f'id = "{item_id}"\ntitle = "'
    at = text.index(head) + len(head)
    end = text.index('"', at)
    for n in range(samples):
        title = f"Outside edit {n:03d}"
        text = text[:at] + title + text[end:]
        end = at + len(title)
        tmp = board.with_name(f".{board.name}.bench")
        tmp.write_text(text, encoding="utf-8")
        t = time.perf_counter()
        os.replace(tmp, board)
        seen = pane.wait_for(shows(title), timeout=20)
        times.append(seen if seen is not None else time.perf_counter() - t)
        settle(pane, 0.1)
    out = stats_ms(times)
    out["load"] = load
    return out


def shows(text: str) -> Callable[[str], bool]:
    """A test that a screen shows ``text``."""
    return lambda screen: text in screen


def tmux_available() -> bool:
    return shutil.which("tmux") is not None
