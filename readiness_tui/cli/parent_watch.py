"""An app started by ``readiness serve`` ends when its server does, however the server ends.

The server passes the read end of a pipe (its number in ``READINESS_PARENT_FD``) and keeps the
write end, on which it never writes. When the server exits or is killed, the kernel closes that
write end and a read here returns end-of-file: no signal has to be delivered, and no parent pid
polled (a pid is reused; the session's parent may be init already).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

PARENT_FD_ENV = "READINESS_PARENT_FD"
#: How long the app gets to quit on its own (an edit being written finishes) before it is ended.
GRACE_S = 2.0


def watch_parent(quit_app: Callable[[], object], grace_s: float = GRACE_S) -> bool:
    """If this process was started with a parent pipe, watch it in a thread: at its end, call
    ``quit_app`` (from that thread) and end the process after ``grace_s`` if it is still running.
    Returns whether a pipe is watched."""
    raw = os.environ.pop(PARENT_FD_ENV, None)
    if raw is None or not raw.isdigit():
        return False
    fd = int(raw)
    try:
        os.set_inheritable(fd, False)  # what the app starts (gates, $EDITOR) does not hold it open
    except OSError:
        return False

    def wait() -> None:
        try:
            while os.read(fd, 64):
                pass  # nothing is ever written; only the end counts
        except OSError:
            pass
        ender = threading.Timer(grace_s, os._exit, (1,))
        ender.daemon = True
        ender.start()
        try:
            quit_app()
        except Exception:  # noqa: BLE001 - the app is not running yet, or is past quitting
            os._exit(1)

    threading.Thread(target=wait, name="parent-watch", daemon=True).start()
    return True
