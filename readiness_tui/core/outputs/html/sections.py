"""The page's sections, each from the one analysis in core; every board string is escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.schedule import NO_PATH
from readiness_tui.core.model.board import Board

if TYPE_CHECKING:
    from readiness_tui.core.gates.evaluate import GateView

#: Matrices larger than this are listed as dependencies rather than drawn as a grid.
MATRIX_LIMIT = 60


def e(value: object) -> str:
    """Escape anything for HTML text and attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


def ident(value: object) -> str:
    """An id, escaped, that the page never breaks across lines (``.id`` is ``nowrap``): "T-001"
    broke after its hyphen in a narrow column. A span, not a non-breaking hyphen, so a copied or
    searched id stays the id."""
    return f'<span class="id">{e(value)}</span>'


def idents(values: Iterable[object], sep: str = ", ") -> str:
    return sep.join(ident(v) for v in values)


def _table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    """``rows`` hold already-escaped HTML cells."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _section(key: str, title: str, inner: str) -> str:
    return f'<section id="{key}"><h2>{e(title)}</h2>{inner}</section>'


def backlog_section(board: Board, a: Analysis) -> str:
    rows = []
    for item_id in a.ranking or [it.id for it in board.items]:
        it = a.items[item_id]
        rows.append(
            [
                ident(it.id),
                e(it.title),
                f'<span class="s-{e(it.status)}">{e(it.status)}</span>',
                e(it.priority or ""),
                e(a.score(it.id) if a.score(it.id) is not None else ""),
                e(it.owner),
                e(f"{it.estimate_days:g}d" if it.estimate_days is not None else ""),
                e(it.target or ""),
                idents(it.depends_on),
            ]
        )
    ranked = set(a.ranking)
    for it in board.items:  # items the ranking leaves out still belong in the backlog
        if it.id not in ranked and a.ranking:
            rows.append(
                [
                    ident(it.id),
                    e(it.title),
                    f'<span class="s-{e(it.status)}">{e(it.status)}</span>',
                    e(it.priority or ""),
                    "",
                    e(it.owner),
                    "",
                    e(it.target or ""),
                    idents(it.depends_on),
                ]
            )
    table = _table(["ID", "Title", "Status", "Priority", "Score", "Owner", "Estimate", "Target", "Depends on"], rows)
    return _section("backlog", f"Backlog ({len(board.items)} items)", table)


def matrix_section(a: Analysis) -> str:
    order = a.matrix_order()
    if len(order) > MATRIX_LIMIT:
        rows = [[ident(i), idents(a.items[i].depends_on)] for i in order if i in a.items and a.items[i].depends_on]
        return _section(
            "matrix",
            "Dependency matrix",
            "<p>Too large for a grid: dependencies by item.</p>" + _table(["Item", "Depends on"], rows),
        )
    grid = a.derived_matrix(order)
    head = "<tr><th>row depends on column</th>" + "".join(f"<th>{ident(c)}</th>" for c in order) + "</tr>"
    body = "".join(
        f"<tr><th>{ident(r)}</th>" + "".join('<td class="dep">1</td>' if v else "<td></td>" for v in row) + "</tr>"
        for r, row in zip(order, grid)
    )
    notes = "".join(
        f"<li>{ident(d.row)} → {ident(d.col)}: recorded {d.recorded}, derived {d.derived}</li>"
        for d in a.matrix_disagreements
    )
    extra = f"<p>Recorded matrix disagrees with depends_on:</p><ul>{notes}</ul>" if notes else ""
    return _section("matrix", "Dependency matrix", f'<table class="matrix">{head}{body}</table>{extra}')


def risk_section(board: Board, a: Analysis) -> str:
    risks = {r.id: r for r in board.risks}
    rows = []
    for rs in a.risk_status:
        r = risks[rs.id]
        mitigations = idents(rs.mitigated_by) or "(no task)"
        rows.append(
            [
                ident(rs.id),
                e(rs.title),
                e(r.severity),
                e(r.likelihood),
                mitigations,
                f'<span class="r-{e(rs.state)}">{e(rs.state)}</span>',
            ]
        )
    inner = (
        _table(["Risk", "Title", "Severity", "Likelihood", "Mitigated by", "State"], rows)
        if rows
        else "<p>No risks on this board.</p>"
    )
    return _section("risks", "Risk map", inner)


def plan_section(a: Analysis) -> str:
    cp = a.critical_path
    on_path = set(cp.ids)
    waves = a.waves()
    wave_rows = [
        [e(n + 1), " ".join(f'<span class="critical">{ident(i)}</span>' if i in on_path else ident(i) for i in w)]
        for n, w in enumerate(waves)
    ]
    # The length and its unit are the analysis's words (``CriticalPath.length_text``), as ``order`` says them.
    if cp.ids:
        path = idents(cp.ids, " → ")
        head = f'<p id="critical-path">Critical path ({e(cp.length_text)}): <span class="critical">{path}</span></p>'
    else:
        head = f'<p id="critical-path">Critical path: {e(NO_PATH)}</p>'
    inner = (
        head
        + (f"<p>{e(cp.unestimated_text.capitalize())}</p>" if cp.unestimated else "")
        + _table(["Wave", "Items (critical path in bold)"], wave_rows)
    )
    if a.cycles:
        inner += "<p>Dependency cycles: " + "; ".join(idents(c, " → ") for c in a.cycles) + "</p>"
    return _section("plan", "Plan", inner)


def gates_section(board: Board, board_path: Path | None = None) -> str:
    views = _leveled_views(board, board_path)
    rows = []
    for it in board.items:
        g = it.gate
        if g is None or g.is_empty:
            continue
        row = [
            ident(it.id),
            e(it.status),
            e(g.exit_criteria),
            f"<code>{e(g.verify)}</code>" if g.verify else "",
            e(", ".join([*g.evidence, *(c.label for c in g.checks)])),
        ]
        if views is not None:
            v = views.get(it.id)
            row += [e(g.level or ""), f"{e(v.status)}: {e(v.reason)}" if v else ""]
        rows.append(row)
    waivers = [[ident(w.item), e(w.reason), e(w.approved_by), e(w.expires or "")] for w in board.waivers]
    heads = ["Item", "Status", "Exit criteria", "Verify", "Evidence and checks"]
    inner = "<p>Gate definitions (results come from <code>readiness check</code>; this page runs nothing).</p>"
    if views is not None:
        from readiness_tui.core.gates.levels import board_level

        summary = board_level(
            board, {k: v.status for k, v in views.items()}, gate_reasons={k: v.reason for k, v in views.items()}
        )
        gaps = "".join(f"<li>{e(line)}</li>" for line in summary.gap_lines(limit=20))
        inner += f'<p id="level">Level: <strong>{e(summary.headline())}</strong></p>' + (
            f"<ul>{gaps}</ul>" if gaps else ""
        )
        heads += ["Level", "Result (checks and last runs; nothing run)"]
    inner += _table(heads, rows) if rows else "<p>No gates.</p>"
    if waivers:
        inner += "<h3>Waivers</h3>" + _table(["Item", "Reason", "Approved by", "Expires"], waivers)
    return _section("gates", "Gates", inner)


def _leveled_views(board: Board, board_path: Path | None) -> dict[str, GateView] | None:
    """The gates as they stand, for a board that declares levels: declarative checks and evidence
    read now, commands' last recorded runs (no command runs)."""
    if not board.board.levels or board_path is None:
        return None
    from readiness_tui.core.gates.session import GateSession

    session = GateSession(board_path, board)
    try:
        return session.views()
    finally:
        session.close()


def report_section(board: Board, board_path: Path | None) -> str:
    from readiness_tui.core.outputs.report import weekly_report

    rep = weekly_report(board, board_path)
    verdict = "go" if rep.decision.go else "nogo"
    reasons = "".join(f"<li>{e(r)}</li>" for r in rep.decision.reasons)
    inner = (
        f'<p>Go/no-go: <strong class="{verdict}">{e(rep.decision.label)}</strong></p>'
        + (f"<ul>{reasons}</ul>" if reasons else "")
        + f"<pre>{ids_kept_whole(e(rep.render_markdown()), board_ids(board))}</pre>"
    )
    return _section("report", f"Weekly report {rep.week}", inner)


def board_ids(board: Board) -> list[str]:
    """The ids of the board's items, risks and milestones."""
    return [*(it.id for it in board.items), *(r.id for r in board.risks), *(m.id for m in board.milestones)]


def ids_kept_whole(escaped: str, ids: Iterable[str]) -> str:
    """``escaped`` text with the ``ids`` in it made unbreakable (``ident``)."""
    ids = [i for i in ids if i]
    if not ids:
        return escaped
    alternatives = "|".join(re.escape(html.escape(i, quote=True)) for i in sorted(ids, key=len, reverse=True))
    # Not inside a longer word or id ("T-0011" holds "T-001").
    pattern = re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")
    return pattern.sub(r'<span class="id">\1</span>', escaped)
