"""An item as rich text: every field, the blocking chain, risks and the gate, with clickable ids.

The Detail pane shows it, and so does the backlog's preview; both are views of one item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.markup import escape

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.tree import Hierarchy, tree_of
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import CLOSED, Item
from readiness_tui.core.outputs.display import format_age, format_duration
from readiness_tui.core.outputs.itemview import item_notes

if TYPE_CHECKING:
    from readiness_tui.core.gates import GateSession

#: Above this many items the schedule line waits until the critical path was computed elsewhere.
CP_LIMIT = 3000

STATUS_STYLE = {
    "todo": "$foreground",
    "in_progress": "$primary",
    "blocked": "$error",
    "review": "$secondary",
    "done": "$success",
    "cancelled": "$foreground-muted",
}


#: Live gate statuses (``core.gates.evaluate.STATUSES``); the Gates pane uses the same marks.
GATE_STYLE = {
    "pass": "$success",
    "fail": "$error",
    "error": "$error",
    "waived": "$warning",
    "stale": "$warning",
    "running": "$primary",
    "untrusted": "$secondary",
    "not-run": "$foreground-muted",
    "no-gate": "$foreground-muted",
}
GATE_MARK = {
    "pass": "✔",
    "fail": "✘",
    "error": "‼",
    "waived": "≈",
    "stale": "↻",
    "running": "…",
    "untrusted": "⚠",
    "not-run": "·",
    "no-gate": "–",
}


def _status(status: str) -> str:
    return f"[{STATUS_STYLE.get(status, '$foreground')}]{status}[/]"


def _link(item_id: str) -> str:
    safe = item_id.replace("\\", "\\\\").replace("'", "\\'")
    return f"[@click=app.open_item('{safe}')][b $accent]{escape(item_id)}[/][/]"


class ItemText:
    """Renders one item as markup: every field, links, chain, risks, gate (shared by the Detail
    pane and the backlog's preview)."""

    #: The live gate session (the app's), whose view of the item's gate is shown; None: none.
    gate_session: GateSession | None = None

    def _inherited_phase(self, store: BoardStore, it: Item, tree: Hierarchy) -> str:
        if it.phase:
            return escape(self._phase_label(store, it.phase))
        phase = tree.value(it.id, "phase")
        return f"{escape(self._phase_label(store, phase))} [dim](from the parent)[/]" if phase else ""

    def _markup(self, it: Item, store: BoardStore, an: Analysis) -> str:
        e = escape
        lines: list[str] = []
        lines.append(f"[b $accent]{e(it.id)}[/]  [b]{e(it.title or '(untitled)')}[/]")
        head = [e(it.kind), _status(it.status)]
        tree = tree_of(an)  # inherited owner, workstream, priority, phase and the roll-up (core.tree)
        if it.priority:
            head.append(f"[b]{it.priority}[/]")
        elif priority := tree.value(it.id, "priority"):
            head.append(f"[b]{priority}[/] [dim](from the parent)[/]")
        lines.append(" · ".join(head))
        if it.status not in CLOSED:
            open_deps = an.open_dependencies(it.id)
            if open_deps:
                lines.append(
                    f"[b $error]◷ waiting[/] on {len(open_deps)} open dependenc{'y' if len(open_deps) == 1 else 'ies'}"
                )
            if it.id in an.unplaced:
                lines.append(f"[b $error]no wave[/]: {e(an.unplaced[it.id])}")
            elif it.id in an.ready:
                lines.append("[b $success]▶ ready[/] to start: every dependency is closed")
        if it.id in an.overdue:
            lines.append(
                f"[b $error]! overdue[/]: target {e(it.target or '')} has passed (today {an.today.isoformat()})"
            )
        lines.append("")

        scoring = store.board.board.scoring
        fields: list[tuple[str, str]] = []
        score = it.total_score
        if it.score_factors:
            names = {f.key: (f.name or f.key) for f in scoring.factors} if scoring else {}
            parts = ", ".join(f"{e(names.get(k, k))} {v}" for k, v in it.score_factors.items())
            mx = f"/{scoring.max_total}" if scoring and scoring.max_total else ""
            fields.append(("score", f"{score}{mx}  ({parts})"))
        elif score is not None:
            fields.append(("score", str(score)))
        owner, ws, kids = tree.owner(it.id), tree.workstream(it.id), tree.rollup(it.id)
        ws_from = "from the parent" if it.id in tree.parent else "the stream's own"
        fields += [
            ("owner", e(it.owner) or (f"{e(owner)} [dim](from the parent)[/]" if owner else "[dim]—[/]")),
            ("role", e(it.role)),
            ("contributors", e(", ".join(it.contributors))),
            ("workstream", e(it.workstream) or (f"{e(ws)} [dim]({ws_from})[/]" if ws else "")),
            ("children", f"{kids.done}/{kids.total} done" if kids else ""),
            ("estimate", f"{it.estimate_days:g} days" if it.estimate_days is not None else "[dim]—[/]"),
            ("target", e(it.target or "") or "[dim]—[/]"),
            ("phase", self._inherited_phase(store, it, tree)),
            ("milestone", e(it.milestone or "")),
            ("parent", _link(it.parent) if it.parent else ""),
            ("tags", e(", ".join(it.tags))),
        ]
        # The critical path is a pass over the whole graph: use it when cheap or already computed.
        cp = an.__dict__.get("critical_path") or (an.critical_path if len(an.items) <= CP_LIMIT else None)
        slack = cp.schedule.get(it.id) if cp is not None else None
        if cp is not None and slack is not None and it.status not in CLOSED:
            crit = " [b $warning]on the critical path[/]" if it.id in cp.ids else ""
            # Without estimates the schedule counts open items (one unit each), not days.
            u = cp.unit_word
            fields.append(
                ("schedule", f"starts {u} {slack.es:g}, finishes {u} {slack.ef:g}, slack {slack.slack:g}{crit}")
            )
        for name, value in fields:
            if value:
                lines.append(f"[dim]{name:>12}[/]  {value}")
        for name in ("description", "notes", "dependency_note"):
            text = getattr(it, name)
            if text:
                lines += ["", f"[b]{name.replace('_', ' ').capitalize()}[/]", e(text.rstrip())]
        for name in ("acceptance", "inputs", "outputs", "deliverables", "links", "source_refs"):
            values = getattr(it, name)
            if values:
                lines += ["", f"[b]{name.replace('_', ' ').capitalize()}[/]"] + [f"  • {e(v)}" for v in values]

        notes = item_notes(store.board, it.id)  # the same notes, in the same order, as `readiness show`
        if notes:
            lines += ["", f"[b]Progress[/] ({len(notes)})"]
            lines += [f"  {n['date'] or '—'} [dim]{n['status']}[/]  {e(n['text'])}" for n in notes]
        lines += ["", f"[b]Depends on[/] ({len(it.depends_on)})"]
        lines += self._id_lines(it.depends_on, an) or ["  [dim]nothing[/]"]
        if it.soft_depends_on:
            lines += ["", "[b]Soft dependencies[/] (ordering only)"] + self._id_lines(it.soft_depends_on, an)
        dependents = an.dependents(it.id)
        lines += ["", f"[b]Dependents[/] ({len(dependents)})"]
        lines += self._id_lines(dependents, an) or ["  [dim]none[/]"]
        chains = an.blocking_chain(it.id) if it.status not in CLOSED else []
        if chains:
            lines += ["", "[b]Blocking chain[/] (to the root causes)"]
            for chain in chains:
                path = " → ".join(_link(c) if c in an.items else f"[$error]{e(c)}?[/]" for c in chain)
                root = chain[-1]
                root_st = _status(an.items[root].status) if root in an.items else "[$error]unknown id[/]"
                lines.append(f"  {path}  [dim]root:[/] {root_st}")
        risks = [r for r in store.board.risks if it.id in r.mitigated_by]
        if risks:
            state = {r.id: r.state for r in an.risk_status}
            lines += ["", f"[b]Risks it mitigates[/] ({len(risks)})"]
            for r in risks:
                sev = "/".join(x for x in (r.severity, r.likelihood) if x)
                lines.append(f"  [b]{e(r.id)}[/] {e(r.title)} [dim]{e(sev)} · {state.get(r.id, '')}[/]")
        lines += ["", "[b]Gate[/]"]
        g = it.gate
        if g is None or g.is_empty:
            lines.append("  [dim]no gate: nothing verifies this item is done[/]")
        else:
            live = self._live_gate_lines(it)
            lines += live
            if g.exit_criteria:
                lines.append(f"  [dim]exit criteria[/]  {e(g.exit_criteria)}")
            if g.verify:
                from readiness_tui.core.gates import redact  # here: only a gate needs it

                lines.append(f"  [dim]verify[/]         [b]{e(redact(g.verify))}[/]")
            for ev in g.evidence if not live else ():  # the live lines list them, found or not
                lines.append(f"  [dim]evidence[/]       {e(ev)}")
            for w in g.watch:
                lines.append(f"  [dim]watch[/]          {e(w)}")
        extra = {**it.custom, **(it.model_extra or {})}
        if extra:
            lines += ["", "[b]Other fields[/]"] + [f"  [dim]{e(str(k))}[/]  {e(str(v))}" for k, v in extra.items()]
        return "\n".join(lines)

    def _live_gate_lines(self, it: Item) -> list[str]:
        """The gate as the app's live session sees it: status, drift, evidence, last run, waiver."""
        session = self.gate_session
        if session is None or it.id not in session.items or session.items[it.id].gate is None:
            return []
        try:
            view = session.view(it.id)
        except KeyError:
            return []
        e = escape
        style = GATE_STYLE.get(view.status, "$foreground")
        out = [
            f"  [dim]status[/]         [b {style}]{GATE_MARK.get(view.status, '?')} {view.status}[/]"
            f"  [dim]{e(view.reason)}[/]"
        ]
        if view.drift:
            out.insert(0, f"  [b reverse $error] ⚠ {e(view.drift).upper()} [/] [dim](item is {e(view.item_status)})[/]")
        if view.evidence:
            found, total = view.evidence_found, len(view.evidence)
            out.append(f"  [dim]evidence found[/] [{'$success' if found == total else '$error'}]{found}/{total}[/]")
            for ev in view.evidence:
                if ev.error:
                    out.append(f"    [b $error]‼ {e(ev.path)}[/]  {e(ev.error)}")
                elif ev.present:
                    out.append(f"    [$success]✔ {e(ev.path)}[/]")
                else:
                    out.append(f"    [$error]✘ {e(ev.path)}[/] [dim]missing[/]")
        r = view.result
        if r is not None:
            code = (
                "timed out"
                if r.timed_out
                else (f"exit code {r.exit_code}" if r.exit_code is not None else e(r.error or "error"))
            )
            out.append(
                f"  [dim]last run[/]       {format_age(view.age_s())}, took {format_duration(r.duration_s)}, {code}"
            )
        elif view.command:
            out.append("  [dim]last run[/]       [dim]never[/]")
        if view.waiver is not None:
            w = view.waiver
            wstyle = "$warning" if w.active and not w.expiring_soon else "$error" if not w.active else "b $warning"
            text = f"until {w.expires}" if w.active else w.state
            if w.expiring_soon:
                text += f" — expires in {w.days_left} day{'s' if w.days_left != 1 else ''}"
            who = f" (approved by {e(w.approved_by)})" if w.approved_by else ""
            out.append(f"  [dim]waiver[/]         [{wstyle}]{e(text)}[/]{who}  {e(w.reason)}")
        return out

    @staticmethod
    def _phase_label(store: BoardStore, phase: str | None) -> str:
        if not phase:
            return ""
        for p in store.board.phases:
            if p.id == phase:
                return f"{p.id} · {p.title}" if p.title else p.id
        return phase

    @staticmethod
    def _id_lines(ids: list[str], an: Analysis) -> list[str]:
        out = []
        for i in ids:
            other = an.items.get(i)
            if other is None:
                out.append(f"  [$error]{escape(i)}[/] [dim]names no item[/]")
            else:
                out.append(f"  {_link(i)} {_status(other.status)} {escape(other.title)}")
        return out
