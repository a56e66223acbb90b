"""A plain list that closes each entry with who does it in brackets (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.owners import trailing_names


def test_names_closing_the_entries_of_a_bullet_plan_are_their_owners() -> None:
    md = (
        "## Projektplan\n\n### 1. Audit\n\n- Domänenmodell (Timo)\n- Stakeholderanalyse (Timo & Raziel)\n"
        "- Grobes Architekturmodell\n- Exposé fertigstellen (Alle)\n- Zielhierarchie (Raziel)\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    got = [(i.title, i.owner, i.contributors) for i in result.board.items]
    assert got == [
        ("Domänenmodell", "Timo", []),
        ("Stakeholderanalyse", "Timo", ["Raziel"]),
        ("Grobes Architekturmodell", "", []),
        ("Exposé fertigstellen", "Alle", []),
        ("Zielhierarchie", "Raziel", []),
    ]


def test_an_aside_in_brackets_names_nobody() -> None:
    # Words in brackets that never recur are asides (a tool, a kind), not who does the work.
    assert trailing_names(["Queue (Kafka)", "Store (Postgres)", "Cache"]) == [None, None, None]
    assert trailing_names(["Queue (in progress)", "Store (in progress)"]) == [None, None]


def test_the_recipe_keeps_the_names_as_written() -> None:
    from readiness_tui.core.importers.guided.recipe import Recipe

    md = "## Plan\n\n### Audit\n\n- Domänenmodell (Timo)\n- Stakeholderanalyse (Timo & Raziel)\n"
    result = import_markdown(md, "P.md", recipe=Recipe(options={"owner": "whole"}))
    assert result.board is not None
    assert [(i.owner, i.contributors) for i in result.board.items] == [("Timo", []), ("Timo & Raziel", [])]
