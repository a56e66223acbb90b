"""Binding ids: every binding carries one, so the user's keymap (``App.set_keymap``) can move it.

Kept apart from the action registry (``ui.actions``) so that widgets can use it without importing
panes or screens.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from textual.binding import Binding, BindingType


def _slug(action: str) -> str:
    return re.sub(r"[^\w-]+", "_", action).strip("_")


def with_ids(scope: str, bindings: Iterable[BindingType]) -> list[BindingType]:
    """``bindings`` with every binding given the id ``scope.action`` (unless it has one), so the
    user's keymap can move it."""
    out: list[BindingType] = []
    for b in bindings:
        if isinstance(b, tuple):
            b = Binding(*b)
        if isinstance(b, Binding) and b.id is None:
            b = dataclasses.replace(b, id=f"{scope}.{_slug(b.action)}")  # every other field kept
        out.append(b)
    return out
