"""spec-kit's "Parallel Opportunities": lists of ranges of the plan's tasks, said again under the phases' headings,
with the order between them in words (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Tasks: Rate limiting

## Phase 2: Foundational (Blocking Prerequisites)

- [ ] T008 Write unit tests for the models
- [ ] T009 Write unit tests for the config
- [ ] T010 Create the models

## Phase 3: User Story 1

- [ ] T011 Create the RateLimiter class in `proxywhirl/rate_limiter.py`
- [ ] T012 Integrate the middleware into the app in `proxywhirl/api.py`

## Dependencies & Execution Order

### Parallel Opportunities

#### Phase 2 (Foundational)
- T008-T009 (test writing) can run in parallel (different test files)
- T009-T010 (model files) must be sequential (same file)

#### Phase 3 (User Story 1)
- T012 (api.py integration) must wait for T011
"""


def test_ranges_said_again_are_no_items_and_make_no_cycle() -> None:
    # Before: "T008-T009" became a group of T008 and T009 that waited on what Phase 2 goes before, T008 and T009
    # among them: a dependency cycle, which lint rejects.
    report, items = imported(PLAN)
    assert list(items) == ["T008", "T009", "T010", "T011", "T012"]
    assert not any(i in items[i].depends_on for i in items)
    assert any("list of ranges of the plan's items (2 entries): a view of them, not items" in x for x in report)


def test_a_sentence_naming_a_file_still_says_the_order() -> None:
    # Before: the sentence was cut at "api.py", and no order was read from it.
    _, items = imported(PLAN)
    assert "T011" in items["T012"].depends_on
