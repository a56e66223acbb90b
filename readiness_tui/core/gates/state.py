"""The state file: last gate results, never in the board: in the git dir when the board is in a git
repository (``.git/readiness/gates/``, see core.board.private_files), else beside the board
(``NAME.readiness-state.json``).

Written atomically; a missing or unreadable state file is an empty one (results are a cache of
what the commands said, never the source of truth). Results that land while a save is being
written are written together by the next one: running every gate of a 10,000-item board wrote the
whole file once per result before.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Set as AbstractSet
from pathlib import Path

from readiness_tui.core.board.fsutil import atomic_write
from readiness_tui.core.board.private_files import private_path
from readiness_tui.core.gates.paths import state_path_name
from readiness_tui.core.gates.runner import RunResult
from readiness_tui.core.outputs.json_doc import document_bytes

STATE_VERSION = 1


def state_path(board_path: Path | str) -> Path:
    p = Path(board_path)
    return private_path(p, "gates", "json", state_path_name(p))


class GateState:
    """Last result per item, loaded from and saved to the state file. Thread-safe."""

    def __init__(self, path: Path | None, results: dict[str, RunResult] | None = None):
        self.path = path
        self.results: dict[str, RunResult] = dict(results or {})
        self.problem = ""
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        #: Results recorded so far, and how many of them the file holds (under ``_lock``).
        self._recorded = 0
        self._written = 0
        #: Each result's row as last written, by id: a save of 9,000 results makes only the new ones.
        self._rows: dict[str, tuple[RunResult, dict[str, object]]] = {}

    @classmethod
    def for_board(cls, board_path: Path | str | None) -> GateState:
        if board_path is None:
            return cls(None)
        return cls.load(state_path(board_path))

    @classmethod
    def load(cls, path: Path) -> GateState:
        state = cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return state
        except (OSError, ValueError) as exc:
            state.problem = f"{path.name}: unreadable, starting afresh ({exc})"
            return state
        rows = data.get("results") if isinstance(data, dict) else None
        for item_id, row in (rows or {}).items():
            try:
                state.results[item_id] = RunResult.from_json(row)
            except (TypeError, ValueError):
                continue
        return state

    def get(self, item_id: str) -> RunResult | None:
        with self._lock:
            return self.results.get(item_id)

    def having_results(self, ids: AbstractSet[str]) -> set[str]:
        """Those of ``ids`` with a recorded result (one lock for the lot, not one per id), walking
        the smaller side: ``ids`` may be every gate watching the whole repo (90,000 at 100,000
        items) where a board has run a few."""
        with self._lock:
            results = self.results
            if len(ids) > len(results):
                return {i for i in results if i in ids}
            return {i for i in ids if i in results}

    def record(self, result: RunResult, save: bool = True, keep_cancelled: bool = False) -> None:
        """Keep a result (a cancelled run keeps the previous one, unless ``keep_cancelled``: the
        app quit while it ran) and write the file."""
        if result.cancelled and not keep_cancelled:
            return
        with self._lock:
            self.results[result.item_id] = result
            self._recorded += 1
        if save:
            self.save()

    def _rows_of(self, results: list[tuple[str, RunResult]]) -> dict[str, dict[str, object]]:
        rows = self._rows
        out = {}
        for k, r in results:
            kept = rows.get(k)
            if kept is None or kept[0] is not r:  # results are never changed, only replaced
                kept = rows[k] = (r, r.to_json())
            out[k] = kept[1]
        return out

    def save(self) -> None:
        """Write the file; when this returns it holds every result recorded before the call."""
        if self.path is None:
            return
        with self._lock:
            wanted = self._recorded
        # The lock covers the copy only: the write and its fsync must not make readers (the UI
        # thread evaluating gates) wait on the disk. Concurrent saves are ordered by _write_lock,
        # and each writes a copy taken after the previous one; a save whose results a later copy
        # already took has nothing left to write.
        with self._write_lock:
            with self._lock:
                if self._written >= wanted and wanted:
                    return
                taken = self._recorded
                data = {"version": STATE_VERSION, "results": self._rows_of(sorted(self.results.items()))}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, document_bytes(data))
            with self._lock:
                self._written = max(self._written, taken)
