"""Headings with no id whose sections open with an item's fields are items (issue 43): ``## Final Testing`` over
``- **Status**: Not Started``, ``- **Priority**: High``, ``- **Dependencies**: …`` beside siblings written alike."""

from __future__ import annotations

from tests.core.import_plan import imported


def _task(title: str, priority: str, deps: str) -> str:
    return (
        f"## {title}\n- **Status**: 🔴 Not Started\n- **Assignee**: TBD\n- **Priority**: {priority}\n"
        f"- **Description**: Do {title.lower()}\n- **Acceptance Criteria**:\n  - [ ] It works\n  - [ ] It is written up\n"
        f"- **Dependencies**: {deps}\n- **Notes**: Keep it short\n\n"
    )


PLAN = "# Sprint 7: Launch\n\n" + "".join(
    _task(*t)
    for t in (
        ("Final Testing", "High", "Sprint 6 completion"),
        ("Deployment Setup", "High", "Final Testing"),
        ("Monitoring Setup", "Medium", "Deployment Setup, Final Testing"),
        ("Launch Rehearsal", "Medium", "All other tasks"),
        ("Final Approval", "High", "All other tasks"),
    )
)


def test_each_heading_is_one_item_with_its_fields() -> None:
    report, items = imported(PLAN)
    assert list(items) == ["FT-1", "DS-1", "MS-1", "LR-1", "FA-1"]
    ft = items["FT-1"]
    assert (ft.title, ft.status, ft.priority) == ("Final Testing", "todo", "P1")
    assert ft.acceptance == ["It works", "It is written up"]
    assert "heading 'Final Testing' opens with an item's fields, as its siblings do: item FT-1" in "\n".join(report)


def test_an_assignee_to_be_decided_is_no_owner() -> None:
    _, items = imported(PLAN)
    assert {i.owner for i in items.values()} == {""}
    md = "# P\n\n### T-1: Ship\n- **Assignee**: TBD\n\n### T-2: Test\n- **Owner**: Unassigned\n- **Status**: done\n"
    _, items = imported(md)
    assert [(i.id, i.owner) for i in items.values()] == [("T-1", ""), ("T-2", "")]
    # Inline in an entry's words, as in a field line or a table cell.
    _, items = imported("# P\n\n## Work\n\n- [ ] T-1: Ship the build — Owner: TBD\n- [ ] T-2: Test it — Owner: Ana\n")
    assert [(i.id, i.owner) for i in items.values()] == [("T-1", ""), ("T-2", "Ana")]


def test_dependencies_named_by_title_are_those_items() -> None:
    report, items = imported(PLAN)
    assert items["DS-1"].depends_on == ["FT-1"]
    assert items["MS-1"].depends_on == ["DS-1", "FT-1"]
    assert items["FT-1"].depends_on == []  # "Sprint 6 completion" names no item here
    assert "DS-1: 'Final Testing' is the title of FT-1; taken as a dependency" in "\n".join(report)


def test_of_two_steps_waiting_on_all_others_the_later_waits_on_the_earlier() -> None:
    _, items = imported(PLAN)
    assert items["LR-1"].depends_on == ["FT-1", "DS-1", "MS-1"]
    assert items["FA-1"].depends_on == ["FT-1", "DS-1", "MS-1", "LR-1"]


def test_one_heading_with_fields_alone_describes_the_document() -> None:
    md = (
        "# Plan\n\n## Overview\n\n**Owner**: Jane\n**Status**: Active\n\n## Work\n\n"
        "- [ ] Write the guide\n- [ ] Ship the build\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Write the guide", "Ship the build"]


def test_a_heading_with_fields_over_a_table_groups_its_rows() -> None:
    table = "| Story ID | Story | Status |\n|---|---|---|\n"
    md = (
        "# Velocity\n\n## Sprint 1: Foundation\n\n**Target**: 34 points\n**Status**: Not Started\n\n"
        f"{table}| S-1 | Disable the bus | To Do |\n| S-2 | Fix the limit | To Do |\n\n"
        "## Sprint 2: Gold\n\n**Target**: 30 points\n**Status**: Done\n\n"
        f"{table}| S-3 | Build the layer | Done |\n| S-4 | Load the data | Done |\n"
    )
    _, items = imported(md)
    assert list(items) == ["S-1", "S-2", "S-3", "S-4"]


def test_a_heading_named_by_a_word_and_number_keeps_them_as_its_id() -> None:
    md = (
        "# Launch\n\n## Blockers\n\n### BLOCKER #1: No health endpoint\n\n**Status**: ✅ COMPLETE\n"
        "**Owner**: Engineer Agent\n\n### BLOCKER #2: RLS not verified\n\n**Status**: ✅ COMPLETE\n**Owner**: Data Agent\n"
    )
    _, items = imported(md)
    assert [(i.id, i.title, i.owner, i.status) for i in items.values()] == [
        ("BLOCKER-1", "No health endpoint", "Engineer Agent", "done"),
        ("BLOCKER-2", "RLS not verified", "Data Agent", "done"),
    ]


def test_a_numbered_section_listing_its_tasks_as_boxes_groups_them() -> None:
    md = (
        "# Phase 15\n\n## 2. Tasks\n\n### 2.1 Fix the serializer\n\n**Problem**: three failing asserts\n\n"
        "**任务**:\n- [x] Find the root cause\n- [ ] Fix is_valid_json\n\n**验收标准**:\n- [ ] All tests pass\n\n"
        "### 2.2 Finish the config\n\n**Tasks:**\n- [x] Watch the file\n"
    )
    report, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Find the root cause", "done"),
        ("Fix is_valid_json", "todo"),
        ("Watch the file", "done"),
    ]
    assert "heading '2.1 Fix the serializer': a numbered section listing its tasks as boxes; their group" in "\n".join(
        report
    )


def test_a_named_task_heading_makes_its_tasks_boxes_its_child_items() -> None:
    md = "# P\n\n### TASK-2: Fix the serializer\n\n**Tasks:**\n- [x] Find the cause\n- [ ] Fix it\n"
    _, items = imported(md)
    assert [(i.id, i.parent, i.status) for i in items.values()] == [
        ("TASK-2", None, "in_progress"),
        ("TASK-2.1", "TASK-2", "done"),
        ("TASK-2.2", "TASK-2", "todo"),
    ]


def test_blocks_and_blocked_by_under_a_dependencies_heading_each_say_their_way() -> None:
    md = (
        "# Epic\n\n### FF-4404: Upgrade the relay\n\n#### Dependencies\n\n- **Blocked by**: FF-4406 (prerequisites)\n"
        "- **Blocked by**: FF-4405 (production access)\n\n### FF-4405: Production access\n\n#### Dependencies\n\n"
        "- **Blocks**: FF-4404 (upgrade the relay)\n\n### FF-4406: Prerequisites\n\n**Status**: In Progress\n"
    )
    _, items = imported(md)
    assert {i: it.depends_on for i, it in items.items()} == {
        "FF-4404": ["FF-4406", "FF-4405"],
        "FF-4405": [],
        "FF-4406": [],
    }


def test_a_related_line_beside_blocks_and_blocked_by_names_no_dependency() -> None:
    md = (
        "# Issues\n\n### DEF-35: Classifier MVP\n\n#### Dependencies\n"
        "- **Blocked By:** DEF-68, DEF-69 (data integrity must be solid first)\n"
        "- **Blocks:** DEF-38 (prompt improvements)\n- **Related:** DEF-15 (other classifier issues)\n\n"
        "### DEF-68: Fix the silent save\n\n**Status:** OPEN\n\n### DEF-69: Validate the input\n\n**Status:** OPEN\n\n"
        "### DEF-38: Improve the prompts\n\n**Status:** OPEN\n\n### DEF-15: Old classifier issue\n\n**Status:** OPEN\n"
    )
    report, items = imported(md)
    assert {i: it.depends_on for i, it in items.items()} == {
        "DEF-35": ["DEF-68", "DEF-69"],
        "DEF-68": [],
        "DEF-69": [],
        "DEF-38": ["DEF-35"],
        "DEF-15": [],
    }
    assert items["DEF-35"].custom["related"] == "DEF-15 (other classifier issues)"


def test_an_unknown_id_inside_sentences_of_prerequisites_is_no_dependency() -> None:
    md = (
        "# Epic\n\n### FF-1: Test the upload\n\n#### Prerequisites\n\n"
        "- Can keiran supply us the S3 credentials for us to store in Vault?\n- Ask whether there is a staging bucket.\n\n"
        "### FF-2: Ship it\n\n**Depends on**: FF-9\n"
    )
    report, items = imported(md)
    assert items["FF-1"].depends_on == []
    assert items["FF-2"].depends_on == ["FF-9"]  # alone in its field: a reference the person should see
    assert "FF-1: S3 in the words of its dependencies names no item; not a dependency" in "\n".join(report)


def test_a_numbered_section_over_groups_of_marked_bullets_groups_them_too() -> None:
    md = (
        "# SDK checklist\n\n## Phase 2: Communication Layer\n\n### 2.1 Axon (Server) Implementation 🔴 HIGH\n\n"
        "#### 2.1.1 Core Server\n- 🟡 FastAPI server base\n- ❌ Request routing\n- ❌ Graceful shutdown\n\n"
        "#### 2.1.2 Security Features\n- ❌ TLS/SSL support\n- ✅ API key authentication\n- ❌ Rate limiting\n"
    )
    _, items = imported(md)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "FastAPI server base": "in_progress",
        "Request routing": "todo",
        "Graceful shutdown": "todo",
        "TLS/SSL support": "todo",
        "API key authentication": "done",
        "Rate limiting": "todo",
    }


def test_headings_stating_their_status_and_what_the_work_is_are_items() -> None:
    text = """# Run-Home TODO

## 🟡 Medium Priority

### 2. Route Editing
**Status:** Planned
**Description:** Allow users to modify routes by dragging waypoints.

**Features:**
- [ ] Draggable waypoints on route
- [ ] Route recalculation

### 3. Route Sharing
**Status:** Not Started
**Description:** Share a route by a link.
"""
    _, items = imported(text)
    # Before: a status and a description were one field of work, so neither heading was an item; the boxes were.
    titles = {i.title: i for i in items.values()}
    assert titles["Route Editing"].status == "todo" and titles["Route Sharing"].status == "todo"  # numbers cut
    assert titles["Draggable waypoints on route"].parent == titles["Route Editing"].id


def test_headings_stating_their_status_and_when_the_work_is_done_are_items() -> None:
    text = """# Mobile Finance App Implementation (ID: mutual-rose-limpet)

**Status:** In Progress

## Steps

### Define app requirements through user research (ID: hon-teal-guanaco)
- **Status:** In Progress
- **Completion Condition:** Requirements document approved by stakeholders
- **Created:** 4 hours ago

### Set up the development environment (ID: superior-apricot-bug)
- **Status:** Completed
- **Completion Condition:** Environment configured and tested by the team
- **Created:** 4 hours ago
"""
    report, items = imported(text)
    # Before: one field of work (the status) beside criteria read as none, so the steps were kept as text.
    got = {i.id: (i.title, i.status, i.gate.exit_criteria if i.gate else "") for i in items.values()}
    assert got == {
        # The id each closes on is the plan's own.
        "hon-teal-guanaco": (
            "Define app requirements through user research",
            "in_progress",
            "Requirements document approved by stakeholders",
        ),
        "superior-apricot-bug": (
            "Set up the development environment",
            "done",
            "Environment configured and tested by the team",
        ),
    }


def test_a_step_about_progress_tracking_among_steps_written_alike_is_one_of_them() -> None:
    text = (
        "# Plan\n\n## Steps\n\n### Implement goal setting and progress tracking (ID: ox)\n- **Status:** In Progress\n"
        "- **Completion Condition:** Goals work\n\n### Implement sign-in (ID: fish)\n- **Status:** In Progress\n"
        "- **Completion Condition:** Sign-in works\n"
    )
    _, items = imported(text)
    # Before: "progress" in its title made the first a log of progress notes.
    assert list(items) == ["ox", "fish"]


def test_a_numbered_section_saying_what_it_waits_on_is_an_item_its_tasks_its_children() -> None:
    md = (
        "# Work Breakdown\n\n## Phase 1: Foundation\n\n### 1.1 Create Prompt Class\n**File:** `src/prompt.js`\n\n"
        "**Tasks:**\n- [ ] Create the class\n- [x] Define the fields\n\n**Acceptance Criteria:**\n"
        "- Prompt class extends BasePrompt\n\n**Dependencies:** None\n\n---\n\n### 1.2 Register Prompt Template\n\n"
        "**Tasks:**\n- [ ] Import the prompt\n- [ ] Add the case\n\n**Dependencies:** 1.1\n"
    )
    _, items = imported(md)
    got = {i: (it.title, it.parent, it.depends_on) for i, it in items.items()}
    assert got == {
        "1.1": ("Create Prompt Class", None, []),
        "1.1.1": ("Create the class", "1.1", []),
        "1.1.2": ("Define the fields", "1.1", []),
        "1.2": ("Register Prompt Template", None, ["1.1"]),
        "1.2.1": ("Import the prompt", "1.2", []),
        "1.2.2": ("Add the case", "1.2", []),
    }
    assert items["1.1"].acceptance == ["Prompt class extends BasePrompt"]
