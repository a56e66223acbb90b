"""The CLI's side of the answer cache (``core.answer_cache``): a read-only command prints through a
``Reply``, which gives a kept answer when one is good and otherwise prints and keeps what it printed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported by the commands as they run: `readiness --help` lists them without it
    from readiness_tui.core.cache.answers import Keyed, Piece


class Reply:
    """The output of one command on its boards: given from the cache, or printed and kept."""

    def __init__(self, keyed: Keyed | None) -> None:
        self._keyed = keyed
        self._pieces: list[Piece] = []

    @classmethod
    def start(cls, command: str, options: Sequence[object], boards: Sequence[Path]) -> Reply:
        """Print the kept answer and exit with its code when there is one; else a ``Reply`` that
        records what the command reads and prints (``boards``: as named; ``-`` is never kept)."""
        from readiness_tui.core.cache import answers as answer_cache
        from readiness_tui.core.cache import read_log

        keyed = None if any(str(b) == "-" for b in boards) else answer_cache.prepare(command, options, boards)
        if keyed is not None:
            kept = answer_cache.lookup(keyed)
            if kept is not None:
                for to_err, as_bytes, piece in kept.pieces:
                    click.echo(piece if as_bytes else piece.decode("utf-8", "surrogatepass"), err=to_err, nl=False)
                raise SystemExit(kept.code)
            read_log.start()
        return cls(keyed)

    @classmethod
    def recall(cls, command: str, options: Sequence[object], boards: Sequence[Path]) -> tuple[str | None, Reply]:
        """What a kept answer printed to stdout, for a caller that uses the text rather than
        printing it (shell completion); else None, and a ``Reply`` to ``keep`` the text computed."""
        from readiness_tui.core.cache import answers as answer_cache
        from readiness_tui.core.cache import read_log

        keyed = None if any(str(b) == "-" for b in boards) else answer_cache.prepare(command, options, boards)
        if keyed is not None:
            kept = answer_cache.lookup(keyed)
            if kept is not None and kept.code == 0:
                return b"".join(piece for to_err, _, piece in kept.pieces if not to_err).decode("utf-8"), cls(None)
            read_log.start()
        return None, cls(keyed)

    def keep(self, text: str) -> None:
        """Keep ``text`` as this answer's stdout without printing it (``recall``)."""
        if self._keyed is not None:
            self._pieces.append((False, False, text.encode("utf-8", "surrogatepass")))

    def echo(self, message: str | bytes, err: bool = False, nl: bool = True) -> None:
        """``click.echo``, kept for the next run."""
        if isinstance(message, bytes):
            click.echo(message, err=err, nl=nl)
            if self._keyed is not None:
                self._pieces.append((err, True, message + b"\n" if nl else message))
            return
        text = message + "\n" if nl else message
        click.echo(text, err=err, nl=False)
        if self._keyed is not None:
            self._pieces.append((err, False, text.encode("utf-8", "surrogatepass")))

    def forgo(self) -> None:
        """This answer is not kept: the command reads what no kept answer is checked against."""
        if self._keyed is not None:
            from readiness_tui.core.cache import read_log

            self._keyed = None
            read_log.stop()

    def finish(self, code: int = 0) -> None:
        """The command is done: keep its answer (written after the output, ``caches``) and exit
        with ``code`` when it is not 0."""
        if self._keyed is not None:
            from readiness_tui.core.cache import answers as answer_cache
            from readiness_tui.core.cache import read_log

            answer_cache.remember(self._keyed, answer_cache.Answer(self._pieces, code), read_log.stop())
        if code:
            raise SystemExit(code)
