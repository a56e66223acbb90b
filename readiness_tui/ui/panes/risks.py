"""The risk map pane: each risk with the items that mitigate it and its roll-up state.

Risks that need attention come first: those with no live mitigating item (uncovered) and those
that name items the board does not have. Then every risk in board order with its state
(uncovered / open / in progress / mitigated), a bar of its done mitigations and one line per
mitigating item. When the board has risks at all, P0 items that no risk names are listed last: a
board that tracks risks is expected to cover its P0 work.

Keys: up/down or j/k, g/G, pageup/pagedown; enter (or a double click) on an item posts ``OpenItem``.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding

from readiness_tui.core.analysis.analyze import Analysis, RiskStatus
from readiness_tui.core.analysis.coverage import RISK_STATES
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.statuses import status_label
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.panes.lazy import LazyPane
from readiness_tui.ui.widgets.line_list import LineList
from readiness_tui.ui.widgets.line_parts import Rows, pad_cells, styled
from readiness_tui.ui.widgets.progress_bar import progress_text

# A risk no task covers is shouted; the other states read as their words.
STATE_LABEL = {**{s: status_label(s) for s in RISK_STATES}, "uncovered": "UNCOVERED"}
STATE_STYLE = {"uncovered": "bad", "open": "warn", "in_progress": "info", "mitigated": "ok"}
STATE_GLYPH = {"uncovered": "✗", "open": "○", "in_progress": "◐", "mitigated": "✓"}


class RiskPane(LineList, LazyPane):
    """Risks, their mitigating items and roll-up states; uncovered risks first."""

    OPENS_AT_TOP = True

    BINDINGS = [
        *LineList.BINDINGS,  # listed again so that the help's section for this pane shows them too
        *with_ids(
            "risks",
            [
                Binding("e", "screen.edit_record", "Edit risk"),
                Binding("a", "screen.add_record('risks')", "Add risk"),
                Binding("X,delete", "screen.remove_record", "Remove risk…", show=False),
            ],
        ),
    ]

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._analysis: Analysis | None = None
        self._risks: dict[str, Any] = {}
        self._status: dict[str, RiskStatus] = {}
        self._id_w = 8

    # ------------------------------------------------------------------ contract
    def build(self, store: BoardStore, analysis: Analysis) -> None:
        self._analysis = analysis
        board = analysis.board
        self._risks = {r.id: r for r in board.risks}
        statuses = analysis.risk_status
        self._status = {s.id: s for s in statuses}
        named = {i for r in board.risks for i in r.mitigated_by}
        p0 = (
            [it.id for it in analysis.items.values() if it.priority == "P0" and it.id not in named and not it.is_closed]
            if statuses
            else []
        )
        ids = [*named, *p0, *(r.id for r in board.risks)]
        self._id_w = min(max((len(i) for i in ids), default=4), 14)
        rows = Rows()
        counts = dict.fromkeys(RISK_STATES, 0)
        for s in statuses:
            counts[s.state] += 1
        with_unknown = [s for s in statuses if s.unknown]
        rows.add((None, None, styled((f"Risk map · {board.board.title}", "heading"))))
        parts: list = [f"{len(statuses)} risks"]
        for state in RISK_STATES:
            label = f"{counts[state]} {STATE_LABEL[state].lower()}"
            parts += [" · ", (label, STATE_STYLE[state] if counts[state] else "muted")]
        if with_unknown:
            parts += [" · ", (f"{len(with_unknown)} naming items the board lacks", "bad")]
        rows.add((None, None, styled(*parts)))
        rows.add((None, None, ""))
        if not statuses:
            rows.add((None, None, styled(("This board records no risks.", "muted"))))
            self.set_rows(rows)
            return
        attention = [s for s in statuses if s.state == "uncovered" or s.unknown]
        if attention:
            rows.add((None, None, styled((f"Needs attention ({len(attention)})", "bad"))))
            for s in attention:
                rows.add((f"att:{s.id}", None, ("attention", s.id)))
            rows.add((None, None, ""))
        rows.add((None, None, styled((f"Risks ({len(statuses)})", "heading"))))
        for s in statuses:
            rows.add((f"risk:{s.id}", None, ("risk", s.id)))
            for item_id in s.mitigated_by:
                item = analysis.items.get(item_id)
                rows.add((f"risk:{s.id}/{item_id}", item_id if item is not None else None, ("item", item_id)))
            if not s.mitigated_by:
                rows.add((None, None, styled(("      no mitigating item", "bad"))))
        rows.add((None, None, ""))
        if p0:
            rows.add((None, None, styled((f"P0 items no risk names ({len(p0)})", "warn"))))
            rows.items("p0", p0, "item")  # made when read: a large board has many
        else:
            rows.add((None, None, styled(("Every open P0 item is named by a risk.", "muted"))))
        self.set_rows(rows)

    # ------------------------------------------------------------------ lines
    def render_payload(self, payload: Any, width: int) -> Text:
        kind, key = payload
        analysis = self._analysis
        assert analysis is not None
        if kind == "item":
            return self.item_text(analysis.items.get(key), key, width, indent=6, id_width=self._id_w)
        s = self._status[key]
        risk = self._risks.get(key)
        text = Text("  ", no_wrap=True, end="")
        style = self.style(STATE_STYLE[s.state])
        text.append(STATE_GLYPH[s.state] + " ", style)
        text.append(key.ljust(self._id_w) + " ", self.style("id"))
        detail = [v for v in (risk.severity, risk.likelihood) if v] if risk is not None else []
        meta = "/".join(detail)
        if risk is not None and risk.owner:
            meta = f"{meta} · {risk.owner}" if meta else risk.owner
        if kind == "attention":
            why = []
            if s.state == "uncovered":
                known = [i for i in s.mitigated_by if i in analysis.items]
                why.append("no live mitigating item" if not known else "every mitigating item cancelled")
            if s.unknown:
                why.append("names unknown " + ", ".join(s.unknown))
            right = Text(" · ".join(why), style)
            right.truncate(max(20, width // 2))
        else:
            live = [i for i in s.mitigated_by if i in analysis.items and analysis.items[i].status != "cancelled"]
            done, total = analysis.progress(live)  # closed among live ones: done
            right = Text(STATE_LABEL[s.state].ljust(12), style)
            right.append_text(progress_text(done, total, 10, self.style("bar-done"), self.style("bar-todo")))
        title = s.title or ""
        if meta:
            title = f"{title} · {meta}"
        title_w = max(8, width - 2 - 2 - self._id_w - 1 - right.cell_len - 2)
        text.append(pad_cells(title, title_w) + "  ")
        text.append_text(right)
        return text
