"""``?``: every binding of the app, its panes and screens (standup, weekly update, trust prompt,
conflict dialog), the filter language, live gates, and how saving works."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

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

GATES = (
    "Gates are evaluated live: the app watches the board's repository, so evidence appearing or "
    "disappearing shows at once (Gates pane, the backlog's Gate column, the detail pane, go/no-go). "
    "Verify commands run only after you trust the board's commands (t in the Gates pane, or when you "
    "first run one); any change to a command asks again. Auto-run (a in the Gates pane, off by default) "
    "re-runs a gate when its watched files change. If the board file changes on disk it is reloaded in "
    "place (cursor, filter, sort and grouping kept); with unsaved edits you get the conflict dialog "
    "instead. If it is deleted, the board stays open and ctrl+s writes it again. Every change (yours, "
    "undo, redo, and what a reload found) is appended to BOARD.history.jsonl: readiness audit verify BOARD."
)

FILTER = (
    "Words match id, title, owner, workstream, kind and tags. Fields: owner:@ana (or @ana) status:blocked "
    "p:P0 (p:P0,P1) phase:A kind:ticket ws:security tag:x milestone:M1 id:SEC target:2026-W09. Flags: "
    "ready blocked overdue open closed gate. Prefix - or ! to negate: -status:done. Terms are ANDed."
)

MARKS = (
    "▶ ready to start (every dependency closed) · ■ blocked (an open dependency, or status blocked) · "
    "✓ done · × cancelled · target! overdue · Deps open/total · Dpt dependents · Gate (live): ✔ pass, "
    "✘ fail, ‼ error, ≈ waived, ↻ stale (watched files changed since the run), … running, 🔒 trust (the "
    "board's commands are not trusted yet), · never run, ○ exit criteria only, — no gate"
)

if TYPE_CHECKING:
    from ..app import ReadinessApp


def _keys(binding: Binding) -> str:
    keys = []
    for k in binding.key.split(","):
        k = k.strip()
        k = {
            "slash": "/",
            "question_mark": "?",
            "plus": "+",
            "minus": "-",
            "delete": "del",
            "left_square_bracket": "[",
            "right_square_bracket": "]",
            "full_stop": ".",
        }.get(k, k)
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
        ("Live gates, outside changes and the audit trail", GATES),
        (
            "Command palette (ctrl+p)",
            "Go to an item by id or title, set the status of the current item, filter, "
            "switch board, switch theme, open any pane, group the backlog, undo and redo, standup mode, the "
            "weekly update, run all gates, trust the board's commands, auto-run on/off.",
        ),
    ):
        parts += [(title + "\n", "bold $accent"), body + "\n\n"]
    return Content.assemble(*parts)


def app_sections(app: ReadinessApp) -> list[tuple[str, Iterable[BindingType]]]:
    """Every binding of the app, the backlog, the detail pane and the other panes that are built."""
    from ..panes.backlog import BacklogPane
    from ..panes.detail import DetailPane, LinkList
    from ..widgets.backlog_table import BacklogTable
    from .conflict import ConflictScreen
    from .report import ReportScreen
    from .standup import JumpScreen, StandupScreen
    from .trust import TrustScreen

    # The main screen's keys, then the app's own (q and ? are listed by both: once here).
    app_bindings: list[Binding] = []
    seen: set[str] = set()
    for b in [*app.main.BINDINGS, *app.BINDINGS]:
        if isinstance(b, Binding) and b.key not in seen:
            seen.add(b.key)
            app_bindings.append(Binding(b.key, b.action.removeprefix("app."), b.description, show=b.show))
    panes_keys = [Binding(str(n), "", f"{s.title} pane") for n, s in enumerate(app.main.pane_specs, 1)]
    meeting = ("standup", "report")
    sections: list[tuple[str, Iterable[BindingType]]] = [
        ("Panes", panes_keys + [b for b in app_bindings if "pane_step" in b.action]),
        (
            "Editing the current item (saved at once)",
            [b for b in app_bindings if "pane" not in b.action and b.action not in meeting],
        ),
        ("Standup and weekly update", [b for b in app_bindings if b.action in meeting]),
        ("In standup mode (m)", [*StandupScreen.BINDINGS, *JumpScreen.BINDINGS]),
        ("In the weekly update (r)", ReportScreen.BINDINGS),
        ("Trust prompt", TrustScreen.BINDINGS),
        ("Conflict dialog (the file changed on disk)", ConflictScreen.BINDINGS),
        (
            "Backlog",
            [
                *BacklogTable.BINDINGS,
                *BacklogPane.BINDINGS,
                Binding("escape", "", "Clear the filter (in the filter line)"),
                Binding("click", "", "Click a column header to sort by it"),
                Binding("click", "", "Click ▾ / ▸ in a parent's title to fold or unfold it"),
            ],
        ),
        (
            "Detail",
            [
                *DetailPane.BINDINGS,
                *LinkList.BINDINGS,
                Binding("enter", "", "Jump to the linked item"),
                Binding("click", "", "Click any id to jump to it"),
            ],
        ),
        (
            "Everywhere",
            [
                Binding("ctrl+p", "", "Command palette"),
                Binding("tab,shift+tab", "", "Move focus"),
                Binding("escape", "", "Close a dialog"),
            ],
        ),
    ]
    for spec in app.main.pane_specs:
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
