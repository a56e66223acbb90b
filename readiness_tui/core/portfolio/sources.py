"""Which boards a portfolio holds: a directory tree of boards, a list of local clones, or a
portfolio file naming repositories, board paths and the ref to read.

A portfolio file (TOML):

    [portfolio]
    title = "Platform"
    ref = "origin/main"            # the ref every board is read at (this is the default)

    [[boards]]
    repo = "../payments"           # a local clone, relative to this file
    path = "boards/launch.toml"    # a board, or a directory ("boards/": every *.toml in it; the default)
    ref = "origin/release-4"       # this board's own ref
    name = "payments"              # the row's name (default: the repository's and the board's)
    owner = "@payments"            # who answers for it (the filter's owner:)

A mistake in one ``[[boards]]`` entry is that entry's row, with the file, line and field; only a
file that is not TOML at all stops the run.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from readiness_tui.core.model.problems import BoardError, Problem

DEFAULT_REF = "origin/main"
#: Where boards live in a repository when no path is named.
DEFAULT_DIR = "boards/"
_ENTRY_KEYS = ("repo", "path", "ref", "name", "owner")
_SKIP_DIRS = frozenset({".git", ".venv", "node_modules", "__pycache__"})
_BOARD_RE = re.compile(rb"^\s*(\[board\]|\[\[items\]\])", re.M)


@dataclass(frozen=True)
class Entry:
    """One board of the portfolio, or one place to look for boards (``path`` ending in ``/``)."""

    name: str
    #: The board's path: inside ``repo`` when it is read at ``ref``, else a file on disk.
    path: str
    #: The clone the board is read from (None: a file on disk, read as it is).
    repo: Path | None = None
    #: The ref it is read at; None: the work tree (a board that may be edited).
    ref: str | None = None
    owner: str = ""
    #: A mistake in the portfolio file that makes this entry unreadable (file, line, field).
    problem: str = ""

    @property
    def read_only(self) -> bool:
        return self.ref is not None

    @property
    def is_dir(self) -> bool:
        return self.path.endswith("/")

    @property
    def where(self) -> str:
        """``payments@origin/main:boards/launch.toml``, or the file's path: what messages name."""
        if self.repo is None or self.ref is None:
            return self.path
        return f"{self.repo.name}@{self.ref}:{self.path}"

    def at(self, path: str) -> Entry:
        """This entry for one board found in its directory."""
        repo = self.repo.name if self.repo else ""
        name = self.name if not self.is_dir else f"{repo}/{Path(path).stem}" if repo else Path(path).stem
        return replace(self, path=path, name=name)


class PortfolioFileError(BoardError):
    """The portfolio file cannot be read at all (not TOML, not UTF-8, missing)."""


def from_directory(root: Path) -> list[Entry]:
    """Every board under ``root`` (files whose text has a ``[board]`` table or ``[[items]]``), read
    from disk as they are."""
    out: list[Entry] = []
    for path in sorted(root.rglob("*.toml")):
        rel = path.relative_to(root)
        if any(part in _SKIP_DIRS or part.startswith(".") for part in rel.parts[:-1]):
            continue
        try:
            head = path.read_bytes()
        except OSError:
            head = b"[board]"  # unreadable: its row says why
        if _BOARD_RE.search(head):
            out.append(Entry(str(rel.with_suffix("")), str(path)))
    return out


def from_clones(clones: list[Path], ref: str = DEFAULT_REF, path: str = DEFAULT_DIR) -> list[Entry]:
    """The boards of each clone at ``ref`` (``path``: a board, or a directory of boards)."""
    return [Entry(clone.resolve().name, path, clone.resolve(), ref) for clone in clones]


def from_file(file: Path) -> tuple[str, list[Entry]]:
    """The portfolio file's title and entries; raises ``PortfolioFileError`` when it is no TOML."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise PortfolioFileError(f"{file}: cannot read the portfolio file ({exc.strerror})", file) from None
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise PortfolioFileError(f"{file}: not UTF-8 text", file) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        problem = Problem("error", "syntax", str(exc).split(" (at ")[0], str(file), line)
        raise PortfolioFileError(f"{file}: not valid TOML", file, [problem]) from None
    lines = _EntryLines(text)
    head = data.get("portfolio", {})
    if not isinstance(head, dict):
        head = {}
    default_ref = head.get("ref", DEFAULT_REF)
    title = str(head.get("title", file.stem))
    boards = data.get("boards", [])
    if not isinstance(boards, list):
        why = f"{file}:{lines.table_line('boards')}: boards: write each board as a [[boards]] table"
        return title, [Entry("boards", "", problem=why)]
    return title, [_entry(file, n, b, default_ref, lines) for n, b in enumerate(boards)]


def _entry(file: Path, n: int, raw: Any, default_ref: object, lines: _EntryLines) -> Entry:
    def problem(field: str, why: str) -> Entry:
        where = f"{file}:{lines.line(n, field)}: boards[{n + 1}].{field}"
        return Entry(f"boards[{n + 1}]", "", problem=f"{where}: {why}")

    if not isinstance(raw, dict):
        return problem("repo", "write each board as a [[boards]] table")
    for key in raw:
        if key not in _ENTRY_KEYS:
            return problem(key, f"unknown key; a board takes {', '.join(_ENTRY_KEYS)}")
    values: dict[str, str] = {}
    for key in _ENTRY_KEYS:
        value = raw.get(key, default_ref if key == "ref" else None)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            return problem(key, f"expected a non-empty string, got {value!r}")
        values[key] = value.strip()
    if "repo" not in values:
        return problem("repo", "missing: name the clone to read (a path relative to this file)")
    repo = (file.parent / values["repo"]).resolve()
    path = values.get("path", DEFAULT_DIR)
    name = values.get("name") or (repo.name if path.endswith("/") else f"{repo.name}/{Path(path).stem}")
    return Entry(name, path, repo, values["ref"], values.get("owner", ""))


class _EntryLines:
    """The line of each ``[[boards]]`` table and of the keys in it, for messages (tomllib gives none)."""

    def __init__(self, text: str) -> None:
        self.text_lines = text.splitlines()
        self.starts = [i for i, line in enumerate(self.text_lines) if re.match(r"^\s*\[\[\s*boards\s*\]\]", line)]

    def table_line(self, name: str) -> int:
        for i, line in enumerate(self.text_lines):
            if re.match(rf"^\s*{name}\s*=", line):
                return i + 1
        return 1

    def line(self, n: int, key: str) -> int:
        if n >= len(self.starts):
            return 1
        start = self.starts[n]
        end = self.starts[n + 1] if n + 1 < len(self.starts) else len(self.text_lines)
        for i in range(start + 1, end):
            if re.match(rf"^\s*{re.escape(key)}\s*=", self.text_lines[i]):
                return i + 1
            if re.match(r"^\s*\[", self.text_lines[i]):
                break
        return start + 1
