"""A numbered list whose entries wait on each other by number is an order of work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Migrations

## Migration order

1. `001_config.sql` - Platform configuration (no dependencies)
2. `002_accounts.sql` - Main connections
3. `003_sub_accounts.sql` - Sub-accounts (depends on #2)
4. `004_posts.sql` - Posts (depends on #1, #3)
5. `005_triggers.sql` - Database triggers (must be last)

## Key features

### 1. Flexible authentication

Supports OAuth and API keys.

### 2. Queue system

A worker drains the queue.
"""


def test_each_entry_is_an_item_waiting_on_the_numbers_it_names() -> None:
    report, items = imported(PLAN)
    assert {i: it.depends_on for i, it in items.items()} == {
        "1": [],
        "2": [],
        "3": ["2"],
        "4": ["1", "3"],
        "5": ["1", "2", "3", "4"],  # "must be last": after every other entry
    }
    assert (items["3"].title, items["1"].title) == (
        "`003_sub_accounts.sql` - Sub-accounts",
        "`001_config.sql` - Platform configuration (no dependencies)",
    )
    # The numbered headings further down are the document's outline, not more of items 1 and 2.
    assert "heading '1. Flexible authentication': a section number; item 1 is the numbered list's" in "\n".join(report)
    assert not items["1"].description


def test_a_numbered_list_naming_no_other_entry_makes_no_items() -> None:
    plan = "# P\n\n## Notes\n\n1. Read the docs (after lunch)\n2. Ask Kim\n3. Depends on the weather\n"
    _, items = imported(plan.replace("# P", "# P\n\n| ID | Task |\n|---|---|\n| A-1 | a |"))
    assert set(items) == {"A-1"}


def test_the_wait_words_of_other_plan_languages_count() -> None:
    plan = "# P\n\n## Orden\n\n1. Esquema\n2. Datos (depende de 1)\n3. Informes (depende de 1, 2)\n"
    _, items = imported(plan)
    assert {i: it.depends_on for i, it in items.items()} == {"1": [], "2": ["1"], "3": ["1", "2"]}
