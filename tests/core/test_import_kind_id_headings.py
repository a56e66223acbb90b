"""A heading that is a kind word and an id alone (``## Task T-ML-001``), its fields as ``key: value`` lines beneath
(issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = """# ML Tasks Backlog

## Task T-ML-001
title: Define core data sources and contracts
priority: P0
status: planned
deps: []

## Task T-ML-002
title: Choose the feature store
priority: P1
status: planned
deps: ["T-ML-001"]
"""


def test_the_id_after_the_kind_word_names_the_item_its_title_field_titles_it() -> None:
    _, items = imported(_PLAN)
    assert [(i.id, i.title, i.priority, i.depends_on) for i in items.values()] == [
        ("T-ML-001", "Define core data sources and contracts", "P0", []),
        ("T-ML-002", "Choose the feature store", "P1", ["T-ML-001"]),
    ]


def test_an_entry_of_parts_between_pipes_opens_with_its_name() -> None:
    md = (
        "# Roadmap\n\n## Streams\n\n### Platform\n"
        "- **API Gateway Migration**: Jul W1-Jul W4 | Alice, Carol | hard-deadline: 2025-07-31 | color: #4F46E5\n"
        "- **Database Optimization**: Aug W1-Aug W3 | Bob | risk-level: high | color: #EF4444\n"
    )
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("API Gateway Migration", "Alice"),
        ("Database Optimization", "Bob"),
    ]
    # What follows the name's colon is a note; the parts no field takes stay with it.
    assert [i.notes for i in items.values()] == ["Jul W1-Jul W4; color: #4F46E5", "Aug W1-Aug W3; color: #EF4444"]
