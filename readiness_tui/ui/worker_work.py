"""A thread worker's work that lets go of what it was given as soon as it has run.

Textual keeps a finished ``Worker`` until the cyclic garbage collector runs (the worker and its
asyncio task refer to each other through the task's context), and the worker keeps its work
function, hence everything the function's closure holds. For the board readers that is a whole
board (its text, segments and items) per outside change, alive until a full collection: the
app's memory grew with every change. ``released(fn, *args)`` is the work to
give ``run_worker`` instead of ``lambda: fn(*args)``: the arguments are dropped when ``fn`` starts,
so they live as long as the call, not as long as the worker object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def released(fn: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    """``fn(*args)`` to run once; afterwards the work holds neither ``fn`` nor ``args``."""
    slot: list[Any] = [fn, args]

    def work() -> Any:
        if not slot:
            raise RuntimeError("this work was run already")
        call, given = slot
        slot.clear()
        return call(*given)

    return work
