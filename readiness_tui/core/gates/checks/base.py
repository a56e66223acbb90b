"""What every declarative check shares: its result, the two ways it can stop short (the repo's
answer is no; the input is broken), and reading a report from inside the repo with a size cap."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness_tui.core.gates.evidence import glob_in
from readiness_tui.core.gates.paths import PathEscape, is_glob, normalize_rel, safe_path

#: The largest report a check reads. Real reports (a SARIF of a monorepo, a Cobertura file of a
#: large codebase) stay well below; a file beyond it is refused rather than read into memory.
MAX_REPORT_BYTES = 64 * 1024 * 1024
#: Where GitHub looks for CODEOWNERS, in its order.
CODEOWNERS_PATHS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
#: The most files one glob may bring to a check (a Surefire directory has one per test class).
MAX_FILES = 2000


@dataclass(frozen=True)
class CheckResult:
    """One check's verdict: ``pass``, ``fail`` (the repo says no) or ``error`` (bad input)."""

    kind: str
    label: str
    path: str
    status: str
    #: One line a lead understands, naming the file and the figure.
    reason: str

    @property
    def ok(self) -> bool:
        return self.status == "pass"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.label, "path": self.path, "status": self.status, "reason": self.reason}


class CheckFailed(Exception):
    """The repo's answer is no (a report is missing, a figure is short): the check fails."""


class CheckError(Exception):
    """The input is broken (a malformed report, a path out of the repo, a file too big): the check
    errors, which fails the gate too."""


def resolve(root: Path, pattern: str) -> list[tuple[str, Path]]:
    """(repo-relative path, absolute path) of the files ``pattern`` names: one for a plain path,
    every match for a glob. None found is a ``CheckFailed``; a path out of the repo a ``CheckError``."""
    try:
        rel = normalize_rel(pattern)
        if is_glob(rel):
            found = glob_in(root, rel, limit=MAX_FILES + 1)
            if len(found) > MAX_FILES:
                raise CheckError(f"{pattern} matches more than {MAX_FILES} files")
            files = [(r, safe_path(root, r)) for r in found]
            files = [(r, p) for r, p in files if p.is_file()]
        else:
            p = safe_path(root, rel)
            if p.is_dir():
                raise CheckError(f"{pattern} is a directory, not a report file")
            files = [(rel, p)] if p.exists() else []
    except PathEscape as exc:
        raise CheckError(str(exc)) from None
    if not files:
        raise CheckFailed(f"{pattern} not found" + (" (no file matches)" if is_glob(pattern) else ""))
    return files


def one_file(root: Path, pattern: str) -> tuple[str, Path]:
    """The single file a check that reads one report names; a glob matching several is an error."""
    files = resolve(root, pattern)
    if len(files) > 1:
        raise CheckError(f"{pattern} matches {len(files)} files ({files[0][0]}, {files[1][0]}, ...): name one")
    return files[0]


def read_bytes(rel: str, path: Path) -> bytes:
    """A report's bytes, refusing one larger than ``MAX_REPORT_BYTES`` before reading it."""
    try:
        size = os.stat(path).st_size
        if size > MAX_REPORT_BYTES:
            raise CheckError(f"{rel} is {size / 2**20:.0f} MiB, over the {MAX_REPORT_BYTES // 2**20} MiB a check reads")
        with open(path, "rb") as fh:
            data = fh.read(MAX_REPORT_BYTES + 1)
    except FileNotFoundError:
        raise CheckFailed(f"{rel} not found") from None
    except OSError as exc:
        raise CheckError(f"{rel}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_REPORT_BYTES:  # it grew while being read
        raise CheckError(f"{rel} is over the {MAX_REPORT_BYTES // 2**20} MiB a check reads")
    return data


def read_text(rel: str, path: Path) -> str:
    data = read_bytes(rel, path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CheckError(f"{rel}: not UTF-8 text (byte {exc.start})") from None


def pct(v: float) -> str:
    """A percentage as a lead reads it: ``74.2%``, ``80%``."""
    return f"{v:.1f}".rstrip("0").rstrip(".") + "%"
