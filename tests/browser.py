"""Chromium for the browser tests (``tests/web``): Debian's package, as a user of ``serve`` has it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
INSTALL = "apt-get install chromium"


def _wants_browser(args: Sequence[str], root: Path) -> bool:
    web = (root / "tests" / "web").resolve()
    for arg in args or [str(root / "tests")]:
        path = Path(arg.split("::")[0]).resolve()
        if path == web or web in path.parents or path in web.parents:
            return True
    return False


def ensure_chromium(args: Sequence[str], root: Path) -> None:
    if CHROMIUM.exists() or not _wants_browser(args, root):
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"Installing Debian's chromium for the browser tests (tests/web): {INSTALL}", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
            if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=False).returncode != 0:
                break
    if not CHROMIUM.exists():
        pytest.exit(
            f"The browser tests (tests/web) need Chromium at {CHROMIUM}: run `sudo {INSTALL}` "
            "(Debian or Ubuntu), then run the tests again.",
            returncode=3,
        )
