"""The board model: every concept of a readiness plan, as pydantic models (``record_base.Record``).

A board file is TOML with one ``[board]`` table and arrays of tables for items, risks, phases,
milestones, waivers, deliverables, progress notes and free-text sections, plus an optional recorded
dependency ``[matrix]``. Unknown keys are allowed everywhere (``extra="allow"``) so that a board
written by a newer version, or hand-annotated, loads and survives a save untouched; ``lint`` warns
about them because they are usually typos.

The records live in modules named for what they hold: ``statuses`` (the status and priority
vocabulary), ``record_base`` (the frozen base and shared field types), ``board_meta`` (the
``[board]`` table), ``item_model`` (items and gates), ``record_models`` (risks, phases,
milestones, waivers, ...). This module holds the ``Board`` and re-exports the records and the
vocabulary; the field types and number checks are imported from ``record_base`` itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from readiness_tui.core.model.board_meta import BoardMeta as BoardMeta
from readiness_tui.core.model.board_meta import GoNoGo as GoNoGo
from readiness_tui.core.model.board_meta import Rules as Rules
from readiness_tui.core.model.board_meta import Scoring as Scoring
from readiness_tui.core.model.dates import today
from readiness_tui.core.model.item_model import ITEM_LIST_FIELDS as ITEM_LIST_FIELDS
from readiness_tui.core.model.item_model import Gate as Gate
from readiness_tui.core.model.item_model import Item as Item
from readiness_tui.core.model.record_base import Record
from readiness_tui.core.model.record_models import Deliverable as Deliverable
from readiness_tui.core.model.record_models import Matrix as Matrix
from readiness_tui.core.model.record_models import MergeConflict as MergeConflict
from readiness_tui.core.model.record_models import Milestone as Milestone
from readiness_tui.core.model.record_models import Phase as Phase
from readiness_tui.core.model.record_models import Progress as Progress
from readiness_tui.core.model.record_models import Risk as Risk
from readiness_tui.core.model.record_models import Section as Section
from readiness_tui.core.model.record_models import Waiver as Waiver
from readiness_tui.core.model.statuses import CLOSED as CLOSED
from readiness_tui.core.model.statuses import PRIORITIES as PRIORITIES
from readiness_tui.core.model.statuses import STATUS_ALIASES as STATUS_ALIASES
from readiness_tui.core.model.statuses import STATUS_CYCLE as STATUS_CYCLE
from readiness_tui.core.model.statuses import STATUSES as STATUSES
from readiness_tui.core.model.statuses import Priority as Priority
from readiness_tui.core.model.statuses import Status as Status
from readiness_tui.core.model.statuses import next_status as next_status
from readiness_tui.core.model.statuses import normalize_priority as normalize_priority
from readiness_tui.core.model.statuses import normalize_status as normalize_status


class Board(Record):
    # The container whose record lists the store swaps; the records themselves are frozen.
    model_config = ConfigDict(frozen=False)

    board: BoardMeta = Field(default_factory=BoardMeta)
    items: list[Item] = Field(default_factory=list)
    risks: list[Risk] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)
    deliverables: list[Deliverable] = Field(default_factory=list)
    progress: list[Progress] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    matrix: Matrix | None = None
    conflicts: list[MergeConflict] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _board_aliases(cls, data: Any) -> Any:
        # Board-specific status aliases apply to every status in the file; fold them before the
        # per-field validators see the values.
        if not isinstance(data, dict):
            return data
        meta = data.get("board")
        aliases = meta.get("status_aliases") if isinstance(meta, dict) else None
        if not aliases or not isinstance(aliases, dict):
            return data
        for key in ("items", "deliverables", "progress"):
            rows = data.get(key)
            if isinstance(rows, list):
                for row in rows:
                    if isinstance(row, dict) and isinstance(row.get("status"), str):
                        try:
                            row["status"] = normalize_status(row["status"], aliases)
                        except ValueError:
                            pass  # the field validator reports it with its location
        return data

    def item_map(self) -> dict[str, Item]:
        return {it.id: it for it in self.items}

    def children_of(self, item_id: str) -> list[Item]:
        return [it for it in self.items if it.parent == item_id]

    def phase_items(self, phase: Phase) -> list[str]:
        """Items of a phase: those it lists and those that name it, in board order."""
        listed = list(dict.fromkeys(phase.items))
        seen = set(listed)
        for it in self.items:
            if it.phase == phase.id and it.id not in seen:
                listed.append(it.id)
                seen.add(it.id)
        return listed

    def today(self) -> dt.date:
        return today(self.board.today)


def warm_steps() -> list[Callable[[], None]]:
    """Building every record's validator, for the app to run while nobody types (``ui.idle_work``),
    so that its first edit does not wait for them: a class is built on its first validation
    (``defer_build``), and a board read from the parse cache never validates."""
    from readiness_tui.core.model.board_meta import ScoreFactor

    # The nested records first: a record's validator takes theirs as they are built.
    from readiness_tui.core.model.check_model import Check

    kinds: list[type[Record]] = [
        Check,
        Gate,
        Item,
        Risk,
        Phase,
        Milestone,
        Waiver,
        Deliverable,
        Progress,
        Section,
        Matrix,
    ]
    kinds += [MergeConflict, ScoreFactor, Scoring, GoNoGo, Rules, BoardMeta, Board]

    def build(cls: type[Record]) -> Callable[[], None]:
        def step() -> None:
            cls.model_rebuild()  # builds the validator unless it is built already

        return step

    return [build(cls) for cls in kinds]
