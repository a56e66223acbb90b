"""Records are plain objects validated by pydantic-core's schema built from their declaration: what
they dump, copy, compare and refuse must be what pydantic's own model of the same declaration
gives; validating never imports pydantic, and reading a cached board imports neither."""

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

from readiness_tui.core.model.board import Board, Gate, Item, Matrix, Risk, Waiver
from readiness_tui.core.model.record_class import ValidationError
from readiness_tui.core.model.record_schema import pydantic_model

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
        theirs: Any = pydantic_model(Item).model_validate(dict(raw))
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


HERE = Path(__file__).parent
BOARDS = sorted((HERE.parents[1] / "boards").glob("*.toml")) + sorted((HERE.parent / "fixtures").rglob("*.toml"))


#: Every record kind's fields and checks, given what they fold and what they refuse.
ODD_BOARDS = [
    '[board]\ndate = "2026-01-05"\ntoday = 2026-02-01\nstatus_aliases = { Shipped = "done" }\nnot_in_scope = "x"',
    '[board]\ndate = "soon"\nscope_end = 5\nstatus_aliases = "done"',
    '[board.scoring]\nmin = "2"\nfactors = [{ name = "risk" }, { name = 3 }]',
    '[board.go_no_go]\npriorities = "P0, P1"\nmilestone = 3\nrequire_done = "yes"',
    '[board.go_no_go]\npriorities = 7\nphase = ""\nrisk_severities = "high"',
    '[board.rules]\nrequire_fields = ["owner"]\nodd = 1',
    '[[phases]]\nid = 2\nentrance = "a"\n[[phases]]\nid = []',
    '[[milestones]]\nid = "M1"\ndue = "2026-W10"\n[[milestones]]\nid = "M2"\ndue = "someday"\n[[milestones]]\nid = "M3"\ndue = 2026-03-01',
    '[[waivers]]\nitem = "A"\nexpires = "2026-13-01"\n[[progress]]\nitem = "A"\nstatus = "Shipped"\ndate = "2026-01-01"',
    '[[deliverables]]\nitem = "A"\nstatus = "in progress"\n[[deliverables]]\nstatus = "nope"',
    '[matrix]\norder = ["A", "B"]\nrows = ["01", "00"]',
    '[matrix]\norder = ["A", "B"]\nrows = ["01"]',
    '[[risks]]\nid = "R"\nmitigated_by = "A"\n[[risks]]\nid = 4',
    '[[items]]\nid = "A"\ngate = { timeout_s = 0, evidence = "x" }\n[[items]]\nid = "B"\nestimate_days = "many"',
    '[[items]]\nid = 7\nstatus = "Done"\npriority = 1\nscore_factors = { a = "2" }\n[[items]]\nid = "C"\npriority = "P9"',
    '[[conflicts]]\nfield = "status"\nours = 1\ntheirs = [2]',
    "items = 3",
]


@pytest.mark.parametrize("text", ODD_BOARDS)
def test_odd_and_broken_boards_validate_as_pydantic_validates_them(text: str) -> None:
    import rtoml

    _same_as_pydantic(rtoml.loads(text))


@pytest.mark.parametrize("path", BOARDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_shipped_and_fixture_board_validates_as_pydantic_validates_it(path: Path) -> None:
    import rtoml

    _same_as_pydantic(rtoml.loads(path.read_text(encoding="utf-8")))


def _same_as_pydantic(raw: dict[str, Any]) -> None:
    import pydantic

    try:
        ours: Any = Board.model_validate(raw)
    except ValidationError as exc:
        ours = str(exc)
    try:
        theirs: Any = pydantic_model(Board).model_validate(raw)
    except pydantic.ValidationError as exc:
        theirs = str(exc)  # the whole message: title, each location, message, input and link
    if isinstance(theirs, str):
        assert ours == theirs
        return
    assert not isinstance(ours, str), ours
    assert ours.model_dump() == _dumped(theirs)
    assert [it.model_extra for it in ours.items] == [it.model_extra or {} for it in theirs.items]


def _dumped(value: Any) -> Any:
    """pydantic's model as plain data (its defaults may be records, which pydantic cannot dump)."""
    import pydantic

    from readiness_tui.core.model.record_class import Record

    if isinstance(value, pydantic.BaseModel):
        return {k: _dumped(v) for k, v in {**value.__dict__, **(value.model_extra or {})}.items()}
    if isinstance(value, Record):
        return value.model_dump()
    if isinstance(value, list):
        return [_dumped(v) for v in value]
    if isinstance(value, dict):
        return {k: _dumped(v) for k, v in value.items()}
    return value


def _imported(stderr: bytes) -> set[str]:
    """The modules a ``-X importtime`` run imported."""
    lines = stderr.decode().splitlines()
    return {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:") and "|" in line}


def test_validating_never_imports_pydantic_and_a_cached_board_not_even_its_core(tmp_path: Path) -> None:
    from readiness_tui.core.cache.parse_cache import is_current

    board = tmp_path / "b.toml"
    board.write_text('[board]\ntitle = "t"\n\n[[items]]\nid = "A"\n\n[[items]]\nid = "B"\ndepends_on = ["A"]\n')
    env = {**os.environ, "READINESS_NO_ANSWER_CACHE": "1"}  # the cache directory is the test's own
    argv = [sys.executable, "-X", "importtime", "-m", "readiness_tui", "order", str(board)]
    first = subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60)
    assert "pydantic_core" in _imported(first.stderr) and "pydantic" not in _imported(first.stderr)  # parsed
    start = time.monotonic()
    while not is_current(board) and time.monotonic() - start < 60:  # a child writes it after the output
        time.sleep(0.02)
    second = subprocess.run(argv, env=env, capture_output=True, check=True, timeout=60)
    assert second.stdout == first.stdout and "readiness_tui.core.model.board" in _imported(second.stderr)
    assert b"pydantic" not in second.stderr
    edit = [sys.executable, "-X", "importtime", "-m", "readiness_tui", "set", str(board), "B", "status=done"]
    edited = subprocess.run(edit, env=env, capture_output=True, check=True, timeout=60)
    assert 'status = "done"' in board.read_text() and "pydantic" not in _imported(edited.stderr)
    schema = [sys.executable, "-X", "importtime", "-m", "readiness_tui", "schema"]
    assert "pydantic" in _imported(subprocess.run(schema, env=env, capture_output=True, check=True, timeout=60).stderr)
