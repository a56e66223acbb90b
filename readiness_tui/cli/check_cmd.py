"""``readiness check BOARD|-``: evaluate gates for CI (exit 0 all pass/waived, 1 any not, 2 usage/board error)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

from readiness_tui.cli.common import (
    STDIN_NAME,
    echo_json,
    fail,
    format_options,
    is_stdin,
    load_or_exit,
    with_project_settings,
)
from readiness_tui.core.model.statuses import PRIORITIES, normalize_priority
from readiness_tui.core.outputs.display import format_duration, printable

if TYPE_CHECKING:  # the gates and the model are imported by the command itself: help stays light
    from readiness_tui.core.gates import GateView
    from readiness_tui.core.model.board import Board


def _priorities(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> set[str]:
    out: set[str] = set()
    for v in value:
        for part in v.split(","):
            if not part.strip():
                continue
            try:
                out.add(normalize_priority(part))
            except ValueError as exc:
                raise click.BadParameter(str(exc)) from None
    return out


@click.command()
@click.argument("board", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-p",
    "--priority",
    multiple=True,
    callback=_priorities,
    metavar="P0[,P1]",
    help=f"Only items of these priorities ({', '.join(PRIORITIES)}); repeatable.",
)
@format_options(
    ["text", "json", "github", "junit"],
    "text: a table; json (format_version 1); github: an Actions annotation per failing gate, on its "
    "line in the board; junit: JUnit XML on stdout.",
)
@click.option(
    "--junit",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    metavar="FILE",
    help="Also write a JUnit XML report to FILE.",
)
@click.option(
    "--trust", "force_trust", is_flag=True, help="Run the board's commands even if it was never trusted (for CI)."
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="Commands to run at once (default: the CPU count)."
)
@click.option("--output", "with_output", is_flag=True, help="Include captured (redacted) output in --json.")
def check(
    board: Path,
    priority: set[str],
    fmt: str,
    as_json: bool,
    junit: Path | None,
    force_trust: bool,
    jobs: int | None,
    with_output: bool,
) -> None:
    """Evaluate the board's gates: evidence, verify commands, waivers.

    Exit 0 when every gate in scope passes or is waived, 1 when any does not, 2 for a usage or
    board error. Commands run only if the board is trusted (`readiness trust BOARD`) or --trust
    is given.

    BOARD may be `-` to read the board from standard input: evidence and waivers are checked in
    the repository holding the current directory, and no verify command runs (trust belongs to a
    board file), so a gate with one is reported untrusted.
    """
    from readiness_tui.core.gates import GateSession
    from readiness_tui.core.gates.paths import containing_repo
    from readiness_tui.core.gates.trust import trust_file_problem
    from readiness_tui.core.outputs.annotations import gate_problems, github_annotation
    from readiness_tui.core.outputs.documents import check_document

    fmt = "json" if as_json else fmt
    from_stdin = is_stdin(board)
    if from_stdin and force_trust:
        fail("check -: a board on standard input never runs its verify commands (--trust); check the board file")
    store = load_or_exit(board, stdin_ok=True)
    root = containing_repo(Path.cwd() / STDIN_NAME) if from_stdin else None
    session = GateSession(store.path, store.board, jobs=jobs, root=root)
    try:
        scope = [
            it.id
            for it in session.gated_items()
            if it.status != "cancelled" and (not priority or it.priority in priority)
        ]
        if fmt == "text":
            pending = session.jobs_for(scope, force_trust=force_trust)
            if pending:
                click.echo(f"running {len(pending)} verify command(s) in {session.root} ...", err=True)
        session.run(scope, force_trust=force_trust)
        if force_trust:
            session.trusted = True  # for this evaluation only; nothing is recorded
        views = session.views(scope)
    finally:
        session.close()
    failed = [v for v in views.values() if not v.ok and v.status != "no-gate"]
    if junit is not None:
        try:
            junit.write_bytes(gate_junit(store.name, list(views.values())))
        except OSError as exc:
            fail(f"cannot write {junit}: {exc.strerror or exc}")
    if fmt == "json":
        effective = with_project_settings(store)  # the go/no-go scope the settings give
        echo_json(check_document(effective, store.name, session.root, session.trusted, views, with_output))
    elif fmt == "github":
        for p in gate_problems(store, views):
            click.echo(github_annotation(p))
    elif fmt == "junit":
        click.echo(gate_junit(store.name, list(views.values())).decode("utf-8"), nl=False)
    else:
        click.echo(render_table(list(views.values())))
        click.echo(render_level(store.board, views))
    untrusted = any(v.status == "untrusted" for v in views.values())
    if untrusted and not from_stdin and trust_file_problem():
        click.echo(trust_file_problem(), err=True)
    if untrusted:
        click.echo(
            "a board on standard input never runs its verify commands: check the board file to run them"
            if from_stdin
            else f"the board's commands are not trusted: review them with `readiness trust {board}`, "
            "or pass --trust to run them this once",
            err=True,
        )
    sys.exit(1 if failed else 0)


def _fmt_duration(v: GateView) -> str:
    return format_duration(v.result.duration_s if v.result else None)


def render_table(views: list[GateView]) -> str:
    from readiness_tui.core.gates import redact

    if not views:
        return "no gates in scope"
    rows = [("ID", "STATUS", "EXIT", "TIME", "EVIDENCE", "WAIVER", "NOTE")]
    for v in views:
        ev = f"{v.evidence_found}/{len(v.evidence)}" if v.evidence else "-"
        waiver = "-"
        if v.waiver:
            waiver = f"{v.waiver.state} {v.waiver.expires or ''}".strip()
            if v.waiver.expiring_soon:
                waiver += " (soon)"
        note = v.reason
        if v.drift:
            note = f"DRIFT: {v.drift}; {note}"
        code = "-" if not v.result or v.result.exit_code is None else str(v.result.exit_code)
        rows.append((printable(v.item_id), v.status.upper(), code, _fmt_duration(v), ev, waiver, printable(note)))
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r[:6], widths)) + "  " + r[6] for r in rows]
    counts: dict[str, int] = {}
    for v in views:
        counts[v.status] = counts.get(v.status, 0) + 1
    lines.append("")
    lines.append(f"{len(views)} gate(s): " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    for v in views:
        bad = [c for c in v.checks if not c.ok]
        if bad and v.status in ("fail", "error", "waived"):
            lines.append("")
            lines.append(f"--- {printable(v.item_id)}: {len(bad)} of {len(v.checks)} check(s) not passing")
            lines += [f"  {c.status.upper()} {printable(c.reason)}" for c in bad]
    for v in views:
        if v.status in ("fail", "error") and v.result and v.result.output.strip():
            tail = v.result.output.rstrip("\n").splitlines()[-15:]
            lines.append("")
            lines.append(f"--- {printable(v.item_id)}: {printable(redact(v.command))} (last {len(tail)} lines)")
            lines += ["  " + t for t in tail]
    return "\n".join(lines)


def render_level(board: Board, views: Mapping[str, GateView]) -> str:
    """The board's level and what stands between it and the next ("" when it declares none)."""
    from readiness_tui.core.gates.levels import board_level

    summary = board_level(
        board, {i: v.status for i, v in views.items()}, gate_reasons={i: v.reason for i, v in views.items()}
    )
    if not summary.declared:
        return ""
    lines = ["", summary.headline()]
    lines += ["  " + printable(line) for line in summary.gap_lines(limit=10)]
    return "\n".join(lines)


def gate_junit(board: str, views: list[GateView]) -> bytes:
    """The gates as JUnit XML (see ``core.junit``)."""
    from readiness_tui.core.outputs.junit import gate_cases, junit_xml

    return junit_xml([(f"readiness gates: {Path(board).name}", gate_cases(board, views))])
