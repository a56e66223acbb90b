"""TabbedContent whose tab changes only when asked (keys, clicks, ``active``), never by focus.

Textual's TabbedContent switches to a pane when a widget inside it gains focus. Focus events arrive
asynchronously, so after a quick ``2`` then ``3`` the late focus event of pane 2 switched back to it.
The app decides which pane is shown, and focuses inside it afterwards.
"""

from __future__ import annotations

from textual.widgets import TabbedContent, TabPane


class PaneTabs(TabbedContent):
    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        # Handlers run for every class in the MRO; prevent_default skips TabbedContent's.
        event.prevent_default()
        event.stop()
