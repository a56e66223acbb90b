"""The parse cache's column layout rebuilds every board exactly as it was parsed."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from readiness_tui.core import cache_layout
from readiness_tui.core.store import BoardStore

HERE = Path(__file__).parent
#: The bundled sample boards and the fixture boards: every record kind, gates, waivers, a matrix.
BOARDS = sorted((HERE.parents[1] / "boards").glob("*.toml")) + sorted(
    (HERE.parent / "fixtures" / "boards").glob("*.toml")
)

ODD = """\
[board]
title = "Odd shapes"
owner_note = "a key the model does not know"

[[items]]
id = "A"
title = "No gate, a custom field"
custom = { hook = "x" }
extra_key = [1, 2]

[[items]]
id = "B"
depends_on = ["A"]
tags = ["t"]

[items.gate]
verify = "true"
evidence = ["docs/b.md"]
surprise = "kept"

[[risks]]
id = "R-1"
title = "risk"
mitigated_by = ["B"]
"""


def _round_trip(store: BoardStore) -> BoardStore:
    packed = pickle.loads(pickle.dumps(cache_layout.pack(store.board), protocol=pickle.HIGHEST_PROTOCOL))
    return BoardStore(store.path, store.text(), cache_layout.unpack(packed), store.stamp)


@pytest.mark.parametrize("path", BOARDS, ids=lambda p: p.stem)
def test_every_fixture_board_comes_back_equal(path: Path) -> None:
    parsed = BoardStore.load(path)
    again = _round_trip(parsed)
    assert again.board == parsed.board
    for a, b in zip(again.board.items, parsed.board.items, strict=True):
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__
        assert a.model_extra == b.model_extra
        assert (a.gate is None) == (b.gate is None)
    assert len(BOARDS) >= 6


def test_unknown_keys_nested_gates_and_absent_gates_survive() -> None:
    parsed = BoardStore.from_text(ODD)
    board = _round_trip(parsed).board
    a, b = board.items
    assert a.gate is None and b.gate is not None
    assert a.model_extra == {"extra_key": [1, 2]} and a.custom == {"hook": "x"}
    assert b.gate.model_extra == {"surprise": "kept"} and b.gate.evidence == ["docs/b.md"]
    assert board.model_extra == parsed.board.model_extra and board.risks == parsed.board.risks
    # Rebuilt records are frozen models like parsed ones, and their lists are their own.
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen-instance error
        b.title = "changed"  # type: ignore[misc]
    assert a.tags is not b.tags and a.depends_on is not b.depends_on


def test_an_entry_written_for_other_fields_is_refused() -> None:
    packed = cache_layout.pack(BoardStore.from_text(ODD).board)
    packed["records"]["items"]["names"] = ["id", "title"]
    with pytest.raises(ValueError):
        cache_layout.unpack(packed)


SHARED = """\
[[items]]
id = "ALPHA-1"
owner = "@dana"

[[items]]
id = "BETA-2"
owner = "@dana"
depends_on = ["ALPHA-1"]

[[items]]
id = "GAMMA-3"
owner = "@dana"
depends_on = ["ALPHA-1", "BETA-2"]
"""


def test_equal_strings_load_as_one_object_and_the_live_rows_are_left_as_they_were() -> None:
    parsed = BoardStore.from_text(SHARED)
    live = parsed.board.items
    assert live[1].owner is not live[2].owner  # as parsed: a string per record
    lists_before = [(id(it.depends_on), list(it.depends_on)) for it in live]
    dep_before = live[2].depends_on[0]
    a, b, c = _round_trip(parsed).board.items
    # One string for the id and every reference to it, one for every equal owner.
    assert b.depends_on[0] is a.id and c.depends_on[0] is a.id and c.depends_on[1] is b.id
    assert a.owner is b.owner is c.owner
    # pack copied the lists it shared strings in: the board it was given is unchanged.
    assert [(id(it.depends_on), list(it.depends_on)) for it in live] == lists_before
    assert live[2].depends_on[0] is dep_before


def _books(items: list) -> tuple[set[int], set[int]]:  # type: ignore[type-arg]
    return {id(it.__pydantic_fields_set__) for it in items}, {id(it.__pydantic_extra__) for it in items}


@pytest.mark.parametrize("source", ["parsed", "cached"])
def test_records_of_one_shape_share_one_fields_set_and_copies_never_reach_the_others(source: str) -> None:
    # Three items, two shapes (the first gives a title and a status; the others a title only).
    text = '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\n\n'
    text += "".join(f'[[items]]\nid = "{i}"\ntitle = "{i}"\n\n[items.gate]\nverify = "v"\n\n' for i in "BC")
    store = BoardStore.from_text(text)
    if source == "cached":
        store = _round_trip(store)
    a, b, c = store.board.items
    sets, extras = _books([a, b, c])
    assert len(sets) == 2 and b.__pydantic_fields_set__ is c.__pydantic_fields_set__
    assert len(extras) == 1  # none has an unknown key: one empty dict
    assert b.gate is not None and c.gate is not None
    assert b.gate.__pydantic_fields_set__ is c.gate.__pydantic_fields_set__
    # A record is replaced, never changed: its copy gets its own set, the others keep theirs.
    changed = b.model_copy(update={"owner": "@ana"})
    assert "owner" in changed.model_fields_set and "owner" not in c.model_fields_set
    assert changed.model_dump(exclude_unset=True)["owner"] == "@ana"
    assert "owner" not in c.model_dump(exclude_unset=True)
    with pytest.raises(ValueError):
        b.owner = "@bo"  # type: ignore[misc]
    assert c.model_fields_set == {"id", "title", "gate"}
    # The board itself is not frozen: it keeps a set of its own.
    assert store.board.__pydantic_fields_set__ is not a.__pydantic_fields_set__
