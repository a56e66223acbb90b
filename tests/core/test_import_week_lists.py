"""A roadmap's weeks over bullets, some ticked off with a mark, beside the plan's items described under headings of
their own: the weeks' entries are work, and an entry naming an item is that item in its state (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Caching Strategy

## Part 1: Critical Path Caching

### CACHE-1: Merchant Credentials Cache 🎯
**Priority:** P0

### CACHE-2: Payment Method Cache Layer
**Priority:** P0

### CACHE-4: Group State Computation Cache
**Priority:** P1

### CACHE-3: Customer Payment Methods List
**Priority:** P1

## Part 7: Implementation Roadmap

### Week 1: Critical Path Caching
- ✅ Merchant credentials cache
- ✅ Payment method cache
- ✅ Group state cache
- Tests + monitoring

### Week 4: Testing & Optimization
- Load tests
- TTL tuning
"""


def test_a_weeks_marked_entries_are_the_items_they_name_and_the_rest_new_work() -> None:
    report, items = imported(PLAN)
    # Before: the weeks' lists were kept as text, so the items' states and the new work were lost.
    assert [(i.id, i.title, i.status) for i in items.values() if i.id.startswith("CACHE-")] == [
        ("CACHE-1", "Merchant Credentials Cache", "done"),  # the pictograph closing its heading decorates it
        ("CACHE-2", "Payment Method Cache Layer", "done"),
        ("CACHE-4", "Group State Computation Cache", "done"),
        ("CACHE-3", "Customer Payment Methods List", "todo"),
    ]
    new = [i.title for i in items.values() if not i.id.startswith("CACHE-")]
    assert new == ["Tests + monitoring", "Load tests", "TTL tuning"]
    # "Payment method cache" shares words with CACHE-3 too, but more with CACHE-2.
    assert any("names CACHE-2 (line 8) again in other words" in line for line in report)
