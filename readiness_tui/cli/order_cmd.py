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
                              "slack": {k: v.slack for k, v in cp.schedule.items() if a.items[k].status not in ("done", "cancelled")},
                              "unestimated": cp.unestimated},
            "ready": a.ready,
            "blocked": {i: a.root_causes(i) for i in a.blocked},
            "cycles": a.cycles,
        }, indent=2))
    else:
        title = "Execution waves" + (" (whole plan)" if include_closed else " (open work)")
        click.echo(f"{title}:")
        if not waves:
            click.echo("  (nothing open)")
        for n, wave in enumerate(waves, 1):
            click.echo(f"  wave {n}: {', '.join(wave)}")
        click.echo(f"Critical path ({cp.total_days:g} days): {' -> '.join(cp.ids) if cp.ids else '(none: no open estimated work)'}")
        if cp.unestimated:
            click.echo(f"  unestimated, counted as 0 days: {', '.join(cp.unestimated)}")
        click.echo(f"Ready ({len(a.ready)}): {', '.join(a.ready) or '-'}")
        click.echo(f"Blocked ({len(a.blocked)}):" + ("" if a.blocked else " -"))
        for i in a.blocked:
            roots = a.root_causes(i)
            click.echo(f"  {i} <- {', '.join(a.open_dependencies(i))}" + (f" (root: {', '.join(roots)})" if roots else ""))
        for cycle in a.cycles:
            click.echo(f"Cycle: {' -> '.join(cycle)}")
    if a.cycles:
        raise SystemExit(EXIT_PROBLEMS)
