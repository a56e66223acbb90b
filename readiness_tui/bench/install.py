"""The package as a user runs it: a normal (non-editable) install, its bytecode written.

``--install normal`` times the whole-process figures from a private environment in a temporary
directory: a wheel of the checkout (``pip wheel --no-deps``) installed into a venv made without
pip, on top of the libraries of the environment the bench runs in (a ``.pth`` line names its
site-packages, so no index or network is needed), and compiled (``compileall``). A ``.pth`` line
that is a plain path adds the directory without reading the ``.pth`` files in it, so the editable
hook of a developer's environment does not come along: the installed copy is the one imported.

``--install editable`` times the environment the bench runs in, as a developer runs it.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

#: The checkout this module belongs to (a wheel is built from it).
CHECKOUT = Path(__file__).resolve().parents[2]


def site_packages(env: Path) -> Path:
    """The venv's site-packages (``purelib``, as its interpreter lays it out)."""
    out = subprocess.run(
        [str(env / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip())


def build_wheel(checkout: Path, into: Path) -> Path:
    """A wheel of ``checkout`` in ``into`` (the project's own build backend, no dependencies)."""
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(into), str(checkout)],
        check=True,
        capture_output=True,
    )
    return max(into.glob("readiness_tui-*.whl"), key=lambda p: p.stat().st_mtime)


def normal_install(into: Path, checkout: Path = CHECKOUT) -> Path:
    """Install ``checkout`` as a user would into a new venv at ``into``; its interpreter's path.

    The libraries come from the running environment's site-packages; the package itself only
    from the wheel, compiled, and started once (as a first run would) before anything is timed."""
    wheel = build_wheel(checkout, into / "wheel")
    env = into / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=True).create(env)
    python = env / "bin" / "python"
    target = site_packages(env)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    (target / "_readiness_bench_libraries.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "compileall", "-q", str(target / "readiness_tui")], check=True)
    subprocess.run([str(python), "-m", "readiness_tui", "--version"], check=True, capture_output=True)
    return python


def imported_from(python: Path) -> Path:
    """Where ``python`` imports the package from (a check that the install is the one timed)."""
    out = subprocess.run(
        [str(python), "-c", "import readiness_tui; print(readiness_tui.__file__)"],
        cwd=python.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip()).parent
