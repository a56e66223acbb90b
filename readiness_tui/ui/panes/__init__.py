"""Panes of the main screen. Each pane shows a board through ``show_board`` and posts messages from
``readiness_tui.ui.messages`` for anything that changes the board; the app performs the edit."""
