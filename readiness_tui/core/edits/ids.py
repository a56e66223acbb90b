"""Ids for new items: the next free number after an item's own, in the board's own scheme."""

from __future__ import annotations

import re

from readiness_tui.core.board.store import BoardStore

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


def new_item_id(store: BoardStore, near: str | None = None, actor: str | None = None) -> str:
    """The id for an item the app or a command makes: the next number after ``near``'s, tagged with
    the clone that made it (``SEC-03-k7q``, see ``clone_ids``) so that two clones adding "the next
    item" at once do not make the same id. A board with no file gets the plain next number."""
    base = near or "ITEM-00"
    if store.path is None:
        return next_id(store, base)
    from readiness_tui.core.audit import default_actor
    from readiness_tui.core.edits.clone_ids import new_item_id_for

    taken = {it.id for it in store.board.items}
    return new_item_id_for(store.path, taken, actor or default_actor(store.path), base)
