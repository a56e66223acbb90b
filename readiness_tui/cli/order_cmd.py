"""``readiness order BOARD|-``"""

from __future__ import annotations

from pathlib import Path

import click

from readiness_tui.cli.answers import Reply
from readiness_tui.cli.common import EXIT_PROBLEMS, board_argument, load_or_exit


@click.command()
@board_argument
@click.option("--all", "include_closed", is_flag=True, help="Waves over the whole plan, done items included.")
@click.option("--json", "as_json", is_flag=True, help="The same as a JSON document (format_version 1).")
def order(board: Path, include_closed: bool, as_json: bool) -> None:
    """Execution waves, the critical path (days, or open items when nothing is estimated), ready,
    blocked and waiting items.

    BOARD may be `-` to read the board from standard input. Exit 1 when the dependencies have a cycle.
    """
    reply = Reply.start("order", (include_closed, as_json), [board])
    from readiness_tui.core.analysis.analyze import Analysis

    store = load_or_exit(board, stdin_ok=True)
    a = Analysis(store.board)
    if as_json:
        from readiness_tui.core.outputs.documents import order_document
        from readiness_tui.core.outputs.json_doc import document_text

        reply.echo(document_text(order_document(a, include_closed)))
    else:
        waves = a.waves(include_closed=include_closed)
        cp = a.critical_path
        # One write at the end: 100,000 items mean tens of thousands of lines.
        lines = ["Execution waves" + (" (whole plan):" if include_closed else " (open work):")]
        if not waves:
            lines.append("  (nothing open)")
        lines += [f"  wave {n}: {', '.join(wave)}" for n, wave in enumerate(waves, 1)]
        for i, why in a.unplaced.items():
            lines.append(f"  no wave: {i} ({why})")
        lines.append(cp.headline)
        if cp.unestimated:
            lines.append(f"  {cp.unestimated_text}")
        lines.append(f"Ready ({len(a.ready)}): {', '.join(a.ready) or '-'}")
        lines.append(f"Blocked ({len(a.blocked)}, status blocked): {', '.join(a.blocked) or '-'}")
        lines.append(f"Waiting ({len(a.waiting)}, on open dependencies):" + ("" if a.waiting else " -"))
        for i in a.waiting:
            roots = a.root_causes(i)
            lines.append(
                f"  {i} <- {', '.join(a.open_dependencies(i))}" + (f" (root: {', '.join(roots)})" if roots else "")
            )
        lines += [f"Cycle: {' -> '.join(cycle)}" for cycle in a.cycles]
        reply.echo("\n".join(lines))
    reply.finish(EXIT_PROBLEMS if a.cycles else 0)
