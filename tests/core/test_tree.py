"""Parents and children: the tree order, roll-up and inheritance rules of ``core.tree``."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.analysis import tree
from readiness_tui.core.analysis.tree import INHERITED, Hierarchy, Rollup
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.board import Item

ITEMS = [
    Item(id="S1", title="Grant stream", kind="stream", owner="GTM", status="in_progress"),
    Item(id="S1-T1", title="Demo", parent="S1", status="done"),
    Item(id="S1-T2", title="Check", parent="S1", status="cancelled", owner="@ana"),
    Item(id="S1-T2-a", title="Sub", parent="S1-T2", status="todo"),
    Item(id="S2", title="Platform", kind="stream", workstream="Infra", status="todo"),
    Item(id="S2-T1", title="CI", parent="S2"),
    Item(id="X", title="Loose", parent="NOPE"),
    Item(id="L1", title="loop a", parent="L2"),
    Item(id="L2", title="loop b", parent="L1"),
]
H = Hierarchy(ITEMS)


def test_rollup_counts_every_descendant_closed_of_all() -> None:
    assert H.rollup("S1") == Rollup(2, 3)  # done and cancelled are closed; the grandchild is open
    assert H.rollup("S1-T2") == Rollup(0, 1)
    assert H.rollup("S1-T1") is None  # a leaf has no roll-up
    assert H.rollup("S1").text() == "2/3"


def test_children_inherit_owner_and_workstream_from_the_nearest_ancestor() -> None:
    assert H.owner("S1-T1") == "GTM" and H.owner_inherited("S1-T1")
    assert H.owner("S1-T2") == "@ana" and not H.owner_inherited("S1-T2")
    assert H.owner("S1-T2-a") == "@ana"  # its parent's own owner, not the stream's
    assert H.owner("S2-T1") == ""  # nobody in the chain: "(no owner)"
    assert H.workstream("S1-T2-a") == "Grant stream"  # a stream is its own workstream
    assert H.workstream("S2-T1") == "Infra"  # an explicit workstream wins
    assert H.workstream("X") == ""


def test_unknown_parents_and_loops_become_roots() -> None:
    assert "X" not in H.parent
    assert "L1" not in H.parent and "L2" not in H.parent
    shown, depth = H.rows(ITEMS)
    assert [(it.id, depth.get(it.id, 0)) for it in shown] == [
        ("S1", 0),
        ("S1-T1", 1),
        ("S1-T2", 1),
        ("S1-T2-a", 2),
        ("S2", 0),
        ("S2-T1", 1),
        ("X", 0),
        ("L1", 0),
        ("L2", 0),
    ]


def test_folded_parents_hide_their_subtree_and_filtered_parents_lift_children() -> None:
    shown, _depth = H.rows(ITEMS, folded={"S1"})
    assert [it.id for it in shown][:3] == ["S1", "S2", "S2-T1"]
    assert H.has_children("S1")
    # S1-T2 filtered away: its child shows under S1, one level down.
    shown, depth = H.rows([it for it in ITEMS if it.id != "S1-T2"])
    assert [(it.id, depth.get(it.id, 0)) for it in shown][:3] == [("S1", 0), ("S1-T1", 1), ("S1-T2-a", 1)]


def test_replace_counts_the_ancestors_again() -> None:
    h = Hierarchy(ITEMS)
    assert h.rollup("S1") == Rollup(2, 3)
    h.replace(ITEMS[3].model_copy(update={"status": "done"}))
    assert h.rollup("S1") == Rollup(3, 3)
    assert h.rollup("S1-T2") == Rollup(1, 1)


def test_q1_board_groups_tasks_under_their_streams() -> None:
    store = BoardStore.load("boards/q1-2026-execution-backlog.toml")
    items = store.board.items
    h = Hierarchy(items)
    no_ws = [it.id for it in items if not h.workstream(it.id)]
    assert len(items) == 36
    assert len([it for it in items if not it.workstream]) == 33  # what the board says itself
    assert no_ws == []  # every item has a workstream through its stream (or its own)
    assert h.owner("S1-T1") == "GTM"
    assert h.rollup("S2") is not None and h.rollup("S2").total == 11


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.one_of(st.none(), st.integers(0, 11))), min_size=1, max_size=10))
def test_any_parent_links_give_every_item_once_and_children_after_parents(links: list) -> None:
    items = []
    for n, (i, p) in enumerate(links):
        items.append(Item(id=f"I{i}-{n}", parent=None if p is None else f"I{p}-{p}"))
    h = Hierarchy(items)
    shown, depth = h.rows(items)
    assert sorted(it.id for it in shown) == sorted(it.id for it in items)
    seen: set[str] = set()
    for it in shown:
        parent = h.parent.get(it.id)
        assert parent is None or parent in seen  # a root, or drawn after its parent
        assert depth.get(it.id, 0) == len(h.ancestors(it.id))
        seen.add(it.id)


_FIELD = st.sampled_from(["", " ", "x", " y "])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.integers(0, 7)),
            st.sampled_from(["task", "stream", "epic"]),
            _FIELD,
            _FIELD,
            st.sampled_from(["", "P0", "P2"]),
            _FIELD,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_effective_reads_what_value_and_inherited_read_one_by_one(rows: list) -> None:
    items = [
        Item(
            id=f"I{n}",
            title=f"t{n}",
            parent=None if p is None else f"I{p}",
            kind=kind,
            owner=o,
            workstream=w,
            priority=pr,
            phase=ph,
        )
        for n, (p, kind, o, w, pr, ph) in enumerate(rows)
    ]
    h = Hierarchy(items)
    for it in items:
        values, came = h.effective(it.id)
        assert values == {name: h.value(it.id, name) for name in INHERITED}
        assert came == [name for name in INHERITED if h.inherited(it.id, name)]


def test_effective_names_what_came_from_the_chain() -> None:
    assert H.effective("S1-T2-a") == (
        {"owner": "@ana", "workstream": "Grant stream", "priority": "", "phase": ""},
        ["owner", "workstream"],
    )
    assert H.effective("S1") == ({"owner": "GTM", "workstream": "Grant stream", "priority": "", "phase": ""}, [])


def test_effective_many_reads_each_item_once_however_deep_the_chain(monkeypatch: pytest.MonkeyPatch) -> None:
    """A listing reads each item's own fields once: a chain 300 deep costs 300 reads, not the
    45,150 that walking every item's ancestors would."""
    chain = [Item(id="C0", title="top", owner="@ana", priority="P1")]
    chain += [Item(id=f"C{n}", title=f"level {n}", parent=f"C{n - 1}") for n in range(1, 300)]
    reads: list[str] = []
    real = tree._own_or_inherited

    def counted(it: Item, above: dict[str, str]) -> tuple[dict[str, str], list[str]]:
        reads.append(it.id)
        return real(it, above)

    monkeypatch.setattr(tree, "_own_or_inherited", counted)
    got = Hierarchy(chain).effective_many(it.id for it in reversed(chain))
    assert sorted(reads) == sorted(it.id for it in chain)
    assert got["C299"] == ({"owner": "@ana", "workstream": "", "priority": "P1", "phase": ""}, ["owner", "priority"])
    assert got["C0"] == ({"owner": "@ana", "workstream": "", "priority": "P1", "phase": ""}, [])


def test_effective_of_an_unknown_id_is_blank() -> None:
    assert H.effective("NOPE") == (dict.fromkeys(INHERITED, ""), [])


def test_a_copy_takes_replacements_without_touching_the_original() -> None:
    h = Hierarchy(ITEMS)
    assert h.rollup("S1") == Rollup(2, 3)
    twin = h.copy()
    twin.replace(ITEMS[3].model_copy(update={"status": "done"}))
    assert twin.rollup("S1") == Rollup(3, 3)
    assert h.rollup("S1") == Rollup(2, 3) and h.items["S1-T2-a"].status == "todo"


def test_the_standup_groups_children_under_their_streams_owner_and_workstream() -> None:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.standup import slides as standup

    store = BoardStore.load("boards/q1-2026-execution-backlog.toml")
    a = Analysis(store.board)
    by_ws = {s.key: s.item_ids() for s in standup.groups(store.board, a, set(), "workstream")}
    assert standup.NO_WORKSTREAM not in by_ws  # 33 of 36 items had no workstream of their own
    assert set(by_ws["Grant submission completion"]) == {"S1", "S1-T1", "S1-T2", "S1-T3"}
    by_owner = {s.key: s.item_ids() for s in standup.groups(store.board, a, set(), "owner")}
    assert {"S1-T1", "S1-T2", "S1-T3"} <= set(by_owner["GTM"])
    assert set(by_owner[standup.NO_OWNER]) == {"S7", "A1", "A2", "A3"}  # no owner up their chain


def test_folds_are_kept_per_board_and_a_broken_state_file_means_none(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from readiness_tui.core.settings import folds

    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    folds.save(a, {"S1", "S2"})
    folds.save(b, {"X"})
    assert folds.load(a) == {"S1", "S2"} and folds.load(b) == {"X"}
    folds.save(a, set())
    assert folds.load(a) == set() and folds.load(b) == {"X"}
    folds.state_file().write_text("{not json", encoding="utf-8")
    assert folds.load(b) == set()
    folds.save(b, {"Y"})  # written anew
    assert folds.load(b) == {"Y"}
