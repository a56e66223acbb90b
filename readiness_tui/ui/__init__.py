"""The Textual layer: app, screens, panes, widgets, styles. Everything board-related comes from core."""
