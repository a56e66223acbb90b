"""Bullets under a numbered entry indented less than its text (``1. Configure`` over ``  - update the file``): the
writer nested them, though Markdown ends the numbered list there (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.list_marks import shallow_sublists
from tests.core.import_plan import imported

PLAN = """# Portal playbook

## Phase 1: Local setup

### Step 2: Configure the local instance

1. Configure the local environment
  - update app-config.yaml to include per-environment files
  > each environment gets its own file
  - create app-config.local.yaml
2. Set up the GitLab integration
  - add the client id and secret
    - the provider needs defined users
3. Add the TechDocs plugin
  - choose the local builder

Done when the portal starts.
"""


def test_the_run_under_each_entry_moves_to_the_entrys_text() -> None:
    lines = PLAN.split("\n")
    said: list[tuple[int, str]] = []
    shallow_sublists(lines, lambda n, text: said.append((n, text)))
    assert lines[7:12] == [
        "   - update app-config.yaml to include per-environment files",
        "   > each environment gets its own file",
        "   - create app-config.local.yaml",
        "2. Set up the GitLab integration",
        "   - add the client id and secret",
    ]
    assert lines[12] == "     - the provider needs defined users"  # deeper lines move by as much
    assert lines[16] == "Done when the portal starts."  # the paragraph after the list stays where it was
    assert [n for n, _ in said] == [8, 12, 15]
    assert len(lines) == len(PLAN.split("\n"))


def test_bullets_already_at_the_entrys_text_and_code_fences_are_left_alone() -> None:
    text = "1. Build\n   - compile\n\n```\n1. not a list\n  - nor this\n```\n"
    lines = text.split("\n")
    shallow_sublists(lines, lambda n, t: None)
    assert "\n".join(lines) == text


def test_each_numbered_entry_is_one_item_holding_its_bullets() -> None:
    # Before: Markdown made five lists of the three entries and their bullets; each entry with bullets under it was
    # read as a group of them, and the section was skipped ("no ids, no items").
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == [
        "Configure the local environment",
        "Set up the GitLab integration",
        "Add the TechDocs plugin",
    ]
    first, second, _ = items.values()
    assert "create app-config.local.yaml" in first.description
    assert "the provider needs defined users" in second.description
