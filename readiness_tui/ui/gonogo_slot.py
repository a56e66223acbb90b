"""The header's go/no-go: core's rule (``core.gonogo.evaluate``) after each change that can alter
it, shown in the top bar, and every reason one key away (``n``, ``GoNoGoScreen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .widgets.appbar import AppBar

if TYPE_CHECKING:
    from ..core.gonogo import Decision
    from .screens.gonogo import GoNoGoScreen
    from .screens.main import MainScreen


class GoNoGoSlot:
    """Owned by the main screen (``MainScreen.gonogo``)."""

    def __init__(self, main: MainScreen) -> None:
        self.main = main
        #: The last verdict shown (None: not evaluated yet, or it failed).
        self.decision: Decision | None = None
        #: The reasons list while it is open: each new verdict reaches it too.
        self.open: GoNoGoScreen | None = None

    def affects(self, changes: list) -> bool:
        """Whether an edit can change go/no-go (the rule lives in ``core.gonogo.affects``)."""
        from ..core.gonogo import affects

        return affects(self.main.store.board, changes)

    def evaluate(self) -> Decision | None:
        from ..core.gonogo import evaluate

        main = self.main
        try:
            self.decision = evaluate(main.store.board, main.owner.analysis, main.live.gate_status or None)
        except Exception as exc:  # noqa: BLE001 - the slot must never take the app down; the error is shown
            self.decision = None
            main.notify(f"{type(exc).__name__}: {exc}", title="Go/no-go", severity="error")
        return self.decision

    def update(self) -> None:
        bar = self.main.query_one(AppBar)
        decision = self.evaluate()
        self._show_open(decision)
        if decision is None:
            bar.set_gonogo(None)
            return
        n = len(decision.reasons)
        more = f"{n} reason{'s' if n != 1 else ''}" if not decision.go else ""
        bar.set_gonogo(decision.recommendation, more, "\n".join(decision.reasons))

    def show_reasons(self) -> None:
        """Every reason, each jumping to the item it names."""
        from .screens.gonogo import GoNoGoScreen

        main = self.main
        decision = self.evaluate()  # as the board is now, not as the header last showed it
        if decision is None:
            return

        def jumped(item_id: str | None) -> None:
            self.open = None
            if item_id:
                main.open_item(item_id)

        self.open = GoNoGoScreen(decision, self._ids())
        main.app.push_screen(self.open, jumped)

    def _ids(self) -> set[str]:
        return {it.id for it in self.main.store.board.items}

    def _show_open(self, decision: Decision | None) -> None:
        screen = self.open
        if screen is None:
            return
        if decision is None:
            screen.stale("go/no-go could not be evaluated (see the error)")
        else:
            screen.show(decision, self._ids())
