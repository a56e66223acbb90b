"""Problems found in a board (lint findings, schema and syntax errors) and the errors that carry them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Level = Literal["error", "warning", "info"]
_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Problem:
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
        return (self.line or 0, _LEVEL_ORDER[self.level], self.code)


@dataclass
class Problems:
    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.level == "error"]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=Problem.sort_key)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


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
