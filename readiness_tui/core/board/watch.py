"""Watching a board's repo and board file with watchfiles, yielding classified change batches.

A batch says whether the board file changed or was deleted, which evidence paths and which
watched files changed, and which items each concerns. Ignored: VCS dirs, virtualenvs,
node_modules, caches, the gate state file, and atomic-write temp files (``.NAME.*.tmp``), so a
save by the store shows up as one board change rather than three events.

App wiring (an async worker on the app's loop; watchfiles blocks in its own thread)::

    self.watcher = BoardWatcher(store.path, board=store.board, root=session.root)

    @work(exclusive=True, group="watch")
    async def watch_files(self) -> None:
        async for batch in self.watcher:
            if batch.board_deleted:  ...          # keep the board in memory, offer to save again
            elif batch.board_changed and self.store.disk_state() is DiskState.CHANGED:
                ...                               # reload in place, or conflict dialog if dirty
            ids = self.session.note_changes(batch.paths)
            if ids: refresh gate views
            auto-run, if trusted: session.due_for_rerun(batch.watched_items, whole_repo=batch.default_watched)

    # after a reload / edit of gates:  session.set_board(store.board)
    #                                   self.watcher.set_board(store.board, index=session.index)
    # on exit:                          self.watcher.stop()
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

from watchfiles import Change, awatch

from readiness_tui.core.gates.paths import ignored_rel, relpath, repo_root, state_path_name
from readiness_tui.core.gates.stale import ChangeIndex
from readiness_tui.core.model.board import Board

#: How often watchfiles looks for new events (ms): lower reports a change sooner.
STEP_MS = 10
#: Longest a burst of changes is gathered into one batch (ms).
DEBOUNCE_MS = 400
#: The file ``WatchFeed`` pokes in the root until the watcher reports it; reported whatever the gates
#: watch (a board whose gates watch nothing else must still report it).
PROBE = ".readiness-watch-probe"


@dataclass
class ChangeBatch:
    """One classified batch of file changes. Paths are absolute."""

    board_changed: bool = False
    board_deleted: bool = False
    evidence_paths: set[str] = field(default_factory=set)
    watched_paths: set[str] = field(default_factory=set)
    evidence_items: set[str] = field(default_factory=set)
    #: Items whose ``watch`` globs match a changed path ...
    watched_items: set[str] = field(default_factory=set)
    #: ... and whether a changed path concerns the items without globs, which watch the whole repo
    #: (``ChangeIndex.default_watch``, named once for them all).
    default_watched: bool = False
    #: Every change that got past the filters, as watchfiles reported it.
    changes: set[tuple[Change, str]] = field(default_factory=set)
    #: ``time.perf_counter()`` when the batch was classified.
    at: float = 0.0
    #: The batch reports ``WatchFeed``'s probe file (which no gate need watch).
    probe: bool = False

    @property
    def paths(self) -> set[str]:
        """Evidence and watched paths together (what ``GateSession.note_changes`` wants)."""
        return self.evidence_paths | self.watched_paths

    def __bool__(self) -> bool:
        return bool(self.board_changed or self.board_deleted or self.evidence_paths or self.watched_paths or self.probe)


class BoardWatcher:
    """Async iterator of ``ChangeBatch`` for a board file and its repo root."""

    def __init__(
        self,
        board_path: Path | str,
        *,
        board: Board | None = None,
        root: Path | None = None,
        step_ms: int = STEP_MS,
        debounce_ms: int = DEBOUNCE_MS,
        force_polling: bool | None = None,
    ):
        self.board_path = Path(board_path).resolve()
        self.root = (root or repo_root(self.board_path, board.board.repo_root if board else None)).resolve()
        self.step_ms = step_ms
        self.debounce_ms = debounce_ms
        self.force_polling = force_polling
        self._state_name = state_path_name(self.board_path)
        self._board_str = str(self.board_path)
        self.index: ChangeIndex | None = None
        self._stop: asyncio.Event | None = None
        self._stopped = False
        if board is not None:
            self.set_board(board)

    def set_board(self, board: Board, root: Path | None = None, index: ChangeIndex | None = None) -> None:
        """Re-index evidence and watch globs (after a reload or an edit of gates). Pass the
        session's ``index`` (``GateSession.index``) to share it instead of building another."""
        if index is not None:
            self.root = index.root
            self.index = index
            return
        if root is not None:
            self.root = root.resolve()
        self.index = ChangeIndex(board, self.root, self.board_path)

    def stop(self) -> None:
        self._stopped = True
        if self._stop is not None:
            self._stop.set()

    def watched_roots(self) -> list[str]:
        roots = [str(self.root)]
        board_dir = str(self.board_path.parent)
        if relpath(self.root, board_dir) is None:
            roots.append(board_dir)
        return roots

    # ------------------------------------------------------------------ filtering
    def keep(self, change: Change, path: str) -> bool:
        """watchfiles filter: the board file, and non-ignored paths under the root."""
        if path == self._board_str:
            return True
        rel = relpath(self.root, path)
        if rel is None or rel == "":
            return False
        if ignored_rel(rel) or rel.rsplit("/", 1)[-1] == self._state_name:
            return False
        return True

    def classify(self, changes: set[tuple[Change, str]]) -> ChangeBatch:
        batch = ChangeBatch(changes=changes)
        index = self.index
        for _change, path in changes:
            if path == self._board_str:
                if os.path.exists(path):
                    batch.board_changed = True
                else:
                    batch.board_deleted = True
                continue
            rel = relpath(self.root, path)
            if rel is None:
                continue
            if rel == PROBE:
                batch.probe = True
                continue
            if index is None:
                batch.watched_paths.add(path)
                continue
            ev = index.evidence_items(rel)
            if ev:
                batch.evidence_paths.add(path)
                batch.evidence_items |= ev
            watched = index.watched_by_glob(rel)
            by_default = index.watched_by_default(rel)
            if watched or by_default:
                batch.watched_paths.add(path)
                batch.watched_items |= watched
                batch.default_watched |= by_default
        if batch.board_changed and batch.board_deleted:
            batch.board_deleted = False  # deleted and written again within one batch: a change
        batch.at = time.perf_counter()
        return batch

    # ------------------------------------------------------------------ iterating
    async def batches(self) -> AsyncIterator[ChangeBatch]:
        self._stop = asyncio.Event()
        if self._stopped:
            return
        async for changes in awatch(
            *self.watched_roots(),
            watch_filter=self.keep,
            step=self.step_ms,
            debounce=self.debounce_ms,
            stop_event=self._stop,
            force_polling=self.force_polling,
            ignore_permission_denied=True,
        ):
            batch = self.classify(changes)
            if batch:
                yield batch

    def __aiter__(self) -> AsyncIterator[ChangeBatch]:
        return self.batches()


class WatchFeed:
    """A running watcher feeding a queue of batches, for code that waits on real file changes
    (tests, the bench): live before ``start`` returns, every wait bounded.

    inotify needs a moment to register its watches, so ``start`` pokes a probe file in the root
    until a batch reports it, then waits for the probe's removal so no probe batch is left over.
    """

    def __init__(self, watcher: BoardWatcher, *, timeout: float = 5.0):
        self.watcher = watcher
        self.timeout = timeout
        self.queue: asyncio.Queue[ChangeBatch] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def start(self, within: float = 10.0) -> None:
        """Run the watcher; TimeoutError when it reports nothing ``within`` seconds."""

        async def pump() -> None:
            async for batch in self.watcher:
                await self.queue.put(batch)

        self._task = asyncio.create_task(pump())
        probe = self.watcher.root / PROBE
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        n = 0
        while True:
            probe.write_text(str(n))
            n += 1
            try:
                await asyncio.wait_for(self.queue.get(), 0.1)
                break
            except TimeoutError:
                if loop.time() > deadline:
                    probe.unlink()
                    raise TimeoutError(f"the watcher never reported {probe}") from None
        probe.unlink()
        await self.until(lambda b: b.probe)

    async def until(self, pred: Callable[[ChangeBatch], object], timeout: float | None = None) -> ChangeBatch:
        """The next batch ``pred`` accepts (those before it are dropped); TimeoutError past ``timeout``."""

        async def loop() -> ChangeBatch:
            while True:
                batch = await self.queue.get()
                if pred(batch):
                    return batch

        return await asyncio.wait_for(loop(), self.timeout if timeout is None else timeout)

    def drain(self) -> list[ChangeBatch]:
        """The batches already queued, removed from the queue."""
        out = []
        while not self.queue.empty():
            out.append(self.queue.get_nowait())
        return out

    async def stop(self) -> None:
        self.watcher.stop()
        if self._task is not None:
            await asyncio.wait_for(self._task, self.timeout)

    async def __aenter__(self) -> WatchFeed:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
