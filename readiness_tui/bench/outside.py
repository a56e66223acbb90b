"""The issue's table, measured from outside: boards made with ``readiness import`` (and the generator).

    python -m readiness_tui.bench --only outside --sizes 10000,100000

For each size: a Markdown plan shaped like the seeds is written and imported with the real CLI
(the way a user makes a big board); ``lint``, ``order``, ``export -f json`` and ``set`` run on the
imported board and on a generated one, whole process, median of ``runs``: cold (no cache), warm
(the parse cache holds the board and the analysis kept beside it), edited (the parse cache holds
the board as it was before an editor changed one item's title), edited_status (the same, its
status), edited_risk (the same, a risk's title) and kept (the answer cache holds the command's answer); `set`
also back to back (each run right after the previous one, as a script of edits runs them). At the
smallest size also: first paint of the seed board, the imported board and an empty Textual app
(the floor), and of that app importing click and the model first, in tmux; key to screen for a cursor move (beside Textual's own, a plain table's),
a status change and a filter keystroke; an outside change to screen; the app's peak RSS; and the locked edit + save +
history record in process.
"""

from __future__ import annotations

import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from readiness_tui.bench.external import (
    app_command,
    cli_floor,
    first_paints,
    key_latency,
    load_average,
    model_floor_app,
    outside_change,
    python_argv,
    readiness_argv,
    run_child,
    settle,
    textual_floor_app,
    textual_key_floor,
    tmux_app,
    tmux_available,
    whole_process,
)
from readiness_tui.bench.generate import write_board
from readiness_tui.bench.plans import write_plan

#: The read commands beyond lint, order and export: what a user or an agent runs most.
READS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("list", ("list",)),
    ("list_json", ("list", "--json")),
    ("show", ("show",)),
    ("search", ("search",)),
    ("report", ("report",)),
)


def imported_board(tmp: Path, n: int) -> tuple[Path, dict[str, Any]]:
    """A board of ``n`` items made by ``readiness import`` from a generated plan."""
    plan = write_plan(tmp / f"plan-{n}.md", n)
    board = tmp / f"imported-{n}.toml"
    took = run_child(readiness_argv("import", str(plan), "-o", str(board)))
    return board, {"import_s": round(took["wall_s"], 2), "board_mb": round(board.stat().st_size / 2**20, 1)}


#: Run by the interpreter of the install being timed: whether an entry is current depends on the
#: code that wrote it (``cache.files.code_digest`` names the installed files), so the code that
#: reads it must ask, not this checkout's.
_WAIT_FOR_ENTRY = """
import sys, time
from pathlib import Path
from readiness_tui.core.cache.parse_cache import is_current
board, deadline = Path(sys.argv[1]), time.monotonic() + float(sys.argv[2])
while not is_current(board, with_analysis=sys.argv[3] == "1"):
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.05)
"""


def _entry_came(board: Path, timeout: float, with_analysis: bool) -> bool:
    import subprocess

    argv = [*python_argv(), "-c", _WAIT_FOR_ENTRY, str(board), str(timeout), "1" if with_analysis else "0"]
    # Run beside the board: from the checkout, ``-c`` would import the checkout's package.
    return subprocess.run(argv, cwd=board.parent, check=False).returncode == 0


def wait_for_cache(board: Path, timeout: float = 120.0) -> None:
    """Wait until the cache writer (a detached child of the last command) has stored ``board``
    as it is now, and its analysis, so that a warm run is warm."""
    if not _entry_came(board, timeout, with_analysis=True):
        # A figure taken now would be a cold one called warm (the board may no longer parse).
        raise RuntimeError(f"{board}: no parse-cache entry and analysis after {timeout:.0f} s")


def warm_parse_cache(board: Path, timeout: float = 120.0) -> bool:
    """Parse ``board`` in a command and wait for its parse-cache entry; whether it is there.

    The answer cache is off for that command: a ``lint`` answer kept for the same bytes (a board
    copied afresh from the same plan) would be replayed without parsing, and no entry written."""
    from readiness_tui.core.cache.answers import OFF_ENV

    run_child(readiness_argv("lint", "-q", str(board)), env={OFF_ENV: "1"})
    wait_for_cache(board, timeout)
    return _entry_came(board, 0.0, with_analysis=False)


def wait_for_answer(answers: Path, since: float, timeout: float = 120.0) -> bool:
    """Wait until the cache writer has stored an answer written after ``since`` (and is done);
    whether one came (a command whose answers are not kept writes none)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not list(answers.glob(".*.tmp")) and any(p.stat().st_mtime >= since for p in answers.glob("*.answer")):
            return True
        time.sleep(0.05)
    return False


def edit_one_item(board: Path, n: int) -> None:
    """Change the title of the item in the middle of ``board`` as an editor would (the whole file
    written again), to a title no earlier run gave it."""
    text = board.read_text(encoding="utf-8")
    at = text.index("\ntitle = ", text.index("\n[[items]]", len(text) // 2))
    end = text.index("\n", at + 1)
    board.write_text(f'{text[:at]}\ntitle = "edited by the bench {time.time_ns()} {n}"{text[end:]}', encoding="utf-8")


def edit_one_status(board: Path, n: int) -> None:
    """Change the status of the item in the middle of ``board`` as an editor would: of the analysis
    kept for the board before, only what reads the links alone still serves (``kept_links``)."""
    text = board.read_text(encoding="utf-8")
    at = text.index("\nstatus = ", text.index("\n[[items]]", len(text) // 2))
    end = text.index("\n", at + 1)
    now = "review" if text[at:end] != '\nstatus = "review"' else "todo"
    board.write_text(f'{text[:at]}\nstatus = "{now}"{text[end:]}', encoding="utf-8")


def edit_one_risk(board: Path, n: int) -> None:
    """Give the risk in the middle of ``board`` (else the board's own table) a title no earlier
    run gave it, as an editor would: a record other than an item, so the parse cache's entry
    serves the items and the analysis kept with it, and the other records are parsed again."""
    text = board.read_text(encoding="utf-8")
    risks = [m.end() for m in re.finditer(r"^\[\[risks\]\]\n", text, re.M)]
    table = re.search(r"^\[board\]\n", text, re.M)
    if risks:
        body = next((r for r in risks if r >= len(text) // 2), risks[0])
    elif table is not None:
        body = table.end()
    else:
        raise ValueError(f"{board}: no risk and no [board] table to edit")
    # The record's keys run to its first blank line (or the next table header).
    end = min(i for i in (text.find("\n\n", body), text.find("\n[", body), len(text)) if i >= 0)
    title = f'title = "edited by the bench {time.time_ns()} {n}"'
    keys = re.sub(r"^title = .*$", title, text[body:end], count=1, flags=re.M)
    if keys == text[body:end]:  # a record without a title: give it one
        keys = f"{title}\n{keys}"
    board.write_text(f"{text[:body]}{keys}{text[end:]}", encoding="utf-8")


def cli_figures(board: Path, first_id: str, runs: int, cache_root: Path) -> dict[str, Any]:
    """lint, order, export -f json and set on ``board``: cold (the caches emptied before each run),
    warm (the parse cache holds the board as it is; no answer kept: the board just changed),
    warm_no_analysis (the same without the analysis kept beside the entry: what that layer pays),
    edited (the parse cache holds the board as it was before one item's title was changed by
    hand), edited_status (the same, its status: of the analysis kept with the entry, only the
    answers that read the links alone serve), edited_risk (the same, a risk's title: the entry
    serves the items and the whole analysis) and,
    for the read-only commands, kept (the answer cache holds this command's answer: the board is
    unchanged since the command last ran)."""
    answers = cache_root / "answers"

    def cold(_: int) -> None:
        shutil.rmtree(cache_root, ignore_errors=True)

    def warm(_: int) -> None:
        wait_for_cache(board)
        shutil.rmtree(answers, ignore_errors=True)

    def warm_no_analysis(n: int) -> None:
        warm(n)
        for seed in (cache_root / "boards").glob("*.seed"):  # the kept analysis alone gone
            seed.unlink()

    def edited(n: int) -> None:
        warm(n)
        edit_one_item(board, n)

    def edited_status(n: int) -> None:
        warm(n)
        edit_one_status(board, n)

    def edited_risk(n: int) -> None:
        warm(n)
        edit_one_risk(board, n)

    labels = (
        ("cold", cold),
        ("warm", warm),
        ("warm_no_analysis", warm_no_analysis),
        ("edited", edited),
        ("edited_status", edited_status),
        ("edited_risk", edited_risk),
    )
    out: dict[str, Any] = {}
    for name, args in (
        ("lint", ["lint", "-q", str(board)]),
        ("order", ["order", str(board)]),
        ("export_json", ["export", str(board), "-f", "json"]),
    ):
        out[name] = {label: whole_process(args, runs, before) for label, before in labels}
        since = time.time() - 1
        run_child(readiness_argv(*args))
        wait_for_answer(answers, since)
        out[name]["kept"] = whole_process(args, runs)
    out.update(read_figures(board, first_id, runs, answers, (*labels[:2], labels[3])))
    # Each `set` is a real change: warm, it finds the board its previous run wrote in the cache;
    # back to back, the next one starts as soon as the previous one returned (a script of edits),
    # while the previous one's cache entry may still be being written.
    statuses = ("in_progress", "review", "done", "todo")

    def back_to_back(_: int) -> None:
        pass

    for label, before in (*labels, ("back_to_back", back_to_back)):
        results = []
        for n in range(runs):
            before(n)
            results.append(whole_process(["set", str(board), first_id, f"status={statuses[n % 4]}"], 1))
        out["set"] = out.get("set", {})
        out["set"][label] = {
            "median_s": statistics.median(r["median_s"] for r in results),
            "cpu_median_s": statistics.median(r["cpu_median_s"] for r in results),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in results),
            "exit": results[-1]["exit"],
            "runs": runs,
            "load": results[0]["load"],
        }
    return out


def read_figures(
    board: Path, first_id: str, runs: int, answers: Path, labels: tuple[tuple[str, Callable[[int], None]], ...]
) -> dict[str, Any]:
    """``list``, ``list --json``, ``show ID``, ``search WORDS`` and ``report`` under ``labels``
    (cold, warm, edited) and kept (the command's answer kept for the unchanged board)."""
    out: dict[str, Any] = {}
    for name, head in READS:
        args = [head[0], str(board), *head[1:]]
        if name == "show":
            args.append(first_id)
        elif name == "search":
            args += ["schema", "migrate"]
        out[name] = {label: whole_process(args, runs, before) for label, before in labels}
        since = time.time() - 1
        run_child(readiness_argv(*args))
        # Not every read command keeps its answer: then "kept" is the unchanged board's warm run.
        kept = wait_for_answer(answers, since, timeout=10)
        out[name]["kept"] = {**whole_process(args, runs), "answer_kept": kept}
    return out


def app_floor(seed: Path) -> dict[str, Any]:
    """First paint of an empty Textual app (the floor), of the same app importing click and the
    board model first (the floor of an app that has its model before its first frame) and of the
    sample board, in turns."""
    warm_parse_cache(seed)
    paints = first_paints(
        {"floor": textual_floor_app(), "model": model_floor_app(), "seed": (app_command(str(seed)), "M-12")}
    )
    return {
        "textual_floor_first_paint": paints["floor"],
        "textual_model_floor_first_paint": paints["model"],
        "seed_first_paint": paints["seed"],
    }


def app_figures(board: Path, first_id: str, samples: int) -> dict[str, Any]:
    """First paint of ``board`` and a cursor key (ours and Textual's floor), keys, outside change,
    RSS in the app."""
    # Warm, as the README's figures are: a first paint is timed and the app closed before it could
    # write the board's parse-cache entry (it does so after its first frame), so every start
    # would otherwise parse the board.
    warm_parse_cache(board)
    # In turns with the empty Textual app's, which the board's ratio is taken over.
    paints = first_paints({"floor": textual_floor_app(), "board": (app_command(str(board)), first_id)})
    out: dict[str, Any] = {"textual_floor_first_paint": paints["floor"], "board_first_paint": paints["board"]}
    # Textual's own cursor key, measured as ours are: the floor our keys stand on.
    out["textual_floor_cursor_move"] = textual_key_floor(samples)
    with tmux_app(app_command(str(board))) as pane:
        pane.wait_for(lambda s: first_id in s, timeout=60)
        settle(pane, 0.5)
        out["cursor_move"] = key_latency(pane, ["j"] * samples)
        out["status_change"] = key_latency(pane, ["s"] * samples)
        pane.send("/")
        settle(pane, 0.3)
        typed = ("owner:@ana ", "BSpace")
        keys: list[str] = []
        while len(keys) < samples:
            keys += list(typed[0]) + [typed[1]] * len(typed[0])
        out["filter_keystroke"] = key_latency(pane, keys[:samples])
        pane.send("Escape")
        settle(pane, 0.3)
        out["outside_change"] = outside_change(pane, board, first_id, samples)
        out["app_peak_rss_mb"] = pane.peak_rss_mb()
    return out


def with_floors(report: dict[str, Any]) -> dict[str, Any]:
    """Each whole-process figure with its ratio to the floor measured in the same run: a CLI
    figure over the click import (``over_click``), a first paint over an empty Textual app's
    (``over_textual``)."""
    click = report.get("cli_floor", {}).get("click", {}).get("median_s")

    def walk(node: Any, floor: float | None, key: str) -> None:
        if isinstance(node, dict):
            if "median_s" in node and floor and "runs" in node:
                node[key] = round(node["median_s"] / floor, 2)
            for child in node.values():
                walk(child, floor, key)

    # A first paint over the empty Textual app's taken in turns with it (the row's own), in wall
    # and in CPU time: under a shared machine's load, wall time swings more.
    paints = [
        (report.get("app_floor", {}), "seed_first_paint"),
        (report.get("app_floor", {}), "textual_model_floor_first_paint"),
    ]
    for size, row in report.items():
        if size.isdigit():
            walk(row.get("imported"), click, "over_click")
            walk(row.get("generated"), click, "over_click")
            paints.append((row.get("app", {}), "board_first_paint"))
    for where, key in paints:
        paint = where.get(key)
        floor = where.get("textual_floor_first_paint") or report.get("app_floor", {}).get("textual_floor_first_paint")
        if not isinstance(paint, dict) or not isinstance(floor, dict):
            continue
        for figure, ratio in (("median_s", "over_textual"), ("cpu_median_s", "cpu_over_textual")):
            if paint.get(figure) and floor.get(figure):
                paint[ratio] = round(paint[figure] / floor[figure], 2)
    return report


def run_app(n: int = 10_000, samples: int = 30, workdir: Path | None = None) -> dict[str, Any]:
    """The app's figures alone (no CLI figures) on an imported board of ``n`` items:

        python -c "from readiness_tui.bench.outside import run_app; print(run_app(10000))"

    ``workdir``: where the board is made, and kept for the next run (the import takes ~12 s at 10k);
    the board is made again from its plan before each run so every run starts from the same file.
    """
    from readiness_tui.resources import bundled_boards_dir

    report: dict[str, Any] = {"load_at_start": load_average()}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = workdir or Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        pristine = tmp / f"pristine-{n}.toml"
        if not pristine.exists():
            made, report["imported"] = imported_board(tmp, n)
            shutil.copy(made, pristine)
        board = tmp / f"app-{n}.toml"
        shutil.copy(pristine, board)
        for beside in tmp.glob(f"app-{n}.history*"):
            beside.unlink()
        seed = tmp / "dome-production-readiness-tracker.toml"
        shutil.copy(bundled_boards_dir() / seed.name, seed)
        report["app_floor"] = app_floor(seed)
        report[str(n)] = {"app": app_figures(board, "M-000001", samples)}
    return with_floors(report)


def run(sizes: list[int], runs: int = 5, samples: int = 30, with_app: bool = True) -> dict[str, Any]:
    """The CLI figures at every size; the app's at 10,000 items (else the smallest size asked for),
    with its memory after an hour of use (``app_hour``); the floors; and each target's verdict."""
    from readiness_tui.bench.app_hour import hour_of_use
    from readiness_tui.bench.core import locked_edit, undo_memory
    from readiness_tui.bench.targets import judge
    from readiness_tui.core.cache.files import cache_root
    from readiness_tui.resources import bundled_boards_dir

    report: dict[str, Any] = {"load_at_start": load_average()}
    # An installed package carries its bytecode (pip compiles it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module of ours on every start instead.
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parent.parent), quiet=1)
    report["cli_floor"] = cli_floor(runs)
    app_size = 10_000 if 10_000 in sizes else min(sizes)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        app = with_app and tmux_available()
        if app:
            seed = tmp / "dome-production-readiness-tracker.toml"
            shutil.copy(bundled_boards_dir() / seed.name, seed)
            report["app_floor"] = app_floor(seed)
        for n in sizes:
            board, made = imported_board(tmp, n)
            generated = write_board(tmp / f"generated-{n}.toml", n)
            r = runs if n <= 10_000 else max(1, min(runs, 3))
            row: dict[str, Any] = {"imported": made}
            row["imported"].update(cli_figures(board, "M-000001", r, cache_root()))
            try:
                row["generated"] = cli_figures(generated, "T-000001", r, cache_root())
            except RuntimeError as exc:  # a cache entry that never came: said in the report, the run goes on
                row["generated"] = {"error": str(exc)}
            if n == min(sizes):
                row["locked_edit_save_history"] = locked_edit(board, 30)
                row["undo_after_200_edits"] = undo_memory(board)
            if app and n == app_size:
                row["app"] = app_figures(board, "M-000001", samples)
                warm_parse_cache(board)
                row["app_hour"] = hour_of_use(app_command(str(board)), board, n, "M-000001")
            report[str(n)] = row
    with_floors(report)
    report["verdicts"] = judge(report)
    return report
