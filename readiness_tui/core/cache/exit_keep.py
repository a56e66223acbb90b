"""Boards a one-shot command keeps until its process ends.

A command such as ``lint`` or ``set`` lets go of its board before it exits, and Python then frees
it record by record, a pass over every record spent on memory the
process hands back anyway a moment later (the entry point ends with ``os._exit``). The entry point
turns this on for a one-shot command only; the app, the servers and tests never do: they live on,
and must free what they drop.
"""

from __future__ import annotations

# A command that reads many boards (``lint a.toml b.toml ...``) would otherwise hold them all at
# once: past this many, the oldest is let go as before.
LIMIT = 4

_kept: list[object] | None = None


def keep_until_exit() -> None:
    """From now on, ``keep`` holds what it is given until the process ends."""
    global _kept
    if _kept is None:
        _kept = []


def keep(obj: object) -> None:
    """Hold ``obj`` until the process ends, if this process is a one-shot command (else nothing)."""
    if _kept is not None:
        _kept.append(obj)
        if len(_kept) > LIMIT:
            del _kept[0]


def kept() -> list[object]:
    """What is held now (oldest first)."""
    return list(_kept or [])
