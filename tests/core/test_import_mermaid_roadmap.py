"""A roadmap drawn as a Mermaid flowchart (issue 43): each labelled node an item, each arrow a wait."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Field app

## Road map

```mermaid
flowchart LR
    start((Today)) --> a[1. Offline sync of forms]
    start --> b[2. Photo capture]
    a --> c[?Conflict resolution]
    b & c --> r1([v2.0: Public beta])
    r1 --> d{Push notifications}
    r1 -.-> e[Tablet layout]
```
"""


def test_each_labelled_node_is_an_item_and_each_arrow_a_wait() -> None:
    report, items = imported(PLAN)
    assert [(i.id, i.title, i.depends_on) for i in items.values()] == [
        ("1", "Offline sync of forms", []),
        ("2", "Photo capture", []),
        ("RM-1", "Conflict resolution", ["1"]),
        ("RM-2", "Public beta", ["2", "RM-1"]),
        ("RM-3", "Push notifications", ["RM-2"]),
        ("RM-4", "Tablet layout", ["RM-2"]),
    ]
    assert items["RM-2"].custom == {"version": "v2.0"}
    assert any("Mermaid flowchart under 'Road map': a roadmap" in line for line in report)


def test_a_flowchart_elsewhere_draws_no_items() -> None:
    plan = PLAN.replace("## Road map", "## Architecture")
    _, items = imported(plan + "\n## Tasks\n\n- [ ] Write the sync client\n")
    assert [i.title for i in items.values()] == ["Write the sync client"]


def test_a_roadmap_of_three_nodes_is_not_read_as_its_work() -> None:
    plan = """# Plan

## Roadmap

```mermaid
graph TD
    a[Design] --> b[Build] --> c[Ship]
```

- [ ] Write the design doc
"""
    _, items = imported(plan)
    assert [i.title for i in items.values()] == ["Write the design doc"]
