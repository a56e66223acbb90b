"""Ids for new items: the next free number after an item's own, in the board's own scheme."""

from __future__ import annotations

import re

from .store import BoardStore

_TRAILING_NUMBER = re.compile(r"^(.*?)(\d+)$")


def next_id(store: BoardStore, base: str) -> str:
    """A free id like ``base``: ``SEC-02`` -> ``SEC-03`` (or the next free number), else ``base-copy``."""
    taken = {it.id for it in store.board.items}
    m = _TRAILING_NUMBER.match(base)
    if m:
        prefix, digits = m.group(1), m.group(2)
        n = int(digits) + 1
        while True:
            cand = f"{prefix}{n:0{len(digits)}d}"
            if cand not in taken:
                return cand
            n += 1
    cand = f"{base}-copy"
    n = 2
    while cand in taken:
        cand = f"{base}-copy{n}"
        n += 1
    return cand


def new_item_id(store: BoardStore, near: str | None = None) -> str:
    """A suggestion for a new item's id: the next number after the highlighted item's prefix."""
    if near:
        return next_id(store, near)
    return next_id(store, "ITEM-00")
