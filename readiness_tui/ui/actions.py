"""The one registry of the app's actions: id, default keys, description, help heading, where it applies.

It feeds every place a key is named: the screens' and panes' ``BINDINGS`` (each binding carries its
id, so the user's keymap can move it with ``App.set_keymap``), the footer (Textual shows the
remapped keys itself), the ``?`` help screen and the command palette (both through ``KeyNames``,
which knows the user's keys).

- ``MAIN``: the main screen's actions (and the app's, which work on every screen).
- ``binding_ids.with_ids(scope, bindings)``: a pane's, widget's or screen's own bindings, each given the id
  ``scope.action`` unless it has one. ``scopes()`` lists those classes with their help headings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.panes.registry import panes

if TYPE_CHECKING:
    from readiness_tui.core.settings.config import Config

# Help headings of the main screen's actions, in the order help shows them.
PANES = "Panes"
ITEM = "Editing the current item (saved at once)"
FILE = "Undo, saving and the board file"
ANSWERS = "Answers and meetings"
APP = "The app"


@dataclass(frozen=True)
class ActionSpec:
    #: The binding id: what the user's keymap names (``keymap = { undo = "ctrl+z" }``).
    id: str
    #: The Textual action ("history(-1)"; "app.reload" runs on the app).
    action: str
    #: Default keys, comma separated, in Textual's names ("u,ctrl+z").
    keys: str
    description: str
    heading: str
    #: Shown in the footer.
    show: bool = False
    #: Offered in the command palette (what needs a pane's cursor is not).
    palette: bool = True
    #: A longer line for the palette (default: the description).
    palette_text: str = ""

    @property
    def name(self) -> str:
        """The action's name alone (``history``), as ``ui.readonly`` lists them."""
        return self.action.split(".")[-1].split("(")[0]

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.description, show=self.show, id=self.id)


def _pane_actions() -> list[ActionSpec]:
    return [
        ActionSpec(
            f"pane.{spec.key}",
            f"pane_n({n})",
            str(n),
            f"Go to {spec.title}",
            PANES,
            palette_text=f"Open pane: {spec.title}",
        )
        for n, spec in enumerate(panes(), 1)
    ]


MAIN: tuple[ActionSpec, ...] = (
    ActionSpec("quit", "app.quit_app", "q", "Quit", APP, show=True),
    ActionSpec("help", "app.help", "question_mark,f1", "Keys", APP, show=True, palette_text="Keys: every binding"),
    *_pane_actions(),
    ActionSpec("pane.next", "pane_step(1)", "right_square_bracket", "Next pane", PANES),
    ActionSpec("pane.previous", "pane_step(-1)", "left_square_bracket", "Previous pane", PANES),
    ActionSpec("status.cycle", "cycle_status", "s", "Status", ITEM, show=True, palette_text="Cycle the status"),
    ActionSpec("status.set", "status_menu", "S", "Set status…", ITEM),
    ActionSpec("priority", "priority_menu", "p", "Priority…", ITEM),
    ActionSpec("owner", "set_owner", "w", "Owner…", ITEM),
    ActionSpec("target", "set_target", "t", "Target…", ITEM),
    ActionSpec("estimate", "set_estimate", "E", "Estimate…", ITEM),
    ActionSpec("score", "score_factors", "f", "Score factors…", ITEM),
    ActionSpec("edit", "edit_item", "e", "Edit", ITEM, show=True, palette_text="Edit the item (form)"),
    ActionSpec("edit.text", "edit_text", "ctrl+e", "Long text in $EDITOR", ITEM),
    ActionSpec("item.add", "add_item", "a", "Add", ITEM, show=True, palette_text="Add item"),
    ActionSpec("note", "add_note", "N", "Progress note…", ITEM, palette_text="Add a progress note to the item"),
    ActionSpec("item.duplicate", "duplicate", "y", "Duplicate", ITEM),
    ActionSpec("item.delete", "delete", "delete,X", "Delete…", ITEM),
    ActionSpec("dependency.add", "add_dependency", "plus", "Add dependency…", ITEM),
    ActionSpec("dependency.remove", "remove_dependency", "minus", "Remove dependency…", ITEM),
    ActionSpec("undo", "history(-1)", "u,ctrl+z", "Undo", FILE, show=True),
    ActionSpec("redo", "history(1)", "ctrl+y,ctrl+r", "Redo", FILE),
    ActionSpec("save", "save", "ctrl+s", "Save now / retry", FILE),
    ActionSpec("reload", "app.reload", "R", "Reload from disk", FILE, palette_text="Reload board from disk"),
    ActionSpec("conflicts", "resolve_conflicts", "C", "Merge conflicts…", FILE),
    ActionSpec("gonogo", "gonogo", "n", "Go/no-go", ANSWERS, show=True, palette_text="Go/no-go: every reason"),
    ActionSpec(
        "report",
        "report",
        "r,W",
        "Report",
        ANSWERS,
        show=True,
        palette_text="Weekly update (report)",
    ),
    ActionSpec("standup", "standup", "m", "Standup", ANSWERS, show=True, palette_text="Standup mode"),
    ActionSpec("board", "app.pick_board", "b", "Boards…", APP, palette=False),
    ActionSpec("theme", "app.pick_theme", "T", "Theme…", APP, palette=False),
)

#: Said in help under the report's key: where ``r`` means something else.
REPORT_NOTE = "W opens it in every pane; r does too, except in Gates, where r runs the selected gate."


def main_bindings() -> list[BindingType]:
    return [spec.binding() for spec in MAIN]


def app_bindings() -> list[BindingType]:
    """What works on every screen (the main screen lists them too, for its footer)."""
    return [spec.binding() for spec in MAIN if spec.id in ("quit", "help", "board", "theme")]


#: The help screen's own keys (``screens.help``), listed in it with the others.
HELP_BINDINGS: list[BindingType] = with_ids("help", [Binding("escape,q,question_mark,f1", "dismiss_help", "Close")])


def scopes() -> list[tuple[str, list[BindingType]]]:
    """(help heading, bindings) of every pane, widget and screen with keys of its own, in the order
    help lists them after the main screen's."""
    from readiness_tui.ui.panes.backlog import BacklogPane
    from readiness_tui.ui.panes.detail import DetailPane, DetailText, LinkList
    from readiness_tui.ui.screens.conflict import ConflictScreen
    from readiness_tui.ui.screens.conflicts import ConflictsScreen
    from readiness_tui.ui.screens.dialogs import ChoiceScreen, ConfirmScreen, PickItemScreen, PromptScreen
    from readiness_tui.ui.screens.edit_form import EditItemScreen
    from readiness_tui.ui.screens.gonogo import GoNoGoScreen
    from readiness_tui.ui.screens.report import ReportScreen
    from readiness_tui.ui.screens.standup import JumpScreen, StandupScreen
    from readiness_tui.ui.screens.trust import TrustScreen
    from readiness_tui.ui.widgets.backlog_table import BacklogTable
    from readiness_tui.ui.widgets.matrix_grid import MatrixGrid

    out: list[tuple[str, list[BindingType]]] = [
        ("Backlog", [*BacklogTable.BINDINGS, *BacklogPane.BINDINGS]),
        ("Detail", [*DetailPane.BINDINGS, *DetailText.BINDINGS, *LinkList.BINDINGS]),
    ]
    for spec in panes():
        if spec.key in ("backlog", "detail"):
            continue
        # Every pane ships in the package: one that fails to import is a bug to see, not to hide.
        own = list(getattr(spec.widget_class(), "BINDINGS", []))
        if spec.key == "matrix":  # the grid's moves are the matrix pane's keys
            own += MatrixGrid.BINDINGS
        out.append((f"{spec.title} pane", own))
    out += [
        ("In standup mode (m)", [*StandupScreen.BINDINGS, *JumpScreen.BINDINGS]),
        ("In the weekly update (r or W)", list(ReportScreen.BINDINGS)),
        ("Go/no-go reasons (n)", list(GoNoGoScreen.BINDINGS)),
        ("This screen (?)", list(HELP_BINDINGS)),
        ("Trust prompt", list(TrustScreen.BINDINGS)),
        ("Conflict dialog (the file changed on disk)", list(ConflictScreen.BINDINGS)),
        ("Merge conflicts (C)", list(ConflictsScreen.BINDINGS)),
        ("The edit form (e, a)", list(EditItemScreen.BINDINGS)),
        (
            "Dialogs",
            [*ConfirmScreen.BINDINGS, *ChoiceScreen.BINDINGS, *PromptScreen.BINDINGS, *PickItemScreen.BINDINGS],
        ),
    ]
    return out


def binding_ids() -> set[str]:
    """Every id a keymap may name."""
    ids = {spec.id for spec in MAIN}
    for _heading, bindings in scopes():
        ids |= {b.id for b in bindings if isinstance(b, Binding) and b.id}
    return ids


#: Textual's key names as a person types them.
_SHOWN = {
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "delete": "del",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "full_stop": ".",
}


def show_keys(keys: str) -> str:
    """``"u,ctrl+z"`` -> ``"u ctrl+z"``, with symbols as typed (``question_mark`` -> ``?``)."""
    return " ".join(_SHOWN.get(k.strip(), k.strip()) for k in keys.split(",") if k.strip())


class KeyNames:
    """The keys of each binding as this user has them: the keymap's, else the default."""

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        self.keymap: dict[str, str] = dict(keymap or {})

    def keys(self, binding_id: str | None, default: str) -> str:
        return self.keymap.get(binding_id, default) if binding_id else default

    def of(self, binding: Binding) -> str:
        return show_keys(self.keys(binding.id, binding.key))

    def of_spec(self, spec: ActionSpec) -> str:
        return show_keys(self.keys(spec.id, spec.keys))

    def main_specs(self) -> Iterator[tuple[ActionSpec, str]]:
        for spec in MAIN:
            yield spec, self.of_spec(spec)


def keymap_problems(config: Config) -> list[str]:
    """The user's keymap entries that name no binding (each with a suggestion), and keys it gives
    twice. Keys that name no key are the settings' own problems (``core.settings.keys``)."""
    from readiness_tui.core.settings.config import keymap_binding_problems

    keymap = config.get("keymap")
    if not keymap:  # nothing to check: spare importing every pane and screen (``binding_ids``)
        return []
    origin = config.origins.get("keymap", "")
    unknown = [p.format() for p in keymap_binding_problems(config, binding_ids())]
    return unknown + [f"{origin}: {clash}" for clash in keymap_clashes(keymap_of(config))]


def keymap_clashes(keymap: Mapping[str, str]) -> list[str]:
    """Keys the keymap gives to a main-screen action that another one has too (both apply on the
    same screen, so one of them loses the key: the keymap's wins)."""
    names = KeyNames(keymap)
    holders: dict[str, list[str]] = {}
    for spec in MAIN:
        for key in names.keys(spec.id, spec.keys).split(","):
            if key.strip():
                holders.setdefault(key.strip(), []).append(spec.id)
    out = []
    for key, ids in holders.items():
        moved = [i for i in ids if i in keymap]
        if len(ids) > 1 and moved:
            others = [i for i in ids if i not in moved]
            lost = f"{', '.join(others)} no longer has it" if others else "only one of them can have it"
            out.append(f"keymap: {show_keys(key)} is given to {' and '.join(ids)}; {lost}")
    return out


def keymap_of(config: Config) -> dict[str, str]:
    """The keymap to give ``App.set_keymap``: the valid entries of the user's."""
    keymap = config.get("keymap")
    if not keymap:  # the usual case: no need to import every pane and screen for their ids
        return {}
    known = binding_ids()
    return {k: v for k, v in keymap.items() if k in known}  # keys already as Textual names them
