"""Problems found in a board (lint findings, schema and syntax errors) and the errors that carry them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple

Level = Literal["error", "warning", "info"]
#: The levels, worst first: the order the Problems pane lists them in and counts them in.
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
_LEVEL_ORDER = {level: n for n, level in enumerate(LEVELS)}


class Problem(NamedTuple):
    """One finding. A named tuple, not a frozen dataclass: lint makes one per finding (8,500 on an
    imported board of 10,000 items) and a tuple is built faster."""

    level: Level
    code: str
    message: str
    file: str = ""
    line: int | None = None
    column: int | None = None
    item: str | None = None
    field: str | None = None

    def format(self) -> str:
        """``file:line: LEVEL code message``, the form editors and CI logs understand."""
        where = self.file or "<board>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.level.upper()} {self.code} {self.message}"

    def sort_key(self) -> tuple[int, int, str]:
        """By line (the file's order, as ``readiness lint`` prints them), then worst first."""
        return (self.line or 0, _LEVEL_ORDER[self.level], self.code)

    def severity_key(self) -> tuple[int, int, str]:
        """Worst first, then by line (the order the Problems pane lists them in)."""
        return (_LEVEL_ORDER[self.level], self.line or 0, self.code)


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


@dataclass(frozen=True)
class LevelCounts:
    """How many problems of each level: one count for the Problems pane, the header's badge and
    ``readiness lint``'s summary and exit code."""

    errors: int = 0
    warnings: int = 0
    info: int = 0

    @property
    def flagged(self) -> int:
        """Errors and warnings: what asks for a fix (the header's count; info is only noted)."""
        return self.errors + self.warnings

    def of(self, level: Level) -> int:
        return {"error": self.errors, "warning": self.warnings, "info": self.info}[level]

    def describe(self, sep: str = " · ") -> str:
        """``4 errors · 1 warning · 0 info``."""
        return sep.join(self.parts())

    def parts(self) -> tuple[str, str, str]:
        """The three counts in words, in ``LEVELS`` order (the pane styles each by its level)."""
        return (_count(self.errors, "error"), _count(self.warnings, "warning"), _count(self.info, "info"))


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level == "error"]

    def sorted(self) -> list[Problem]:
        """By line: the order ``readiness lint`` prints them in."""
        return sorted(self.items, key=Problem.sort_key)

    def worst_first(self) -> list[Problem]:
        """Errors, then warnings, then info, each by line: the order the Problems pane lists."""
        return sorted(self.items, key=Problem.severity_key)

    def counts(self) -> LevelCounts:
        return count_levels(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def count_levels(problems: Iterable[Problem]) -> LevelCounts:
    """The problems of each level among ``problems`` (of one board or of several)."""
    n = dict.fromkeys(LEVELS, 0)
    for p in problems:
        n[p.level] += 1
    return LevelCounts(n["error"], n["warning"], n["info"])


class BoardError(Exception):
    """A board could not be read or written; ``problems`` say where and why."""

    def __init__(self, message: str, path: Path | str | None = None, problems: list[Problem] | None = None):
        super().__init__(message)
        self.path = Path(path) if path else None
        self.problems = problems or []

    def describe(self) -> str:
        lines = [str(self)]
        lines += ["  " + p.format() for p in self.problems]
        return "\n".join(lines)


class BoardSyntaxError(BoardError):
    """The file is not valid TOML."""


class BoardValidationError(BoardError):
    """The TOML is fine but does not describe a valid board."""


class BoardChangedOnDisk(BoardError):
    """The file changed on disk since it was loaded; saving would overwrite someone else's change."""


class BoardMissing(BoardError):
    """The board file was deleted or moved since it was loaded."""


class EditError(BoardError):
    """An edit was refused (unknown item, invalid value, a dependency cycle ...)."""

    def __init__(self, message: str, path: Path | str | None = None, cycle: list[str] | None = None):
        super().__init__(message, path)
        self.cycle = cycle or []


class FieldError(EditError):
    """A value refused for one field of one record: ``where`` names the file, line, record and
    field (``plan.toml:42: risk R-001.mitigated_by``), ``reason`` says why on its own, as a form
    shows it under the field."""

    def __init__(self, where: str, field: str, reason: str, path: Path | str | None = None):
        super().__init__(f"{where}: {reason}", path)
        self.where = where
        self.field = field
        self.reason = reason


class BoardLocked(BoardError):
    """Another writer held the board's lock for longer than we were willing to wait."""


class FieldConflict(BoardError):
    """Someone else changed the same field of the same record since we loaded the board.

    ``conflicts`` holds ``(kind, record, field, theirs, mine)`` for each field both sides changed.
    """

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        conflicts: list[tuple[str, str, str, object, object]] | None = None,
    ):
        super().__init__(message, path)
        self.conflicts = conflicts or []


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``"; did you mean X?"`` naming the choice nearest ``word``, or ``""``: the hint every refusal
    of an unknown id or name ends with."""
    import difflib

    near = difflib.get_close_matches(word, list(choices), n=1)
    return f"; did you mean {near[0]}?" if near else ""


def no_item(item_id: str, ids: Iterable[str], where: str) -> str:
    """``no item 'M-3' in plan.toml; did you mean M-03?``: what every surface (CLI, MCP) says of an
    id the board does not have."""
    return f"no item {item_id!r} in {where}" + did_you_mean(item_id, ids)


def suggest(word: str, choices: Iterable[str], what: str, most: int = 8) -> str:
    """``did you mean 'done' or 'todo'?`` (up to three near choices, lower-cased), else ``what``
    listing the choices, else ``""``: the hint of the filter and of every typed value alike."""
    import difflib

    listed = list(choices)
    close = difflib.get_close_matches(word.lower(), list(dict.fromkeys(c.lower() for c in listed)), n=3, cutoff=0.5)
    if close:
        return "did you mean " + " or ".join(repr(c) for c in close) + "?"
    listed.sort()
    more = ", ..." if len(listed) > most else ""
    return f"{what}: {', '.join(listed[:most])}{more}" if listed and what else ""
