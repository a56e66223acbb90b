"""Screens of the readiness app."""
