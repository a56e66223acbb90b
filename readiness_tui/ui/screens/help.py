"""``?``: every binding of the app, the backlog and the detail pane, the filter language, and how
saving works."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

SAVING = (
    "Every edit is saved at once: the board file is rewritten atomically, touching only the lines the "
    "edit changed, so comments and layout stay as they were. If someone else changed the file since it "
    "was loaded, nothing is overwritten: you choose to reload (your edits are re-applied on top), keep "
    "yours, or look at the difference first. Undo and redo save too. Quitting with unsaved edits asks."
)

FILTER = (
    "Words match id, title, owner, workstream, kind and tags. Fields: owner:@ana (or @ana) status:blocked "
    "p:P0 (p:P0,P1) phase:A kind:ticket ws:security tag:x milestone:M1 id:SEC target:2026-W09. Flags: "
    "ready blocked overdue open closed gate. Prefix - or ! to negate: -status:done. Terms are ANDed."
)

MARKS = (
    "▶ ready to start (every dependency closed) · ■ blocked (an open dependency, or status blocked) · "
    "✓ done · × cancelled · target! overdue · Deps open/total · Dpt dependents · Gate — none, ○ criteria "
    "only, ● verify command or evidence"
)


def _keys(binding: Binding) -> str:
    keys = []
    for k in binding.key.split(","):
        k = k.strip()
        k = {"slash": "/", "question_mark": "?", "plus": "+", "minus": "-", "delete": "del",
             "left_square_bracket": "[", "right_square_bracket": "]", "full_stop": "."}.get(k, k)
        keys.append(k)
    return " ".join(keys)


def _rows(bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for b in bindings:
        if isinstance(b, tuple):
            b = Binding(*b)
        if not isinstance(b, Binding) or not b.description:
            continue
        out.append((_keys(b), b.description))
    return out


def help_text(sections: list[tuple[str, Iterable[BindingType]]]) -> Content:
    parts: list = []
    for title, bindings in sections:
        rows = _rows(bindings)
        if not rows:
            continue
        parts.append((title + "\n", "bold $accent"))
        seen: set[tuple[str, str]] = set()
        for keys, desc in rows:
            if (keys, desc) in seen:
                continue
            seen.add((keys, desc))
            parts += ["  ", (f"{keys:<22}", "bold"), f" {desc}\n"]
        parts.append("\n")
    for title, body in (
        ("Saving", SAVING),
        ("Filter language (press / in the backlog)", FILTER),
        ("Marks in the backlog", MARKS),
        ("Command palette (ctrl+p)", "Go to an item by id or title, set the status of the current item, filter, "
         "switch board, switch theme, open any pane, group the backlog, undo and redo."),
    ):
        parts += [(title + "\n", "bold $accent"), body + "\n\n"]
    return Content.assemble(*parts)


def app_sections(app) -> list[tuple[str, Iterable[BindingType]]]:  # type: ignore[no-untyped-def]
    """Every binding of the app, the backlog, the detail pane and the other panes that are built."""
    from ..panes.backlog import BacklogPane
    from ..panes.detail import DetailPane, LinkList
    from ..widgets.backlog_table import BacklogTable

    app_bindings = [b for b in app.BINDINGS if isinstance(b, Binding)]
    panes_keys = [Binding(str(n), "", f"{s.title} pane") for n, s in enumerate(app.pane_specs, 1)]
    sections: list[tuple[str, Iterable[BindingType]]] = [
        ("Panes", panes_keys + [b for b in app_bindings if "pane_step" in b.action]),
        ("Editing the current item (saved at once)", [b for b in app_bindings if "pane" not in b.action]),
        ("Backlog", [*BacklogTable.BINDINGS, *BacklogPane.BINDINGS,
                     Binding("escape", "", "Clear the filter (in the filter line)"),
                     Binding("click", "", "Click a column header to sort by it")]),
        ("Detail", [*DetailPane.BINDINGS, *LinkList.BINDINGS, Binding("enter", "", "Jump to the linked item"),
                    Binding("click", "", "Click any id to jump to it")]),
        ("Everywhere", [Binding("ctrl+p", "", "Command palette"), Binding("tab,shift+tab", "", "Move focus"),
                        Binding("escape", "", "Close a dialog")]),
    ]
    for spec in app.pane_specs:
        if spec.key in ("backlog", "detail"):
            continue
        try:
            cls = spec.widget_class()
        except Exception:  # noqa: BLE001 - a pane that does not import has no keys to show
            continue
        sections.append((f"{spec.title} pane", getattr(cls, "BINDINGS", [])))
    return sections


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss_help", "Close")]

    def __init__(self, sections: list[tuple[str, Iterable[BindingType]]]) -> None:
        super().__init__(classes="dialog")
        self._sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide", id="help-box"):
            yield Static("Keys  [dim](escape closes)[/]", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_text(self._sections), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
