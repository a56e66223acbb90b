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

from readiness_tui.core.filters.filtering import filter_help
from readiness_tui.ui.actions import ANSWERS, APP, FILE, HELP_BINDINGS, ITEM, PANES, REPORT_NOTE, KeyNames, scopes

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

#: Made from the filter's own definitions (``core.filters.filtering.filter_help``).
FILTER = filter_help()

MARKS = (
    "▶ ready to start (every dependency closed) · ■ blocked (its status) · ◷ waiting (on an open or unknown "
    "dependency) · "
    "✓ done · × cancelled · target! overdue · Deps open/total · Dpt dependents · Gate (live): ✔ pass, "
    "✘ fail, ‼ error, ≈ waived, ↻ stale (watched files changed since the run), … running, ⚠ trust (the "
    "board's commands are not trusted yet), · never run, ○ exit criteria only, — no gate"
)

if TYPE_CHECKING:
    from readiness_tui.ui.app import ReadinessApp


#: One help section: its heading and (keys as the user has them, description) rows.
Section = tuple[str, list[tuple[str, str]]]


def _rows(bindings: Iterable[BindingType], keys: KeyNames) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for b in bindings:
        if isinstance(b, tuple):
            b = Binding(*b)
        if isinstance(b, Binding) and b.description:
            out.append((keys.of(b), b.description))
    return out


def help_text(sections: list[Section]) -> Content:
    parts: list = []
    for title, rows in sections:
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
            "weekly update, go/no-go reasons, run all gates, trust the board's commands, auto-run on/off. "
            "Each command names its key.",
        ),
        (
            "Your keys",
            "Every key above can be moved in your config.toml (readiness config prints its path): "
            'keymap = { undo = "ctrl+z", report = "W" }, named by the binding ids of the registry '
            "(readiness_tui/ui/actions.py); this screen, the footer and the palette show your keys.",
        ),
    ):
        parts += [(title + "\n", "bold $accent"), body + "\n\n"]
    return Content.assemble(*parts)


def app_sections(app: ReadinessApp) -> list[Section]:
    """The main screen's actions under their headings (from the registry), then every pane's and
    screen's own keys, each as this user has them."""
    keys = app.keys
    sections: list[Section] = []
    for heading in (PANES, ITEM, FILE, ANSWERS, APP):
        # The footer's words, so that help and footer read the same.
        rows = [(shown, spec.description) for spec, shown in keys.main_specs() if spec.heading == heading]
        if heading == ANSWERS:
            rows.append(("", REPORT_NOTE))
        sections.append((heading, rows))
    for heading, bindings in scopes():
        rows = _rows(bindings, keys)
        if heading == "Backlog":
            rows += [
                ("escape", "Clear the filter (in the filter line)"),
                ("click", "Click a column header to sort by it"),
                ("click", "Click ▾ / ▸ in a parent's title to fold or unfold it"),
            ]
        elif heading == "Detail":
            rows += [("enter", "Jump to the linked item"), ("click", "Click any id to jump to it")]
        sections.append((heading, rows))
    sections.append(
        ("Everywhere", [("ctrl+p", "Command palette"), ("tab shift+tab", "Move focus"), ("escape", "Close a dialog")])
    )
    return sections


class HelpScreen(ModalScreen[None]):
    BINDINGS = HELP_BINDINGS

    def __init__(self, sections: list[Section]) -> None:
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
