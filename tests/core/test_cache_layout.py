"""The parse cache's column layout rebuilds every board exactly as it was parsed."""

from __future__ import annotations

import datetime as dt
import marshal
import pickle
from pathlib import Path

import pydantic
import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import layout as cache_layout

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
        assert a.model_dump() == b.model_dump()
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
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        b.title = "changed"  # type: ignore[misc]
    assert a.tags is not b.tags and a.depends_on is not b.depends_on


def test_an_entry_written_for_other_fields_is_refused() -> None:
    packed = cache_layout.pack(BoardStore.from_text(ODD).board)
    classes, data = packed["records"]["items"]
    columns = marshal.loads(data)
    columns["names"] = ["id", "title"]
    packed["records"]["items"] = (classes, marshal.dumps(columns))
    with pytest.raises(ValueError):
        cache_layout.unpack(packed)


def test_columns_are_marshalled_with_their_nested_classes_named_and_a_date_keeps_its_kind_pickled() -> None:
    from readiness_tui.core.model.board import Gate

    packed = cache_layout.pack(BoardStore.from_text(ODD).board)
    classes, data = packed["records"]["items"]
    assert classes == [Gate] and isinstance(data, bytes)
    # A date (an unknown key's TOML date) is a value marshal refuses: that kind alone is pickled.
    dated = BoardStore.from_text(ODD.replace("extra_key = [1, 2]", "reviewed = 2026-01-02"))
    packed = cache_layout.pack(dated.board)
    assert isinstance(packed["records"]["items"], dict) and isinstance(packed["records"]["risks"], tuple)
    again = _round_trip(dated).board
    assert again == dated.board and again.items[0].model_extra == {"reviewed": dt.date(2026, 1, 2)}
    assert again.items[1].gate is not None and again.items[1].gate.model_extra == {"surprise": "kept"}


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


@pytest.mark.parametrize("source", ["parsed", "cached"])
def test_records_without_unknown_keys_hold_no_dict_for_them_and_copies_never_reach_the_others(source: str) -> None:
    text = '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\ntitle = "a"\nstatus = "done"\n\n'
    text += "".join(f'[[items]]\nid = "{i}"\ntitle = "{i}"\n\n[items.gate]\nverify = "v"\n\n' for i in "BC")
    store = BoardStore.from_text(text)
    if source == "cached":
        store = _round_trip(store)
    a, b, c = store.board.items
    assert [it.model_extra for it in (a, b, c)] == [{}, {}, {}] and b.gate is not None
    if source == "cached":
        # No empty dict per record (10,000 of them at 10,000 items): one per kind, shared.
        assert a.model_extra is b.model_extra is c.model_extra
    # A record is replaced, never changed: a copy with an unknown key holds it alone.
    changed = b.model_copy(update={"owner": "@ana", "note": "x"})
    assert changed.owner == "@ana" and changed.model_extra == {"note": "x"} and changed.note == "x"
    assert b.owner == "" and b.model_extra == {} and c.model_extra == {} and a.model_extra == {}
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        b.owner = "@bo"  # type: ignore[misc]
    # The board itself is not frozen.
    store.board.items = [a]
    assert store.board.items == [a]


EVERY_LIST = """\
[board]
title = "Every kind of list"

[[items]]
id = "A"
title = "a"

[[items]]
id = "B"
title = "b"

[items.gate]
verify = "true"

[[items]]
id = "C"
title = "c"

[items.gate]
verify = "true"

[[risks]]
id = "R-1"
title = "r"

[[risks]]
id = "R-2"
title = "r2"

[[phases]]
id = "P1"
title = "p"

[[phases]]
id = "P2"
title = "p2"

[[milestones]]
id = "M1"
title = "m"

[[milestones]]
id = "M2"
title = "m2"
"""


def _empties(store: BoardStore) -> list[tuple[str, str, object]]:
    """Every empty list or dict a record holds (a gate's too): (record, field, the value)."""
    found = []
    for kind in ("items", "risks", "phases", "milestones"):
        for row in getattr(store.board, kind):
            records = [row] + ([row.gate] if kind == "items" and row.gate is not None else [])
            for record in records:
                found += [
                    (f"{kind}:{row.id}", name, v)
                    for name, v in record.__dict__.items()
                    if type(v) in (list, dict) and not v
                ]
    return found


def test_empty_lists_load_as_one_object_and_no_edit_changes_one_in_place() -> None:
    parsed = BoardStore.from_text(EVERY_LIST)
    store = _round_trip(parsed)
    a, b, c = store.board.items
    # One empty list per field, not one per record (900,000 of them at 100,000 items).
    assert a.tags is b.tags is c.tags and a.tags == []
    assert a.custom is b.custom is c.custom and a.custom == {}
    assert b.gate is not None and c.gate is not None and b.gate.evidence is c.gate.evidence
    assert parsed.board.items[0].tags is not parsed.board.items[1].tags  # as parsed: one each
    shared = _empties(store)
    # Every kind of list and dict a board has, edited on A, B, R-1, P1 and M1 the way the app and
    # ``readiness set`` edit them.
    store.set_fields("A", {"tags": ["x"], "links": ["#1"], "contributors": ["@bo"], "custom": {"k": "v"}})
    store.set_fields("A", {"inputs": ["i"], "outputs": ["o"], "acceptance": ["ok"], "source_refs": ["s"]})
    store.set_fields("A", {"soft_depends_on": ["C"], "deliverables": ["d"], "score_factors": {"risk": 2}})
    store.add_dependency("B", "A")
    store.set_dependencies("A", ["C"])
    store.set_fields("B", {"gate.evidence": ["docs/b.md"], "gate.watch": ["src/**"]})
    store.set_record_fields("risks", 0, {"mitigated_by": ["A"]})
    store.set_record_fields("phases", 0, {"items": ["A"], "entrance": ["in"], "exit": ["out"]})
    store.set_record_fields("milestones", 0, {"items": ["B"]})
    store.rename_item("C", "C2")
    assert [(where, name) for where, name, v in shared if v] == []
    assert store.item("B").depends_on == ["A"] and store.item("A").tags == ["x"]
    assert store.item("A").depends_on == ["C2"] and store.item("A").soft_depends_on == ["C2"]
    gate = store.item("B").gate
    assert gate is not None and gate.evidence == ["docs/b.md"] and gate.watch == ["src/**"]
    assert store.board.phases[0].exit == ["out"] and store.board.milestones[0].items == ["B"]
    assert store.board.risks[1].mitigated_by == [] and store.board.phases[1].items == []


@pytest.mark.parametrize("path", BOARDS, ids=lambda p: p.stem)
def test_records_hold_what_pydantic_unpickling_gives_them(path: Path) -> None:
    """The records are made by setting pydantic's four slots: each holds, slot by slot, what
    unpickling the record (pydantic's own ``__setstate__``) gives it."""
    from readiness_tui.core.model.records import RECORD_MODELS

    parsed = BoardStore.load(path)
    again = _round_trip(parsed)
    seen = 0
    for kind in RECORD_MODELS:
        for mine, orig in zip(getattr(again.board, kind), getattr(parsed.board, kind), strict=True):
            unpickled = pickle.loads(pickle.dumps(orig))
            assert type(mine) is type(unpickled)
            for slot in ("__dict__", "__pydantic_extra__", "__pydantic_private__"):
                assert getattr(mine, slot) == getattr(unpickled, slot), (kind, slot)
            # Every field counts as given (the entry keeps them all); those given stay given.
            assert mine.__pydantic_fields_set__ >= unpickled.__pydantic_fields_set__
            assert mine.model_dump() == unpickled.model_dump()
            seen += 1
    assert seen > 0
