"""``AppFooter``: Textual's Footer, without keeping the keys of every footer it showed before.

Textual's Footer builds its keys again whenever the focused widget's bindings change (a pane
switched, a filter opened), and binds each key's ``compact`` to its own (``data_bind``). A binding
is a watcher held by the footer, and Textual drops the watchers of removed widgets only when the
watched value next changes, which ``compact`` never does: every key of every earlier footer, with
its message queue, stayed alive as long as the screen (a thousand after an hour of use). Calling
the watchers once after each rebuild (``mutate_reactive``) drops those of the removed keys; the
keys shown are set to the value they already have.
"""

from __future__ import annotations

from textual.widgets import Footer


class AppFooter(Footer):
    async def recompose(self) -> None:
        await super().recompose()
        self.mutate_reactive(Footer.compact)
