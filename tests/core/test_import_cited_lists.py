"""A sprint plan that schedules the backlog's numbered items in numbered lists (issue 43):
``1. **Backlog #17, #18, #19 — Investigations**``, and a lead-in naming what the sprint leaves out."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = (
    "# Next two sprints\n\n## Sprint 1 — Verification\n\n**Included items (in execution order):**\n\n"
    "1. **Backlog #17, #18 — Investigations (parallel)**\n   - Run the smoke once.\n"
    "   - **Why first:** every other item in Sprint 1 depends on these answers.\n\n"
    "2. **Backlog #1 — Deployed smoke (promotes the result from #17)**\n   - **Scope:** S.\n\n"
    "3. **Backlog #3 — Panel depth**\n   - Confirmation round-trip (depends on #4 landing).\n\n"
    "4. **Backlog #4 — Confirmation flow**\n   - **Scope:** M.\n\n"
    "**Explicitly excluded from Sprint 1:**\n\n- AI streaming (#10) — too large.\n- Provider retry (#9) — Sprint 2.\n\n"
    "## Sprint 2 — Polish\n\n1. **Backlog #10 — AI streaming**\n   - **Scope:** L.\n\n"
    "2. **Backlog #9 — Provider retry**\n   - Pre-req for streaming.\n"
)


def test_entries_naming_the_backlog_items_they_schedule_are_those_items() -> None:
    _, items = imported(_PLAN)
    assert list(items) == ["#17", "#18", "#1", "#3", "#4", "#10", "#9"]
    assert items["#17"].title == items["#18"].title == "Investigations (parallel)"
    assert set(items["#3"].depends_on) == {"#4", "#17", "#18"}  # its own words, and the sprint's first entry


def test_an_entry_saying_every_other_item_of_its_sprint_depends_on_it_goes_first_in_that_sprint() -> None:
    lines, items = imported(_PLAN)
    for rid in ("#1", "#3", "#4"):
        assert {"#17", "#18"} <= set(items[rid].depends_on)
    assert not {"#17", "#18"} & set(items["#10"].depends_on)  # Sprint 2 is another heading
    assert any("#17, #18 say every other item under 'Sprint 1 — Verification' waits on them" in x for x in lines)


def test_a_list_led_in_as_excluded_makes_no_items() -> None:
    _, items = imported(_PLAN)
    assert not any(i.title.startswith(("AI streaming (#10)", "Provider retry (#9)")) for i in items.values())
