"""A roadmap's table of deliverables, each row's state a mark its legend table explains (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Roadmap

| State | Meaning |
| --- | --- |
| ✅ | Done. |
| 🦀  | In progress: Work is ongoing! |
| ✋ | Help wanted: Seeking an owner to pursue this! |
| 💤 | Paused: we are waiting to work on this until some other stuff gets done. |

## Overview

| Deliverable | State | Progress | Owner |
| --- | --- | --- | --- |
| 🔻 Async fn everywhere | 🦀  | ▰▰▱▱▱▱ | tmandry |
| &nbsp;&nbsp;↳ Type Alias Impl Trait | ✅ | ▰▰▰▰▰▰ | oli-obk |
| &nbsp;&nbsp;↳ Boxable async functions | 💤  | ▰▱▱▱▱▱ | |
| &nbsp;&nbsp;↳ tbd | ✋ | ▱▱▱▱▱▱ | |
| 🔻 Async iteration | 🦀  | ▰▰▱▱▱▱ | estebank |
| &nbsp;&nbsp;↳ tbd | ✋ | ▱▱▱▱▱▱ | |
"""


def test_deliverable_rows_are_items_in_the_states_the_legend_gives() -> None:
    report, items = imported(PLAN)
    got = [(i.title.lstrip("🔻↳ "), i.status) for i in items.values()]
    assert got == [
        ("Async fn everywhere", "in_progress"),
        ("Type Alias Impl Trait", "done"),
        ("Boxable async functions", "blocked"),
        ("Async iteration", "in_progress"),
    ]
    assert any("status legend: ✅ done, 🦀 in_progress, 💤 blocked" in ln for ln in report)
    assert sum("placeholder row" in ln for ln in report) == 2


def test_paused_is_on_hold_on_a_board_too() -> None:
    from readiness_tui.core.model.item_model import Item

    assert Item.model_validate({"id": "A-1", "status": "Paused"}).status == "blocked"
