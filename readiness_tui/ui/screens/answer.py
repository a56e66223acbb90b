"""``AnswerScreen``: a modal question answered by a key or a button. The yes/no question, the
trust question, the unsaved-changes question and the on-disk conflict are each one of these."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual import on
from textual.screen import ModalScreen
from textual.widgets import Button

AnswerT = TypeVar("AnswerT")


class AnswerScreen(ModalScreen[AnswerT]):
    """Keys bind ``answer(VALUE)``; a button whose id is in ``ANSWERS`` dismisses with its value,
    any other button goes to ``button`` (a button that does something else, e.g. show more)."""

    ANSWERS: ClassVar[dict[str, Any]] = {}

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        bid = event.button.id or ""
        if bid in self.ANSWERS:
            self.action_answer(self.ANSWERS[bid])
        else:
            self.button(bid)

    def button(self, button_id: str) -> None:
        """A button that is not an answer was pressed."""

    def action_answer(self, value: AnswerT) -> None:
        self.dismiss(value)
