"""The board merge by record and field, in process: cases, then generated edit sequences (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
import rtoml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gitmerge import merge_boards
from readiness_tui.core.gitmerge.fields import flatten
from readiness_tui.core.gitmerge.resolve import resolve_conflict
from readiness_tui.core.lint import lint_store
from readiness_tui.core.model.problems import EditError

BASE = """# Team board
[board]
title = "Launch"

[[items]]
id = "A-01"
title = "Load tests"
status = "todo"

[[items]]
id = "A-02"
title = "Runbook"
status = "todo"

[items.gate]
verify = "make runbook"

[[risks]]
id = "R-1"
title = "Capacity"

[[waivers]]
item = "A-01"
reason = "vendor"
approved_by = "lead"
expires = 2026-03-01
"""


def edited(text: str, *ops: tuple[str, ...]) -> str:
    store = BoardStore.from_text(text)
    for op in ops:
        if op[0] == "set":
            store.set_fields(op[1], {op[2]: op[3]})
        elif op[0] == "add":
            store.add_item({"id": op[1], "title": op[2]})
        elif op[0] == "del":
            store.remove_item(op[1])
    return store.text()


def test_both_unchanged_sides_give_the_base_back() -> None:
    assert merge_boards(BASE, BASE, BASE).text == BASE


def test_disjoint_field_edits_in_one_item_merge_and_keep_ours_comments() -> None:
    ours = BASE.replace('title = "Load tests"', 'title = "Load tests" # keep')
    ours = edited(ours, ("set", "A-01", "status", "done"))
    theirs = edited(BASE, ("set", "A-01", "owner", "bo"), ("set", "A-02", "gate.verify", "make rb"))
    res = merge_boards(BASE, ours, theirs)
    assert not res.conflicts
    assert "# keep" in res.text
    store = BoardStore.from_text(res.text)
    assert store.item("A-01").status == "done" and store.item("A-01").owner == "bo"
    assert store.item("A-02").gate.verify == "make rb"


def test_same_field_both_ways_is_a_recorded_conflict_in_valid_toml() -> None:
    ours = edited(BASE, ("set", "A-02", "gate.verify", "make a"))
    theirs = edited(BASE, ("set", "A-02", "gate.verify", "make b"))
    res = merge_boards(BASE, ours, theirs, "main", "feature")
    [c] = res.conflicts
    assert (c.id, c.field, c.ours, c.theirs, c.base) == ("A-02", "gate.verify", "make a", "make b", "make runbook")
    store = BoardStore.from_text(res.text)
    [mc] = store.board.conflicts
    assert (mc.ours_side, mc.theirs_side) == ("main", "feature")
    assert store.item("A-02").gate.verify == "make a"  # ours stays in place until resolved
    problems = [p for p in lint_store(store).errors if p.code == "merge-conflict"]
    assert [(p.item, p.field) for p in problems] == [("A-02", "gate.verify")]
    assert problems[0].line is not None


def test_same_id_added_both_sides_different_content_conflicts_same_content_once() -> None:
    ours = edited(BASE, ("add", "N-01", "ours"))
    theirs = edited(BASE, ("add", "N-01", "theirs"))
    res = merge_boards(BASE, ours, theirs)
    assert [(c.id, c.field, c.base) for c in res.conflicts] == [("N-01", "title", None)]
    same = merge_boards(BASE, ours, ours)
    assert not same.conflicts and same.text.count('id = "N-01"') == 1


def test_items_added_on_both_sides_both_land_ours_first() -> None:
    ours = edited(BASE, ("add", "O-01", "o1"), ("add", "O-02", "o2"))
    theirs = edited(BASE, ("add", "T-01", "t1"))
    res = merge_boards(BASE, ours, theirs)
    assert not res.conflicts
    ids = [it.id for it in BoardStore.from_text(res.text).board.items]
    assert ids == ["A-01", "A-02", "O-01", "O-02", "T-01"]
    # Theirs inserted in the middle stays after its predecessor.
    theirs_mid = BASE.replace(
        '[[items]]\nid = "A-02"', '[[items]]\nid = "T-05"\ntitle = "mid"\n\n[[items]]\nid = "A-02"'
    )
    res = merge_boards(BASE, ours, theirs_mid)
    ids = [it.id for it in BoardStore.from_text(res.text).board.items]
    assert ids == ["A-01", "T-05", "A-02", "O-01", "O-02"]


@pytest.mark.parametrize("deleter", ["ours", "theirs"])
def test_deleted_on_one_side_edited_on_the_other_is_a_conflict(deleter: str) -> None:
    gone = edited(BASE, ("del", "A-02"))
    changed = edited(BASE, ("set", "A-02", "status", "done"))
    ours, theirs = (gone, changed) if deleter == "ours" else (changed, gone)
    res = merge_boards(BASE, ours, theirs)
    [c] = res.conflicts
    assert c.field == "*" and c.base["status"] == "todo" and c.base["gate"] == {"verify": "make runbook"}
    assert (c.ours is None) == (deleter == "ours") and (c.theirs is None) == (deleter == "theirs")
    store = BoardStore.from_text(res.text)
    assert store.item("A-02").status == "done"  # the edited record is kept until resolved
    deleting_side = deleter
    resolve_conflict(store, 0, deleting_side)
    assert not store.has_item("A-02") and not store.board.conflicts
    store = BoardStore.from_text(res.text)
    resolve_conflict(store, 0, "base")
    assert (
        store.item("A-02").status == "todo"
        and store.item("A-02").gate.verify == "make runbook"
        and not store.board.conflicts
    )


def test_deleted_on_one_side_unchanged_on_the_other_is_deleted() -> None:
    res = merge_boards(BASE, edited(BASE, ("del", "A-02")), edited(BASE, ("set", "A-01", "status", "done")))
    assert not res.conflicts
    store = BoardStore.from_text(res.text)
    assert not store.has_item("A-02") and store.item("A-01").status == "done"


def test_unkeyed_rows_merge_as_sets() -> None:
    w2 = '\n[[waivers]]\nitem = "A-02"\nreason = "x"\napproved_by = "lead"\nexpires = 2026-03-02\n'
    w3 = '\n[[waivers]]\nitem = "A-02"\nreason = "y"\napproved_by = "lead"\nexpires = 2026-03-03\n'
    res = merge_boards(BASE, BASE + w2, BASE + w3)
    assert not res.conflicts
    assert [w.reason for w in BoardStore.from_text(res.text).board.waivers] == ["vendor", "x", "y"]


def test_resolve_picks_each_side_and_refuses_nonsense() -> None:
    ours = edited(BASE, ("set", "A-01", "status", "done"))
    theirs = edited(BASE, ("set", "A-01", "status", "blocked"))
    text = merge_boards(BASE, ours, theirs).text
    for side, want in (("ours", "done"), ("theirs", "blocked"), ("base", "todo")):
        store = BoardStore.from_text(text)
        changes = resolve_conflict(store, 0, side)
        assert store.item("A-01").status == want and not store.board.conflicts
        assert changes[-1].kind == "conflicts"
        assert "[[conflicts]]" not in store.text()
    store = BoardStore.from_text(text)
    with pytest.raises(EditError, match="no conflict 2"):
        resolve_conflict(store, 1, "ours")
    with pytest.raises(EditError, match="side must be"):
        resolve_conflict(store, 0, "mine")
    assert len(store.board.conflicts) == 1


# ---------------------------------------------------------------------- generated sequences
IDS = ["A-01", "A-02", "A-03", "A-04"]
FIELDS = ["status", "owner", "title", "gate.verify"]
VALUES = {"status": ["todo", "done", "blocked"], "owner": ["ana", "bo"], "title": ["x", "y"], "gate.verify": ["a", "b"]}
GEN_BASE = '[board]\ntitle = "gen"\n\n' + "".join(
    f'# {i}\n[[items]]\nid = "{i}"\ntitle = "t"\nstatus = "todo"\n\n' for i in IDS
)

op = st.one_of(
    st.tuples(st.just("set"), st.sampled_from(IDS), st.sampled_from(FIELDS)).flatmap(
        lambda t: st.sampled_from(VALUES[t[2]]).map(lambda v: (*t, v))
    ),
    st.tuples(st.just("add"), st.sampled_from(["N-01", "N-02"]), st.sampled_from(["p", "q"])),
    st.tuples(st.just("del"), st.sampled_from(IDS)),
)


def _apply(text: str, ops: list[tuple[Any, ...]]) -> str:
    store = BoardStore.from_text(text)
    for o in ops:
        if o[0] == "set" and store.has_item(o[1]):
            store.set_fields(o[1], {o[2]: o[3]})
        elif o[0] == "add" and not store.has_item(o[1]):
            store.add_item({"id": o[1], "title": o[2]})
        elif o[0] == "del" and store.has_item(o[1]):
            store.remove_item(o[1])
    return store.text()


def _rows(text: str) -> dict[str, dict[str, Any]]:
    return {r["id"]: flatten(r) for r in rtoml.loads(text).get("items", [])}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, max_size=6), st.lists(op, max_size=6))
def test_generated_merge_is_fieldwise_union_or_recorded_conflict(ours_ops: list, theirs_ops: list) -> None:
    ours, theirs = _apply(GEN_BASE, ours_ops), _apply(GEN_BASE, theirs_ops)
    res = merge_boards(GEN_BASE, ours, theirs)
    store = BoardStore.from_text(res.text)  # always a valid board
    got = _rows(res.text)
    o, a, b = _rows(GEN_BASE), _rows(ours), _rows(theirs)
    want_conflicts: set[tuple[str, str]] = set()
    for rid in dict.fromkeys([*o, *a, *b]):
        ro, ra, rb = o.get(rid), a.get(rid), b.get(rid)
        if ra == rb or rb == ro:
            expect = ra
        elif ra == ro:
            expect = rb
        elif ra is None or rb is None:
            want_conflicts.add((rid, "*"))
            expect = ra if ra is not None else rb
        else:
            expect = {}
            base = ro or {}
            for f in dict.fromkeys([*base, *ra, *rb]):
                vo, va, vb = base.get(f), ra.get(f), rb.get(f)
                if va == vb or vb == vo:
                    v = va
                elif va == vo:
                    v = vb
                else:
                    want_conflicts.add((rid, f))
                    v = va
                if v is not None:
                    expect[f] = v
        assert got.get(rid) == expect, rid
    assert {(c.id, c.field) for c in store.board.conflicts} == want_conflicts
    # Ours' records keep ours' order.
    ours_order = [i for i in a if i in got]
    assert [i for i in got if i in ours_order] == ours_order
