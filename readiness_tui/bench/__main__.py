"""``python -m readiness_tui.bench``: JSON figures for the targets in the README.

Whole-process figures run the installed CLI in a fresh interpreter, as a user would, and take the
median of a few runs; peak RSS is read from the child's rusage. Sections that need the TUI or the
gates watcher are skipped with a note when their modules are not installed.

Measured figures live in one place: ``--save`` records a run in ``baseline.json`` beside this
module, under a label, with the commit, the date, the command and the machine's load, so that the
figures are not copied into docstrings, where they go stale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from readiness_tui.bench.core import core


def optional(module: str, fn: str) -> dict:
    """``module.fn()``, or a note that the section was skipped when the module is not installed."""
    import importlib

    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        return {"skipped": f"{exc.name} is not available"}
    return getattr(mod, fn)()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m readiness_tui.bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000", help="board sizes for the core figures")
    parser.add_argument("--runs", type=int, default=5, help="runs per whole-process figure (median)")
    parser.add_argument("--samples", type=int, default=30, help="keys per figure in the app (median, p95)")
    parser.add_argument(
        "--only", choices=["core", "outside", "ui", "gates", "gitmerge", "presenter", "layers"], help="run one section"
    )
    parser.add_argument(
        "--install",
        choices=["editable", "normal"],
        default="editable",
        help="whole-process figures from this environment (editable), or from a wheel of the checkout"
        " installed with its bytecode into a private venv (normal: as users run it)",
    )
    parser.add_argument(
        "--no-app", action="store_true", help="outside: the CLI figures alone (no app in tmux: a 100k hour is long)"
    )
    parser.add_argument("--verdicts", action="store_true", help="also print each target's verdict as a table (stderr)")
    parser.add_argument("--save", metavar="LABEL", help=f"also record the run in {BASELINE.name} under LABEL")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    report: dict = {"python": sys.version.split()[0], "install": args.install}
    if args.only in (None, "core"):
        report["core"] = core(sizes, args.runs)
    if args.only in (None, "outside"):
        report["outside"] = outside(sizes, args.runs, args.samples, args.install, not args.no_app)
        if args.verdicts:
            from readiness_tui.bench.targets import table

            print(table(report["outside"]["verdicts"]), file=sys.stderr)
    if args.only in (None, "ui"):
        report["ui"] = optional("readiness_tui.bench.ui", "run")
    if args.only in (None, "gates"):
        report["gates"] = optional("readiness_tui.bench.gates", "run")
    if args.only in (None, "gitmerge"):
        report["gitmerge"] = optional("readiness_tui.bench.gitmerge", "run")
    if args.only in (None, "layers"):
        from readiness_tui.bench.layers import run as layers

        report["layers"] = layers([n for n in sizes if n <= 100_000], args.runs)
    if args.only in (None, "presenter"):
        report["presenter"] = optional("readiness_tui.bench.presenter", "run")
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    if args.save:
        save(args.save, report, argv if argv is not None else sys.argv[1:])


def outside(sizes: list[int], runs: int, samples: int, install: str, with_app: bool = True) -> dict:
    """The outside section, timed from a normal install in a temporary venv when asked."""
    import tempfile

    from readiness_tui.bench.external import use_install
    from readiness_tui.bench.outside import run

    if install == "editable":
        return run(sizes, runs, samples, with_app)
    from readiness_tui.bench.install import imported_from, normal_install

    with tempfile.TemporaryDirectory(prefix="readiness-install-") as tmp:
        python = normal_install(Path(tmp))
        use_install(python)
        try:
            report = run(sizes, runs, samples, with_app)
        finally:
            use_install(None)
        report["installed_at"] = str(imported_from(python))
        return report


def _without_save(argv: list[str]) -> list[str]:
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip or arg.startswith("--save"):
            skip = arg == "--save"
            continue
        out.append(arg)
    return out


#: Where ``--save`` records runs: one file, the project's baseline.
BASELINE = Path(__file__).with_name("baseline.json")


def save(label: str, report: dict, argv: list[str]) -> None:
    """Record ``report`` in the baseline under ``label`` (a run saved under the same label is replaced)."""
    try:
        runs = json.loads(BASELINE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        runs = {}
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=BASELINE.parent, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    runs[label] = {
        "commit": commit,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python -m readiness_tui.bench", *_without_save(argv)]),
        "load": os.getloadavg()[0],
        "report": report,
    }
    BASELINE.write_text(json.dumps(runs, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
