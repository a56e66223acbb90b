"""``readiness order BOARD``"""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import EXIT_PROBLEMS, board_argument, load_or_exit


@click.command()
@board_argument
@click.option("--all", "include_closed", is_flag=True, help="Waves over the whole plan, done items included.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def order(board: Path, include_closed: bool, as_json: bool) -> None:
    """Execution waves, the critical path with total days, ready and blocked items."""
    from ..core.analysis import Analysis

    store = load_or_exit(board)
    a = Analysis(store.board)
    waves = a.waves(include_closed=include_closed)
    cp = a.critical_path
    if as_json:
        click.echo(json.dumps({
            "waves": waves,
            "critical_path": {"ids": cp.ids, "total_days": cp.total_days,
                              "slack": {k: v.slack for k, v in cp.schedule.items() if not a.items[k].is_closed},
                              "unestimated": cp.unestimated},
            "ready": a.ready,
            "blocked": {i: a.root_causes(i) for i in a.blocked},
            "cycles": a.cycles,
        }, indent=2))
    else:
        # One write at the end: 100,000 items mean tens of thousands of lines.
        lines = ["Execution waves" + (" (whole plan):" if include_closed else " (open work):")]
        if not waves:
            lines.append("  (nothing open)")
        lines += [f"  wave {n}: {', '.join(wave)}" for n, wave in enumerate(waves, 1)]
        lines.append(f"Critical path ({cp.total_days:g} days): {' -> '.join(cp.ids) if cp.ids else '(none: no open estimated work)'}")
        if cp.unestimated:
            lines.append(f"  unestimated, counted as 0 days: {', '.join(cp.unestimated)}")
        lines.append(f"Ready ({len(a.ready)}): {', '.join(a.ready) or '-'}")
        lines.append(f"Blocked ({len(a.blocked)}):" + ("" if a.blocked else " -"))
        for i in a.blocked:
            roots = a.root_causes(i)
            lines.append(f"  {i} <- {', '.join(a.open_dependencies(i))}" + (f" (root: {', '.join(roots)})" if roots else ""))
        lines += [f"Cycle: {' -> '.join(cycle)}" for cycle in a.cycles]
        click.echo("\n".join(lines))
    if a.cycles:
        raise SystemExit(EXIT_PROBLEMS)
