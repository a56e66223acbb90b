"""Boards and themes for the app (a mixin of ReadinessApp): open, switch, reload, notice outside
changes; pick and remember a theme."""

from __future__ import annotations

from pathlib import Path

from ..core.problems import BoardError
from ..core.store import BoardStore
from ..resources import list_boards
from . import themes as theme_files


class BoardActions:
    """Expects ``editor``, ``board_dir``, ``board_loaded``, ``_ask_unsaved`` and App's API."""

    def board_paths(self) -> list[Path]:
        return list_boards(self.board_dir) if self.board_dir and self.board_dir.is_dir() else []

    def action_pick_board(self) -> None:
        from .screens.dialogs import ChoiceScreen

        paths = self.board_paths()
        if not paths:
            self.notify("No other boards in this directory.")
            return
        current = str(self.store.path) if self.store.path else None
        choices = [(str(p), p.stem) for p in paths]
        self.push_screen(ChoiceScreen("Open board", choices, current), lambda p: p and self.switch_board(Path(p)))

    def switch_board(self, path: Path) -> None:
        if self.editor.dirty:
            self._ask_unsaved(lambda: self._load_board(path), "Switch board")
        else:
            self._load_board(path)

    def _load_board(self, path: Path, keep_item: bool = False) -> None:
        try:
            store = BoardStore.load(path)
        except BoardError as exc:
            self.notify(exc.describe(), title="Cannot open board", severity="error", timeout=15)
            return
        self.editor.replace_store(store)
        if not keep_item:
            self.current_item_id = store.board.items[0].id if store.board.items else None
            backlog = self._panes.get("backlog")
            if backlog is not None and hasattr(backlog, "set_filter"):
                backlog.set_filter("")  # type: ignore[attr-defined]
            self.notify(f"Opened {path.name}", timeout=2)
        self.board_loaded()

    def action_reload(self) -> None:
        def go() -> None:
            if self.store.path is None:
                return
            if self.store.disk_state() == "missing":
                self.notify(f"{self.store.path.name} is not on disk; ctrl+s writes it again.", severity="warning")
                return
            self.reload_in_place(quiet=True)
            if self.session is not None:  # look at every gate's evidence again too
                self.session.refresh_evidence()
                self.gates_changed()
            self.notify(f"Reloaded {self.store.path.name}.", timeout=2)

        if self.editor.dirty:
            self._ask_unsaved(go, "Reload")
        else:
            go()

    # ------------------------------------------------------------------ themes
    def theme_names(self) -> list[str]:
        return sorted(self.available_themes)

    def set_theme(self, name: str) -> None:
        self.theme = name

    def action_pick_theme(self) -> None:
        from .screens.dialogs import ChoiceScreen

        ours = [t.name for t in theme_files.load_themes().themes]
        names = ours + [n for n in self.theme_names() if n not in ours]
        self.push_screen(ChoiceScreen("Theme", [(n, n) for n in names], self.theme, hotkeys="123456789abcdefhijlmnop"),
                         lambda n: n and self.set_theme(n))

