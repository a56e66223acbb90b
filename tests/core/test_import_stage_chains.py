"""An order of stages drawn as one chain with each stage's items in parentheses (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

ROWS = "".join(f"| T{n} | Task {n} | ✅ |\n" for n in range(51, 58))
PLAN = f"""# M4

| ID | Task | Status |
|----|------|--------|
{ROWS}
## Order

```
Migrations (T51→T52) → Permission helper (T53)
→ New endpoints (T54→T56) → Scheduled CRUD (T57)
```
"""


def test_each_stage_waits_on_the_one_before_and_an_arrow_between_ids_runs_through() -> None:
    _, items = imported(PLAN)
    deps = {i.id: i.depends_on for i in items.values()}
    assert deps == {
        "T51": [],
        "T52": ["T51"],
        "T53": ["T52"],
        "T54": ["T53"],
        "T55": ["T54"],
        "T56": ["T55"],
        "T57": ["T56"],
    }


def test_items_side_by_side_and_a_stage_without_items_is_no_chain() -> None:
    parallel = PLAN.replace("Migrations (T51→T52)", "Migrations (T51 + T52)")
    _, items = imported(parallel)
    assert items["T53"].depends_on == ["T51", "T52"]
    assert items["T52"].depends_on == []
    _, items = imported(PLAN.replace("Permission helper (T53)", "Permission helper (soon)"))
    assert all(not i.depends_on for i in items.values())
