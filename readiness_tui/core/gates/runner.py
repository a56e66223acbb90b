"""Running verify commands: a shell in the repo root, its own process group, a timeout, capped
(``output_cap``) and redacted output. ``GateRunner`` runs several at once on a thread pool and
reports by callbacks.

Wiring from a Textual app (the runner never touches the UI)::

    runner = GateRunner(jobs=None)            # default: os.cpu_count() at once
    def started(job):  app.call_from_thread(app.post_message, GateStarted(job.item_id))
    def finished(res): app.call_from_thread(app.post_message, GateFinished(res))
    runner.submit(GateJob("M-01", "make test", root, 300), on_start=started, on_done=finished)
    runner.cancel("M-01"); runner.cancel_all(); runner.shutdown()   # on app exit

``submit`` returns at once (the pool threads do the waiting); ``run_many`` blocks until all are
done, for ``readiness check`` or a ``@work(thread=True)`` worker.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import selectors
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness_tui.core.gates.output_cap import OUTPUT_CAP, CappedOutput, drain, read_some
from readiness_tui.core.gates.redact import redact

DEFAULT_TIMEOUT_S = 300.0
#: Seconds between SIGTERM and SIGKILL when a run is stopped.
KILL_GRACE_S = 2.0
#: Once the shell has exited, how long to wait for children still holding its output open.
DRAIN_S = 0.5


@dataclass(frozen=True)
class GateJob:
    item_id: str
    command: str
    cwd: Path
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass(frozen=True)
class RunResult:
    """One run of one verify command. Times are wall-clock epoch seconds. Never changed once made
    (the state file keeps each one's row as written)."""

    item_id: str
    #: The command as run, redacted: a secret in the command is never stored.
    command: str
    started_at: float
    finished_at: float
    duration_s: float
    exit_code: int | None
    output: str = ""
    output_bytes: int = 0
    truncated: bool = False
    timed_out: bool = False
    cancelled: bool = False
    #: Why the command could not run or finish (cannot start, timed out, cancelled).
    error: str = ""
    #: sha256 of the command as run (unredacted), so an edit to a redacted part still shows.
    command_sha256: str = ""

    def ran(self, command: str) -> bool:
        """Whether this result is from running ``command`` (compared by hash when one was kept)."""
        if self.command_sha256:
            return self.command_sha256 == command_digest(command)
        return self.command == command

    @property
    def outcome(self) -> str:
        """``pass``, ``fail`` (non-zero exit) or ``error`` (could not run, timed out, cancelled)."""
        if self.error or self.timed_out or self.cancelled or self.exit_code is None:
            return "error"
        return "pass" if self.exit_code == 0 else "fail"

    def to_json(self) -> dict[str, Any]:
        # Not asdict: it deep-copies each field, and the state file writes every result at once.
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RunResult:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


def command_digest(command: str) -> str:
    return hashlib.sha256(command.encode("utf-8", "surrogateescape")).hexdigest()


def _signal_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _stop_group(proc: subprocess.Popen[bytes], grace: float) -> None:
    """SIGTERM the whole process group, then SIGKILL whatever is left after ``grace`` seconds."""
    pgid = proc.pid  # start_new_session: the shell leads its own group
    _signal_group(pgid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)
    _signal_group(pgid, signal.SIGKILL)
    proc.wait()


def run_command(
    command: str,
    cwd: Path | str,
    *,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    cap: int = OUTPUT_CAP,
    cancel: threading.Event | None = None,
    item_id: str = "",
    grace_s: float = KILL_GRACE_S,
    env: dict[str, str] | None = None,
) -> RunResult:
    """Run ``command`` through the shell in ``cwd`` and wait for it (or its timeout, or ``cancel``).

    stdout and stderr are captured together, capped at ``cap`` bytes (head and tail kept) and
    redacted. On timeout or cancel the whole process group is stopped, children included.
    """
    timeout = DEFAULT_TIMEOUT_S if timeout_s is None else float(timeout_s)
    started = time.time()
    t0 = time.monotonic()

    def result(
        exit_code: int | None,
        out: CappedOutput | None = None,
        *,
        timed_out: bool = False,
        cancelled: bool = False,
        error: str = "",
    ) -> RunResult:
        end = time.monotonic()
        return RunResult(
            item_id=item_id,
            command=redact(command),
            command_sha256=command_digest(command),
            started_at=started,
            finished_at=started + (end - t0),
            duration_s=round(end - t0, 3),
            exit_code=exit_code,
            output=redact(out.text()) if out else "",
            output_bytes=out.total if out else 0,
            truncated=out.truncated if out else False,
            timed_out=timed_out,
            cancelled=cancelled,
            error=error,
        )

    if cancel is not None and cancel.is_set():
        return result(None, cancelled=True, error="cancelled before it started")
    try:
        proc = subprocess.Popen(
            command,
            shell=True,
            cwd=str(cwd),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
        )
    except OSError as exc:
        return result(None, error=f"cannot start: {exc.strerror or exc}")
    out = CappedOutput(cap)
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    os.set_blocking(fd, False)
    sel = selectors.DefaultSelector()
    sel.register(fd, selectors.EVENT_READ)
    deadline = t0 + timeout
    stop_reason = ""
    eof = False
    exited_at: float | None = None
    try:
        while True:
            now = time.monotonic()
            if cancel is not None and cancel.is_set():
                stop_reason = "cancelled"
                break
            if now >= deadline:
                stop_reason = "timeout"
                break
            if not eof:
                if sel.select(timeout=min(0.05, deadline - now)):
                    eof = read_some(fd, out)
            else:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    proc.wait(timeout=min(0.05, max(deadline - now, 0.001)))
            if proc.poll() is not None:
                if eof:
                    break
                exited_at = exited_at or time.monotonic()
                if time.monotonic() - exited_at > DRAIN_S:
                    break  # background children still hold the output open; stopped below
        if stop_reason:
            _stop_group(proc, grace_s)
        else:
            # The command is done; nothing it started may outlive it.
            _signal_group(proc.pid, signal.SIGKILL)
        drain(fd, out)
    finally:
        sel.close()
        proc.stdout.close()
    code = proc.wait()
    if stop_reason == "timeout":
        return result(None, out, timed_out=True, error=f"timed out after {timeout:g} s")
    if stop_reason == "cancelled":
        return result(None, out, cancelled=True, error="cancelled")
    return result(code, out)


StartCallback = Callable[[GateJob], None]
DoneCallback = Callable[[RunResult], None]


class GateRunner:
    """Runs gate jobs, up to ``jobs`` at once (default: the CPU count), each cancellable by item id.

    Callbacks run on the pool's threads: a UI must hop back to its own thread
    (``App.call_from_thread``) before touching widgets.
    """

    def __init__(self, jobs: int | None = None, *, cap: int = OUTPUT_CAP, grace_s: float = KILL_GRACE_S):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.cap = cap
        self.grace_s = grace_s
        self._pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="readiness-gate")
        self._lock = threading.Lock()
        self._cancels: dict[str, threading.Event] = {}
        self._running: set[str] = set()

    def submit(
        self, job: GateJob, on_start: StartCallback | None = None, on_done: DoneCallback | None = None
    ) -> Future[RunResult]:
        """Queue one job. A job for an item that is already queued or running is cancelled first."""
        with self._lock:
            old = self._cancels.get(job.item_id)
            if old is not None:
                old.set()
            cancel = self._cancels[job.item_id] = threading.Event()
        return self._pool.submit(self._run, job, cancel, on_start, on_done)

    def _run(
        self, job: GateJob, cancel: threading.Event, on_start: StartCallback | None, on_done: DoneCallback | None
    ) -> RunResult:
        if not cancel.is_set():
            with self._lock:
                self._running.add(job.item_id)
            if on_start:
                on_start(job)
        try:
            res = run_command(
                job.command,
                job.cwd,
                timeout_s=job.timeout_s,
                cap=self.cap,
                cancel=cancel,
                item_id=job.item_id,
                grace_s=self.grace_s,
            )
        except Exception as exc:  # noqa: BLE001 - a run that crashed still ends, with the reason shown
            now, digest = time.time(), command_digest(job.command)
            # No command text: redacting it may be what failed, and it must never be stored raw.
            res = RunResult(
                job.item_id, "", now, now, 0.0, None, error=f"could not run: {exc!r}", command_sha256=digest
            )
        finally:
            with self._lock:
                if self._cancels.get(job.item_id) is cancel:
                    del self._cancels[job.item_id]
                    self._running.discard(job.item_id)
        if on_done:
            on_done(res)
        return res

    def run_many(
        self, jobs: Iterable[GateJob], on_start: StartCallback | None = None, on_done: DoneCallback | None = None
    ) -> list[RunResult]:
        """Run jobs concurrently and wait for all; results in the order of ``jobs``."""
        futures = [self.submit(j, on_start, on_done) for j in jobs]
        return [f.result() for f in futures]

    def cancel(self, item_id: str) -> bool:
        """Stop a queued or running job (its process group is killed). False if there was none."""
        with self._lock:
            ev = self._cancels.get(item_id)
        if ev is None:
            return False
        ev.set()
        return True

    def cancel_all(self) -> int:
        with self._lock:
            events = list(self._cancels.values())
        for ev in events:
            ev.set()
        return len(events)

    def pending(self) -> set[str]:
        """Items queued or running."""
        with self._lock:
            return set(self._cancels)

    def running(self) -> set[str]:
        with self._lock:
            return set(self._running)

    def shutdown(self, wait: bool = True) -> None:
        """Cancel everything and stop the pool (call on app exit)."""
        self.cancel_all()
        self._pool.shutdown(wait=wait, cancel_futures=False)

    def __enter__(self) -> GateRunner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
