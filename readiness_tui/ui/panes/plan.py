"""The plan pane: critical path, execution waves, ready and blocked work, phases and milestones.

- Critical path over the remaining estimates, with its total days; open items without an estimate
  count as 0 days and are counted in the heading. Each row shows ES/EF and slack.
- Execution waves of open work: wave 1 can start now, wave 2 once wave 1 is done, ... Items on a
  dependency cycle get no wave and are counted.
- Ready now (every dependency closed) and blocked (waiting on open work, with the root causes).
- Phases with entrance and exit criteria and a progress bar of closed/total items.
- Milestones with their due date (overdue marked) and a progress bar.

Rows are laid out only when drawn, and the rows of items are runs over the analysis' id lists
(``Rows``), made when read: a 10,000-item board costs no object per row here.

Keys: up/down or j/k, g/G, pageup/pagedown; enter (or a double click) on an item posts ``OpenItem``.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from rich.text import Text
from textual.binding import Binding

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.panes.lazy import LazyPane
from readiness_tui.ui.widgets.line_list import LineList
from readiness_tui.ui.widgets.line_parts import Bar, Row, Rows, pad_cells, plural, styled
from readiness_tui.ui.widgets.progress_bar import progress_text

BAR_W = 16


def days(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:g}d"


def _path_row(ids: list[str], n: int) -> Row:
    """Row ``n`` of the critical path, numbered from 1."""
    item_id = ids[n]
    return (f"cp:{item_id}", item_id, ("cp", item_id, n + 1))


def _first_ids(ids: list[str], shown: int = 3) -> str:
    """``A, B, C +2``: the first ``shown`` ids and how many more."""
    more = len(ids) - shown
    return ", ".join(ids[:shown]) + (f" +{more}" if more > 0 else "")


class PlanPane(LineList, LazyPane):
    """Waves, critical path, ready/blocked lists, phases and milestones of a board."""

    OPENS_AT_TOP = True

    BINDINGS = [
        *LineList.BINDINGS,  # listed again so that the help's section for this pane shows them too
        *with_ids(
            "plan",
            [
                Binding("e", "screen.edit_record", "Edit"),
                Binding("P", "screen.add_record('phases')", "Add phase", show=False),
                Binding("M", "screen.add_record('milestones')", "Add milestone", show=False),
                Binding("X,delete", "screen.remove_record", "Remove…", show=False),
            ],
        ),
    ]

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._analysis: Analysis | None = None
        self._id_w = 8

    # ------------------------------------------------------------------ contract
    def build(self, store: BoardStore, analysis: Analysis) -> None:
        self._analysis = analysis
        board = analysis.board
        items = analysis.items
        self._id_w = min(max((len(i) for i in items), default=4), 14)
        self._phases = {p.id: p for p in board.phases}
        self._milestones = {m.id: m for m in board.milestones}
        rows = Rows()

        def line(*parts: object) -> None:
            rows.add((None, None, styled(*parts)))

        open_ids = [i for i, it in items.items() if not it.is_closed]
        closed, total = analysis.progress(list(items))
        line(
            (f"Plan · {board.board.title}", "heading"),
            (f"   today {analysis.today.isoformat()} · {len(open_ids)} open of {total} items  ", "muted"),
            Bar(closed, total, BAR_W),
        )
        line()

        # Critical path ------------------------------------------------------------
        cp = analysis.critical_path
        extra = [(f" · {len(cp.unestimated)} open unestimated (counted as 0 days)", "warn")] if cp.unestimated else []
        # Without estimates the length is already a count of items: said once.
        count = "" if cp.unit == "items" else f" · {plural(len(cp.ids), 'item')}"
        line(("Critical path", "heading"), f" · {cp.length_text}{count}", *extra)
        if cp.ids:
            rows.run(len(cp.ids), partial(_path_row, cp.ids))
        else:
            line(("    no open work with a place in the plan", "muted"))
        line()

        # Waves -----------------------------------------------------------------------
        waves = analysis.waves()
        unplaced = analysis.unplaced
        extra = [(f" · {len(unplaced)} with no wave (cycle or unknown dependency)", "bad")] if unplaced else []
        line(
            ("Execution waves", "heading"),
            f" · {plural(len(waves), 'wave')} · {plural(sum(map(len, waves)), 'open item')}",
            *extra,
        )
        for n, wave in enumerate(waves, 1):
            after = " · ready now" if n == 1 else f" · after wave {n - 1}"
            line(
                (f"  Wave {n}", "subheading"),
                (f"{after} · {plural(len(wave), 'item')} · {days(self._wave_days(wave))} longest", "muted"),
            )
            rows.items("wave", wave, "wave")
        if not waves:
            line(("    no open work", "muted"))
        if unplaced:
            line(("  No wave", "subheading"), (f" · {plural(len(unplaced), 'item')}", "muted"))
            for i, why in unplaced.items():
                line(f"    {i}", (f"  {why}", "bad"))
        line()

        # Ready and blocked -------------------------------------------------------------
        ready = analysis.ready
        line((f"Ready now ({len(ready)})", "heading"))
        rows.items("ready", ready, "ready")
        if not ready:
            line(("    nothing is ready", "muted"))
        blocked = analysis.blocked
        line((f"Blocked ({len(blocked)})", "heading"), (" · status blocked", "muted"))
        # Blocked and waiting rows are drawn alike: what each waits on, down to the root cause.
        rows.items("blocked", blocked, "waits")
        if not blocked:
            line(("    nothing is blocked", "muted"))
        waiting = analysis.waiting
        line((f"Waiting ({len(waiting)})", "heading"), (" · on open dependencies", "muted"))
        rows.items("waiting", waiting, "waits")
        if not waiting:
            line(("    nothing is waiting", "muted"))
        line()

        # Phases -------------------------------------------------------------------------
        line((f"Phases ({len(board.phases)})", "heading"))
        for ph in board.phases:
            rows.add((f"phase:{ph.id}", None, ("phase", ph.id)))
            for word, crits in (("entrance", ph.entrance), ("exit", ph.exit)):
                for c in crits:
                    line((f"      {word}: ", "muted"), " ".join(c.split()))
        if not board.phases:
            line(("    this board has no phases", "muted"))
        line()

        # Milestones ----------------------------------------------------------------------
        line((f"Milestones ({len(board.milestones)})", "heading"))
        for m in board.milestones:
            rows.add((f"ms:{m.id}", None, ("milestone", m.id)))
        if not board.milestones:
            line(("    this board has no milestones", "muted"))
        self.set_rows(rows)

    # ------------------------------------------------------------------ helpers
    def _wave_days(self, wave: list[str]) -> float | None:
        assert self._analysis is not None
        ests = [self._analysis.items[i].estimate_days for i in wave]
        known = [e for e in ests if e is not None]
        return max(known) if known else None

    def milestone_items(self, mid: str) -> list[str]:
        assert self._analysis is not None
        m = self._milestones[mid]
        listed = list(dict.fromkeys(m.items))
        seen = set(listed)
        listed += [it.id for it in self._analysis.board.items if it.milestone == mid and it.id not in seen]
        return listed

    def _slack(self, item_id: str) -> str:
        assert self._analysis is not None
        row = self._analysis.critical_path.schedule.get(item_id)
        return "no wave" if row is None else f"slack {row.slack:g}"

    # ------------------------------------------------------------------ lines
    def render_payload(self, payload: Any, width: int) -> Text:
        a = self._analysis
        assert a is not None
        kind, key = payload[0], payload[1]
        muted = self.style("muted")
        if kind in ("cp", "wave", "ready", "waits"):
            it = a.items.get(key)
            right = Text()
            if kind == "cp":
                row = a.critical_path.schedule[key]
                right.append(f"{payload[2]:>2}. ", muted)
                right.append(f"{days(it.estimate_days if it else None):>5}  ES {row.es:<5g} EF {row.ef:<5g} ")
                right.append(f"slack {row.slack:g}", self.style("bad") if row.slack <= 0 else muted)
            elif kind in ("wave", "ready"):
                right.append(f"{(it.priority or '--') if it else '':<3}{days(it.estimate_days if it else None):>5}  ")
                right.append(self._slack(key) if kind == "wave" else pad_cells(it.owner if it else "", 10), muted)
            else:
                waits = a.open_dependencies(key)
                roots = [r for r in a.root_causes(key) if r not in waits]
                right.append("waits on ", muted)
                right.append(_first_ids(waits), self.style("warn"))
                if roots:
                    right.append(" · root ", muted)
                    right.append(_first_ids(roots), self.style("bad"))
            right_w = {"cp": 38, "wave": 20, "ready": 20, "waits": 46}[kind]
            return self.item_text(it, key, width, indent=4, id_width=self._id_w, right=right, right_width=right_w)
        if kind == "phase":
            ph = self._phases[key]
            done, total = a.progress(a.board.phase_items(ph))
            return self._bar_line(ph.id, ph.title, ph.window, done, total, width)
        if kind == "milestone":
            m = self._milestones[key]
            done, total = a.progress(self.milestone_items(key))
            due = m.due_date
            when = Text()
            if due is None:
                when.append(m.due_text or "no due date", muted)
            else:
                delta = (due - a.today).days
                when.append(f"due {due.isoformat()} ")
                if done == total and total:
                    when.append("(complete)", self.style("ok"))
                elif delta < 0:
                    when.append(f"({plural(-delta, 'day')} overdue)", self.style("bad"))
                elif delta == 0:
                    when.append("(due today)", self.style("warn"))
                else:
                    when.append(f"(in {plural(delta, 'day')})", muted)
            return self._bar_line(m.id, m.title, when, done, total, width)
        return Text(str(payload))

    def _bar_line(self, key: str, title: str, detail: Text | str, done: int, total: int, width: int) -> Text:
        text = Text("  ", no_wrap=True, end="")
        text.append(pad_cells(key, self._id_w) + " ", self.style("id"))
        bar = progress_text(done, total, BAR_W, self.style("bar-done"), self.style("bar-todo"))
        middle = Text(title or "")
        if detail:
            middle.append(" · ", self.style("muted"))
            middle.append_text(Text(detail, self.style("muted")) if isinstance(detail, str) else detail)
        room = max(8, width - 2 - self._id_w - 1 - bar.cell_len - 2)
        if middle.cell_len > room:
            middle.truncate(room - 1)
            middle.append("…")
        middle.pad_right(room - middle.cell_len)
        text.append_text(middle)
        text.append("  ")
        text.append_text(bar)
        return text
