"""Which edits rebuild the tree (Hierarchy.reshapes) and what ``replace`` keeps right otherwise."""

from __future__ import annotations

from readiness_tui.core.analysis.tree import Hierarchy
from readiness_tui.core.model.board import Item


def _tree() -> Hierarchy:
    return Hierarchy(
        [
            Item(id="S1", title="Payments", kind="stream"),
            Item(id="T1", title="Leaf", parent="S1"),
            Item(id="T2", title="Other", parent="S1", owner="@ana"),
        ]
    )


def test_a_parents_inherited_fields_reshape_a_leafs_do_not() -> None:
    tree = _tree()
    assert tree.reshapes("S1", {"title"}) and tree.reshapes("S1", {"owner"})
    assert not tree.reshapes("T1", {"title"}) and not tree.reshapes("T1", {"owner", "workstream", "kind"})
    assert tree.reshapes("T1", {"parent"}) and tree.reshapes("T1", {"id"}) and tree.reshapes("T1", {"*"})
    assert not tree.reshapes("S1", {"status"})


def test_replace_works_out_a_leafs_own_workstream_and_owner_again() -> None:
    tree = _tree()
    assert tree.workstream("T1") == "Payments" and tree.owner("T1") == ""
    tree.replace(Item(id="T1", title="Leaf", parent="S1", workstream="Security", owner="@bo", status="done"))
    assert tree.workstream("T1") == "Security" and tree.owner("T1") == "@bo"
    assert tree.rollup("S1") is not None and tree.rollup("S1").done == 1  # type: ignore[union-attr]
    # The same answers as a tree built from scratch.
    fresh = Hierarchy(tree.items.values())
    assert [fresh.workstream(i) for i in tree.items] == [tree.workstream(i) for i in tree.items]
