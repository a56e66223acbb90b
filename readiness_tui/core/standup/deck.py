"""The slides of a standup over one board: the overview, then one slide per owner (or workstream),
with what each has done since the last standup. The standup screen shows a deck; the deck knows
nothing of the screen.

A deck is made again whenever the board, the gate results or the grouping change (``build``); the
history it reads is parsed once per state of its file (``history_cache``), and the moment "since
the last standup" is fixed when the standup opens (``since``), so a standup held meanwhile by
someone else does not empty the "done" lists under the speaker.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.board import hooks
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.dates import today
from readiness_tui.core.standup.slides import GroupSlide, Overview, done_since, groups, overview, since_last_standup

#: The key of the overview slide (the first); the other slides' keys are owners or workstreams.
OVERVIEW = "__overview__"
GROUPINGS = ("owner", "workstream")


@dataclass(frozen=True)
class StandupDeck:
    analysis: Analysis
    overview: Overview
    groups: tuple[GroupSlide, ...]
    group_by: str
    #: Done since this moment counts as "done since the last standup".
    since: dt.datetime

    @classmethod
    def build(
        cls,
        store: BoardStore,
        *,
        group_by: str,
        gate_status: dict[str, str] | None = None,
        analysis: Analysis | None = None,
        since: dt.datetime | None = None,
    ) -> StandupDeck:
        """The deck of ``store``'s board; ``analysis`` is reused when it is of this very board."""
        return cls.of_board(
            store.board, store.path, group_by=group_by, gate_status=gate_status, analysis=analysis, since=since
        )

    @classmethod
    def of_board(
        cls,
        board: Board,
        path: Path | None,
        *,
        group_by: str = "owner",
        gate_status: dict[str, str] | None = None,
        analysis: Analysis | None = None,
        since: dt.datetime | None = None,
    ) -> StandupDeck:
        """The deck of ``board``, read from ``path`` (its history beside it; none without a path)."""
        if group_by not in GROUPINGS:
            raise ValueError("group_by is 'owner' or 'workstream'")
        analysis = analysis if analysis is not None and analysis.board is board else Analysis(board)
        records = hooks.current().history(path) if path else []
        if since is None:
            since = since_last_standup(None, board.today(), records)
        done = done_since(board, records, since)
        return cls(
            analysis,
            overview(board, analysis, gate_status),
            tuple(groups(board, analysis, done, by=group_by)),
            group_by,
            since,
        )

    @property
    def slide_keys(self) -> list[str]:
        return [OVERVIEW, *(g.key for g in self.groups)]

    def key_at(self, index: int) -> str:
        """The key of slide ``index``, the last slide's past the end."""
        keys = self.slide_keys
        return keys[min(index, len(keys) - 1)]

    def group(self, key: str) -> GroupSlide | None:
        return next((g for g in self.groups if g.key == key), None)

    def choices(self) -> list[tuple[str, str]]:
        """(key, label) of every slide, as the jump list offers them."""
        return [(OVERVIEW, "Overview")] + [(g.key, g.label) for g in self.groups]


def slide_filename(store: BoardStore, key: str) -> str:
    """``standup-BOARD-DATE-SLIDE.svg``: where a slide's screenshot is saved."""
    stem = store.path.stem if store.path else "board"
    name = "overview" if key == OVERVIEW else key
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "slide"
    return f"standup-{stem}-{today(store.board.board.today).isoformat()}-{safe}.svg"
