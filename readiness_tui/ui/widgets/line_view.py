"""The base of the line-drawn cursor widgets (``LineList``, ``MatrixGrid``): a ScrollView that knows
the size of what is visible and restyles when focus comes or goes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from readiness_tui.ui.widgets.line_parts import fit_strip


class LineView(ScrollView):
    """A ScrollView drawn line by line whose cursor style has a ``:focus`` variant: the subclasses
    cache component styles and strips, so a focus change restyles them. The cursor's look is one
    component class, ``view--cursor``, the same for every such widget."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"view--cursor"}

    DEFAULT_CSS = """
    LineView {
        & > .view--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .view--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """

    @property
    def view_size(self) -> Size:
        """What is visible of the content: the widget without its scrollbars."""
        return self.scrollable_content_region.size

    def on_focus(self, event: events.Focus) -> None:
        self.notify_style_update()

    def on_blur(self, event: events.Blur) -> None:
        self.notify_style_update()

    def text_strip(self, text: Text, width: int) -> Strip:
        """One screen line of ``text``: never wrapped, cut or padded to ``width`` cells."""
        text = text.copy()
        text.no_wrap = True
        text.end = ""
        return fit_strip(Strip(list(text.render(self.app.console))), width, None)
