"""The filter language: errors that name the column and suggest, OR / NOT / parentheses,
comparisons, text in long fields, inherited owners, named views, and printing a parsed filter."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_tui.core.analysis.tree import Hierarchy
from readiness_tui.core.filters import syntax as fs
from readiness_tui.core.filters import values as fv
from readiness_tui.core.filters.filtering import Facts, FilterError, parse, vocabulary
from readiness_tui.core.filters.views import views_for
from readiness_tui.core.model.board import Board, Item, Phase

ITEMS = [
    Item(id="S1", title="Grant stream", kind="stream", owner="@gtm", status="in_progress", priority="P0", score=20),
    Item(id="S1-T1", title="Record demo", kind="task", parent="S1", status="done", estimate_days=1),
    Item(
        id="S1-T2",
        title="Package check",
        kind="task",
        parent="S1",
        status="todo",
        owner="@ana",
        target="2026-W09",
        description="Check the FSI checklist",
    ),
    Item(id="S2", title="Security gates", kind="stream", status="todo", priority="P1", score=12, target="2026-W11"),
    Item(
        id="S2-T1",
        title="Required workflow",
        parent="S2",
        status="blocked",
        contributors=["@ana"],
        estimate_days=5,
        target="2026-03-02",
        acceptance=["branch protection enabled"],
        notes="waiting on the org admin",
    ),
    Item(id="A1", title="Approve versions", kind="action", status="todo", phase="A", estimate_days=0.5, score=15),
]
BOARD = Board.model_validate(
    {
        "items": [it.model_dump(exclude_defaults=True) for it in ITEMS],
        "phases": [Phase(id="A", title="Alpha").model_dump()],
        "views": {"mine": "owner:@ana open", "loop": "view:loop", "broken": "p:P9"},
    }
)
FACTS = Facts(ready={"S1-T2", "A1"}, blocked={"S2-T1"}, tree=Hierarchy(ITEMS))
VOCAB = vocabulary(BOARD, views_for(BOARD))


def ids(text: str) -> list[str]:
    return [it.id for it in parse(text, VOCAB).filter(ITEMS, FACTS)]


def error(text: str) -> FilterError:
    with pytest.raises(FilterError) as err:
        parse(text, VOCAB)
    return err.value


# ------------------------------------------------------------------ errors name a column and suggest
@pytest.mark.parametrize(
    ("text", "column", "message", "hint"),
    [
        ("foo:bar", 1, "unknown field 'foo'", 'quote it: "foo:bar"'),
        ("ready ownr:@ana", 7, "unknown field 'ownr'", "did you mean 'owner'"),
        ("p:P9", 3, "unknown priority 'P9'", "P0, P1, P2, P3"),
        ("status:doen", 8, "unknown status 'doen'", "did you mean 'done'"),
        ("phase:B", 7, "no phase 'b'", "phases: a"),
        ("owner:@zed", 7, "no owner 'zed'", "owners"),
        ("owner>3", 1, "owner cannot be compared", "score, estimate, target, due"),
        ("score>high", 7, "whole number", "score>=15"),
        ("target<2026-W99", 8, "ISO week or a date", "target<2026-W10"),
        ("view:mnie", 6, "unknown view 'mnie'", "did you mean 'mine'"),
        ("view:loop", 6, "refers to itself", ""),
        ("view:broken", 6, "view 'broken' is broken", ""),
        ("(p:P0 OR p:P1", 1, "'(' is not closed", "add a ')'"),
        ("ready)", 6, "')' closes nothing", ""),
        ("ready OR", 7, "OR needs a term after it", "e.g."),
        ("OR ready", 1, "OR needs a term before it", "e.g."),
        ("NOT", 1, "NOT needs a term after it", "status:done"),
        ("()", 1, "empty parentheses", "(p:P0 OR p:P1)"),
        ('owner:"ana', 7, "quote is not closed", 'closing "'),
        (">5", 1, "no field before", "score>=15"),
        ("status:", 8, "needs a value", "status:todo"),
    ],
)
def test_every_error_names_its_column_and_what_was_meant(text: str, column: int, message: str, hint: str) -> None:
    err = error(text)
    assert err.column == column
    assert message in err.message
    assert hint in err.hint
    assert str(err).startswith(f"column {column}: ")


def test_no_board_means_values_are_not_checked_against_it() -> None:
    assert str(parse("phase:Z owner:@zed")) == "phase:z owner:zed"
    with pytest.raises(FilterError):
        parse("p:P9")  # priorities are the same on every board


# ------------------------------------------------------------------ OR, NOT, parentheses
def test_or_not_and_parentheses() -> None:
    assert ids("status:todo OR status:in_progress") == ["S1", "S1-T2", "S2", "A1"]
    assert ids("status:todo or status:blocked") == ["S1-T2", "S2", "S2-T1", "A1"]
    assert ids("NOT status:done") == ids("-status:done") == ids("!status:done")
    assert "S1-T1" not in ids("not status:done")
    # a stream's tasks take its priority (core.tree.INHERITED): every task here is P0 or P1
    assert ids("(p:P0 OR p:P1) -status:todo") == ["S1", "S1-T1", "S2-T1"]
    assert ids("-(p:P0 OR p:P1) kind:task") == []
    assert ids("-(p:P0 OR p:P1)") == ["A1"]
    assert ids("ready AND kind:action") == ["A1"]
    assert ids("ready OR blocked kind:task") == ["S1-T2", "S2-T1", "A1"]  # AND binds tighter
    assert ids('"or"') == ["S1-T1", "S2-T1"]  # a quoted keyword is a word: Rec-or-d, w-or-kflow


# ------------------------------------------------------------------ comparisons
def test_comparisons_on_score_estimate_target_and_due() -> None:
    assert ids("score>=15") == ["S1", "A1"]
    assert ids("score>15") == ["S1"]
    assert ids("score=12") == ids("score:12") == ["S2"]
    assert ids("estimate<3") == ["S1-T1", "A1"]
    assert ids("estimate>=5d") == ["S2-T1"]
    # A week is the span of its days: W09 ends before W10 starts; 2026-03-02 is the Monday of W10.
    assert ids("target<2026-W10") == ["S1-T2"]
    assert ids("target<=2026-W10") == ["S1-T2", "S2-T1"]
    assert ids("target=2026-W10") == ["S2-T1"]
    assert ids("target>2026-W10") == ["S2"]
    assert ids("due<=2026-03-01") == ["S1-T2"]
    assert ids("due>=2026-03-02") == ["S2", "S2-T1"]
    assert ids("-target<2026-W10") == ["S1", "S1-T1", "S2", "S2-T1", "A1"]  # no target: not before


# ------------------------------------------------------------------ words, owners, views
def test_free_words_search_description_notes_and_acceptance() -> None:
    assert ids("checklist") == ["S1-T2"]
    assert ids("org admin") == ["S2-T1"]
    assert ids('"branch protection"') == ["S2-T1"]


def test_owner_is_the_owner_inherited_from_the_parent_and_contributors_have_their_key() -> None:
    # S1-T1 has no owner of its own: it is S1's (@gtm). S1-T2 is @ana's own. S2-T1's @ana is a contributor.
    assert ids("owner:@gtm") == ["S1", "S1-T1"]
    assert ids("@ana") == ["S1-T2"]
    assert ids("contributor:ana") == ["S2-T1"]
    assert ids("ws:grant") == ["S1", "S1-T1", "S1-T2"]  # the stream is the workstream
    assert ids("parent:S1") == ["S1-T1", "S1-T2"]
    assert ids("parent") == ["S1", "S2"]
    assert ids("child -status:done") == ["S1-T2", "S2-T1"]


def test_a_named_view_means_its_filter() -> None:
    assert ids("view:mine") == ["S1-T2"]
    assert ids("view:MINE kind:task") == ["S1-T2"]
    assert str(parse("view:mine", VOCAB)) == "view:mine"
    assert views_for(BOARD, {"mine": "closed"})["mine"] == "closed"  # the reader's setting wins


# ------------------------------------------------------------------ printing and parsing again
_word = st.text(alphabet="abcxyz019-._/", min_size=1, max_size=6)


def _leaves() -> st.SearchStrategy[fs.Node]:
    texts = st.text(alphabet="abcz 09-:()@!<>=,'", min_size=0, max_size=8).map(lambda v: fs.Text(v.lower()))
    flags = st.sampled_from(fs.FLAGS).map(fs.Flag)
    fields = st.builds(
        lambda name, vs: fs.Field(name, tuple(fv.norm(name, v.strip()) for v in vs)),
        st.sampled_from(["owner", "contributor", "kind", "workstream", "tag", "id", "target"]),
        st.lists(st.text(alphabet="abC ,-@x'", min_size=1, max_size=5), min_size=1, max_size=3),
    ).filter(lambda f: all(f.values))
    statuses = st.lists(st.sampled_from(["todo", "done", "blocked", "in_progress"]), min_size=1, max_size=2).map(
        lambda vs: fs.Field("status", tuple(vs))
    )
    scores = st.builds(fs.Compare, st.just("score"), st.sampled_from(fs.OPS), st.integers(-5, 99).map(str))
    targets = st.builds(
        fs.Compare,
        st.sampled_from(["target", "due"]),
        st.sampled_from(fs.OPS),
        st.sampled_from(["2026-W09", "2026-03-01"]),
    )
    return st.one_of(texts, flags, fields, statuses, scores, targets, _word.map(lambda w: fs.Text(w)))


_trees = st.recursive(
    _leaves(),
    lambda kids: st.one_of(
        kids.map(fs.Not),
        st.lists(kids, min_size=2, max_size=3).map(lambda ns: fs.And(tuple(ns))),
        st.lists(kids, min_size=2, max_size=3).map(lambda ns: fs.Or(tuple(ns))),
    ),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(_trees)
def test_a_parsed_filter_printed_and_parsed_again_is_the_same(tree: fs.Node) -> None:
    text = fs.unparse(tree)
    assert fs.parse_tree(text) == tree, text
    assert fs.unparse(fs.parse_tree(text)) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab :-!()\"'<>=,@OR", max_size=14))
def test_any_text_parses_or_fails_with_a_column_inside_it(text: str) -> None:
    try:
        q = parse(text)
    except FilterError as err:
        assert 1 <= err.column <= len(text) + 1
        assert err.message  # a hint is offered only where something near was meant
        return
    again = parse(str(q))
    assert again.node == q.node
