"""Which editor long text opens in: the one git would pick, so ``ctrl+e`` works wherever
``git commit`` opens an editor."""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping

#: Tried in order when neither ``$VISUAL`` nor ``$EDITOR`` is set (git's fallbacks, then nano).
FALLBACK_EDITORS = ("editor", "vi", "nano")


def editor_command(env: Mapping[str, str] | None = None) -> list[str] | None:
    """The command (with its arguments) to edit a file in: ``$VISUAL``, else ``$EDITOR``, else the
    first of ``FALLBACK_EDITORS`` on ``$PATH``; None when there is none."""
    env = os.environ if env is None else env
    for var in ("VISUAL", "EDITOR"):
        given = env.get(var, "").strip()
        if given:
            return shlex.split(given)
    path = env.get("PATH", os.defpath)
    for name in FALLBACK_EDITORS:
        found = shutil.which(name, path=path)
        if found:
            return [found]
    return None


NO_EDITOR = (
    "No editor to open: set $VISUAL or $EDITOR (none of " + ", ".join(FALLBACK_EDITORS) + " is on $PATH); "
    "e edits the text in the form."
)
