"""The filter's predicates (``core.filter_match``) and the narrowing rule (``core.filter_narrow``)
on random boards and random filters: matching through an index, or only within what a narrowed
filter let through, gives exactly what the per-item rules give."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.analysis.tree import Hierarchy
from readiness_tui.core.filters import syntax as fs
from readiness_tui.core.filters.filtering import Facts, Query
from readiness_tui.core.filters.match import ItemIndex, haystack, select
from readiness_tui.core.filters.narrow import narrows
from readiness_tui.core.model.board import STATUSES, Item

# ------------------------------------------------------------------ the rules, item by item
# The matching as it was written before predicates (one walk of the tree per item): the oracle.


def _oracle(node: fs.Node, item: Item, facts: Facts) -> bool:
    tree = facts.tree
    if isinstance(node, fs.Text):
        return node.value in haystack(item)
    if isinstance(node, fs.Flag):
        iid = item.id
        return {
            "ready": lambda: iid in facts.ready,
            "blocked": lambda: iid in facts.blocked,
            "waiting": lambda: iid in facts.waiting,
            "overdue": lambda: iid in facts.overdue,
            "open": lambda: not item.is_closed,
            "closed": lambda: item.is_closed,
            "gate": lambda: item.gate is not None and not item.gate.is_empty,
            "parent": lambda: tree.has_children(iid) if tree else False,
            "child": lambda: (iid in tree.parent) if tree else item.parent is not None,
        }[node.name]()
    if isinstance(node, fs.Field):
        return any(_oracle_field(node.name, v, item, tree) for v in node.values)
    if isinstance(node, fs.Compare):
        return _oracle_compare(node, item)
    if isinstance(node, fs.Not):
        return not _oracle(node.node, item, facts)
    if isinstance(node, fs.And):
        return all(_oracle(n, item, facts) for n in node.nodes)
    if isinstance(node, fs.Or):
        return any(_oracle(n, item, facts) for n in node.nodes)
    return _oracle(node.node, item, facts)


def _oracle_field(name: str, value: str, item: Item, tree: Hierarchy | None) -> bool:
    if name == "owner":
        owner = tree.owner(item.id) if tree is not None else item.owner
        return owner.lower().lstrip("@").startswith(value)
    if name == "contributor":
        return any(c.lower().lstrip("@").startswith(value) for c in item.contributors)
    if name == "workstream":
        ws = tree.workstream(item.id) if tree is not None else item.workstream
        return ws.lower().startswith(value)
    if name == "status":
        return item.status == value if value in STATUSES else item.status.startswith(value)
    if name == "parent":
        up = tree.ancestors(item.id) if tree is not None else [item.parent or ""]
        return any(a.lower() == value for a in up)
    if name == "tag":
        return any(t.lower() == value for t in item.tags)
    if name in ("priority", "phase"):  # inherited through the parents, as owner is (core.tree.INHERITED)
        have = tree.value(item.id, name) if tree is not None else getattr(item, name) or ""
        return have.lower() == value
    if name == "milestone":
        return (item.milestone or "").lower() == value
    return (getattr(item, name) or "").lower().startswith(value)


def _oracle_compare(node: fs.Compare, item: Item) -> bool:
    if node.name in ("score", "estimate"):
        have = item.total_score if node.name == "score" else item.estimate_days
        if have is None:
            return False
        ops: dict[str, Callable[[float, float], bool]] = {
            "<": lambda a, b: a < b,
            "<=": lambda a, b: a <= b,
            ">": lambda a, b: a > b,
            ">=": lambda a, b: a >= b,
            "=": lambda a, b: a == b,
        }
        return ops[node.op](have, float(node.value))
    if not item.target:
        return False
    day = dt.date.fromisoformat(item.target)  # the boards below target days only
    want = dt.date.fromisoformat(node.value)
    return {"<": day < want, "<=": day <= want, ">": day > want, ">=": day >= want, "=": day == want}[node.op]


# ------------------------------------------------------------------ random boards
_OWNERS = ["", "@ana", "@anb", "@bo", "Ana", "@a"]
_WORDS = ["ab", "abc", "ba", "owner", "x", "a b", ""]


@st.composite
def boards(draw: st.DrawFn) -> tuple[list[Item], Facts]:
    n = draw(st.integers(0, 12))
    ids = [f"I{k}" for k in range(n)]
    items = []
    for iid in ids:
        items.append(
            Item(
                id=iid,
                title=draw(st.sampled_from(_WORDS)),
                kind=draw(st.sampled_from(["task", "stream", "Epic", "bug"])),
                status=draw(st.sampled_from(STATUSES)),
                priority=draw(st.sampled_from([None, "P0", "P1", "P2"])),
                score=draw(st.sampled_from([None, 3, 12, 20])),
                owner=draw(st.sampled_from(_OWNERS)),
                contributors=draw(st.lists(st.sampled_from(_OWNERS[1:]), max_size=2)),
                workstream=draw(st.sampled_from(["", "gtm", "Growth", "g"])),
                estimate_days=draw(st.sampled_from([None, 0.5, 1.0, 3.0])),
                target=draw(st.sampled_from([None, "2026-03-01", "2026-03-05"])),
                parent=draw(st.sampled_from([None, "I0", "I1", "I3", "missing", *ids[:3]])),
                phase=draw(st.sampled_from([None, "A", "b"])),
                tags=draw(st.lists(st.sampled_from(["ux", "UX", "api"]), max_size=2)),
                notes=draw(st.sampled_from(_WORDS)),
            )
        )
    some = st.sets(st.sampled_from(ids)) if ids else st.just(set[str]())
    tree = draw(st.sampled_from([None, Hierarchy(items)]))
    return items, Facts(ready=draw(some), blocked=draw(some), overdue=draw(some), waiting=draw(some), tree=tree)


def _leaves() -> st.SearchStrategy[fs.Node]:
    texts = st.sampled_from(["a", "ab", "abc", "b", "a b", "i1", "o", "ow", "own", "owner", "x", ""]).map(fs.Text)
    flags = st.sampled_from(fs.FLAGS).map(fs.Flag)
    prefixes = st.sampled_from(["a", "an", "ana", "anb", "b", "g", "gr", "gtm", "t", "e", "i", "i1", "2026-03"])
    prefix_fields = st.builds(
        lambda name, vs: fs.Field(name, tuple(vs)),
        st.sampled_from(["owner", "contributor", "workstream", "kind", "id", "target"]),
        st.lists(prefixes, min_size=1, max_size=2),
    )
    statuses = st.lists(st.sampled_from(["t", "in", "in_p", "in_progress", "todo", "done", "d", "c"]), min_size=1)
    equal_fields = st.one_of(
        st.lists(st.sampled_from(["p0", "p"]), min_size=1, max_size=2).map(lambda v: fs.Field("priority", tuple(v))),
        st.lists(st.sampled_from(["a", "b"]), min_size=1).map(lambda v: fs.Field("phase", tuple(v))),
        st.lists(st.sampled_from(["ux", "u", "a"]), min_size=1).map(lambda v: fs.Field("tag", tuple(v))),
        st.lists(st.sampled_from(["i0", "i1", "i3", "missing"]), min_size=1).map(
            lambda v: fs.Field("parent", tuple(v))
        ),
    )
    compares = st.one_of(
        st.builds(
            fs.Compare,
            st.sampled_from(["score", "estimate"]),
            st.sampled_from(fs.OPS),
            st.sampled_from(["1", "3", "12"]),
        ),
        st.builds(
            fs.Compare, st.just("target"), st.sampled_from(fs.OPS), st.sampled_from(["2026-03-01", "2026-03-04"])
        ),
    )
    return st.one_of(
        texts, flags, prefix_fields, statuses.map(lambda v: fs.Field("status", tuple(v))), equal_fields, compares
    )


_trees = st.recursive(
    _leaves(),
    lambda kids: st.one_of(
        kids.map(fs.Not),
        kids.map(lambda n: fs.View("v", n)),
        st.lists(kids, min_size=0, max_size=3).map(lambda ns: fs.And(tuple(ns))),
        st.lists(kids, min_size=1, max_size=3).map(lambda ns: fs.Or(tuple(ns))),
    ),
    max_leaves=6,
)


def _oracle_ids(node: fs.Node | None, items: list[Item], facts: Facts) -> list[str]:
    return [it.id for it in items if node is None or _oracle(node, it, facts)]


# ------------------------------------------------------------------ the predicates
@settings(max_examples=300, deadline=None)
@given(boards(), _trees)
def test_predicates_and_the_index_match_as_the_rules_item_by_item(
    board: tuple[list[Item], Facts], node: fs.Node
) -> None:
    items, facts = board
    want = _oracle_ids(node, items, facts)
    assert [it.id for it in Query(node).filter(items, facts)] == want
    index = ItemIndex(items, facts)
    assert [it.id for it in select(node, items, facts, index)] == want
    assert [it.id for it in items if Query(node).matches(it, facts)] == want
    assert [it.id for it in select(node, items, facts, index)] == want  # the index read a second time


# ------------------------------------------------------------------ narrowing
_MORE = st.sampled_from(["", "a", "b", "x", "_p", "0", "n", "c"])


def _typed_on(node: fs.Node, draw: st.DrawFn) -> fs.Node:
    """``node`` as a person typing might change it: a longer or shorter word or value, one more
    term, or something else altogether."""
    step = draw(st.sampled_from(["longer", "longer", "shorter", "and", "same", "any"]))
    if step == "and":
        return fs.And((node, draw(_trees)))
    if step == "longer" and isinstance(node, fs.Text):
        return fs.Text(draw(st.sampled_from(["", "x", "b"])) + node.value + draw(_MORE))
    if step == "longer" and isinstance(node, fs.Field):
        return fs.Field(node.name, tuple(v + draw(_MORE) for v in node.values))
    if step == "shorter" and isinstance(node, fs.Text):
        return fs.Text(node.value[:-1])
    if step == "shorter" and isinstance(node, fs.Field):
        return fs.Field(node.name, tuple(v[:-1] or v for v in node.values))
    if step in ("longer", "shorter") and isinstance(node, (fs.And, fs.Or, fs.Not, fs.View)):
        kids = node.nodes if isinstance(node, (fs.And, fs.Or)) else (node.node,)
        if kids:
            last = _typed_on(kids[-1], draw)
            if isinstance(node, fs.Not):
                return fs.Not(last)
            if isinstance(node, fs.View):
                return fs.View(node.name, last)
            return type(node)((*kids[:-1], last))
    if step == "same":
        return node
    return draw(_trees)


@st.composite
def query_pairs(draw: st.DrawFn) -> tuple[fs.Node, fs.Node]:
    old = draw(st.one_of(_leaves(), _trees))
    new = _typed_on(old, draw)
    way = draw(st.sampled_from(["as typed", "both negated", "negated, the other way"]))
    if way == "both negated":
        return fs.Not(old), fs.Not(new)
    if way == "negated, the other way":
        return fs.Not(new), fs.Not(old)
    return old, new


@settings(max_examples=150, deadline=None)
@given(boards(), st.lists(query_pairs(), min_size=12, max_size=12))
def test_a_narrowing_filter_tried_on_the_old_result_equals_a_full_match(
    board: tuple[list[Item], Facts], pairs: list[tuple[fs.Node, fs.Node]]
) -> None:
    items, facts = board
    index = ItemIndex(items, facts)
    for old, new in pairs:
        if not narrows(old, new):
            continue
        full = _oracle_ids(new, items, facts)
        assert set(full) <= set(_oracle_ids(old, items, facts)), (old, new)
        assert [it.id for it in select(new, select(old, items, facts, index), facts, index)] == full, (old, new)


@settings(max_examples=200, deadline=None)
@given(boards(), st.one_of(st.none(), _trees), st.one_of(st.none(), _trees))
def test_narrows_is_never_claimed_wrongly_for_random_pairs(
    board: tuple[list[Item], Facts], old: fs.Node | None, new: fs.Node | None
) -> None:
    items, facts = board
    if narrows(old, new):
        assert set(_oracle_ids(new, items, facts)) <= set(_oracle_ids(old, items, facts))


def test_what_typing_on_does_is_known_to_narrow() -> None:
    text, field = fs.Text("ow"), fs.Field("owner", ("a",))
    assert narrows(None, text)
    assert narrows(text, fs.Text("own"))
    assert narrows(field, fs.Field("owner", ("an",)))
    assert narrows(fs.Field("status", ("in",)), fs.Field("status", ("in_progress",)))
    assert narrows(fs.Field("priority", ("p0", "p1")), fs.Field("priority", ("p0",)))
    assert narrows(text, fs.And((text, fs.Flag("ready"))))
    assert narrows(fs.And((text, field)), fs.And((text, fs.Field("owner", ("ana",)))))
    assert narrows(fs.Not(fs.Text("own")), fs.Not(text))
    # Not narrowing: a shorter word, an OR, a NOT, a whole status, an equal-valued field's prefix.
    assert not narrows(fs.Text("own"), text)
    assert not narrows(text, fs.Or((text, fs.Flag("ready"))))
    assert not narrows(fs.Not(text), fs.Not(fs.Text("own")))
    assert not narrows(fs.Field("status", ("todo",)), fs.Field("status", ("todox",)))
    assert not narrows(fs.Field("tag", ("u",)), fs.Field("tag", ("ux",)))
    assert not narrows(text, None)
