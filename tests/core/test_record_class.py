"""Records are plain objects validated by a pydantic model built from their declaration: what they
dump, copy and compare must be what pydantic's own model gives, and reading a cached board must
not import pydantic at all."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.model import Board, Gate, Item, Matrix, Risk, Waiver
from readiness_tui.core.record_class import ValidationError
from readiness_tui.core.record_validation import _model

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


def _both(raw: dict[str, Any]) -> tuple[Any, Any]:
    """The record, and pydantic's own model instance for the same data (or both errors)."""
    try:
        ours: Any = Item.model_validate(dict(raw))
    except ValidationError as exc:
        ours = exc.errors()
    import pydantic

    try:
        theirs: Any = _model(Item).model_validate(dict(raw))
    except pydantic.ValidationError as exc:
        theirs = [dict(e) for e in exc.errors()]
    return ours, theirs


@settings(max_examples=150, deadline=None)
@given(_raw_item)
def test_a_record_dumps_what_pydantic_dumps_for_the_same_data(raw: dict[str, Any]) -> None:
    ours, theirs = _both(raw)
    if isinstance(theirs, list):
        assert isinstance(ours, list) and [(e["loc"], e["msg"]) for e in ours] == [(e["loc"], e["msg"]) for e in theirs]
        return
    for mode in ("python", "json"):
        for exclude_defaults in (False, True):
            assert ours.model_dump(mode=mode, exclude_defaults=exclude_defaults) == theirs.model_dump(
                mode=mode, exclude_defaults=exclude_defaults
            )
    assert ours.model_extra == (theirs.model_extra or {})
    assert ours == Item.model_validate(dict(raw)) and pickle.loads(pickle.dumps(ours)) == ours


def test_copies_compare_and_refuse_changes_as_frozen_models_do() -> None:
    it = Item(id="A", target="2026-W10", gate={"verify": "make test"}, odd=1)
    assert isinstance(it.gate, Gate) and it.odd == 1 and it.model_extra == {"odd": 1}
    moved = it.model_copy(update={"target": "2026-W12", "note": "n"})
    # What depends on the changed field follows it (``due``, from ``target``).
    assert it.due is not None and moved.due is not None and moved.due > it.due
    assert moved.model_extra == {"odd": 1, "note": "n"} and it.model_extra == {"odd": 1}
    assert moved != it and moved.model_copy(update={"target": "2026-W10", "note": None}) != it
    with pytest.raises(AttributeError):
        it.title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        _ = it.nothing_here
    with pytest.raises(TypeError):
        hash(it)  # lists inside: unhashable, as pydantic's frozen models are
    assert hash(Waiver(item="A")) == hash(Waiver(item="A"))


def test_a_board_takes_records_as_they_are_and_checks_what_it_is_given() -> None:
    it = Item(id="A", odd=1)
    board = Board(items=[it, {"id": "B", "status": "Done"}], risks=[{"id": "R", "mitigated_by": "A"}])
    assert board.items[0] is it and board.items[1].status == "done" and board.risks[0].mitigated_by == ["A"]
    # Every record is a record, not the pydantic model it was validated by (which shares its name).
    assert all(type(r) is Item for r in board.items) and type(board.risks[0]) is Risk
    board.items = [it]  # the board is not frozen
    assert board.items == [it]
    with pytest.raises(ValidationError) as caught:
        Board(items=[{"id": "A", "estimate_days": -1}], matrix={"order": ["A"], "rows": ["0", "1"]})
    assert [e["loc"] for e in caught.value.errors()] == [("items", 0, "estimate_days"), ("matrix",)]
    assert Matrix(order=["A"], rows=["0"]).cells() == set()


def test_a_command_on_a_cached_board_never_imports_pydantic(tmp_path: Path) -> None:
    from readiness_tui.core.board_cache import is_current

    board = tmp_path / "b.toml"
    board.write_text('[board]\ntitle = "t"\n\n[[items]]\nid = "A"\n\n[[items]]\nid = "B"\ndepends_on = ["A"]\n')
    env = {**os.environ, "READINESS_NO_ANSWER_CACHE": "1"}  # the cache directory is the test's own
    argv = [sys.executable, "-X", "importtime", "-m", "readiness_tui", "order", str(board)]
    first = subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60)
    assert b"pydantic" in first.stderr  # parsed: validated
    start = time.monotonic()
    while not is_current(board) and time.monotonic() - start < 60:  # a child writes it after the output
        time.sleep(0.02)
    second = subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60)
    assert second.stdout == first.stdout and b"readiness_tui.core.model" in second.stderr
    assert b"pydantic" not in second.stderr
