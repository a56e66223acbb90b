"""Exports of a board: a stable JSON contract, readable Markdown, Mermaid and Graphviz dot."""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board import hooks
from readiness_tui.core.model.board import CLOSED, Board, Gate
from readiness_tui.core.outputs.json_doc import document_bytes

#: Bumped only when a field is removed or changes meaning; new fields may appear at any time.
JSON_FORMAT_VERSION = 1


def _phase_index(board: Board) -> dict[str, str]:
    index: dict[str, str] = {}
    for ph in board.phases:
        for ref in ph.items:
            index.setdefault(ref, ph.id)
    return index


def _gate_data(gate: Gate | None) -> dict[str, Any]:
    if gate is None:
        return {"exit_criteria": "", "verify": "", "evidence": []}
    return {"exit_criteria": gate.exit_criteria, "verify": gate.verify, "evidence": list(gate.evidence)}


def _items_data(board: Board, a: Analysis) -> list[dict[str, Any]]:
    """Every item as ``export -f json`` writes it. Each field is read for all items at once (a
    ``map``, a loop in C), then each item's dict is made from the columns: faster than a loop
    reading each item's attributes in turn."""
    items = board.items
    ids = list(map(attrgetter("id"), items))

    def column(name: str) -> list[Any]:
        return list(map(attrgetter(name), items))

    phase_of = _phase_index(board)
    slacks = a.critical_path.schedule.slacks()
    closed = list(map(CLOSED.__contains__, column("status")))
    columns = (
        ids,
        column("title"),
        column("kind"),
        column("status"),
        column("priority"),
        column("total_score"),
        column("owner"),
        column("workstream"),
        list(map(list, column("depends_on"))),
        column("estimate_days"),
        column("target"),
        [p or phase_of.get(i) for p, i in zip(column("phase"), ids)],
        column("milestone"),
        column("parent"),
        list(map(list, column("tags"))),
        list(map(list, column("links"))),
        list(map(set(a.ready).__contains__, ids)),
        list(map(set(a.blocked).__contains__, ids)),
        list(map(set(a.waiting).__contains__, ids)),
        list(map(a.unplaced.get, ids)),
        [None if c else slacks.get(i) for c, i in zip(closed, ids)],
        list(map(_gate_data, column("gate"))),
    )
    return [
        {
            "id": i,
            "title": title,
            "kind": kind,
            "status": status,
            "priority": priority,
            "score": score,
            "owner": owner,
            "workstream": workstream,
            "depends_on": deps,
            "estimate_days": estimate,
            "target": target,
            "phase": phase,
            "milestone": milestone,
            "parent": parent,
            "tags": tags,
            "links": links,
            "ready": ready,
            "blocked": blocked,
            "waiting": waiting,
            "unplaced": unplaced,
            "slack": slack,
            "gate": gate,
        }
        for (
            i,
            title,
            kind,
            status,
            priority,
            score,
            owner,
            workstream,
            deps,
            estimate,
            target,
            phase,
            milestone,
            parent,
            tags,
            links,
            ready,
            blocked,
            waiting,
            unplaced,
            slack,
            gate,
        ) in zip(*columns)
    ]


def to_json_data(board: Board, analysis: Analysis | None = None) -> dict[str, Any]:
    a = analysis or Analysis(board)
    items = _items_data(board, a)
    meta = board.board
    return {
        "format_version": JSON_FORMAT_VERSION,
        "board": {
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else None,
            "scope_start": meta.scope_start.isoformat() if meta.scope_start else None,
            "scope_end": meta.scope_end.isoformat() if meta.scope_end else None,
            "objective": meta.objective,
        },
        "items": items,
        "analysis": analysis_data(a),
        "risks": [
            {"id": r.id, "title": r.title, "severity": r.severity, "mitigated_by": list(r.mitigated_by)}
            for r in board.risks
        ],
        "phases": [
            {"id": p.id, "title": p.title, "entrance": p.entrance, "exit": p.exit, "items": board.phase_items(p)}
            for p in board.phases
        ],
        "milestones": [
            {"id": m.id, "title": m.title, "due": m.due, "due_text": m.due_text, "items": m.items}
            for m in board.milestones
        ],
        "waivers": [
            {
                "item": w.item,
                "reason": w.reason,
                "approved_by": w.approved_by,
                "expires": w.expires.isoformat() if w.expires else None,
            }
            for w in board.waivers
        ],
    }


def critical_path_data(a: Analysis) -> dict[str, Any]:
    """The critical path as ``order --json`` and ``export -f json`` write it: ``unit`` says whether
    ``length`` is days of estimates or a count of open items (never a mix)."""
    cp = a.critical_path
    closed = a.closed  # a set test per item, cheaper than a record's property
    return {
        "ids": cp.ids,
        "unit": cp.unit,
        "length": cp.total_days,
        "total_days": cp.total_days if cp.unit == "days" else None,
        "label": cp.length_text,
        "slack": {k: v for k, v in cp.schedule.slacks().items() if k not in closed},
        "unestimated": cp.unestimated,
    }


def analysis_data(a: Analysis) -> dict[str, Any]:
    """The answers every surface shares (core.analysis), in board order."""
    return {
        "ready": list(a.ready),
        "waiting": {i: a.open_dependencies(i) for i in a.waiting},
        "blocked": list(a.blocked),
        "unplaced": dict(a.unplaced),
        "on_cycle": [i for i in a.items if i in a.on_cycle],
        "cycles": a.cycles,
        "critical_path": critical_path_data(a),
    }


def to_json_bytes(board: Board, analysis: Analysis | None = None) -> bytes:
    """``export -f json`` as UTF-8 (what the CLI writes, without a second copy as text)."""
    data = to_json_data(board, analysis)
    # A one-shot command would free the 100,000 item dicts of a large board one by one just
    # before its process ends: it keeps them instead (``board.hooks``).
    hooks.current().keep(data)
    return document_bytes(data, line_end=True)


def to_json(board: Board, analysis: Analysis | None = None) -> str:
    return to_json_bytes(board, analysis).decode("utf-8")


def _md_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(headers: list[str], rows: list[list[object]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return out


def to_markdown(board: Board, analysis: Analysis | None = None) -> str:
    a = analysis or Analysis(board)
    meta = board.board
    lines = [f"# {meta.title}", ""]
    for label, value in (
        ("Date", meta.date),
        ("Scope", f"{meta.scope_start} .. {meta.scope_end}" if meta.scope_start else None),
        ("Objective", meta.objective),
    ):
        if value:
            lines.append(f"**{label}:** {value}  ")
    lines.append("")
    if meta.production_definition:
        lines += ["## Production definition", ""]
        lines += [f"- `{k}`: {v}" for k, v in meta.production_definition.items()]
        lines.append("")
    lines += ["## Items", ""]
    lines += _md_table(
        [
            "ID",
            "Title",
            "Kind",
            "Status",
            "Priority",
            "Owner",
            "Estimate",
            "Target",
            "Depends On",
            "Verify",
            "Evidence",
        ],
        [
            [
                it.id,
                it.title,
                it.kind,
                it.status,
                it.priority or "",
                it.owner,
                f"{it.estimate_days:g}d" if it.estimate_days is not None else "",
                it.target or "",
                ", ".join(it.depends_on) or "-",
                f"`{it.gate.verify}`" if it.gate and it.gate.verify else "",
                ", ".join(f"`{e}`" for e in it.gate.evidence) if it.gate else "",
            ]
            for it in board.items
        ],
    )
    lines.append("")
    if board.risks:
        lines += ["## Risk-to-task mapping", ""]
        for r in board.risks:
            targets = ", ".join(r.mitigated_by) or "(no task)"
            lines.append(f"- {r.id} → {targets}" + (f" — {r.title}" if r.title else ""))
        lines.append("")
    for ph in board.phases:
        lines += [f"## Phase {ph.id} — {ph.title}".rstrip(" —"), ""]
        if ph.entrance:
            lines.append("- Entrance: " + "; ".join(ph.entrance))
        ids = board.phase_items(ph)
        if ids:
            lines.append("- Tasks: " + ", ".join(ids))
        if ph.exit:
            lines.append("- Exit: " + "; ".join(ph.exit))
        lines.append("")
    if board.milestones:
        lines += ["## Milestones", ""]
        lines += _md_table(
            ["ID", "Title", "Due", "Items", "Progress"],
            [
                [m.id, m.title, m.due or m.due_text, ", ".join(m.items), "{}/{}".format(*a.progress(m.items))]
                for m in board.milestones
            ],
        )
        lines.append("")
    if board.waivers:
        lines += ["## Waivers", ""]
        lines += _md_table(
            ["Item", "Reason", "Approved by", "Expires"],
            [[w.item, w.reason, w.approved_by, w.expires] for w in board.waivers],
        )
        lines.append("")
    if board.matrix is not None or any(it.depends_on for it in board.items):
        order = a.matrix_order()
        if len(order) <= 40:
            lines += ["## Dependency matrix", "", "`1` means row item depends on column item.", ""]
            rows = a.derived_matrix(order)
            lines += _md_table(["Row \\\\ Col", *order], [[rid, *row] for rid, row in zip(order, rows)])
            lines.append("")
    for sec in board.sections:
        lines += [f"## {sec.title}", "", sec.body.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def _node_id(item_id: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", item_id)


_MERMAID_CLASS = {
    "done": "done",
    "in_progress": "active",
    "review": "active",
    "blocked": "blocked",
    "cancelled": "cancelled",
}


def to_mermaid(board: Board, analysis: Analysis | None = None) -> str:
    a = analysis or Analysis(board)
    lines = ["flowchart LR"]
    for it in a.items.values():
        label = f"{it.id}: {it.title}".replace('"', "'")
        if len(label) > 60:
            label = label[:57] + "..."
        lines.append(f'  {_node_id(it.id)}["{label}"]')
    for it in a.items.values():
        for d in it.depends_on:
            if d in a.items:
                lines.append(f"  {_node_id(d)} --> {_node_id(it.id)}")
    crit = a.critical_path.ids
    for x, y in zip(crit, crit[1:]):
        lines.append(f"  %% critical: {x} -> {y}")
    lines += [
        "  classDef done fill:#2e7d32,color:#fff",
        "  classDef active fill:#1565c0,color:#fff",
        "  classDef blocked fill:#c62828,color:#fff",
        "  classDef cancelled fill:#757575,color:#fff",
    ]
    for it in a.items.values():
        cls = _MERMAID_CLASS.get(it.status)
        if cls:
            lines.append(f"  class {_node_id(it.id)} {cls}")
    return "\n".join(lines) + "\n"


_DOT_COLOR = {
    "done": "palegreen",
    "in_progress": "lightblue",
    "review": "lightblue",
    "blocked": "salmon",
    "cancelled": "gray80",
}


def _dot_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(board: Board, analysis: Analysis | None = None) -> str:
    a = analysis or Analysis(board)
    crit = set(zip(a.critical_path.ids, a.critical_path.ids[1:]))
    lines = [
        f"digraph {_dot_str(board.board.title)} {{",
        "  rankdir=LR;",
        "  node [shape=box, style=filled, fillcolor=white];",
    ]
    for it in a.items.values():
        label = f"{it.id}\\n{it.title[:40]}"
        color = _DOT_COLOR.get(it.status, "white")
        lines.append(f'  {_dot_str(it.id)} [label="{label.replace(chr(34), chr(39))}", fillcolor={color}];')
    for it in a.items.values():
        for d in it.depends_on:
            if d in a.items:
                attrs = " [color=red, penwidth=2]" if (d, it.id) in crit else ""
                lines.append(f"  {_dot_str(d)} -> {_dot_str(it.id)}{attrs};")
    lines.append("}")
    return "\n".join(lines) + "\n"


FORMATS = {"json": to_json, "md": to_markdown, "mermaid": to_mermaid, "dot": to_dot}
