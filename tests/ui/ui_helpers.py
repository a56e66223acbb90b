"""Helpers of the app's tests: notifications through public API, waiting for an event, the
command palette, opening the standup, the pane fixtures, and ``PaneHost``, the one app that mounts
any pane over a board for the pane tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList

from readiness_tui.core import audit
from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board.store import BoardStore
from readiness_tui.ui.commands import ReadinessCommands
from readiness_tui.ui.messages import (
    CancelGates,
    EditFields,
    ItemHighlighted,
    OpenItem,
    RunGates,
    ToggleAutoRun,
    ToggleDependency,
    TrustBoard,
    WorkerFailed,
)
from readiness_tui.ui.panes.backlog import BacklogPane
from readiness_tui.ui.panes.base import Pane
from readiness_tui.ui.screens.standup import StandupScreen
from readiness_tui.ui.widgets.backlog_table import BacklogTable


@dataclass(frozen=True)
class Notice:
    message: str
    title: str
    severity: str


def record_notices(app) -> list[Notice]:  # type: ignore[no-untyped-def]
    """Every notification the app shows from now on, through its public ``notify`` (still shown)."""
    seen: list[Notice] = []
    real = app.notify

    def notify(message: str, *, title: str = "", severity: str = "information", **kwargs):  # type: ignore[no-untyped-def]
        seen.append(Notice(str(message), title, severity))
        return real(message, title=title, severity=severity, **kwargs)

    app.notify = notify
    return seen


async def wait_for(pilot, pred: Callable[[], object], timeout: float = 5.0, what: str = "condition") -> None:  # type: ignore[no-untyped-def]
    """Wait for an event (a condition becoming true) instead of a fixed pause."""
    for _ in range(int(timeout / 0.02)):
        if pred():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{what} not reached within {timeout}s")


PaneT = TypeVar("PaneT")


async def show_pane(pilot, app, key: str, kind: type[PaneT], what: str) -> PaneT:  # type: ignore[no-untyped-def]
    """Press a pane's number key and wait until the main screen shows a pane of ``kind``; that pane."""
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.main.active_pane(), kind), what=what)
    pane = app.main.active_pane()
    assert isinstance(pane, kind)
    return pane


async def linted(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """Wait until the board shown has been linted (a worker's result kept for the current analysis)."""
    await wait_for(
        pilot, lambda: app.main.lint.latest.get(app.analysis_made()) is not None, timeout=20, what="the board linted"
    )


async def press(pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press ``keys`` and let the app handle what they posted (one pause)."""
    await pilot.press(*keys)
    await pilot.pause()


async def saves_landed(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until no save is asked for or being written in a thread (``ui.background_save``)."""
    saver = getattr(getattr(pilot.app, "main", None), "saver", None)
    if saver is not None:
        await wait_for(pilot, lambda: not saver.busy, what="the save in flight")


async def session_ready(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """The gate session is made in a thread worker once the board shows: wait for it (the gate
    column and the go/no-go reasons depend on it)."""
    await wait_for(pilot, lambda: app.live.session is not None, what="the gate session")


def palette_commands(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every command the palette offers on the app's screen: name -> help text."""
    return {name: help_text for name, _cmd, help_text in ReadinessCommands(app.screen)._commands()}


async def run_from_palette(pilot, app, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the command palette, type ``text``, wait until the first hit names it, and take it."""
    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), what="the palette")
    await pilot.press(*text)
    hits = app.screen.query_one(CommandList)
    await wait_for(
        pilot,
        lambda: hits.option_count > 0 and text in str(hits.get_option_at_index(0).prompt),
        what=f"{text!r} as the first hit",
    )
    await pilot.press("enter")


async def open_standup(pilot, app) -> StandupScreen:  # type: ignore[no-untyped-def]
    """Press ``m`` in the app and return the standup screen it opens."""
    await pilot.press("m")
    await wait_for(pilot, lambda: isinstance(app.screen, StandupScreen), what="the standup")
    return app.screen


#: Small boards for the pane tests (plan, risks, matrix).
PANE_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "matrix"


def pane_board(name: str = "plan.toml") -> BoardStore:
    """A board of ``tests/fixtures/matrix``, loaded where it lies (edit it in memory, never save it)."""
    return BoardStore.load(PANE_FIXTURES / name)


def option_texts(options: OptionList) -> list[str]:
    """Each option's text as the list shows it, top to bottom."""
    return [str(options.get_option_at_index(k).prompt) for k in range(options.option_count)]


def table_text(app) -> str:  # type: ignore[no-untyped-def]
    """What the backlog table draws, one line per row of its height."""
    table = app.query_one(BacklogTable)
    return "\n".join(table.render_line(y).text for y in range(table.size.height))


def count_full_passes(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    """The stores the backlog is shown in with a full pass (``show_board``) from now on."""
    passes: list[object] = []
    show_board = BacklogPane.show_board

    def counting(self, store, analysis):  # type: ignore[no-untyped-def]
        passes.append(store)
        show_board(self, store, analysis)

    monkeypatch.setattr(BacklogPane, "show_board", counting)
    return passes


@asynccontextmanager
async def started(app, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Any]:  # type: ignore[no-untyped-def]
    """``app`` running with its board shown (one pause after the start): the pilot."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        yield pilot


def drawn_lines(widget) -> list[str]:  # type: ignore[no-untyped-def]
    """What a Line API widget draws, one string per screen line (trailing blanks kept)."""
    return ["".join(seg.text for seg in widget.render_line(y)) for y in range(widget.scrollable_content_region.height)]


#: How the host records each message a pane posts: the message -> a short tuple for assertions.
RECORDS: dict[type[Message], Callable[[Any], tuple[Any, ...]]] = {
    ItemHighlighted: lambda m: ("highlight", m.item_id),
    OpenItem: lambda m: ("open", m.item_id),
    ToggleDependency: lambda m: ("toggle", m.item_id, m.dep_id),
    EditFields: lambda m: ("edit", m.item_id, m.values),
    WorkerFailed: lambda m: ("failed", m.title, m.error),
    RunGates: lambda m: ("run", m.ids),
    CancelGates: lambda m: ("cancel", m.ids),
    TrustBoard: lambda m: ("trust",),
    ToggleAutoRun: lambda m: ("auto-run",),
}

React = Callable[["PaneHost", Any], None]


class PaneHost(App[None]):
    """One pane mounted over a board, standing in for the main screen: it shows the board
    (``show``), records every message the pane posts in ``messages`` (tuples, see ``RECORDS``) and,
    where a test plays the app's part, hands a message to ``react[type]``. ``setup`` runs once the
    pane is mounted, before the board is shown (e.g. to attach a gate session)."""

    def __init__(
        self,
        pane: Pane,
        store: BoardStore,
        *,
        react: dict[type[Message], React] | None = None,
        setup: Callable[[PaneHost], None] | None = None,
    ) -> None:
        super().__init__()
        self.pane = pane
        self.store = store
        self.react = react or {}
        self.setup = setup
        self.messages: list[tuple[Any, ...]] = []
        self.title = type(pane).__name__

    def compose(self) -> ComposeResult:
        with Vertical(id="host"):
            yield self.pane

    def on_mount(self) -> None:
        if self.setup is not None:
            self.setup(self)
        self.show()
        self.pane.focus_default()

    def show(self) -> None:
        """Show the store's board in the pane (after a test changed it, as the app does after an edit)."""
        self.pane.show_board(self.store, Analysis(self.store.board))

    def seen(self, kind: str) -> list[tuple[Any, ...]]:
        """The recorded messages of one kind (``"open"``, ``"highlight"``, ...)."""
        return [m for m in self.messages if m[0] == kind]

    def _record(self, message: Message) -> None:
        self.messages.append(RECORDS[type(message)](message))
        reaction = self.react.get(type(message))
        if reaction is not None:
            reaction(self, message)


@asynccontextmanager
async def mounted(pane: Pane, store: BoardStore | None = None, size: tuple[int, int] = (120, 40)) -> AsyncIterator[Any]:
    """``pane`` running in a ``PaneHost`` over ``store`` (default ``pane_board()``), drawn once:
    ``async with mounted(PlanPane()) as (host, pilot): ...``."""
    host = PaneHost(pane, store if store is not None else pane_board())
    async with host.run_test(size=size) as pilot:
        await pilot.pause()
        yield host, pilot


# One handler per recorded message (a handler is found by the message's exact class and name).
for _kind in RECORDS:
    setattr(PaneHost, _kind.handler_name, lambda self, message: self._record(message))


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


class StandupApp(App[None]):
    """What the real app does, reduced: hold the store, edit through one path, record the audit."""

    def __init__(self, board: Path, gate_status: dict[str, str] | None = None, **kw: Any) -> None:
        super().__init__()
        self.store = BoardStore.load(board)
        self.calls: list[tuple[str, dict]] = []
        self.results: list[dict] = []
        self.clock = FakeClock()
        self.gate_status = gate_status
        self.kw = kw

    def apply_edit(self, item_id: str, values: dict) -> list:
        self.calls.append((item_id, dict(values)))
        changes = self.store.set_fields(item_id, values)
        self.store.save()
        audit.append(self.store.path, changes, actor="tester", source="app")
        return changes

    def on_mount(self) -> None:
        self.push_screen(
            StandupScreen(
                self.store,
                self.apply_edit,
                gate_status=self.gate_status,
                clock=self.clock,
                actor="tester",
                export_dir=self.store.path.parent,
                **self.kw,
            ),
            self.results.append,
        )


#: The gate results the standup snapshots show: one failing, one passing gate.
SNAPSHOT_GATES = {"M-03": "fail", "M-01": "pass"}


@asynccontextmanager
async def standup_running(app: StandupApp, size: tuple[int, int] = (100, 30)) -> AsyncIterator[Any]:
    """``app`` running with its standup screen shown:
    ``async with standup_running(StandupApp(board)) as (pilot, screen): ...``."""
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, StandupScreen), what="the standup")
        await pilot.pause()
        yield pilot, app.screen


def open_guide(plan: Path, tmp_path: Path) -> tuple[Any, Any, Path]:
    """The guided import over a copy of ``plan`` in ``tmp_path``: (app, screen, the board it writes)."""
    import shutil

    from readiness_tui.ui.screens.import_guide import ImportGuideApp, ImportGuideScreen

    copy = tmp_path / plan.name
    shutil.copy(plan, copy)
    board = tmp_path / "board.toml"
    screen = ImportGuideScreen(copy.read_text(encoding="utf-8"), copy.name, board)
    return ImportGuideApp(screen), screen, board


async def settle_guide(app: App[Any], pilot: Any) -> None:
    """Wait for the guide's re-import in its thread, and for what it posted to be drawn."""
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_in(pilot: Any, text: str) -> None:
    """Replace what the focused input holds with ``text`` and press enter."""
    await pilot.press("home", "ctrl+k", *text, "enter")


def guide_status(screen: Any) -> str:
    """The guide's status line, as drawn."""
    from textual.widgets import Static

    return str(screen.query_one("#status", Static).render())
