"""``AppFooter``: Textual's Footer, building its keys again only when what it shows changes, and
without keeping the keys of every footer it showed before.

Textual's Footer builds its keys again whenever the screen's bindings are updated, which happens
about twice per pane switch or filter opened, the second time with the same keys. Each build makes
a dozen or more key widgets, and a removed widget is freed only by a full collection of the cyclic
garbage collector (widgets refer to their parents): over an hour of use, the builds that showed
nothing new left megabytes waiting for it. The footer remembers what it last built (each shown
binding's key, label, action, enabled state and tooltip) and skips an update that shows the same.

Textual's Footer binds each key's ``compact`` to its own (``data_bind``). A binding is a watcher
held by the footer, and Textual drops the watchers of removed widgets only when the watched value
next changes, which ``compact`` never does: every key of every earlier footer, with its message
queue, stayed alive as long as the screen (a thousand after an hour of use). Calling the watchers
once after each rebuild (``mutate_reactive``) drops those of the removed keys; the keys shown are
set to the value they already have.

Textual memoises a method of each widget's line cache with ``functools.lru_cache``
(Textualize/textual#6665), which keeps the line caches of the last 1,024 widgets drawn alive after
the widgets are gone, with the lines they drew. Keys are what the app makes and drops most (over
200 in a round of the hour's use): their lines are emptied (``refresh``) before they are removed.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple[object, ...]:
    """What a footer on ``screen`` shows: each shown binding's key as displayed, description,
    action, group, enabled state and tooltip, in order."""
    display = screen.app.get_key_display
    return tuple(
        (binding.key, display(binding), binding.description, binding.action, binding.group, enabled, tooltip)
        for _node, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class AppFooter(Footer):
    #: What the keys on screen were built from (None: nothing built yet).
    _built: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        # Passed on one at a time, as Textual's compose takes them: keys of a binding group are
        # yielded inside its ``with`` block.
        built = False
        for widget in super().compose():
            built = True
            yield widget
        # Before the screen's first bindings update Textual's Footer builds nothing: that is not
        # a footer to keep (the update must build it).
        self._built = shown_keys(self.screen) if built else None

    def bindings_changed(self, screen: Screen) -> None:
        if self._built is not None and screen is self.screen and shown_keys(screen) == self._built:
            return
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        for key in self.query("*"):
            key.refresh()
        await super().recompose()
        self.mutate_reactive(Footer.compact)
