"""Messages panes post to the app (the gates pane's too: the main screen handles them without importing
the pane, which is built only when shown). Panes never edit the board themselves: the app owns the store,
undo history and saving, so every edit takes the same path whichever pane asked for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from readiness_tui.core.edits.save_job import SaveJob


class ItemHighlighted(Message):
    """The cursor of a pane moved onto an item (the detail pane follows it)."""

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id


class OpenItem(Message):
    """Jump to an item: select it in the backlog and show its detail."""

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id


class ToggleDependency(Message):
    """Add the dependency ``item_id -> dep_id`` if absent, remove it if present."""

    def __init__(self, item_id: str, dep_id: str) -> None:
        super().__init__()
        self.item_id = item_id
        self.dep_id = dep_id


class EditFields(Message):
    """Set fields of an item (``{"status": "done"}``, ``{"gate.verify": "make test"}``)."""

    def __init__(self, item_id: str, values: dict) -> None:
        super().__init__()
        self.item_id = item_id
        self.values = values


class WorkerFailed(Message):
    """A pane's or screen's worker raised: the app shows it (``ReadinessApp.report_error``)."""

    def __init__(self, title: str, error: BaseException) -> None:
        super().__init__()
        self.title = title
        self.error = error


class DiffReady(Message):
    """The conflict dialog's difference, worked out in a thread (``diff``), or what stopped it (``error``)."""

    def __init__(self, diff: str | None, error: BaseException | None = None) -> None:
        super().__init__()
        self.diff = diff
        self.error = error


class RunGates(Message):
    """Run these gates (``ids``), or all of them (``None``)."""

    def __init__(self, ids: list[str] | None) -> None:
        super().__init__()
        self.ids = ids


class CancelGates(Message):
    """Cancel these running gates (``ids``), or all of them (``None``)."""

    def __init__(self, ids: list[str] | None) -> None:
        super().__init__()
        self.ids = ids


class TrustBoard(Message):
    """The user asked to trust the board's commands: show ``TrustScreen`` and record the answer."""


class ToggleAutoRun(Message):
    """Flip auto-run (re-run gates when their watched files change)."""


class SaveFinished(Message):
    """A save written in a thread is done (``ui.background_save``): the screen takes its result."""

    def __init__(self, job: SaveJob) -> None:
        super().__init__()
        self.job = job
