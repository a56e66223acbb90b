"""Widgets of the readiness app."""
