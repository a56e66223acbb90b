"""The top bar: the board's title and file, whether it is saved, and the go/no-go slot.

Each message is fitted to the width it has, whole words only (``core.display.fit_words``): the
save state always shows, then the undo count and the last edit as far as they fit; the file name
always, the title beside it as far as it fits. The full text stays in each part's tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import Static

from readiness_tui.core.model.problems import LevelCounts
from readiness_tui.core.outputs.display import fit_words

SEP = " · "
#: A last edit with less room than this is left out rather than shown as a stub.
MIN_EDIT = 12
#: The most the level beside the state may take (``#bar-level``'s max-width).
LEVEL_WIDTH = 24

#: A title with less room than this beside the file name is left out: the file name stays.
MIN_TITLE = 8


@dataclass(frozen=True)
class _State:
    dirty: bool = False
    last_edit: str = ""
    undo: int = 0
    missing: bool = False


def _title_text(title: str, filename: str, room: int) -> str:
    """The title then the file name, in ``room`` cells. The file name always shows: two boards
    may share a title, and the file is what tells them apart; the title gives way at a word, then
    entirely, and a file name longer than the room is cut last of all."""
    if not filename:
        return escape(fit_words(title, max(room, 1), cell_len))
    if cell_len(title) + 2 + cell_len(filename) <= room:
        return f"{escape(title)}  [dim]{escape(filename)}[/]"
    left = room - 2 - cell_len(filename)
    if left >= MIN_TITLE:
        return f"{escape(fit_words(title, left, cell_len))}  [dim]{escape(filename)}[/]"
    return f"[dim]{escape(fit_words(filename, max(room, 1), cell_len))}[/]"


class _TitleText(Static):
    """The title's part of the bar: fitted again by the bar whenever its own width changes (the
    problem badge beside it appeared, grew or went), once the layout has given it that width."""

    def on_resize(self, event: events.Resize) -> None:
        if isinstance(self.parent, AppBar):
            self.parent.title_resized()


class AppBar(Horizontal):
    DEFAULT_CSS = """
    AppBar { height: 1; dock: top; background: $panel; }
    AppBar > #bar-title { width: 1fr; padding: 0 1; text-style: bold; text-wrap: nowrap; }
    AppBar > #bar-state { width: 44; padding: 0 1; text-align: right; text-wrap: nowrap; }
    AppBar > #bar-problems { width: auto; max-width: 20; padding: 0 1; text-wrap: nowrap; }
    AppBar > #bar-level { width: auto; max-width: 24; padding: 0 1; text-wrap: nowrap; text-overflow: ellipsis; display: none; }
    AppBar > #gonogo { width: 22; padding: 0 1; text-align: center; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _problems_action = ""
    _badge = ""

    def __init__(self) -> None:
        super().__init__()
        self._title = ("readiness", "")
        self._state = _State()

    def compose(self) -> ComposeResult:
        yield _TitleText("readiness", id="bar-title")
        yield Static("", id="bar-state")
        yield Static("", id="bar-problems")
        yield Static("", id="bar-level")
        yield Static("go/no-go —", id="gonogo")

    def on_resize(self, event: events.Resize) -> None:
        self._size_state(event.size.width)
        self.call_after_refresh(self._fit)

    def _size_state(self, width: int) -> None:
        # The state takes about a third of a narrow bar, at most 44 columns; the title the rest. A
        # level shown beside them (its width at most ``LEVEL_WIDTH``) is taken from the state's
        # share, so that the file name keeps its room.
        level = LEVEL_WIDTH if self.query_one("#bar-level", Static).display else 0
        least = 16 if level else 20
        self.query_one("#bar-state", Static).styles.width = max(least, min(44, (width - 22 - level) // 2))

    def _fit(self) -> None:
        self._show_title()
        self._show_state()

    def set_board(self, title: str, filename: str, badge: str = "") -> None:
        """``badge`` (``read-only``) is state the viewer must see: it stays when the title is shortened."""
        self._title = (title, filename)
        self._badge = badge
        self._show_title()

    def _show_title(self) -> None:
        title, filename = self._title
        badge = f" [b $warning]{escape(self._badge)}[/]" if self._badge else ""
        w = self.query_one("#bar-title", Static)
        room = (w.content_size.width or 200) - (cell_len(self._badge) + 1 if self._badge else 0)
        w.tooltip = f"{title}  {filename}" if filename else title
        w.update(_title_text(title, filename, room) + badge)

    def set_state(self, dirty: bool, last_edit: str = "", undo: int = 0, missing: bool = False) -> None:
        """``SEC-02: status done · saved · 3 to undo`` (or ``● unsaved``, or ``file deleted``)."""
        self._state = _State(dirty, last_edit, undo, missing)
        self._show_state()

    def _show_state(self) -> None:
        s = self._state
        w = self.query_one("#bar-state", Static)
        room = w.content_size.width or 42
        if s.missing:
            parts = [("[b $error]✘ file deleted[/]", "✘ file deleted"), ("[dim]ctrl+s saves[/]", "ctrl+s saves")]
        elif s.dirty:
            parts = [("[b $warning]● unsaved[/]", "● unsaved")]
        else:
            parts = [("[$success]saved[/]", "saved")]
        used = cell_len(SEP.join(p for _, p in parts))
        if s.last_edit:
            left = room - used - len(SEP)
            if left >= MIN_EDIT or cell_len(s.last_edit) <= left:
                edit = fit_words(s.last_edit, left, cell_len)
                parts.insert(0, (f"[dim]{escape(edit)}[/]", edit))
                used += len(SEP) + cell_len(edit)
        if s.undo and used + len(SEP) + cell_len(undo := f"{s.undo} to undo") <= room:
            parts.append((f"[dim]{undo}[/]", undo))
        w.tooltip = s.last_edit or None
        # Fixed widths: no layout pass on every edit.
        w.update(SEP.join(markup for markup, _ in parts), layout=False)

    def set_problems(self, counts: LevelCounts, action: str) -> None:
        """What lint finds, as a link to the problems (``action``: what a click runs): the errors
        and warnings (``LevelCounts.flagged``; info is only listed in the pane)."""
        n, errors = counts.flagged, counts.errors
        style = "$text-error" if errors else "$text-warning"
        self._problems_action = action
        text = f"[{style}]{'✘' if errors else '▲'} {n} problem{'s' if n != 1 else ''}[/]"
        # A badge of another width resizes the title, which is then fitted again (``_TitleText``).
        self.query_one("#bar-problems", Static).update(text if n else "")

    def title_resized(self) -> None:
        self._show_title()

    async def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "bar-problems" and self._problems_action:
            await self.run_action(self._problems_action)

    def set_level(self, headline: str, gaps: str = "") -> None:
        """The board's readiness level and what stands before the next (hidden without levels)."""
        w = self.query_one("#bar-level", Static)
        shown = bool(headline)
        if w.display != shown:
            w.display = shown
            self._size_state(self.size.width)
            self.call_after_refresh(self._fit)
        w.tooltip = gaps or None
        w.update(escape(headline))

    def set_gonogo(self, verdict: str | None, detail: str = "", reasons: str = "") -> None:
        """The go/no-go verdict: ``"go"``, ``"no-go"`` or None (unknown: shows "—")."""
        w = self.query_one("#gonogo", Static)
        w.remove_class("-go", "-nogo")
        w.tooltip = reasons or None
        if verdict is None:
            w.update("go/no-go —", layout=False)
            return
        w.add_class("-go" if verdict == "go" else "-nogo")
        w.update(verdict.upper() + (f" · {escape(detail)}" if detail else ""), layout=False)
