"""The Detail pane: everything about one item, and a list of its links to jump along.

The text above shows every field, the blocking chain, risks and the gate; ids in it are clickable.
The list below (``tab`` to reach it, ``j``/``k``, ``enter``) holds every linked item: dependencies,
dependents, the blocking chain's root causes, the parent and children.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.markup import escape
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import CLOSED, Item
from readiness_tui.core.model.statuses import status_label
from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.messages import ItemHighlighted, OpenItem
from readiness_tui.ui.panes.base import Pane
from readiness_tui.ui.widgets.item_text import ItemText

if TYPE_CHECKING:
    from readiness_tui.ui.board_state import GateResults


class LinkList(OptionList):
    BINDINGS = with_ids(
        "detail.links",
        [
            Binding("j", "cursor_down", "Down", show=False),
            Binding("k", "cursor_up", "Up", show=False),
            Binding("g", "first", "First", show=False),
            Binding("G", "last", "Last", show=False),
        ],
    )


class DetailText(VerticalScroll):
    """The item's text, focused first: a long item is read to its end with the keys a reader tries
    (j/k and the arrows, pageup/pagedown, g/G and home/end); ``l`` or tab reach the links."""

    BINDINGS = with_ids(
        "detail.text",
        [
            Binding("j", "scroll_down", "Scroll down", show=False),
            Binding("k", "scroll_up", "Scroll up", show=False),
            Binding("g", "scroll_home", "Top", show=False),
            Binding("G", "scroll_end", "End", show=False),
        ],
    )


class DetailPane(ItemText, Vertical, Pane):
    """Shows the highlighted item. ``show_board`` re-renders; ``focus_item`` switches item."""

    BINDINGS = with_ids(
        "detail",
        [
            Binding("l", "focus_links", "Links", show=True),
            # The main screen's action (a host without it ignores the key); the id it always had.
            Binding("escape,backspace", "screen.show_pane('backlog')", "Back to the backlog", id="detail.back"),
            Binding("A", "screen.edit_item('acceptance')", "Acceptance", show=False),
            Binding("D", "screen.deliverables", "Deliverables…", show=False),
        ],
    )

    def __init__(self, *, id: str | None = "detail", classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.item_id: str | None = None
        self._store: BoardStore | None = None
        self._analysis: Analysis | None = None
        self._stale = True

    def compose(self) -> ComposeResult:
        with DetailText(id="detail-scroll"):
            yield Static("No item selected.", id="detail-body")
        yield Static("Links  [dim](enter jumps)[/]", id="detail-links-title")
        yield LinkList(id="detail-links")

    # ------------------------------------------------------------------ pane interface
    def show_board(self, store: BoardStore, analysis: Analysis) -> None:
        self._store, self._analysis = store, analysis
        self._stale = True
        self._render_if_visible()

    def focus_item(self, item_id: str) -> None:
        if item_id != self.item_id:
            self.item_id = item_id
            self._stale = True
        self._render_if_visible()

    def gates_changed(self, gates: GateResults) -> None:
        self.gate_session = gates.session
        self.refresh_gates()

    def refresh_gates(self) -> None:
        """The live gate results changed: redraw (now if visible, else when shown)."""
        self._stale = True
        self._render_if_visible()

    def on_show(self) -> None:
        self._render_if_visible()

    def _render_if_visible(self) -> None:
        if self._stale and self.is_mounted and self.display and self.is_on_screen_or_active:
            self.render_item()

    @property
    def is_on_screen_or_active(self) -> bool:
        # A pane inside an inactive tab is not displayed; render it when it becomes visible.
        node: DOMNode | None = self
        while node is not None:
            if not node.display:
                return False
            node = node.parent
        return True

    def action_focus_links(self) -> None:
        self.query_one(LinkList).focus()

    @property
    def current_id(self) -> str | None:
        return self.item_id

    def focus_default(self) -> None:
        """The text, which the keys scroll (a focused link list would take j, down and end for
        its cursor, and the text below "Risks it mitigates" could not be reached); ``l`` or tab
        reach the links (j/k, enter jumps)."""
        self.query_one(DetailText).focus()

    # ------------------------------------------------------------------ rendering
    def render_item(self) -> None:
        self._stale = False
        body = self.query_one("#detail-body", Static)
        links = self.query_one(LinkList)
        store, an = self._store, self._analysis
        if store is None or an is None:
            return
        items = an.items
        if self.item_id not in items:
            self.item_id = next(iter(items), None)
        if self.item_id is None:
            body.update("This board has no items yet. Press [b]a[/] to add one.")
            links.clear_options()
            return
        it = items[self.item_id]
        body.update(self._markup(it, store, an) + _deliverable_records(it, store))
        self._fill_links(it, an, links)

    def _fill_links(self, it: Item, an: Analysis, links: OptionList) -> None:
        seen: set[str] = set()
        options: list[Option] = []

        def add(kind: str, target: str) -> None:
            if target in seen or target not in an.items or target == it.id:
                return
            seen.add(target)
            other = an.items[target]
            label = f"{kind:<10} {target:<{idw}} {status_label(other.status):<11} {other.title}"
            option_id = f"link-{len(options)}"
            options.append(Option(escape(label), id=option_id))
            self._targets[option_id] = target

        self._targets: dict[str, str] = {}
        idw = max([8, *(len(i) for i in (*it.depends_on, *an.dependents(it.id)))])
        for d in it.depends_on:
            add("depends", d)
        for d in an.dependents(it.id):
            add("dependent", d)
        if it.status not in CLOSED:
            for root in an.root_causes(it.id):
                add("root", root)
        if it.parent:
            add("parent", it.parent)
        for child in an.board.children_of(it.id):
            add("child", child.id)
        for d in it.soft_depends_on:
            add("soft", d)
        links.clear_options()
        links.add_options(options)
        if options:
            links.highlighted = 0
        self.query_one("#detail-links-title", Static).update(
            f"Links ({len(options)})  [dim]l or tab to focus, enter jumps[/]" if options else "Links  [dim]none[/]"
        )

    @on(OptionList.OptionSelected, "#detail-links")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target:
            self.post_message(OpenItem(target))

    @on(OptionList.OptionHighlighted, "#detail-links")
    def _peek(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()


def _deliverable_records(it: Item, store: BoardStore) -> str:
    """The board's ``[[deliverables]]`` of this item (``D`` edits them), after the item's text."""
    rows = [d for d in store.board.deliverables if d.item == it.id]
    if not rows:
        return ""
    lines = ["", "", f"[b]Deliverable records[/] ({len(rows)})  [dim]D edits[/]"]
    for d in rows:
        purpose = f"  [dim]{escape(d.purpose)}[/]" if d.purpose else ""
        lines.append(f"  • {escape(d.path)}  {status_label(d.status)}{purpose}")
    return "\n".join(lines)


__all__ = ["DetailPane", "ItemHighlighted"]
