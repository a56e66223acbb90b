"""The top bar: the board's title and file, whether it is saved, and the go/no-go slot."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.markup import escape
from textual.widgets import Static


class AppBar(Horizontal):
    DEFAULT_CSS = """
    AppBar { height: 1; dock: top; background: $panel; }
    AppBar > #bar-title { width: 1fr; padding: 0 1; text-style: bold; }
    AppBar > #bar-state { width: 44; padding: 0 1; text-align: right; text-wrap: nowrap; text-overflow: ellipsis; }
    AppBar > #bar-problems { width: auto; max-width: 16; padding: 0 1; text-wrap: nowrap; }
    AppBar > #gonogo { width: 22; padding: 0 1; text-align: center; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    _problems_action = ""

    def compose(self) -> ComposeResult:
        yield Static("readiness", id="bar-title")
        yield Static("", id="bar-state")
        yield Static("", id="bar-problems")
        yield Static("go/no-go —", id="gonogo")

    def set_board(self, title: str, filename: str) -> None:
        self.query_one("#bar-title", Static).update(f"{escape(title)}  [dim]{escape(filename)}[/]")

    def set_state(self, dirty: bool, last_edit: str = "", undo: int = 0, missing: bool = False) -> None:
        """``SEC-02: status done · saved · 3 to undo`` (or ``● unsaved``, or ``file deleted``)."""
        parts = []
        if last_edit:
            parts.append(f"[dim]{escape(last_edit)}[/]")
        if missing:
            parts.append("[b $error]✘ file deleted[/] [dim]ctrl+s saves[/]")
        else:
            parts.append("[b $warning]● unsaved[/]" if dirty else "[$success]saved[/]")
        if undo:
            parts.append(f"[dim]{undo} to undo[/]")
        # Fixed widths: no layout pass on every edit.
        self.query_one("#bar-state", Static).update(" · ".join(parts), layout=False)

    def set_problems(self, errors: int, warnings: int, action: str) -> None:
        """What lint finds, as a link to the problems (``action``: what a click runs)."""
        n = errors + warnings
        style = "$text-error" if errors else "$text-warning"
        self._problems_action = action
        text = f"[{style}]{'✘' if errors else '▲'} {n} problem{'s' if n != 1 else ''}[/]"
        self.query_one("#bar-problems", Static).update(text if n else "")

    async def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "bar-problems" and self._problems_action:
            await self.run_action(self._problems_action)

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
