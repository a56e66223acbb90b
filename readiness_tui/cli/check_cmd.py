"""``readiness check BOARD``: evaluate gates for CI (exit 0 all pass/waived, 1 any not, 2 usage/board error)."""

from __future__ import annotations

import json
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import click

from ..core.display import format_duration, printable
from ..core.gates import OK_STATUSES, GateSession, GateView, redact
from ..core.gates.trust import trust_file_problem
from ..core.model import PRIORITIES, normalize_priority
from .common import load_or_exit


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
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
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
    """
    from ..core import gonogo

    store = load_or_exit(board)
    session = GateSession(store.path, store.board, jobs=jobs)
    try:
        scope = [
            it.id
            for it in session.gated_items()
            if it.status != "cancelled" and (not priority or it.priority in priority)
        ]
        if not as_json:
            pending = session.jobs_for(scope, force_trust=force_trust)
            if pending:
                click.echo(f"running {len(pending)} verify command(s) in {session.root} ...", err=True)
        session.run(scope, force_trust=force_trust)
        if force_trust:
            session.trusted = True  # for this evaluation only; nothing is recorded
        views = session.views(scope)
    finally:
        session.close()
    now = time.time()
    failed = [v for v in views.values() if not v.ok and v.status != "no-gate"]
    if junit is not None:
        try:
            write_junit(junit, store.path or board, list(views.values()))
        except OSError as exc:
            click.echo(f"cannot write {junit}: {exc.strerror or exc}", err=True)
            sys.exit(2)
    if as_json:
        doc = {
            "board": str(board),
            "repo_root": str(session.root),
            "trusted": session.trusted,
            "ok": not failed,
            "gates": [v.to_json(now, output=with_output) for v in views.values()],
            "go_no_go": gonogo.evaluate(store.board, None, {i: v.status for i, v in views.items()}).to_dict(),
        }
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False))
    else:
        click.echo(render_table(list(views.values())))
    if any(v.status == "untrusted" for v in views.values()) and trust_file_problem():
        click.echo(trust_file_problem(), err=True)
    if any(v.status == "untrusted" for v in views.values()):
        click.echo(
            f"the board's commands are not trusted: review them with `readiness trust {board}`, "
            "or pass --trust to run them this once",
            err=True,
        )
    sys.exit(1 if failed else 0)


def _fmt_duration(v: GateView) -> str:
    return format_duration(v.result.duration_s if v.result else None)


def render_table(views: list[GateView]) -> str:
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
        if v.status in ("fail", "error") and v.result and v.result.output.strip():
            tail = v.result.output.rstrip("\n").splitlines()[-15:]
            lines.append("")
            lines.append(f"--- {printable(v.item_id)}: {printable(redact(v.command))} (last {len(tail)} lines)")
            lines += ["  " + t for t in tail]
    return "\n".join(lines)


def write_junit(path: Path, board: Path, views: list[GateView]) -> None:
    """A JUnit report: fail -> <failure>, error/untrusted/stale/not-run -> <error>, waived/no-gate -> <skipped>."""
    suite = ET.Element("testsuite", name=f"readiness gates: {Path(board).name}")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    total_time = 0.0
    for v in views:
        counts["tests"] += 1
        t = v.result.duration_s if v.result else 0.0
        total_time += t
        case = ET.SubElement(
            suite, "testcase", classname=Path(board).stem, name=f"{v.item_id} {v.title}".strip(), time=f"{t:.3f}"
        )
        if v.status == "fail":
            counts["failures"] += 1
            el = ET.SubElement(case, "failure", message=v.reason, type="fail")
            el.text = redact(v.command or "")
        elif v.status in OK_STATUSES and v.status != "pass" or v.status == "no-gate":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message=v.reason)
        elif v.status != "pass":
            counts["errors"] += 1
            el = ET.SubElement(case, "error", message=v.reason, type=v.status)
            el.text = redact(v.command or "")
        if v.drift:
            ET.SubElement(case, "properties").append(ET.Element("property", name="drift", value=v.drift))
        if v.result and v.result.output:
            ET.SubElement(case, "system-out").text = v.result.output
    for k, n in counts.items():
        suite.set(k, str(n))
    suite.set("time", f"{total_time:.3f}")
    root = ET.Element("testsuites")
    root.append(suite)
    for k, n in counts.items():
        root.set(k, str(n))
    ET.indent(root)
    path.write_bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n")
