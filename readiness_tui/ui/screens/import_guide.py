"""The guided import: the plan's Markdown beside the board it makes, relabelled with a key per block.

``readiness import PLAN.md`` in a terminal opens it. Each block of the plan is marked with what it became
(the rules are in ``core/importers/guided/guide``); ``i``/``o``/``r``/``m``/``t``/``x`` relabel the block's
section (``o``: its heading is one item, and so is every heading named like it, ``Milestone N``), ``c`` a
table's column, ``s`` / ``P`` one of the plan's own status / priority words, ``g`` gives every item under the
block's heading a field (its dependencies, the headings it comes after, owner, status, priority), and the plan
is imported again in a thread. ``tab`` moves to the board side, where ``e`` corrects one field of the item (or
risk) under the cursor, ``d`` says the row is not an item, and ``v`` shows the risks instead of the items; ``a``
adds an item (or, with the risks shown, a risk) the import did not make, ``n`` numbers the ids the import made
the plan's own way (``VA-1`` … as ``V-1`` …), ``N`` every id it made in one sequence, and ``p`` sets the
plan-wide options (``import_edits``). ``ctrl+s`` writes the board and the recipe holding the relabels;
``escape``/``q`` leave without writing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from readiness_tui.core.importers import ImportResult, import_markdown
from readiness_tui.core.importers.guided.guide import (
    COLUMN_CHOICES,
    Mark,
    block_priority_words,
    block_status_words,
    plan_marks,
    priority_reading,
    relabel_column,
    relabel_count,
    relabel_list,
    relabel_priority,
    relabel_section,
    relabel_status,
    save_import,
    status_reading,
)
from readiness_tui.core.importers.guided.recipe import Recipe, recipe_beside, section_key
from readiness_tui.core.model.statuses import PRIORITIES, STATUSES
from readiness_tui.ui.screens.dialogs import ChoiceScreen, ConfirmScreen
from readiness_tui.ui.screens.import_edits import BoardEdits
from readiness_tui.ui.widgets.import_board import ImportBoard

#: The widest a status word is shown in the status-word picker (the whole cell is what is mapped).
_WORD_SHOWN = 72
#: A key for each field the column picker offers (j and k move in the menu).
_FIELD_KEYS = "1234567890abcdefghilmnop"

#: Gutter mark and colour per kind of block (see ``guide.KINDS``).
GUTTER: dict[str, tuple[str, str]] = {
    "items": ("■", "green"),
    "risks": ("▲", "red"),
    "milestones": ("◆", "magenta"),
    "phases": ("▶", "cyan"),
    "dependencies": ("→", "yellow"),
    "fields": ("•", "blue"),
    "text": ("¶", "grey62"),
    "skipped": ("✗", "bright_black"),
    "none": (" ", "bright_black"),
}


class Reimported(Message):
    """A re-import finished: its result and the marks of the plan's blocks."""

    def __init__(self, generation: int, recipe: Recipe, result: ImportResult, marks: list[Mark]) -> None:
        super().__init__()
        self.generation, self.recipe, self.result, self.marks = generation, recipe, result, marks


class ReimportFailed(Message):
    def __init__(self, generation: int, error: str) -> None:
        super().__init__()
        self.generation, self.error = generation, error


class ImportGuideScreen(BoardEdits):
    """Dismissed with the lines saying what was written, or None when the user left without writing."""

    BINDINGS = [
        Binding("i", "label('items')", "Items"),
        Binding("o", "label('item')", "One"),
        Binding("h", "each_heading", "Each heading", show=False),  # as "P": the footer is full; README says it
        Binding("r", "label('risks')", "Risks"),
        Binding("m", "label('milestones')", "Milestones"),
        Binding("t", "label('text')", "Text"),
        Binding("x", "label('skip')", "Skip"),
        Binding("c", "column", "Column"),
        Binding("l", "list_label", "List", show=False),  # as "P": the footer is full; README says it
        Binding("s", "status_word", "Status"),
        Binding("P", "priority_word", "Priority", show=False),  # the footer is full at 120 columns; README says it
        Binding("g", "group", "Group"),
        Binding("tab", "switch_side", "Side"),
        Binding("e", "edit", "Edit field"),
        Binding("d", "drop", "Not an item"),
        Binding("v", "toggle_risks", "Items/risks"),
        Binding("a", "add_item", "Add"),
        Binding("n", "number_ids", "Ids"),
        Binding("N", "number_all_ids", "All ids"),
        Binding("p", "options", "Opts"),
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape,q", "leave", "Quit"),
    ]
    DEFAULT_CSS = """
    ImportGuideScreen #panes { height: 1fr; }
    ImportGuideScreen #plan { width: 3fr; height: 1fr; }
    ImportGuideScreen #board { width: 2fr; height: 1fr; }
    ImportGuideScreen #why { height: 1; padding: 0 1; }
    ImportGuideScreen #status { height: 1; padding: 0 1; background: $boost; }
    ImportGuideScreen #status.error { color: $error; text-style: bold; }
    """

    def __init__(
        self,
        text: str,
        source: str,
        output: Path,
        recipe: Recipe | None = None,
        priority_words: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.text, self.source, self.output = text, source, output
        self.start_recipe = recipe
        self.recipe = recipe or Recipe(source=recipe_beside(output).name)
        self.priority_words = priority_words
        self.result: ImportResult | None = None
        self.marks: list[Mark] = []
        self.generation = 0
        self.shown = -1  # the generation on screen; saving waits until it is the last one asked for
        self._lines = text.split("\n")

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield OptionList(id="plan")
            yield ImportBoard(id="board")
        yield Static("", id="why")
        yield Static("", id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#plan", OptionList).border_title = self.source
        self._status(f"importing {self.source}…")
        self.reimport()

    # ------------------------------------------------------------------ importing in a thread
    def reimport(self) -> None:
        self.generation += 1
        gen, recipe = self.generation, self.recipe
        self.run_worker(lambda: self._work(gen, recipe), thread=True, group="reimport")

    def _work(self, gen: int, recipe: Recipe) -> None:
        try:
            result = import_markdown(self.text, self.source, priority_words=self.priority_words, recipe=recipe)
            marks = plan_marks(self.text, result)
        except Exception as exc:  # noqa: BLE001 - shown on screen, never swallowed
            self.post_message(ReimportFailed(gen, f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(Reimported(gen, recipe, result, marks))

    @on(ReimportFailed)
    def _failed(self, message: ReimportFailed) -> None:
        if message.generation == self.generation:
            self.shown = message.generation
            self.result = None
            self._status(f"re-import failed: {message.error}", error=True)

    @on(Reimported)
    def _reimported(self, message: Reimported) -> None:
        if message.generation != self.generation:
            return  # a newer relabel is on its way
        self.shown, self.result, self.marks = message.generation, message.result, message.marks
        plan = self.query_one("#plan", OptionList)
        keep = plan.highlighted or 0
        plan.clear_options()
        plan.add_options(self._option(n) for n in range(len(self.marks)))
        if self.marks:
            plan.highlighted = min(keep, len(self.marks) - 1)
        self.board_side.show(message.result)
        self._show_why()
        counts = message.result.counts
        made = relabel_count(self.recipe, self.start_recipe)
        self._status(
            f"{counts.get('items', 0)} items, {counts.get('risks', 0)} risks, {counts.get('phases', 0)} phases, "
            f"{counts.get('milestones', 0)} milestones · {made} relabel{'' if made == 1 else 's'}"
            f" · ctrl+s writes {self.output}",
            error=not message.result.ok,
        )

    def _option(self, n: int) -> Option:
        mark = self.marks[n]
        start = 1 if n == 0 else mark.line
        end = self.marks[n + 1].line - 1 if n + 1 < len(self.marks) else len(self._lines)
        glyph, colour = GUTTER.get(mark.kind, GUTTER["none"])
        label = self.recipe.section_label(mark.section) if mark.section else None
        out = Text(no_wrap=True, overflow="ellipsis")
        for ln in range(start, max(start, end) + 1):
            src = self._lines[ln - 1] if ln <= len(self._lines) else ""
            if ln > mark.end and not src.strip():
                continue  # blank lines after a block: not worth a row each
            out.append(f"{glyph} ", style=f"bold {colour}")
            out.append(f"{ln:>4} ", style="dim")
            out.append(src + "\n", style=colour if ln >= mark.line and ln <= mark.end else "dim")
        if mark.is_heading and label:
            out.append(f"       ⇒ relabelled {label}\n", style="bold")
        given = self.recipe.groups.get(section_key(mark.section), {}) if mark.is_heading and mark.section else {}
        if given:
            fields = ", ".join(f"{f} = {', '.join(v) if isinstance(v, list) else v}" for f, v in given.items())
            out.append(f"       ⇒ every item under it: {fields}\n", style="bold")
        out.rstrip()
        return Option(out, id=f"mark-{n}")

    # ------------------------------------------------------------------ where the cursor is
    @property
    def current(self) -> Mark | None:
        n = self.query_one("#plan", OptionList).highlighted
        return self.marks[n] if n is not None and 0 <= n < len(self.marks) else None

    @property
    def heading(self) -> str:
        mark = self.current
        return mark.section if mark is not None else ""

    @on(OptionList.OptionHighlighted, "#plan")
    def _show_why(self) -> None:
        mark = self.current
        text = f"{mark.kind}: {mark.why or 'the import said nothing about these lines'}" if mark else ""
        self.query_one("#why", Static).update(Text(text, no_wrap=True, overflow="ellipsis"))

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(Text(text))
        status.set_class(error, "error")

    # ------------------------------------------------------------------ relabelling
    def _relabel(self, change: Callable[[Recipe], Recipe], said: str) -> None:
        """The recipe changed by ``change`` and the plan imported again with it; a change refused is shown."""
        try:
            self.recipe = change(self.recipe)
        except ValueError as exc:
            self._status(str(exc), error=True)
            return
        self._status(f"{said}; importing again…")
        self.reimport()

    def action_label(self, label: str) -> None:
        mark = self.current
        if mark is None:
            return
        self._relabel(lambda r: relabel_section(r, mark.section, label), f"section {mark.section!r} = {label}")

    def action_each_heading(self) -> None:
        """Each heading beside the one over the cursor (under the same heading) is one item: the heading above them
        is relabelled ``headings``."""
        mark = self.current
        if mark is None or not mark.parent:
            self._status(
                "h makes each heading beside this one an item: move under a heading that has one above it", error=True
            )
            return
        self._relabel(
            lambda r: relabel_section(r, mark.parent, "headings"),
            f"section {mark.parent!r} = headings (each heading under it one item)",
        )

    def action_list_label(self) -> None:
        """The list under the cursor, and every list its label leads in, is not what the import made of it: items
        become text, anything else items (``[lists]`` in the recipe)."""
        mark = self.current
        if mark is None or not mark.lead_in:
            self._status("l relabels a list led in by a label (**Checklist**:): move to such a list first", error=True)
            return
        label = "text" if mark.kind == "items" else "items"
        self._relabel(lambda r: relabel_list(r, mark.lead_in, label), f"lists led in by {mark.lead_in!r} = {label}")

    def action_column(self) -> None:
        mark = self.current
        if mark is None or not mark.headers:
            self._status("c relabels a table's column: move to a table first", error=True)
            return
        headers = [h for h in mark.headers if h.strip()]

        def chosen_field(header: str, fld: str | None) -> None:
            if fld is not None:
                self._relabel(lambda r: relabel_column(r, header, fld), f"column {header!r} = {fld}")

        def chosen_column(header: str | None) -> None:
            if header is not None:
                self.app.push_screen(
                    ChoiceScreen(
                        f"Column {header!r} is the items'…", [(f, f) for f in COLUMN_CHOICES], hotkeys=_FIELD_KEYS
                    ),
                    lambda fld: chosen_field(header, fld),
                )

        self.app.push_screen(ChoiceScreen("Which column?", [(h, h) for h in headers]), chosen_column)

    def action_status_word(self) -> None:
        self._map_word("status", "s", block_status_words, STATUSES, status_reading, relabel_status)

    def action_priority_word(self) -> None:
        self._map_word("priority", "P", block_priority_words, PRIORITIES, priority_reading, relabel_priority)

    def _map_word(
        self,
        kind: str,
        key: str,
        words_of: Callable[[list[str], Recipe], list[str]],
        values: tuple[str, ...],
        reading: Callable[[str, Recipe], str | None],
        relabel: Callable[[Recipe, str, str], Recipe],
    ) -> None:
        """Say what one of the plan's own status or priority words means (saved in ``[statuses]`` /
        ``[priorities]``): the words of the block under the cursor are offered, each with its reading now."""
        mark = self.current
        words = words_of(self._lines[mark.line - 1 : mark.end], self.recipe) if mark else []
        if not words:
            self._status(f"{key} maps a {kind} word of the plan: move to a block that has one", error=True)
            return

        def chosen_value(word: str, value: str | None) -> None:
            if value is not None:
                self._relabel(lambda r: relabel(r, word, value), f"{kind} word {word!r} = {value}")

        def chosen_word(word: str | None) -> None:
            if word is not None:
                self.app.push_screen(
                    ChoiceScreen(
                        f"{_shown(word)!r} means…", [(v, v) for v in values], current=reading(word, self.recipe)
                    ),
                    lambda value: chosen_value(word, value),
                )

        choices = [(w, f"{_shown(w)}  (read as {reading(w, self.recipe) or 'nothing'})") for w in words]
        self.app.push_screen(ChoiceScreen(f"Which {kind} word?", choices), chosen_word)

    # ------------------------------------------------------------------ leaving
    def action_save(self) -> None:
        if self.shown != self.generation or self.result is None:
            self._status("still importing (or the last import failed): nothing written yet", error=True)
            return
        try:
            lines = save_import(self.result, self.recipe, self.output)
        except (OSError, ValueError) as exc:
            self._status(str(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc), error=True)
            return
        self.dismiss(self.result.report_lines + lines)

    def action_leave(self) -> None:
        count = relabel_count(self.recipe, self.start_recipe)
        if not count:
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmScreen("Leave without writing?", f"{count} relabel(s) and the board will not be written.", "Leave"),
            self._leave,
        )

    def _leave(self, leave: bool | None) -> None:
        if leave:
            self.dismiss(None)


def _shown(word: str) -> str:
    return word if len(word) <= _WORD_SHOWN else word[: _WORD_SHOWN - 1] + "…"


class ImportGuideApp(App[list[str] | None]):
    """The guide on its own: ``readiness import`` runs this; its return value is what was written."""

    CSS_PATH = Path(__file__).parents[1] / "styles" / "app.tcss"
    TITLE = "readiness import"

    def __init__(self, screen: ImportGuideScreen) -> None:
        super().__init__()
        self.guide = screen

    def on_mount(self) -> None:
        self.push_screen(self.guide, self.exit)
