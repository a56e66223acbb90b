"""A cold load validates items one by one: the same board as validating the whole document at once,
with far less held at its peak, and the whole-document path still taken for what it cannot vouch for."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
import rtoml

from readiness_tui.bench.generate import generate_board_text
from readiness_tui.core.board.parse import merge_segments, parse_board_segments
from readiness_tui.core.board.segments import split_segments
from readiness_tui.core.model.board import Board
from readiness_tui.core.model.problems import BoardValidationError

HERE = Path(__file__).parent
BOARDS = sorted((HERE.parents[1] / "boards").glob("*.toml")) + sorted((HERE.parent / "fixtures").rglob("*.toml"))


def whole(text: str) -> Board:
    return Board.model_validate(rtoml.loads(text))


@pytest.mark.parametrize("path", BOARDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_shipped_and_fixture_board_parses_as_the_whole_document_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected = whole(text)
    except Exception:  # noqa: BLE001 - a fixture that is broken on purpose: both refuse it
        with pytest.raises(Exception):  # noqa: B017
            parse_board_segments(text, str(path))
        return
    board, _ = parse_board_segments(text, str(path))
    assert board == expected
    assert board.model_dump() == expected.model_dump()
    assert [it.model_extra for it in board.items] == [it.model_extra for it in expected.items]


def test_status_aliases_of_the_board_reach_every_item() -> None:
    text = '[board]\ntitle = "t"\nstatus_aliases = { shipped = "done" }\n\n[[items]]\nid = "A"\nstatus = "shipped"\n'
    board, _ = parse_board_segments(text)
    assert board.items[0].status == "done" == whole(text).items[0].status


def test_items_written_as_a_root_array_are_kept() -> None:
    text = 'items = [{ id = "A", title = "root" }]\n\n[board]\ntitle = "t"\n'
    board, _ = parse_board_segments(text)
    assert [it.id for it in board.items] == ["A"] == [it.id for it in whole(text).items]


def test_an_item_error_is_located_on_its_line_as_before() -> None:
    text = '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\n\n[[items]]\nid = "B"\nestimate_days = -3\n'
    with pytest.raises(BoardValidationError) as err:
        parse_board_segments(text, "plan.toml")
    (problem,) = err.value.problems
    assert (problem.line, problem.item, problem.field) == (9, "B", "estimate_days")


def _transient(parse: Callable[[], object]) -> tuple[int, int]:
    """(what ``parse`` held at its peak beyond what it returned, what it returned), in bytes."""
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        kept = parse()
        now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept is not None
    return peak - now, now - base


def test_a_cold_load_holds_one_items_raw_values_at_a_time() -> None:
    parse_board_segments(generate_board_text(3))  # the validators are built on first use
    text = generate_board_text(2000)
    by_item, _ = _transient(lambda: parse_board_segments(text))

    def at_once() -> object:  # the whole document's values, then validated (the load before)
        segments = split_segments(text)
        data = merge_segments(segments)
        assert data is not None
        return Board.model_validate(data), segments

    everything, kept_before = _transient(at_once)
    # Before, every item's raw values were held beside the models being built.
    assert everything > 0.3 * kept_before
    assert by_item < 0.65 * everything, f"{by_item / 1e6:.1f} MB beyond the board, before {everything / 1e6:.1f} MB"
