"""Issue 46: a board edited by hand since its parse-cache entry was written validates what changed,
and no more: one item's validation for one item edited, at any size."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from readiness_tui.bench.generate import write_board
from readiness_tui.bench.outside import edit_one_item, edit_one_status
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import parse_cache as board_cache
from readiness_tui.core.model.item_model import Item

_NORMALIZE = Item.__pydantic_decorators__.model_validators["_normalize"].func.__func__.__code__  # type: ignore[attr-defined]


class Validations:
    """Counts the items validated while it is on: each validation of an item, alone or as part
    of a board, runs the item's one Python step (``Item._normalize``) once."""

    def __init__(self) -> None:
        self.items = 0

    def _profile(self, frame: FrameType, event: str, _: Any) -> None:
        if event == "call" and frame.f_code is _NORMALIZE:
            self.items += 1

    def during(self, fn: Callable[[], Any]) -> Any:
        self.items = 0
        sys.setprofile(self._profile)
        try:
            return fn()
        finally:
            sys.setprofile(None)


@pytest.fixture
def validations() -> Iterator[Validations]:
    yield Validations()


def _cached(path: Path, n: int) -> BoardStore:
    write_board(path, n)
    store = BoardStore.load(path)
    board_cache.flush()
    assert board_cache.is_current(path)
    return store


@pytest.mark.parametrize("n", [150, 1500])
@pytest.mark.parametrize("edit", [edit_one_item, edit_one_status], ids=["title", "status"])
def test_one_item_edited_by_hand_validates_one_item(
    cache_on: None, tmp_path: Path, validations: Validations, n: int, edit: Callable[[Path, int], None]
) -> None:
    path = tmp_path / "plan.toml"
    _cached(path, n)
    edit(path, 1)
    store = validations.during(lambda: BoardStore.load(path))
    assert validations.items == 1
    # The board a full parse gives, which validates every item.
    full = validations.during(lambda: BoardStore.from_text(path.read_text(encoding="utf-8"), str(path)))
    assert validations.items == n
    assert store.board == full.board


def test_a_cold_load_validates_every_item_once(tmp_path: Path, validations: Validations) -> None:
    path = write_board(tmp_path / "plan.toml", 300)
    validations.during(lambda: BoardStore.load(path))
    assert validations.items == 300
