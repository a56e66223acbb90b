"""What a board means: ready, waiting and blocked work, cycles, waves, schedule and critical path,
the parent/child tree, go/no-go and burndown. Pure functions of a board (and its history)."""

from typing import Any

#: What a kept answer or a ``delta.Delta`` gives when it has none: the answer is worked out whole.
#: Here, where ``kept`` and ``delta`` both find it without importing each other.
NOTHING: Any = object()
