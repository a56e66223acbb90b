"""The board file changed (or vanished) on disk while we had unsaved edits: ask what to do.

The answer is one of ``"reload"`` (take the file on disk and re-apply my edits on top), ``"keep"``
(write my version over it), or ``None`` (later: my edits stay in memory, marked unsaved; ``ctrl+s``
tries again). ``d`` shows the difference between the file on disk and my version.

The difference is worked out in a thread worker once the dialog is shown (reading the file and
comparing it with a 10,000-item board takes about half a second): the dialog answers keys meanwhile,
and a failure is shown where the difference would be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from readiness_tui.ui.binding_ids import with_ids
from readiness_tui.ui.messages import DiffReady
from readiness_tui.ui.screens.answer import AnswerScreen
from readiness_tui.ui.worker_work import released

#: Shown where the difference goes until the worker has worked it out.
WORKING = "Working out the difference…"


class ConflictScreen(AnswerScreen[str | None]):
    ANSWERS: ClassVar[dict[str, Any]] = {"reload": "reload", "keep": "keep", "later": None}

    BINDINGS = with_ids(
        "conflict",
        [
            Binding("r", "choose('reload')", "Reload + re-apply mine"),
            Binding("k", "choose('keep')", "Keep mine"),
            Binding("d", "toggle_diff", "Show difference"),
            Binding("escape,l", "choose(None)", "Later"),
        ],
    )

    def __init__(
        self,
        path: str,
        diff: str | Callable[[], str],
        missing: bool = False,
        replayable: bool = True,
        fields: list[str] | None = None,
    ) -> None:
        """``diff``: the difference, or what works it out (called in a thread worker once shown)."""
        super().__init__(classes="dialog")
        self._fields = fields or []
        self._path = path
        self._diff = diff
        self._missing = missing
        self._replayable = replayable

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box dialog-wide", id="conflict-box"):
            if self._missing:
                yield Static("Board file deleted or moved", classes="dialog-title")
                msg = (
                    f"{self._path} is no longer there. Your edits are kept in memory.\n"
                    "Write the board back to that path, or decide later (ctrl+s)."
                )
            elif self._fields:
                yield Static("Someone else changed the same field", classes="dialog-title")
                msg = (
                    f"{self._path} changed on disk while you edited it. Their edits to other fields are "
                    "merged with yours; these fields both of you changed:\n  "
                    + "\n  ".join(self._fields)
                    + "\nReload takes their value for these fields and keeps the rest of your edits. "
                    "Keep mine writes your value over theirs."
                )
            else:
                yield Static("File changed on disk", classes="dialog-title")
                again = (
                    "Reload takes the version on disk and re-applies your unsaved edits on top of it."
                    if self._replayable
                    else "Reload takes the version on disk; your version is first saved next to it as <name>.mine.toml."
                )
                msg = (
                    f"Someone else changed {self._path} since it was loaded, so your edit was not saved "
                    f"(it is kept in memory).\n{again}\nKeep mine writes your version over theirs."
                )
            yield Static(msg, classes="dialog-message")
            with VerticalScroll(id="conflict-diff"):
                shown = _diff_text(self._diff) if isinstance(self._diff, str) else WORKING
                yield Static(shown, id="conflict-diff-text")
            with Horizontal(classes="dialog-buttons"):
                if not self._missing:
                    yield Button("Reload (r)", id="reload", variant="primary")
                yield Button("Keep mine (k)", id="keep", variant="warning")
                yield Button("Difference (d)", id="diff")
                yield Button("Later (esc)", id="later")

    def on_mount(self) -> None:
        self.query_one("#conflict-diff").display = False
        self.query_one(Button).focus()
        if not isinstance(self._diff, str):
            work, self._diff = self._diff, WORKING
            self.run_worker(released(self._work_out, work), thread=True, group="conflict-diff", exit_on_error=False)

    def _work_out(self, work: Callable[[], str]) -> None:
        """In a thread: the difference, or what stopped it, posted back (``DiffReady``)."""
        try:
            self.post_message(DiffReady(work()))
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never lost with the thread
            self.post_message(DiffReady(None, exc))

    def on_diff_ready(self, message: DiffReady) -> None:
        message.stop()
        text = self.query_one("#conflict-diff-text", Static)
        if message.error is not None:
            text.update(Text(f"The difference could not be worked out: {message.error}"))
        else:
            self._diff = message.diff or ""
            text.update(_diff_text(self._diff))

    def button(self, button_id: str) -> None:
        if button_id == "diff":
            self.action_toggle_diff()

    def action_toggle_diff(self) -> None:
        box = self.query_one("#conflict-diff")
        box.display = not box.display

    def action_choose(self, choice: str | None) -> None:
        self.action_answer(choice)

    def action_answer(self, value: str | None) -> None:
        if value == "reload" and self._missing:
            return  # nothing on disk to reload
        self.dismiss(value)


def _diff_text(diff: str) -> Any:
    from rich.syntax import Syntax

    return Syntax(diff, "diff", theme="ansi_dark", word_wrap=False)
