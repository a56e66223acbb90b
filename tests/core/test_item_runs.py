"""A cold load parses and validates its items a run at a time (``parse.parse_items_text``): the
items each segment gives alone, or None where one of them gives none."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.bench.generate import generate_board_text
from readiness_tui.core.board.parse import parse_item_text, parse_items_text
from readiness_tui.core.board.segments import split_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import Board

FIXTURES = Path(__file__).parent.parent / "fixtures" / "boards"
_TEXTS = [generate_board_text(80, seed=5), *(p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.toml")))]
_ITEMS = [s.text for t in _TEXTS for s in split_segments(t) if s.is_array and s.kind == "items"]
_BOARD = Board.model_validate({"board": {"title": "t", "status_aliases": {"started": "in_progress"}}})

#: What an edit by hand may do to an item's text: break it, give it a second table, a bad value.
_DAMAGE = st.sampled_from(
    [
        lambda t: t,
        lambda t: t + '[[items]]\nid = "EXTRA"\n',
        lambda t: t.replace("[[items]]", "[items]", 1),
        lambda t: t.replace("id = ", "id = = ", 1),
        lambda t: (
            t + 'status = "started"\n' if "status" not in t else t.replace("status = ", 'status = "started"\n#', 1)
        ),
        lambda t: t + "estimate_days = -3\n",
        lambda t: t + 'status = "nonsense"\n',
        lambda t: t + "[risks]\nx = 1\n",
        lambda t: t.replace("\n", " \n", 2),
        lambda t: "",
    ]
)


def _one_by_one(texts: list[str]) -> list[object] | None:
    items = [parse_item_text(t, _BOARD) for t in texts]
    return None if any(it is None for it in items) else items


def _item_texts(text: str) -> list[str]:
    return [s.text for s in split_segments(text) if s.is_array and s.kind == "items"]


@given(
    st.sampled_from(_TEXTS),
    st.lists(st.tuples(st.integers(0, 10**6), _DAMAGE), max_size=4),
    st.integers(1, 40),
)
@settings(max_examples=300, deadline=None)
def test_a_run_gives_what_each_item_gives_alone(board: str, edits: list[tuple[int, object]], size: int) -> None:
    """Items as a load meets them: the segments of a board edited by hand (an item broken, given
    a second table or a bad value), in runs of any size."""
    segments = [s.text for s in split_segments(board)]
    for at, damage in edits:
        n = at % len(segments)
        segments[n] = damage(segments[n])  # type: ignore[operator]
    texts = _item_texts("".join(segments))
    for start in range(0, len(texts), size):
        run = texts[start : start + size]
        assert parse_items_text(run, _BOARD) == _one_by_one(run)


def test_every_fixture_board_loads_as_its_items_one_by_one_give() -> None:
    for text in _TEXTS:
        assert BoardStore.from_text(text).board.items == _one_by_one(_item_texts(text))
