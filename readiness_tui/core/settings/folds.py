"""Which parents a person folded in a board's backlog, kept per board outside the repository (in
the user state directory, like the theme choice), so the tree opens as it was left.

A missing or unreadable file means nothing is folded: this is a view preference, and the next fold
writes the file anew.
"""

from __future__ import annotations

import json
from pathlib import Path

from readiness_tui.core.board.fsutil import atomic_write

#: Boards remembered at most (the oldest entries go first).
MAX_BOARDS = 200


def state_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("readiness", appauthor=False)) / "folds.json"


def _read() -> dict[str, list[str]]:
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(i) for i in v] for k, v in data.items() if isinstance(v, list)}


def load(board: Path) -> set[str]:
    """The parents folded in ``board``'s backlog when it was last shown."""
    return set(_read().get(str(board.resolve()), []))


def save(board: Path, folded: set[str]) -> None:
    data = _read()
    key = str(board.resolve())
    data.pop(key, None)
    if folded:
        data[key] = sorted(folded)
    while len(data) > MAX_BOARDS:
        data.pop(next(iter(data)))
    path = state_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(data, indent=1).encode("utf-8"))
