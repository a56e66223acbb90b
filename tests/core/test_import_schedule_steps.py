"""Numbered steps under a day or week of a schedule are work, beside a plan's other items (issue 43); a list led in
as deliverables in a section whose checklist holds its tasks is what those tasks leave behind; and numbered headings
over code under a heading about the design show the design (``## Key Components`` > ``### 1. Tenant Model``)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Multi-tenant plan

## Implementation Phases

### Phase A: Backend (Days 1-3)

#### Day 1: Core Models
1. ✅ Create the `Tenant` model
2. ✅ Add `tenant_id` to every model

#### Day 2: Services
**Components:**
1. **Registry**
   - Lookup by host

## Key Components

### 1. Tenant Model

```csharp
public class Tenant {}
```

### 2. Tenant Middleware

```csharp
public class TenantMiddleware {}
```

## Week 3: Portal

- [ ] Configure the portal
- [ ] Add the tier matrix

**Deliverables:**
- Portal configured
- Tier matrix published

## Next Steps

1. Run the load test
"""


def test_schedule_steps_are_items_and_design_code_and_outputs_are_not() -> None:
    report, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[:2] == ["Create the `Tenant` model", "Add `tenant_id` to every model"]
    assert [i.status for i in items.values()][:2] == ["done", "done"]
    assert "Configure the portal" in titles and "Add the tier matrix" in titles
    for not_work in ("Tenant Model", "Tenant Middleware", "Portal configured", "Tier matrix published", "Registry"):
        assert not_work not in titles
    assert any("holds only text and code" in line for line in report)


def test_a_mark_and_a_state_word_under_a_box_are_its_state_not_work() -> None:
    md = (
        "# Rust support\n\n## Phase 0: Planning\n\n- [x] **0.1**: Create comprehensive plan (Est: 30min)\n"
        "  - Document structure\n  - ✅ Complete\n\n- [x] **0.3**: Research the ecosystem (Est: 20min)\n"
        "  - rayon\n  - ✅ Complete (~400 lines)\n  - ✅ Write the research note\n"
    )
    _, items = imported(md)
    # Before: "✅ Complete" was a child item of each box, titled "Complete".
    assert [(i.id, i.title) for i in items.values()] == [
        ("0.1", "Create comprehensive plan"),
        ("0.3", "Research the ecosystem"),
        ("0.3.1", "Write the research note"),  # a mark over words of work is a step done
    ]
