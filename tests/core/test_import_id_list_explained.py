"""A list of entries opening with their ids, each named and then explained after a dash (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Subscriptions

## Phase 12: Subscriptions

- **SUB-1:** Registration system — records each sign-up at once, who made it, for how long, start and end
- **SUB-2:** Renewal — a paid renewal activates the subscription for the period paid at once
- **SUB-3:** License key generator — the system issues a license key and keeps a copy of it
"""


def test_each_entry_is_titled_by_its_name_and_explained_by_the_rest() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("SUB-1", "Registration system"),
        ("SUB-2", "Renewal"),
        ("SUB-3", "License key generator"),
    ]
    assert items["SUB-3"].description.startswith("the system issues a license key")


def test_a_list_not_every_entry_of_which_is_explained_keeps_whole_titles() -> None:
    plan = PLAN.replace(
        "- **SUB-2:** Renewal — a paid renewal activates the subscription for the period paid at once",
        "- **SUB-2:** Renewal of paid plans",
    )
    _, items = imported(plan)
    assert items["SUB-1"].title.startswith("Registration system — records")
