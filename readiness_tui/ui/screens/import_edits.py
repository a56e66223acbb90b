"""The board side's keys of the guided import: correct one field of one item or risk, say a row is not an item,
show the risks, set the plan-wide options, add an item the import did not make, number the ids the import made the
plan's own way, and give a field to every item under the heading at the cursor. Each is an entry of the recipe
(``core/importers/guided/corrections``, ``additions``, ``ids``, ``groups``) and, as every relabel, re-imports the plan at once. ``ImportGuideScreen`` (``import_guide``) holds the
bindings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.screen import Screen
from textual.widgets import OptionList

from readiness_tui.core.importers import ImportResult
from readiness_tui.core.importers.guided.additions import add_entry
from readiness_tui.core.importers.guided.corrections import correct_entry, drop_entry, import_id, renamed, set_option
from readiness_tui.core.importers.guided.groups import group_entry
from readiness_tui.core.importers.guided.ids import EVERY_MADE, id_stem, ids_entry
from readiness_tui.core.importers.guided.recipe import GROUP_FIELDS, ITEM_FIELDS, OPTIONS, Recipe, section_key
from readiness_tui.core.model.statuses import PRIORITIES, STATUSES
from readiness_tui.ui.screens.dialogs import ChoiceScreen, PromptScreen
from readiness_tui.ui.widgets.import_board import ImportBoard

#: The fields ``e`` offers on an item (``drop`` is ``d``, ``add`` is ``a``).
EDIT_FIELDS = tuple(f for f in ITEM_FIELDS if f not in ("drop", "add"))
#: What to type for each field.
HINTS = {
    "title": "the item's title",
    "owner": "who owns it (empty: nobody)",
    "status": ", ".join(STATUSES),
    "priority": f"{', '.join(PRIORITIES)} (empty: none)",
    "estimate": "days (3, 3d), weeks (2w) or hours (4h); empty: none",
    "target": "an ISO week (2026-W09) or a date (2026-02-20); empty: none",
    "depends_on": "the ids it waits for, separated by commas or spaces (empty: none)",
    "id": "the id the board gives it, one word; every reference to it follows",
    "mitigated_by": "the ids of the items that mitigate this risk, separated by commas or spaces",
    "after": "the headings whose items they all wait on, separated by commas",
}
#: What a field's dialog offers as its value is typed.
_SUGGESTIONS: dict[str, Sequence[str]] = {"status": STATUSES, "priority": PRIORITIES}
#: What each value of a plan-wide option means.
OPTION_WORDS = {
    ("owner", "split"): "an owner cell naming several ('Eng + Founder'): the first named owns, the others contribute",
    ("owner", "whole"): "an owner cell is the owner as written ('Eng + Founder', 'Ana (Legal)')",
    ("owner", "first"): "an owner cell naming several ('Legal / BizDev', 'Ana (with Luis)') keeps the first named",
    ("outside_ids", "keep"): "a dependency on an id not on this board is kept and reported",
    ("outside_ids", "drop"): "a dependency on an id not on this board is dropped (each one reported)",
    ("struck", "cancelled"): "a struck-through id means the item was cancelled",
    ("struck", "done"): "a struck-through id means the item is done",
    ("all", "none"): "'All' in a risk's items cell (or an item's risk cell) links nothing, and is reported",
    ("all", "every"): "'All' in a risk's items cell links every item; in an item's risk cell, every risk",
    ("group_waits", "items"): "a wait on a group ('after Phase 1') makes each item wait on every item of the group",
    ("group_waits", "none"): "a wait on a group ('after Phase 1') is said of the group only: no item dependencies",
    ("steps", "plan"): "the boxes under an item are its steps, kept in its description, but where the plan calls them "
    "tasks ('**Tasks:**') or its heading names a topic over boxes of work: then its child items",
    ("steps", "description"): "the boxes under an item are always its steps, kept in its description",
    ("steps", "items"): "the boxes and plain lists under an item, and its 'Steps:' field, are items of their own",
    ("sub_boxes", "items"): "the boxes indented under a box are its child items (<box>.1, <box>.2 …)",
    ("sub_boxes", "steps"): "the boxes indented under a box are its steps, kept in its description",
    (
        "sub_bullets",
        "description",
    ): "the plain bullets indented under a box or a plain entry say what it holds: its description",
    ("sub_bullets", "items"): "the plain bullets indented under a box or a plain entry are its child items",
    ("sub_bullets", "groups"): "the plain bullets under a plain entry are the items, the entry their group",
    ("plain_lists", "plan"): "a plan of plain lists has its work in them, wherever a heading of work stands over one",
    ("plain_lists", "labelled"): "plain lists are work only under the sections labelled items; the others are text",
    ("asides", "plan"): "a bracketed aside closing a title stays in it, but where the plan's shape says otherwise",
    ("asides", "description"): "a bracketed aside closing a title ('Webhook worker (validation)') is its description",
    ("asides", "title"): "a bracketed aside closing a title stays in it, a file's details too ('in src/db.py (x, y)')",
    ("dashes", "plan"): "a spaced dash in a title keeps what follows, but where every entry of its list is so written",
    ("dashes", "description"): "what follows a spaced dash in a title ('Docs -- Write man pages') is its description",
    ("colons", "plan"): "a colon in a title keeps what follows, but after a short name over a long explanation",
    ("colons", "description"): "what follows a colon in a title ('Trim build: drop source maps') is its description",
    ("colons", "title"): "a colon in a title keeps what follows in it, however long",
}


#: The actions that act on one side only (every other key acts on both).
_SIDE = {
    **dict.fromkeys(("label", "column", "status_word", "priority_word", "group"), "plan"),
    **dict.fromkeys(("edit", "drop", "toggle_risks", "add_item", "number_ids", "number_all_ids"), "board"),
}


class BoardEdits(Screen[list[str] | None]):
    """The actions of the board side; the guide screen gives the recipe, the last import and re-imports."""

    recipe: Recipe
    result: ImportResult | None

    def reimport(self) -> None:
        raise NotImplementedError

    @property
    def heading(self) -> str:
        """The words of the heading the plan side's cursor is under ("" under none)."""
        raise NotImplementedError

    def _status(self, text: str, error: bool = False) -> None:
        raise NotImplementedError

    @property
    def board_side(self) -> ImportBoard:
        return self.query_one("#board", ImportBoard)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The keys of the side that has the focus: the footer then lists what acts where the cursor is."""
        side = _SIDE.get(action)
        return side is None or side == ("board" if isinstance(self.focused, ImportBoard) else "plan")

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_switch_side(self) -> None:
        board = self.board_side
        (self.query_one("#plan", OptionList) if board.has_focus else board).focus()

    def action_toggle_risks(self) -> None:
        board = self.board_side
        board.risks = not board.risks
        board.show(self.result)
        self._status(f"the board side shows the {'risks' if board.risks else 'items'}; v shows the other")

    def _row(self, key: str) -> str | None:
        board = self.board_side
        if not board.has_focus or board.current_id is None:
            self._status(f"{key} acts on a row of the board: there is none", error=True)
            return None
        if board.risks:
            return board.current_id
        numbered = self.result.numbered if self.result is not None else None
        # A renamed or numbered item's corrections stay under its import id.
        return import_id(self.recipe, board.current_id, numbered)

    def _known(self) -> set[str]:
        board = self.result.board if self.result is not None else None
        return {i.id for i in board.items} if board is not None else set()

    def _current(self, table: str, key: str, fld: str) -> str:
        board = self.result.board if self.result is not None else None
        shown = key if table == "risks" else renamed(self.recipe).get(key, key)
        found = [r for r in (board.risks if table == "risks" else board.items) if r.id == shown] if board else []
        if not found:
            return ""
        at = "estimate_days" if fld == "estimate" else fld
        value = getattr(found[0], at, None)
        if isinstance(value, list):
            return ", ".join(value)
        if isinstance(value, float):
            return f"{value:g}"
        return "" if value is None else str(value)

    def action_edit(self) -> None:
        key = self._row("e")
        if key is None:
            return
        if self.board_side.risks:
            self._prompt("risks", key, "mitigated_by")
            return

        def chosen(fld: str | None) -> None:
            if fld is not None:
                self._prompt("items", key, fld)

        choices = [(f, f"{f}: {self._current('items', key, f) or '—'}") for f in EDIT_FIELDS]
        self.app.push_screen(ChoiceScreen(f"Correct which field of {key}?", choices), chosen)

    def _ask(
        self,
        title: str,
        value: str,
        hint: str,
        make: Callable[[str], Recipe],
        said: Callable[[str], str],
        suggestions: Sequence[str] = (),
    ) -> None:
        """Ask for one value; ``make`` turns it into the new recipe (its ``ValueError`` is shown in the dialog, and
        the value is not kept), which then replaces the recipe and the plan is imported again."""

        def check(text: str) -> str | None:
            try:
                make(text)
            except ValueError as exc:
                return str(exc)
            return None

        def typed(text: str | None) -> None:
            if text is None:
                return
            self.recipe = make(text)
            self._status(f"{said(text)}; importing again…")
            self.reimport()

        self.app.push_screen(PromptScreen(title, value, hint, validate=check, suggestions=suggestions), typed)

    def _prompt(self, table: str, key: str, fld: str) -> None:
        known = self._known()
        self._ask(
            f"{key}: {fld}",
            self._current(table, key, fld),
            HINTS[fld],
            lambda text: correct_entry(self.recipe, table, key, fld, text, known),
            lambda text: f"{key}: {fld} = {text!r}",
            _SUGGESTIONS.get(fld, ()),
        )

    def action_drop(self) -> None:
        key = self._row("d")
        if key is None:
            return
        table = "risks" if self.board_side.risks else "items"
        self.recipe = drop_entry(self.recipe, table, key)
        self._status(f"{key} is not {'a risk' if table == 'risks' else 'an item'}; importing again…")
        self.reimport()

    def action_options(self) -> None:
        def chosen_value(name: str, value: str | None) -> None:
            if value is None:
                return
            self.recipe = set_option(self.recipe, name, value)
            self._status(f"option {name} = {value}; importing again…")
            self.reimport()

        def chosen_option(name: str | None) -> None:
            if name is not None:
                choices = [(v, f"{v}: {OPTION_WORDS[(name, v)]}") for v in OPTIONS[name]]
                current = self.recipe.options.get(name, OPTIONS[name][0])
                self.app.push_screen(
                    ChoiceScreen(f"Option {name}", choices, current=current), lambda v: chosen_value(name, v)
                )

        choices = [(name, f"{name} = {self.recipe.options.get(name, values[0])}") for name, values in OPTIONS.items()]
        self.app.push_screen(ChoiceScreen("Plan-wide options", choices), chosen_option)

    def action_add_item(self) -> None:
        # With the board side on its risks, the record added is a risk.
        table = "risks" if self.board_side.risks else "items"
        board = self.result.board if self.result is not None else None
        known = {r.id for r in board.risks} if table == "risks" and board is not None else self._known()

        def typed_id(key: str | None) -> None:
            if key is not None:
                self._ask(
                    f"{key.strip()}: title",
                    "",
                    HINTS["title"],
                    lambda title: add_entry(self.recipe, key.strip(), title, known, table),
                    lambda title: f"{key.strip()} added",
                )

        def check_id(text: str) -> str | None:
            try:
                add_entry(self.recipe, text.strip(), "title", known, table)
            except ValueError as exc:
                return str(exc)
            return None

        what = "risk" if table == "risks" else "item"
        hint = f"the id of a {what} the plan names but the import did not make (one word)"
        self.app.push_screen(PromptScreen(f"Add a {what}", "", hint, validate=check_id), typed_id)

    def action_number_ids(self) -> None:
        key = self._row("n")
        if key is None:
            return
        stem = id_stem(key)
        if self.board_side.risks or stem is None:
            self._status(f"n numbers the items whose ids end in a number: {key} is not one", error=True)
            return
        self._ask(
            f"Ids {stem}1, {stem}2… become",
            self.recipe.ids.get(stem, stem),
            f"what comes before the number instead of {stem!r} (V- gives V-1, V-2…; nothing, the number alone);"
            " every reference follows",
            lambda text: ids_entry(self.recipe, stem, text),
            lambda text: f"ids {stem}N are {text.strip()}N",
        )

    def action_number_all_ids(self) -> None:
        if self.board_side.risks:
            self._status("N numbers the items: v shows them", error=True)
            return
        self._ask(
            "Every id the import made becomes",
            self.recipe.ids.get(EVERY_MADE, "T-"),
            "what comes before one running number, in the plan's order (T- gives T-1, T-2…); the ids the plan"
            " writes stay, and every reference follows",
            lambda text: ids_entry(self.recipe, EVERY_MADE, text),
            lambda text: f"every id the import made is {text.strip()}N",
        )

    def action_group(self) -> None:
        heading = self.heading
        if not section_key(heading):
            self._status("g gives a field to every item under a heading: move under one first", error=True)
            return
        known = self._known()
        given = self.recipe.groups.get(section_key(heading), {})

        def chosen(fld: str | None) -> None:
            if fld is None:
                return
            now = given.get(fld, "")
            self._ask(
                f"Every item under {heading!r}: {fld}",
                ", ".join(now) if isinstance(now, list) else str(now),
                HINTS[fld],
                lambda text: group_entry(self.recipe, heading, fld, text, known),
                lambda text: f"every item under {heading!r}: {fld} = {text!r}",
                _SUGGESTIONS.get(fld, ()),
            )

        choices = [(f, f"{f}: {given.get(f) or '—'}") for f in GROUP_FIELDS]
        self.app.push_screen(ChoiceScreen(f"Give every item under {heading!r}…", choices), chosen)
