"""A numbered section named by a topic over boxes of work is their group (issue 43): ``#### 1.1 Password Security
Hardening`` over ``- [ ] **Backend**: Remove plaintext logging``, ``- [ ] Add strength checks`` makes one item per
box; a section named by a task (``### 2.1 Fix the serializer``) keeps its boxes as its steps. A callout of field
lines under a heading (``> **Priority**: 🔴 Critical``) gives its items those fields, as a paragraph of them does."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections.lead_ins import opens_with_action
from tests.core.import_plan import imported

PLAN = (
    "# Security plan\n\n### Phase 1: Critical fixes (Week 1-2)\n> **Priority**: 🔴 Critical - vulnerabilities\n\n"
    "#### 1.1 Password Security Hardening\n"
    "- [ ] **Backend**: Remove plaintext password logging\n- [ ] **Backend**: Add password strength validation\n"
    "- [x] **Frontend**: Create the credentials display\n\n"
    "#### 1.2 Rate Limiting\n- [ ] Install the rate limiter\n- [ ] Add limits to the login route\n"
    "- [ ] Bypass limits in single-user mode\n\n"
    "#### 1.3 Fix the serializer\n- [ ] Find the root cause\n- [ ] Write the regression test\n- [ ] Patch is_valid_json\n"
)


def test_boxes_of_work_under_a_topic_are_items_and_a_task_keeps_its_steps() -> None:
    _, items = imported(PLAN)
    titles = [i.title for i in items.values()]
    assert titles[:6] == [
        "Backend: Remove plaintext password logging",
        "Backend: Add password strength validation",
        "Frontend: Create the credentials display",
        "Install the rate limiter",
        "Add limits to the login route",
        "Bypass limits in single-user mode",
    ]
    assert titles[6:] == ["Fix the serializer"]  # its boxes are its steps
    assert [i.status for i in items.values()][:3] == ["todo", "todo", "done"]


def test_a_callout_of_fields_under_a_heading_gives_its_items_the_priority() -> None:
    md = "# Plan\n\n## Phase 1: Fixes\n> **Priority**: 🔴 Critical - vulnerabilities\n\n- [ ] Remove logging\n- [ ] Add checks\n"
    report, items = imported(md)
    assert [i.priority for i in items.values()] == ["P0", "P0"]
    assert any("priority 'P0' for its items" in line for line in report)


def test_fields_on_one_line_set_apart_by_bars_give_the_heading_s_items_theirs() -> None:
    # "**Target:** Q4 2025 | **Status:** In Development | **Priority:** HIGH": three fields, one line.
    md = (
        "# Roadmap\n\n## v0.2: Foundation\n\n**Target:** Q4 2025 | **Status:** In Development | **Priority:** HIGH\n\n"
        "**Implementation Tasks:**\n- [ ] Configure the planner\n- [ ] Tune the controller\n"
    )
    report, items = imported(md)
    assert [i.priority for i in items.values()] == ["P1", "P1"]
    assert any("priority 'P1'" in line and "for its items" in line for line in report)


def test_boxes_stating_outcomes_under_a_topic_are_items_but_not_under_an_item_with_fields() -> None:
    topics = "".join(
        f"### {n}. **{topic}**\n\n- [x] {topic} one done\n- [ ] {topic} two open\n- [ ] {topic} three open\n\n"
        for n, topic in enumerate(("Stability", "Security", "Docs", "Performance"), start=1)
    )
    md = "# Roadmap v1.0 Release Scope & Requirements\n\n## Core requirements\n\n" + topics
    md += "#### **2.3.1: Imports table**\n- **Owner:** @oli\n- [x] Migration\n- [ ] Backfill\n- [ ] Index\n"
    _, items = imported(md)
    got = [(i.title, i.status) for i in items.values()]
    assert len(got) == 13 and got[:3] == [
        ("Stability one done", "done"),
        ("Stability two open", "todo"),
        ("Stability three open", "todo"),
    ]
    assert got[12] == ("Imports table", "in_progress")  # its boxes are its steps
    # The topic names the boxes' workstream.
    assert [i.workstream for i in items.values()][:4] == ["Stability", "Stability", "Stability", "Security"]


def test_a_step_heading_naming_a_task_keeps_its_boxes_as_steps() -> None:
    # "### Step 1: Archive old files": past its step word and number the heading opens with a verb of work.
    step = "### Step {n}: {title}\n\n```bash\nmv a b\n```\n\n**Verification:**\n- [ ] {a}\n- [ ] {b}\n- [ ] {c}\n\n"
    md = "# Cleanup plan\n\n## Detailed Cleanup Steps\n\n"
    md += step.format(n=1, title="Archive Old Planning Files (task-001-026)", a="Moved", b="None left", c="Counted")
    md += step.format(n=2, title="Purge the cache", a="Empty", b="Restarted", c="Hit rate back")
    md += step.format(n=3, title="Retire the old folder", a="Gone", b="Links fixed", c="Notice added")
    _, items = imported(md)
    assert [i.title for i in items.values()] == [
        "Archive Old Planning Files (task-001-026)",
        "Purge the cache",
        "Retire the old folder",
    ]


def test_a_numbered_section_opening_with_field_lines_is_one_item_over_its_acceptance() -> None:
    # "**Agent**:" / "**Priority**:" / "**Dependencies**:" lines of a paragraph, as a list of them would be.
    task = (
        "### Task 1.{n}: {title} (1h)\n**Agent**: Frontend Engineer\n**Priority**: Critical\n"
        "**Dependencies**: {dep}\n\n**Deliverables**:\n- Create the store\n- Define types\n\n"
        "**Acceptance Criteria**:\n- [x] Stores initialize\n- [x] Type-safe access\n- [ ] Schemas validate\n\n"
    )
    md = "# Roadmap\n\n## Phase 1: Foundation\n\n" + "".join(
        task.format(n=n, title=title, dep=dep)
        for n, title, dep in ((1, "Project Setup", "None"), (2, "TanStack Store Setup", "Task 1.1"))
    )
    _, items = imported(md)
    assert {i: (it.title, it.owner, it.priority, it.depends_on) for i, it in items.items()} == {
        "1.1": ("Project Setup", "Frontend Engineer", "P0", []),
        "1.2": ("TanStack Store Setup", "Frontend Engineer", "P0", ["1.1"]),
    }


def test_a_topic_titled_task_beside_siblings_named_as_tasks_keeps_its_boxes_as_steps() -> None:
    md = (
        "# Work plan\n\n## Phase 1: Prepare\n\n### Task 1.2: Document Public Interfaces\n\n- [ ] CLI commands\n"
        "- [ ] Configuration format\n- [ ] Environment variables\n\n### Task 1.3: Identify Files to Preserve\n\n"
        "- [ ] LICENSE\n- [ ] CONTRIBUTING.md\n- [ ] docs/\n\n### Task 1.4: Record Repository Metadata\n\n"
        "- [ ] Topics and tags\n- [ ] Repository description\n- [ ] Branch protection rules\n"
    )
    _, items = imported(md)
    assert [(i, it.title) for i, it in items.items()] == [
        ("1.2", "Document Public Interfaces"),
        ("1.3", "Identify Files to Preserve"),
        ("1.4", "Record Repository Metadata"),  # read as its siblings are, not as a topic grouping its boxes
    ]


def test_boxes_led_in_as_acceptance_criteria_leave_the_numbered_heading_an_item() -> None:
    plan = (
        "# Product Backlog\n\n## High Priority Features\n\n"
        "### 1. User Authentication\n**Type**: Feature | **Effort**: Large\n\n**Description**: Add user accounts.\n\n"
        "**Acceptance Criteria**:\n- [x] User registration\n- [x] Login and logout\n- [x] Password reset flow\n\n"
        "### 2. Rest Timer\n**Type**: Feature | **Effort**: Small\n\n"
        "**Acceptance Criteria**:\n- [ ] Timer starts after a set\n- [ ] Visual countdown\n- [ ] Audio alert\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.acceptance) for i in items.values()] == [
        ("User Authentication", ["User registration", "Login and logout", "Password reset flow"]),
        ("Rest Timer", ["Timer starts after a set", "Visual countdown", "Audio alert"]),
    ]


def test_one_box_naming_an_action_under_a_numbered_topic_is_an_item() -> None:
    plan = (
        "# SOC 2 preparation\n\n## Phase 1: Core\n\n### 1.1 Package Initialization\n"
        "- [x] Create `soc2/__init__.py`:\n  - Public API exports\n\n### 1.2 Configuration\n"
        "- [x] Create `soc2/config.py`:\n  - Audit period settings\n\n### 1.3 Data Models\n"
        "- [ ] Create `soc2/models.py`\n- [ ] Write the migration\n"
    )
    _, items = imported(plan)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Create `soc2/__init__.py`", "done"),
        ("Create `soc2/config.py`", "done"),
        ("Create `soc2/models.py`", "todo"),
        ("Write the migration", "todo"),
    ]


def test_bullets_ticked_off_by_marks_under_a_numbered_topic_are_its_work() -> None:
    plan = (
        "# Tasks\n\n### Phase 1: Foundation ✅\n\n#### 1.1 Project Setup ✅ Complete\n"
        "- ✅ **Next.js setup** - July 15\n- ✅ **TypeScript configuration** - July 15\n- 🚧 **Supabase client**\n\n"
        "#### 1.2 Access Control\n**Current State:** ✅ Good\n- ✅ Authentication\n- ✅ Role-based access\n"
        "- ⚠️ MFA only for admins\n"
    )
    _, items = imported(plan)
    got = [(i.title.split(" - ")[0], i.status) for i in items.values()]
    assert got[:3] == [
        ("Next.js setup", "done"),
        ("TypeScript configuration", "done"),
        ("Supabase client", "in_progress"),
    ]
    # Marks under a label ("**Current State:**") say what is so already: that heading stays one item.
    assert [t for t, _ in got[3:]] == ["Access Control"]


def test_a_topic_named_by_a_verb_s_word_before_a_noun_is_a_topic() -> None:
    # "Document Management" opens with "Document", a verb of work; before, the section was read as a task and its
    # boxes its steps, and beside it "Compliance & Risk" too (siblings are read alike).
    md = (
        "# Roadmap\n\n### Phase 8: Specialized Modules\n\n#### 8.1 Compliance & Risk\n- [ ] Risk Assessment\n"
        "- [ ] Compliance Tracking\n- [ ] Audit Management\n\n#### 8.2 Document Management\n- [ ] Document Repository\n"
        "- [ ] Version Control\n- [ ] Digital Signatures\n"
    )
    _, items = imported(md)
    assert [(i.title, i.workstream) for i in items.values()] == [
        ("Risk Assessment", "Compliance & Risk"),
        ("Compliance Tracking", "Compliance & Risk"),
        ("Audit Management", "Compliance & Risk"),
        ("Document Repository", "Document Management"),
        ("Version Control", "Document Management"),
        ("Digital Signatures", "Document Management"),
    ]
    assert opens_with_action("Document the API") and not opens_with_action("Document Management")


def test_numbered_sections_stating_acceptance_criteria_are_tasks_with_their_boxes_as_steps() -> None:
    # "**1.2: Create Intake UI**" over its boxes and "**Acceptance Criteria:**": what a piece of work must meet is
    # stated for a task, so each numbered section is one, the boxes its steps, as most of its siblings say.
    md = (
        "# Plan\n\n## Phase 1: Core Intake\n\n### Tasks\n\n"
        "**1.1: Technology Stack Selection**\n- [ ] Choose framework\n- [ ] Choose backend\n- [ ] Choose storage\n\n"
        "**Recommendation:**\n- React\n\n---\n\n"
        "**1.2: Data Model Implementation**\n- [ ] Implement the response structure\n- [ ] Create a JSON schema\n"
        "- [ ] Add session tracking\n\n**Acceptance Criteria:**\n- Answers are saved\n\n---\n\n"
        "**1.3: Basic Form Validation**\n- [ ] Validate every answer\n- [ ] Check option values\n- [ ] Show errors\n\n"
        "**Acceptance Criteria:**\n- Invalid answers are refused\n"
    )
    _, items = imported(md)
    assert [(i.id, i.title) for i in items.values() if i.parent is None] == [
        ("1.1", "Technology Stack Selection"),
        ("1.2", "Data Model Implementation"),
        ("1.3", "Basic Form Validation"),
    ]


def test_boxes_led_in_as_what_holds_before_the_next_phase_are_no_items() -> None:
    md = (
        "# Plan\n\n## Phase 1: Intake\n\n- [ ] Build the form\n- [ ] Save the answers\n\n### Phase 1 Verification\n\n"
        "**Before proceeding to Phase 2:**\n- [ ] All questions render\n- [ ] Answers are captured\n\n"
        "## Phase 2: Rules\n\n- [ ] Write the rules\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Build the form", "Save the answers", "Write the rules"]


def test_numbered_sections_under_a_heading_naming_them_tasks_are_tasks() -> None:
    md = (
        "# Plan\n\n## Phase 5: Review\n\n### Tasks\n\n"
        "**5.1: Review Request Generation**\n- [ ] Build the request\n- [ ] Attach the answers\n- [ ] Send it\n\n"
        "**5.2: Review Interface**\n- [ ] List the requests\n- [ ] Approve or reject\n- [ ] Record the decision\n"
    )
    _, items = imported(md)
    assert [(i.id, i.title) for i in items.values() if i.parent is None] == [
        ("5.1", "Review Request Generation"),
        ("5.2", "Review Interface"),
    ]


def test_a_phase_s_verification_heading_holds_its_exit_checks_whatever_their_label() -> None:
    md = (
        "# Plan\n\n## Phase 7: Deployment\n\n- [ ] Deploy the system\n- [ ] Train the reviewers\n\n"
        "### Phase 7 Verification\n\n**Production Readiness:**\n- [ ] System deployed and accessible\n"
        "- [ ] Reviewers trained and designated\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Deploy the system", "Train the reviewers"]
    assert [p.exit for p in result.board.phases] == [
        ["System deployed and accessible", "Reviewers trained and designated"]
    ]
