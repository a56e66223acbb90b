"""A heading marked with the writer's place in the plan (``### 2. Gameplay Focus << I Am Here >>``) is no template
slot (``<feature name>``): its work is read; a milestone marked ``[COMPLETED]`` gives its work that state (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Terminus

## Key Milestones
### 1. Simple roguelike [COMPLETED]
This should focus on moving the character around.
  - Inventory to equip melee and ranged weapon
  - Some ability to heal character

### 2. Gameplay Focus << I Am Here >>
This milestone will be complete when someone gives feedback.

- Hot slots for items that are equipped
- Better hotkeys that can be reconfigured
"""


def test_a_heading_marking_the_writer_s_place_holds_its_work() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert "Hot slots for items that are equipped" in titles
    assert "Better hotkeys that can be reconfigured" in titles


def test_a_milestone_marked_completed_gives_its_work_that_state() -> None:
    _, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert got["Inventory to equip melee and ranged weapon"] == "done"
    assert got["Hot slots for items that are equipped"] == "todo"


def test_a_milestone_s_entries_naming_groups_of_bullets_group_them() -> None:
    md = PLAN.replace(
        "- Hot slots for items that are equipped\n- Better hotkeys that can be reconfigured\n",
        "- UI Improvements\n  - Hot slots for items that are equipped\n  - Better hotkeys that can be reconfigured\n"
        "- Sounds\n  - Better control of sound volume\n  - Sounds for defeated enemies\n",
    )
    _, items = imported(md)
    titles = [i.title for i in items.values()]
    assert "Better control of sound volume" in titles and "Hot slots for items that are equipped" in titles
    assert "UI Improvements" not in titles and "Sounds" not in titles


def test_a_done_heading_over_a_table_of_items_in_spanish_lists_done_work() -> None:
    md = "# Plan\n\n## Hecho (no reabrir)\n\n| Ítem | Notas |\n| --- | --- |\n| Fase 0 — Setup | Hecho |\n| Fotos | Parcial |\n"
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [("Fase 0 — Setup", "done"), ("Fotos", "done")]
