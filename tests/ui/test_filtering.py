"""The backlog's filter language (pure Python)."""

from __future__ import annotations

import datetime as dt

import pytest

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.filters.filtering import Facts, FilterError, parse
from readiness_tui.core.model.board import Board, Item

ITEMS = [
    Item(
        id="SEC-01",
        title="Fail-closed scans",
        owner="@ana",
        status="done",
        priority="P0",
        phase="A",
        kind="stream",
        workstream="security",
        tags=["ci"],
    ),
    Item(
        id="SEC-02", title="Branch protection", owner="@ana", status="todo", priority="P0", phase="A", target="2026-W08"
    ),
    Item(
        id="VLT-02",
        title="Rotate credentials",
        owner="@ben",
        status="blocked",
        priority="P1",
        phase="B",
        depends_on=["VLT-01"],
    ),
    Item(
        id="OBS-02",
        title="Alert routing",
        owner="@dee",
        status="todo",
        priority="P1",
        kind="ticket",
        depends_on=["OBS-01"],
    ),
    Item(id="DOC-01", title="API reference", owner="", status="in_progress", priority="P2", contributors=["@ana"]),
]
FACTS = Facts(ready={"SEC-02"}, blocked={"VLT-02"}, overdue={"SEC-02", "DOC-01"}, waiting={"VLT-02", "OBS-02"})


def ids(text: str) -> list[str]:
    return [it.id for it in parse(text).filter(ITEMS, FACTS)]


def test_empty_query_keeps_everything() -> None:
    assert parse("").is_empty
    assert ids("   ") == [it.id for it in ITEMS]


def test_words_match_id_title_owner_case_insensitively() -> None:
    assert ids("sec") == ["SEC-01", "SEC-02"]
    assert ids("ROTATE") == ["VLT-02"]
    assert ids("branch protection") == ["SEC-02"]
    assert ids('"alert routing"') == ["OBS-02"]
    assert ids("security") == ["SEC-01"]  # workstream
    assert ids("ci") == ["SEC-01"]  # tag


def test_fields() -> None:
    assert ids("owner:@ana") == ["SEC-01", "SEC-02"]  # the owner only
    assert ids("contributor:@ana") == ["DOC-01"]  # contributors under their own key
    assert ids("@ben") == ["VLT-02"]
    assert ids("owner:ana status:todo") == ["SEC-02"]
    assert ids("status:blocked") == ["VLT-02"]
    assert ids("status:wip") == ["DOC-01"]  # an alias of in_progress
    assert ids("p:P0") == ["SEC-01", "SEC-02"]
    assert ids("p:1") == ["VLT-02", "OBS-02"]
    assert ids("p:P0,P2") == ["SEC-01", "SEC-02", "DOC-01"]
    assert ids("phase:a") == ["SEC-01", "SEC-02"]
    assert ids("kind:ticket") == ["OBS-02"]
    assert ids("ws:sec") == ["SEC-01"]
    assert ids("id:vlt") == ["VLT-02"]
    assert ids("target:2026-W08") == ["SEC-02"]


def test_flags_use_the_analysis() -> None:
    assert ids("ready") == ["SEC-02"]
    # Two words: "blocked" is the status, "waiting" is held up by an open (or unknown) dependency.
    assert ids("blocked") == ["VLT-02"]
    assert ids("waiting") == ["VLT-02", "OBS-02"]
    assert ids("overdue") == ["SEC-02", "DOC-01"]
    assert ids("open") == ["SEC-02", "VLT-02", "OBS-02", "DOC-01"]
    assert ids("closed") == ["SEC-01"]


def test_negation() -> None:
    assert ids("-status:todo") == ["SEC-01", "VLT-02", "DOC-01"]
    assert ids("!owner:@ana p:P0") == []
    assert ids("open -blocked") == ["SEC-02", "OBS-02", "DOC-01"]
    assert ids("open -waiting") == ["SEC-02", "DOC-01"]


def test_facts_of_an_analysis_are_its_sets() -> None:
    board = Board(items=ITEMS)
    a = Analysis(board, today=dt.date(2026, 3, 1))
    facts = Facts.of(a)
    # The hand-written facts above are what the analysis says (DOC-01's overdue is made up).
    assert (facts.ready, facts.blocked, facts.waiting) == (FACTS.ready, FACTS.blocked, FACTS.waiting)
    assert facts.overdue == {"SEC-02"}
    assert [it.id for it in parse("ready").filter(ITEMS, facts)] == a.ready


def test_half_typed_queries_say_what_is_missing() -> None:
    assert ids("status:in_pr") == ["DOC-01"]  # a prefix while typing still matches
    for text, column, words in (
        ("owner:", 7, "needs a value"),
        ('"unclosed', 1, "not closed"),
        ("-", 1, "needs a term"),
        ("nofield:x", 1, "unknown field 'nofield'"),
    ):
        with pytest.raises(FilterError) as err:
            parse(text)
        assert err.value.column == column
        assert words in err.value.message
