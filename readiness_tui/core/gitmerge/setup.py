"""``readiness git-setup``: the ``.gitattributes`` lines and git config that route boards to our merge drivers."""

from __future__ import annotations

import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

BOARD_DRIVER = "readiness-board"
HISTORY_DRIVER = "readiness-history"
#: What ``.gitattributes`` gets when no boards are named: every board and history in the repository.
DEFAULT_PATTERNS = ("*.toml", "*.history.jsonl")


class SetupError(Exception):
    """Not a git repository, or git refused a config write; the message says which."""


@dataclass
class SetupResult:
    root: Path
    attributes_added: list[str] = field(default_factory=list)
    config_set: list[str] = field(default_factory=list)


def driver_command(kind: str, python: str | None = None) -> str:
    """The command git runs: this interpreter by absolute path, so no PATH is needed."""
    exe = shlex.quote(python or sys.executable)
    return f"{exe} -m readiness_tui merge-driver {kind} %O %A %B %P"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise SetupError("git is not installed") from None


def find_root(start: Path) -> Path:
    res = _git(start, "rev-parse", "--show-toplevel")
    if res.returncode != 0 or not res.stdout.strip():
        raise SetupError(f"{start}: not inside a git repository")
    return Path(res.stdout.strip())


def attribute_lines(root: Path, boards: list[Path]) -> list[str]:
    """``.gitattributes`` lines: each board and its history by repo-relative path, or the default patterns."""
    from readiness_tui.core.audit import history_path

    if not boards:
        return [f"{DEFAULT_PATTERNS[0]} merge={BOARD_DRIVER}", f"{DEFAULT_PATTERNS[1]} merge={HISTORY_DRIVER}"]
    out = []
    for b in boards:
        rel = b.resolve().relative_to(root.resolve()).as_posix()
        hist = history_path(b).resolve().relative_to(root.resolve()).as_posix()
        # Paths with spaces are quoted the way gitattributes reads them.
        out.append(f"{_quote(rel)} merge={BOARD_DRIVER}")
        out.append(f"{_quote(hist)} merge={HISTORY_DRIVER}")
    return out


def _quote(path: str) -> str:
    if any(c in path for c in ' \t"\\'):
        return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return path


def setup(start: Path, boards: list[Path], python: str | None = None) -> SetupResult:
    """Write the attributes (only lines not already there) and set the drivers in the repository config."""
    root = find_root(start)
    for b in boards:
        try:
            b.resolve().relative_to(root.resolve())
        except ValueError:
            raise SetupError(f"{b}: not inside the repository at {root}") from None
    result = SetupResult(root)
    attrs = root / ".gitattributes"
    try:
        text = attrs.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    have = {ln.strip() for ln in text.splitlines()}
    new = [ln for ln in attribute_lines(root, boards) if ln not in have]
    if new:
        sep = "" if not text or text.endswith("\n") else "\n"
        attrs.write_text(text + sep + "\n".join(new) + "\n", encoding="utf-8")
        result.attributes_added = new
    for kind, name, label in (
        ("board", BOARD_DRIVER, "readiness board (merge by record and field)"),
        ("history", HISTORY_DRIVER, "readiness history (hash-chain DAG merge)"),
    ):
        for key, value in ((f"merge.{name}.name", label), (f"merge.{name}.driver", driver_command(kind, python))):
            cur = _git(root, "config", "--local", "--get", key)
            if cur.returncode == 0 and cur.stdout.rstrip("\n") == value:
                continue
            res = _git(root, "config", "--local", key, value)
            if res.returncode != 0:
                raise SetupError(f"git config {key} failed: {res.stderr.strip()}")
            result.config_set.append(f"{key} = {value}")
    return result
