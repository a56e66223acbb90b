"""Numbered topics under an "Actions" heading, each over its own boxes: the boxes are the work, and
not one of them is dropped (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Privacy Action Items

### Immediate Actions (Week 1)

1. **Complete Company Information**
   - [ ] Fill in company address
   - [x] Add phone numbers

2. **Appoint Data Protection Officer**
   - [ ] Formally appoint DPO
   - [ ] Publish contact details

### Next Steps

- Review the policy with legal
- Schedule the audit
"""


def test_boxes_under_numbered_topics_of_an_actions_heading_are_items() -> None:
    report, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    for box in ("Fill in company address", "Add phone numbers", "Formally appoint DPO", "Publish contact details"):
        assert box in titles
    assert items[next(k for k, i in items.items() if i.title == "Add phone numbers")].status == "done"
    # The plain list of the other actions heading is still read entry by entry.
    assert "Review the policy with legal" in titles
    assert "Schedule the audit" in titles


def test_a_plain_numbered_action_list_is_still_one_item_per_entry() -> None:
    plan = "## Next Actions\n\n1. **Ship the cache**\n   - measure it first\n2. **Write the note**\n"
    report, items = imported(plan)
    assert [i.title for i in items.values()] == ["Ship the cache", "Write the note"]
