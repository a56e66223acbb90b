"""Records are pydantic models (``core.record_base.Record``): pydantic validates, dumps, copies and
compares them, with its own errors; a subclass inherits the configuration; records are frozen but
the board; and a board read from the parse cache is rebuilt without validating it."""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.model.board import Board, BoardMeta, Gate, Item, Matrix, Progress, Risk
from readiness_tui.core.model.record_base import Record
from readiness_tui.core.model.records import RECORD_MODELS

_text = st.text(alphabet="abcXYZ -_@#", max_size=6)
_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), _text, st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31))
)
_loose = st.recursive(
    _scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_text, inner, max_size=3), max_leaves=6
)
_raw_item = st.fixed_dictionaries(
    {"id": st.sampled_from(["A", "B-1", "7"])},
    optional={
        "title": _text,
        "status": st.sampled_from(["todo", "Done", "in progress", "bogus", ""]),
        "priority": st.sampled_from(["P0", "p1", "", "P9"]),
        "estimate_days": st.one_of(st.floats(-1, 10, allow_nan=False), st.integers(0, 3)),
        "target": st.sampled_from(["2026-W10", "", "2026-05-01", "soon"]),
        "depends_on": st.one_of(_text, st.lists(_text, max_size=3)),
        "score_factors": st.dictionaries(_text, st.integers(0, 5), max_size=2),
        "custom": st.dictionaries(_text, _loose, max_size=2),
        "gate": st.fixed_dictionaries(
            {}, optional={"verify": _text, "evidence": st.lists(_text, max_size=2), "odd": _loose}
        ),
        "phase": st.one_of(st.integers(1, 3), _text),
        "unknown_key": _loose,
    },
)


def _record_classes() -> list[type[Record]]:
    kinds = list(Record.__subclasses__())
    for cls in kinds:
        kinds += [sub for sub in cls.__subclasses__() if sub not in kinds]
    return [cls for cls in kinds if cls.__module__.startswith("readiness_tui.")]


@settings(max_examples=150, deadline=None)
@given(_raw_item)
def test_a_record_is_what_its_dump_validates_to_and_a_refusal_is_pydantics_located_error(raw: dict[str, Any]) -> None:
    try:
        it = Item.model_validate(dict(raw))
    except pydantic.ValidationError as exc:
        # Every error names the field it is about (the item's own "before" check names no field
        # only for an empty id, which this strategy never writes).
        assert exc.errors() and all(e["loc"] and e["loc"][0] in raw for e in exc.errors()), exc.errors()
        return
    assert Item.model_validate(it.model_dump()) == it
    assert it.model_dump(mode="json") == json.loads(it.model_dump_json())
    assert it.model_extra == ({"unknown_key": raw["unknown_key"]} if "unknown_key" in raw else {})
    assert pickle.loads(pickle.dumps(it)) == it


def test_a_bad_status_is_caught_as_pydantics_validation_error() -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        Item.model_validate({"id": "A", "status": "bogus"})
    assert [e["loc"] for e in caught.value.errors()] == [("status",)]
    with pytest.raises(pydantic.ValidationError) as caught:
        Board.model_validate({"items": [{"id": "A"}, {"id": "B", "status": "nope"}]})
    assert [e["loc"] for e in caught.value.errors()] == [("items", 1, "status")]
    assert caught.value.title == "Board"


def test_a_subclass_inherits_the_configuration_and_may_tighten_it() -> None:
    class Strict(Risk):
        model_config = pydantic.ConfigDict(extra="forbid")

    class Stricter(Strict):
        pass

    for cls in (Strict, Stricter):
        with pytest.raises(pydantic.ValidationError) as caught:
            cls.model_validate({"id": "R", "odd": 1})
        assert [(e["loc"], e["type"]) for e in caught.value.errors()] == [(("odd",), "extra_forbidden")]
        record = cls(id="R", mitigated_by="A")  # the field types are inherited too
        assert record.mitigated_by == ["A"]
        with pytest.raises(pydantic.ValidationError, match="frozen"):
            record.title = "changed"  # type: ignore[misc]

    # Loosened: settable, and unknown keys still kept (``extra`` is the base's).
    class Loose(Risk):
        model_config = pydantic.ConfigDict(frozen=False)

    loose = Loose(id="R", odd=1)
    loose.title = "changed"
    assert loose.title == "changed" and loose.model_extra == {"odd": 1}


def test_records_are_frozen_but_the_board_and_none_reimplements_pydantics_api() -> None:
    kinds = _record_classes()
    assert {Board, BoardMeta, Gate, Item, Matrix, *RECORD_MODELS.values()} <= set(kinds)
    for cls in kinds:
        assert issubclass(cls, pydantic.BaseModel)
        assert cls.model_config.get("frozen") is (cls is not Board), cls
        assert cls.model_config.get("extra") == "allow", cls
        for name in ("model_validate", "model_dump", "model_copy", "model_construct", "model_json_schema"):
            # Only pydantic's own: no class between BaseModel and the record defines them.
            assert not any(name in vars(c) for c in cls.__mro__ if c is not pydantic.BaseModel), (cls, name)
        assert not any("__getstate__" in vars(c) or "__setstate__" in vars(c) for c in cls.__mro__[:-2]), cls


def test_copies_compare_and_refuse_changes_as_frozen_models_do() -> None:
    it = Item(id="A", target="2026-W10", gate={"verify": "make test"}, odd=1)
    assert isinstance(it.gate, Gate) and it.odd == 1 and it.model_extra == {"odd": 1}
    moved = it.model_copy(update={"target": "2026-W12", "note": "n"})
    # What depends on the changed field follows it (``due``, from ``target``).
    assert it.due is not None and moved.due is not None and moved.due > it.due
    assert moved.model_extra == {"odd": 1, "note": "n"} and it.model_extra == {"odd": 1}
    assert moved != it and moved.model_copy(update={"target": "2026-W10", "note": None}) != it
    with pytest.raises(pydantic.ValidationError, match="frozen"):
        it.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        _ = it.nothing_here
    with pytest.raises(TypeError):
        hash(it)  # lists inside: unhashable
    assert hash(Progress(date="2026-02-20", text="x")) == hash(Progress(date="2026-02-20", text="x"))


def test_a_board_takes_records_as_they_are_and_checks_what_it_is_given() -> None:
    it = Item(id="A", odd=1)
    board = Board(items=[it, {"id": "B", "status": "Done"}], risks=[{"id": "R", "mitigated_by": "A"}])
    assert board.items[0] is it and board.items[1].status == "done" and board.risks[0].mitigated_by == ["A"]
    assert all(type(r) is Item for r in board.items) and type(board.risks[0]) is Risk
    board.items = [it]  # the board is not frozen
    assert board.items == [it]
    with pytest.raises(pydantic.ValidationError) as caught:
        Board(items=[{"id": "A", "estimate_days": -1}], matrix={"order": ["A"], "rows": ["0", "1"]})
    assert [e["loc"] for e in caught.value.errors()] == [("items", 0, "estimate_days"), ("matrix",)]
    assert Matrix(order=["A"], rows=["0"]).cells() == set()


def test_the_record_modules_import_no_circle() -> None:
    """The records' modules import downwards only (``record_base`` is the lowest): no circle among
    the modules of ``core``, function-level imports included."""
    import grimp
    import networkx as nx

    graph = grimp.build_graph("readiness_tui", cache_dir=None)
    g = nx.DiGraph()
    for module in graph.modules:
        if module.startswith("readiness_tui.core."):
            for imported in graph.find_modules_directly_imported_by(module):
                if imported.startswith("readiness_tui.core."):
                    g.add_edge(module, imported)
    records = {f"readiness_tui.core.{m}" for m in ("model", "record_base", "board_meta", "item_model", "record_models")}
    circles = [sorted(c) for c in nx.strongly_connected_components(g) if len(c) > 1 and c & records]
    assert circles == []
    assert "readiness_tui.core.model.board" not in graph.find_upstream_modules("readiness_tui.core.model.record_base")


KINDS_BUILT = """
import json, sys
from pathlib import Path
from readiness_tui.core.cache import loader, parse_cache as board_cache
loader.enable(answers=False)
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.record_base import Record
store = BoardStore.load(Path(sys.argv[1]))
kinds = list(Record.__subclasses__())
for cls in kinds:
    kinds += cls.__subclasses__()
built = sorted(c.__name__ for c in kinds if c.__pydantic_complete__)
board_cache.flush_entries()
print(json.dumps({"built": built, "items": store.board.model_dump(mode="json")["items"]}))
"""


def test_a_board_read_from_the_parse_cache_is_not_validated_again(tmp_path: Path) -> None:
    board = tmp_path / "b.toml"
    board.write_text(
        '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\nstatus = "Done"\nodd = 1\n\n'
        '[[items]]\nid = "B"\ndepends_on = "A"\n[items.gate]\nverify = "true"\n'
    )
    env = {**os.environ, "READINESS_NO_ANSWER_CACHE": "1"}  # the cache directory is the test's own
    argv = [sys.executable, "-c", KINDS_BUILT, str(board)]
    first = json.loads(subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60).stdout)
    assert "Board" in first["built"]  # parsed: validated
    second = json.loads(subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60).stdout)
    assert second == {"built": [], "items": first["items"]}
    assert first["items"][0]["status"] == "done" and first["items"][0]["odd"] == 1
