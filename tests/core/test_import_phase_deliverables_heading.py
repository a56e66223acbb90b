"""``## Phase 2`` > ``### Deliverables`` > ``**Deck & Cards**:`` over ``- [TDD] Card model``: the phase's work, unless
another heading of the phase holds its items or lists its features (``#### Key Features``, which are its work then;
issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """## Phase 1: Foundation (Week 1)

### Deliverables
1. **Project Initialization**
   - Run the scaffold
2. **Test Infrastructure**
   - Install Jest

## Phase 2: Game Logic Core (Week 2-3)

### Goals
- Implement core poker rules

### Deliverables

**Deck & Cards**:
- [TDD] Card model (rank, suit, toString())
- [TDD] Deck class (52 cards, shuffle)

**Hand Evaluation**:
- [TDD] HandEvaluator service
"""


def test_the_lists_under_a_phases_deliverables_heading_are_its_work() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    # "[TDD]" opening each entry is its tag (how it is built), no part of its name.
    assert titles[2:] == ["Card model (rank, suit, toString())", "Deck class (52 cards, shuffle)",
                          "HandEvaluator service"]  # fmt: skip
    assert all(i.tags == ["TDD"] for i in list(items.values())[2:])
    assert "Implement core poker rules" not in titles


def test_beside_a_tasks_heading_holding_items_the_deliverables_are_outcomes() -> None:
    _, items = imported(
        "# Plan\n\n## Phase 1: Observability\n\n### Tasks\n1. **Set up logging**\n   - Add pino\n"
        "2. **Add metrics**\n   - Add prom-client\n\n### Deliverables\n- Structured logging framework\n"
        "- Metrics collection infrastructure\n"
    )
    assert "Structured logging framework" not in [i.title for i in items.values()]


FEATURES = """# Laundry app roadmap

## Phase 1: Accounts ✅

**Deliverables**:
- Custom user model
- JWT authentication

## Phase 2: {first}

#### Objectives
Give the business its numbers.

#### {heading}

- Revenue trends
- Order volume charts

#### Deliverables
- Analytics app
- 15 API endpoints
"""


def test_a_phases_key_features_are_its_work_and_its_deliverables_what_they_leave() -> None:
    _, items = imported(FEATURES.format(first="Analytics", heading="Key Features"))
    titles = [i.title for i in items.values()]
    assert {"Revenue trends", "Order volume charts"} <= set(titles)
    assert "Analytics app" not in titles
    assert "JWT authentication" in titles  # a phase with only deliverables still lists its work so


def test_features_under_a_heading_that_is_no_phase_are_what_a_product_has() -> None:
    plan = FEATURES.format(first="Analytics", heading="Key Features").replace("## Phase 2: Analytics", "## Analytics")
    _, items = imported(plan)
    assert "Revenue trends" not in [i.title for i in items.values()]


def test_numbered_bold_lines_over_bullets_are_the_phases_features() -> None:
    plan = FEATURES.format(first="Analytics", heading="Key Features").replace(
        "- Revenue trends\n- Order volume charts\n",
        "**1. Dashboard Overview**\n- Real-time metrics widget\n- Active users count\n\n"
        "**2. Revenue Analytics**\n- Revenue by partner\n",
    )
    lines, items = imported(plan)
    titles = [i.title for i in items.values()]
    assert {"Dashboard Overview", "Revenue Analytics"} <= set(titles)
    assert "Real-time metrics widget" not in titles
    dashboard = next(i for i in items.values() if i.title == "Dashboard Overview")
    assert "Active users count" in dashboard.acceptance  # its bullets, as a numbered heading's are
    assert any(
        "bold line '1' over a list, numbered from 1 under its heading read as the heading of an item" in line
        for line in lines
    )


def test_numbered_bold_lines_that_do_not_count_from_one_stay_as_written() -> None:
    from readiness_tui.core.importers.document.steps import promote_bold_tickets

    lines = ["## Notes", "", "**2. Second**", "- a", "", "**3. Third**", "- b"]
    promote_bold_tickets(lines, lambda n, s: None)
    assert lines[2] == "**2. Second**"
    alone = ["## Notes", "", "**1. Only**", "- a"]
    promote_bold_tickets(alone, lambda n, s: None)
    assert alone[2] == "**1. Only**"
    fenced = ["## A", "", "**1. One**", "- a", "", "```", "# a comment, no heading", "```", "", "**2. Two**", "- b"]
    promote_bold_tickets(fenced, lambda n, s: None)
    assert fenced[9] == "### 2. Two"  # a hash line in a code block starts no new count
    counted = "## A\n**1. One**\n- a\n\n**2. Two**\n- b\n## B\n\n**1. Again**\n- c\n\n**2. More**\n- d".split("\n")
    promote_bold_tickets(counted, lambda n, s: None)
    assert counted[1] == "### 1. One"
    assert counted[11] == "### 2. More"  # counting from 1 again under the next heading


def test_a_done_phases_delivered_features_are_its_work() -> None:
    plan = (
        "# Weather roadmap\n\n## ✅ Phase 1: Core (COMPLETED)\n\n### Delivered Features\n\n**Frontend:**\n"
        "- ✅ Location cards with real-time weather\n- ✅ Tab navigation\n\n## Phase 2: Alerts\n\n"
        "### 2.1 Northern lights alerts\n**Priority:** P1\n"
    )
    _, items = imported(plan)
    got = [(i.title, i.status) for i in items.values()]
    assert got[:2] == [("Location cards with real-time weather", "done"), ("Tab navigation", "done")]
    assert ("Northern lights alerts", "todo") in got
