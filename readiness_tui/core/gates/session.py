"""``GateSession``: everything the app and ``readiness check`` need about one board's gates.

It owns the repo root, the state file, trust, cached evidence checks, what changed since each run,
and a ``GateRunner``. It never imports Textual; callbacks run on runner threads.

App wiring (see also ``readiness_tui.core.board.watch``)::

    session = GateSession(store.path, store.board)          # after loading a board
    gates.show_board(store, analysis, session.views())      # Gates pane
    backlog.gate_status = session.gate_status()             # {item id: status word}
    # in a thread worker on open: session.scan_changes(); then refresh the panes
    if not session.trusted: push TrustScreen(session.commands()) -> on yes: session.trust()
    session.start(ids or None, on_start=..., on_done=...)  # non-blocking; results saved to state
    session.cancel(ids or None)
    # per watcher batch: ids = session.note_changes(batch.evidence_paths | batch.watched_paths)
    # after the board reloads or is edited: session.set_board(store.board)
    session.close()                                          # on exit: cancels runs
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from pathlib import Path

from readiness_tui.core.gates.checks import CheckResult, RuleWaiver, rule_waivers, run_check
from readiness_tui.core.gates.evaluate import GateView, evaluate_gate
from readiness_tui.core.gates.evidence import EvidenceCheck, check_evidence
from readiness_tui.core.gates.paths import relpath, repo_root
from readiness_tui.core.gates.runner import DEFAULT_TIMEOUT_S, GateJob, GateRunner, RunResult
from readiness_tui.core.gates.stale import ChangeIndex, FileChange, newest, scan_changed_at
from readiness_tui.core.gates.state import GateState
from readiness_tui.core.gates.trust import commands_of, is_trusted, trust
from readiness_tui.core.gates.waivers import waivers_by_item
from readiness_tui.core.model.board import Board, Item


def _same_index_inputs(old: list[Item], new: list[Item]) -> bool:
    """Whether two lists of gated items give the same ``ChangeIndex``: the same ids, evidence and
    checks (paths), watch globs, and whether each has a command."""
    if len(old) != len(new):
        return False
    for a, b in zip(old, new):
        if a is b:
            continue
        ga, gb = a.gate, b.gate
        if a.id != b.id or ga is None or gb is None:
            return False
        if (ga.evidence, ga.checks, ga.watch, bool(ga.verify.strip())) != (
            gb.evidence,
            gb.checks,
            gb.watch,
            bool(gb.verify.strip()),
        ):
            return False
    return True


class GateSession:
    def __init__(
        self,
        board_path: Path | str | None,
        board: Board,
        *,
        jobs: int | None = None,
        state: GateState | None = None,
        root: Path | None = None,
    ):
        self.board_path = Path(board_path).resolve() if board_path else None
        self.jobs = jobs
        self.state = state if state is not None else GateState.for_board(self.board_path)
        self._root_override = root
        self._runner: GateRunner | None = None
        self._running: dict[str, object] = {}
        #: Runs whose result could not be written to the state file (item id -> why).
        self._record_errors: dict[str, str] = {}
        self._lock = threading.Lock()
        #: Closing and waiting: a run stopped now is recorded as cancelled (see ``close``).
        self._closing = False
        #: The newest change to the files each item with ``watch`` globs watches ...
        self._changed: dict[str, FileChange] = {}
        #: ... and one for all the items without globs, which watch the whole repo (``change_of``).
        self._changed_default: FileChange | None = None
        self._evidence: dict[str, tuple[EvidenceCheck, ...]] = {}
        self._checks: dict[str, tuple[CheckResult, ...]] = {}
        #: What each item's evidence and checks were found for (``_key_of``).
        self._evidence_key: dict[str, object] = {}
        #: The gated items, in board order (``set_board``).
        self._gated: list[Item] = []
        #: The root the path index was built for (None: not built yet).
        self._index_root: Path | None = None
        self._rule_waivers_key: tuple[object, ...] | None = None
        self._rule_waivers_cache: dict[str, dict[str, RuleWaiver]] = {}
        self.set_board(board)

    # ------------------------------------------------------------------ board
    def set_board(self, board: Board) -> None:
        """Take a reloaded or edited board: recompute root, trust, index; re-check changed evidence."""
        self.board = board
        if self._root_override is not None:
            self.root = self._root_override
        elif self.board_path is not None:
            self.root = repo_root(self.board_path, board.board.repo_root)
        else:
            self.root = Path.cwd().resolve()
        # A board with no file cannot be trusted: only one without commands runs (nothing).
        self.trusted = is_trusted(self.board_path, board, self.root) if self.board_path else not commands_of(board)
        items: dict[str, Item] = {}
        gated: list[Item] = []
        recheck = []
        for it in board.items:
            if it.id in items:
                continue
            items[it.id] = it
            if it.gate is None:
                if self._evidence_key.get(it.id, ()) != ():  # it had a gate: its evidence goes
                    recheck.append(it)
                continue
            gated.append(it)
            if self._evidence_key.get(it.id) != self._key_of(it):  # a read: safe without the lock
                recheck.append(it)
        self.items = items
        # Rebuild the path index only when evidence, watch globs or commands moved. The gated
        # items are compared with the last board's (most are the same objects), not with a copy
        # of every gate's paths kept for the purpose.
        if self._index_root != self.root or not _same_index_inputs(self._gated, gated):
            self.index = ChangeIndex(board, self.root, self.board_path)
            self._index_root = self.root
        self._gated = gated
        #: Board order of each id (``views`` of a few ids keeps it without walking the board).
        self._position = {item_id: n for n, item_id in enumerate(items)}
        with self._lock:  # runner threads re-check evidence meanwhile (``record``)
            for item_id in [k for k in self._evidence if k not in items]:
                del self._evidence[item_id]
                self._checks.pop(item_id, None)
                self._evidence_key.pop(item_id, None)
        for it in recheck:
            self._check_evidence(it)

    def update_items(self, items: Iterable[Item], board: Board | None = None) -> bool:
        """Take edited items whose gates did not change (a status, an owner): only the items the
        views read are swapped, without recomputing trust, root or the path index. ``board``: the
        board they now belong to, when it is another object with the same other records (a
        reloaded store).

        Returns False, changing nothing, when an item is new or its gate changed: call
        ``set_board`` then.
        """
        items = list(items)
        for it in items:
            old = self.items.get(it.id)
            if old is None or old.gate != it.gate:
                return False
        if board is not None:
            self.board = board
        for it in items:
            old = self.items[it.id]
            self.items[it.id] = it
            if it.gate is not None:
                self._gated[next(n for n, g in enumerate(self._gated) if g is old)] = it
        return True

    def due_for_rerun(self, ids: Iterable[str], whole_repo: bool = False) -> list[str]:
        """Of ``ids`` (items a watcher batch just reported changed; with ``whole_repo``, also every
        item without ``watch`` globs), the gates not running now whose watched files changed after
        their last run ended, so that a command that writes into the repo does not re-trigger
        itself. With no run or no change on record it errs towards running."""
        if whole_repo:
            ids = set(ids) | self.index.default_watch
        running = self.running()
        out = []
        for item_id in sorted(ids):
            if item_id in running:
                continue
            last = self.state.get(item_id)
            changed = self.change_of(item_id)
            if last is None or changed is None or changed.at > last.finished_at:
                out.append(item_id)
        return out

    def gated_items(self) -> list[Item]:
        """Items that carry a gate, in board order."""
        return list(self._gated)

    def commands(self) -> list[tuple[str, str]]:
        """(item id, command) pairs that trusting the board allows to run."""
        return commands_of(self.board)

    def trust(self) -> None:
        """Record the user's trust in the current commands (after they saw ``commands()``)."""
        if self.board_path is None:
            raise ValueError("a board without a file cannot be trusted")
        trust(self.board_path, self.board, self.root)
        self.trusted = True

    # ------------------------------------------------------------------ evidence and changes
    def _key_of(self, item: Item) -> object:
        """What an item's evidence and check results depend on besides the files: its paths and
        checks, the rule waivers its SARIF checks read, and the day its freshness is counted on.
        Without checks, the gate's own list of paths (a record's lists are not changed in place:
        an edit makes a new item), not a copy of it for each of 9,000 gates."""
        gate = item.gate
        if gate is None:
            return ()
        if not gate.checks:
            return gate.evidence
        day = self.board.today()
        return (
            tuple(gate.evidence),
            tuple(gate.checks),
            tuple(sorted(self._rule_waivers(day).get(item.id, {}).items())),
            day,
        )

    def _rule_waivers(self, day: dt.date) -> dict[str, dict[str, RuleWaiver]]:
        # Read per day and rule waivers: a board has few waivers, a 10,000-item board many gates.
        key = (day, tuple(w for w in self.board.waivers if w.rules))
        if self._rule_waivers_key != key:
            self._rule_waivers_cache = rule_waivers(self.board, day)
            self._rule_waivers_key = key
        return self._rule_waivers_cache

    def _check_evidence(self, item: Item) -> None:
        gate = item.gate
        pats = gate.evidence if gate else ()
        found = tuple(check_evidence(self.root, p) for p in pats)  # the disk, outside the lock
        results: tuple[CheckResult, ...] = ()
        if gate is not None and gate.checks:
            day = self.board.today()
            waived = self._rule_waivers(day).get(item.id, {})
            results = tuple(run_check(self.root, c, day, waived) for c in gate.checks)
        key = self._key_of(item)
        with self._lock:
            self._evidence[item.id] = found
            self._checks[item.id] = results
            self._evidence_key[item.id] = key

    def refresh_evidence(self, ids: Iterable[str] | None = None) -> None:
        for item_id in self.items if ids is None else ids:
            it = self.items.get(item_id)
            if it is not None:
                self._check_evidence(it)

    def scan_changes(self) -> None:
        """Walk the repo for files changed after each run (slow-ish on big repos: use a thread)."""
        changed, by_default = scan_changed_at(self.index)
        with self._lock:  # runner threads read it for staleness
            self._changed = changed
            self._changed_default = by_default

    def change_of(self, item_id: str) -> FileChange | None:
        """The newest change to the files ``item_id``'s gate watches (None: none seen)."""
        own = self._changed.get(item_id)
        if item_id in self.index.default_watch:
            return newest(own, self._changed_default)
        return own

    def note_changes(self, paths: Iterable[str | Path], when: float | None = None) -> set[str]:
        """Take changed paths (absolute, from the watcher): re-check evidence of the items they
        concern and remember the change for staleness. Returns the ids whose gate may look different:
        those whose evidence was checked again, and the watching items with a result (a change can
        only make a passed result stale; an item never run shows "not run" whatever changed). A
        gate without ``watch`` globs watches the whole repo, so one stray file would otherwise ask
        for every gate of a 10,000-item board to be evaluated again; their change is kept once
        for them all."""
        touched: set[str] = set()
        evidence_ids: set[str] = set()
        index = self.index
        for p in paths:
            rel = relpath(self.root, p)
            if rel is None or index.is_ignored(rel):
                continue
            evidence_ids |= index.evidence_items(rel)
            globbed = index.watched_by_glob(rel)
            by_default = index.watched_by_default(rel)
            if not (globbed or by_default):
                continue
            try:
                mtime = os.stat(p, follow_symlinks=False).st_mtime
            except OSError:
                mtime = when or time.time()  # deleted: it changed now
            change = FileChange(mtime, rel)  # one record shared by every item watching it
            with self._lock:  # read, compare and write as one step: runner threads read it too
                changed = self._changed
                for item_id in globbed:
                    known = changed.get(item_id)
                    if known is None or mtime > known.at:
                        changed[item_id] = change
                if by_default:
                    self._changed_default = newest(self._changed_default, change)
            touched |= self.state.having_results(globbed)
            if by_default:
                touched |= self.state.having_results(index.default_watch)
        self.refresh_evidence(evidence_ids)
        return touched | evidence_ids

    # ------------------------------------------------------------------ evaluation
    def view(self, item_id: str, today: dt.date | None = None) -> GateView:
        return self.views([item_id], today)[item_id]

    def views(self, ids: Iterable[str] | None = None, today: dt.date | None = None) -> dict[str, GateView]:
        """Gate views of gated items (all, or ``ids``), in board order."""
        return {v.item_id: v for v in self._evaluated(ids, today)}

    def _evaluated(self, ids: Iterable[str] | None = None, today: dt.date | None = None) -> Iterator[GateView]:
        """``views`` one at a time: a caller that keeps only a word of each (``gate_status``) never
        holds 9,000 views at once."""
        day = today or self.board.today()
        waivers = waivers_by_item(self.board, day)
        running = self.running()
        if ids is None:
            chosen = self.gated_items()
        else:
            # A few ids (an edit's items): look them up rather than walk 10,000 gated items.
            picked = [self.items[i] for i in set(ids) if i in self.items]
            chosen = sorted((it for it in picked if it.gate is not None), key=lambda it: self._position[it.id])
        with self._lock:
            evidence = dict(self._evidence) if ids is None else {it.id: self._evidence.get(it.id, ()) for it in chosen}
            checks = dict(self._checks) if ids is None else {it.id: self._checks.get(it.id, ()) for it in chosen}
        for it in chosen:
            yield evaluate_gate(
                it,
                evidence.get(it.id, ()),
                self.state.get(it.id),
                waivers.get(it.id),
                trusted=self.trusted,
                running=it.id in running,
                changed=self.change_of(it.id),
                checks=checks.get(it.id, ()),
            )

    def gate_status(self) -> dict[str, str]:
        """{item id: status word} for every gated item: the backlog's gate column."""
        return {v.item_id: v.status for v in self._evaluated()}

    def drift(self) -> dict[str, str]:
        """{item id: drift message} for items whose status and gate disagree."""
        return {v.item_id: v.drift for v in self._evaluated() if v.drift}

    # ------------------------------------------------------------------ running
    @property
    def runner(self) -> GateRunner:
        if self._runner is None:
            self._runner = GateRunner(self.jobs)
        return self._runner

    def jobs_for(self, ids: Iterable[str] | None = None, *, force_trust: bool = False) -> list[GateJob]:
        """Jobs for items with a command (all, or ``ids``); none at all while untrusted."""
        if not (self.trusted or force_trust):
            return []
        wanted = None if ids is None else set(ids)
        jobs = []
        for it in self.gated_items():
            if wanted is not None and it.id not in wanted:
                continue
            if it.gate is None or not it.gate.verify.strip():
                continue
            timeout = it.gate.timeout_s if it.gate.timeout_s else DEFAULT_TIMEOUT_S
            jobs.append(GateJob(it.id, it.gate.verify.strip(), self.root, timeout))
        return jobs

    def start(
        self,
        ids: Iterable[str] | None = None,
        on_start: Callable[[GateJob], None] | None = None,
        on_done: Callable[[RunResult], None] | None = None,
        *,
        force_trust: bool = False,
    ) -> list[Future[RunResult]]:
        """Queue runs and return at once. Items show ``running`` from now on; each result is
        recorded (state file written) before ``on_done`` is called, on a runner thread. Starting an
        item that is already running restarts it."""
        futures = []
        for job in self.jobs_for(ids, force_trust=force_trust):
            token = object()
            with self._lock:
                self._running[job.item_id] = token
                self._record_errors.pop(job.item_id, None)

            def done(res: RunResult, token: object = token) -> None:
                # Runner threads finish concurrently: the session's dicts change under the lock.
                try:
                    self.record(res)
                except Exception as exc:  # noqa: BLE001 - whatever fails, the run ends and on_done says why
                    with self._lock:
                        self._record_errors[res.item_id] = f"the result could not be saved: {exc}"
                finally:
                    with self._lock:
                        if self._running.get(res.item_id) is token:
                            self._running.pop(res.item_id, None)
                if on_done:
                    on_done(res)

            futures.append(self.runner.submit(job, on_start, done))
        return futures

    def run(
        self,
        ids: Iterable[str] | None = None,
        on_start: Callable[[GateJob], None] | None = None,
        on_done: Callable[[RunResult], None] | None = None,
        *,
        force_trust: bool = False,
    ) -> list[RunResult]:
        """``start`` and wait for all (for ``readiness check`` or a thread worker)."""
        return [f.result() for f in self.start(ids, on_start, on_done, force_trust=force_trust)]

    def record(self, result: RunResult) -> None:
        self.refresh_evidence([result.item_id])  # the command may have produced its evidence
        self.state.record(result, keep_cancelled=self._closing)

    def cancel(self, ids: Iterable[str] | None = None) -> int:
        if self._runner is None:
            return 0
        if ids is None:
            with self._lock:
                self._running.clear()
            return self._runner.cancel_all()
        n = 0
        for i in ids:
            with self._lock:
                self._running.pop(i, None)
            n += self._runner.cancel(i)
        return n

    def running(self) -> set[str]:
        with self._lock:
            return set(self._running)

    def take_record_error(self, item_id: str) -> str | None:
        """Why the last finished run of ``item_id`` could not be recorded (once), or None."""
        with self._lock:
            return self._record_errors.pop(item_id, None)

    def close(self, wait: bool = False) -> None:
        """Cancel every run. ``wait``: until each run's process group is gone and its result is
        recorded as cancelled (off a UI thread: the runs' callbacks may need that thread)."""
        if self._runner is not None:
            self._closing = wait
            self._runner.shutdown(wait=wait)
            self._runner = None
