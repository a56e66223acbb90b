"""Help says what the filter does: made from the parser's and matcher's own definitions, and each
thing it claims holds when a filter is run."""

from __future__ import annotations

from readiness_tui.core.analysis.tree import Hierarchy
from readiness_tui.core.filters.filtering import Facts, filter_help, parse
from readiness_tui.core.filters.match import TEXT_FIELDS, haystack
from readiness_tui.core.filters.syntax import FLAGS
from readiness_tui.core.model.board import Item

ITEMS = [
    Item(id="S1", title="Stream", kind="stream", priority="P0"),
    Item(id="T1", title="alpha", parent="S1", description="in the description"),
    Item(id="T2", title="beta", notes="in the notes", priority="P2"),
    Item(id="T3", title="gamma", acceptance=["in the acceptance"], status="done"),
]


def ids(text: str) -> list[str]:
    facts = Facts(tree=Hierarchy(ITEMS))
    return [it.id for it in parse(text).filter(ITEMS, facts)]


def test_help_names_every_flag_text_field_and_the_operators() -> None:
    text = filter_help()
    for word in (*FLAGS, *TEXT_FIELDS, "OR", "NOT", "( )", "p:P0,P1", "inherited"):
        assert word in text, word
    assert "ANDed" not in text


def test_what_help_claims_is_what_the_filter_does() -> None:
    item = Item(
        id="x-id", title="x-title", owner="x-owner", workstream="x-ws", kind="x-kind", tags=["x-tag"],
        description="x-description", notes="x-notes", acceptance=["x-acceptance"],
    )  # fmt: skip
    hay = haystack(item)
    for name in TEXT_FIELDS:
        value = getattr(item, name)
        assert (value[0] if isinstance(value, list) else value).lower() in hay, name
    assert ids('"the description" OR "the notes"') == ["T1", "T2"]
    assert ids("acceptance") == ["T3"]
    assert ids("-closed (alpha OR beta OR gamma)") == ["T1", "T2"]
    assert ids("NOT beta !gamma") == ["S1", "T1"]
    assert ids("p:P0") == ["S1", "T1"]  # inherited, as help says
