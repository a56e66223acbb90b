"""Dependencies named by words of another item's title (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_PLAN = """# Plan

## Track A

| Ticket | Description | Depends On |
|---|---|---|
| **Ingest endpoint** | POST the payments | — |
| **Signal Engine — Wave 1** | name similarity | Ingest |
| **Signal Engine — Wave 2** | policy match | Wave 1 |
| **Signal snapshot** | persist the signals | Signals done |
| **Review screen** | show the snapshot | Engine |
| **Client demo** | walk them through | — |
| **Seed data** | base data | Datos base para producción/demo |
"""


def test_a_word_naming_one_title_is_a_dependency_on_that_item() -> None:
    result = import_markdown(_PLAN, "P.md")
    assert result.board is not None
    deps = {i.title: i.depends_on for i in result.board.items}
    by_title = {i.title: i.id for i in result.board.items}
    assert deps["Signal Engine — Wave 1"] == [by_title["Ingest endpoint"]]
    assert deps["Signal Engine — Wave 2"] == [by_title["Signal Engine — Wave 1"]]
    # "Signals" is in no title as a word, "Engine" in two: neither names one item.
    assert deps["Signal snapshot"] == [] and deps["Review screen"] == []
    # A sentence describing the work is no list of names, whatever word of a title it holds.
    assert deps["Seed data"] == []
