"""Numbered steps with bold titles (issue 43), and commands in code spans that are no ids."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.entries.entry_ids import entry_id


def _items(md: str) -> dict[str, str]:
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return {i.id: i.description for i in result.board.items}


def test_bold_steps_under_a_work_heading_are_items_with_their_details() -> None:
    got = _items(
        "# P\n\n## Implementation order\n\n1. **Setup**: repo and CI\n   - review it\n2. **Profiles**: loader\n"
    )
    assert sorted(got) == ["1", "2"]
    assert "repo and CI" in got["1"] and "review it" in got["1"]


def test_bold_steps_under_a_heading_that_names_no_work_stay_text() -> None:
    result = import_markdown("# P\n\n## Background\n\n1. **Setup**: repo\n2. **Profiles**: loader\n", "P.md")
    assert result.board is not None
    assert result.board.items == []


def test_a_command_in_a_code_span_is_not_an_id() -> None:
    assert entry_id("`ec2-cli config init` - Validates", "ec2-cli config init - Validates") is None
    assert entry_id("`T-7` Fix the build", "T-7 Fix the build") is not None


RANKED = """# Priority Tasks

## 🔴 Urgent Priority Tasks

### Infrastructure and Deployment
1. **Origin Server Connection**
   - Diagnose Error 522
2. **DNS and SSL Configuration**
   - Complete DNS propagation

## 🟠 High Priority Tasks

### Development and Performance
1. **Content Management**
   - Parse the markdown content
2. **Search and Indexing**
   - Add relevance ranking

## Lessons Learned

### Areas for Improvement
1. **Automation**
   - Automate the notices
2. **Tooling**
   - Better usage tracking
"""


def test_steps_counting_from_1_under_sibling_headings_each_keep_their_work() -> None:
    result = import_markdown(RANKED, "PLAN.md")
    assert result.board is not None
    got = {i.id: (i.title, i.priority) for i in result.board.items}
    # The ranked heading above says the lists under its subheadings are work, and ranks them.
    assert got == {
        "1.1": ("Origin Server Connection", "P0"),
        "1.2": ("DNS and SSL Configuration", "P0"),
        "2.1": ("Content Management", "P1"),
        "2.2": ("Search and Indexing", "P1"),
    }
    report = "\n".join(result.report_lines)
    assert "-> items 2.1 .. 2.2 (the list counts from 1 again under its heading: ids 2.1, 2.2 …)" in report


def test_steps_counting_on_keep_their_numbers() -> None:
    got = _items(
        "# P\n\n## Plan\n\n### Setup tasks\n\n1. **Setup**: repo\n2. **CI**: pipeline\n\n"
        "### Export tasks\n\n3. **Profiles**: loader\n4. **Export**: json\n"
    )
    assert sorted(got) == ["1", "2", "3", "4"]


def test_a_restated_list_of_the_same_steps_leaves_their_numbers() -> None:
    got = _items(
        "# P\n\n## Implementation order\n\n1. **Setup**: repo\n2. **CI**: pipeline\n\n"
        "## Deliverables\n\n1. **Setup**: done\n2. **CI**: green\n"
    )
    assert sorted(got) == ["1", "2"]


def test_steps_counting_on_across_headings_keep_their_numbers_beside_a_list_counting_from_1() -> None:
    got = _items(
        "# P\n\n## Issues\n\n### High Priority (P0)\n\n1. **Labels**: aria\n2. **Keys**: tab order\n\n"
        "### Medium Priority (P1)\n\n3. **Alt text**: images\n\n## Later\n\n### Practices\n\n1. **Audits**: yearly\n"
        "2. **Training**: team\n"
    )
    assert sorted(got)[:3] == ["1", "2", "3"]


def test_lists_that_are_no_steps_do_not_number_the_steps_per_heading() -> None:
    got = _items(
        "# P\n\n## Findings\n\n### What works\n\n1. **Core pipeline**: converts\n2. **Metrics**: collected\n\n"
        "### Gaps\n\n1. **No alerting**: none set\n2. **No recovery**: no backups\n\n"
        "## Next Steps\n\n1. **Approve the budget**: this week\n2. **Hire an SRE**: next month\n"
    )
    assert sorted(got) == ["1", "2"]  # the one list of steps keeps its numbers: not 3.1, 3.2


def test_how_to_contribute_to_the_roadmap_is_no_work_of_it() -> None:
    got = _items(
        "# Roadmap\n\n## v1.0\n\n- [ ] Source maps\n- [ ] Debugger support\n\n## Contributing to the Roadmap\n\n"
        "1. **Feature Requests**: Open an issue\n2. **Prioritization**: Vote on issues\n"
        "3. **Implementation**: Pick up issues marked `help wanted`\n"
    )
    assert len(got) == 2 and not {"1", "2", "3"} & set(got)
