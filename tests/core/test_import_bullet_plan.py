"""A plan written as nothing but plain bullets under its headings: the bullets of work are its items."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported


def _import(md: str):  # type: ignore[no-untyped-def]
    result = import_markdown(md, "plan.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return result, {i.id: i for i in result.board.items}


_STAGES = """# Datastore cutover

## Context
- The old cluster leaves support in March
- Two teams write to it

## Before the switch
- Freeze schema changes
- Rehearse the copy on staging
- Owner: Platform team

## Switch night
- Stop the writers
- Copy the last hour: verify row counts

## Success criteria
- No data lost
- Writers back within an hour

## Rollback
- Point the writers back at the old cluster
"""


def test_bullets_under_stage_headings_are_the_items_and_the_stage_their_workstream() -> None:
    result, items = _import(_STAGES)
    titles = {i.title: (i.id, i.workstream) for i in items.values()}
    assert titles == {
        "Freeze schema changes": ("T1", "Before the switch"),
        "Rehearse the copy on staging": ("T2", "Before the switch"),
        "Stop the writers": ("T3", "Switch night"),
        "Copy the last hour: verify row counts": ("T4", "Switch night"),
    }
    assert any("in a plan of plain lists only -> items T1 .. T2" in ln for ln in result.report_lines)
    # Context, criteria and rollback bullets are about the plan, kept as its text.
    kept = {s.title for s in result.board.sections}
    assert {"Context", "Success criteria", "Rollback"} <= kept


def test_short_numbered_entries_over_bullets_name_groups_of_the_bullets() -> None:
    md = (
        "# Hardening\n\n## Proposed work\n1) Reliability\n- Health check alerts\n- Job watchdog\n\n"
        "2) Security\n- Secrets audit\n"
    )
    result, items = _import(md)
    assert [(i.id, i.title, i.workstream) for i in items.values()] == [
        ("T1", "Health check alerts", "Reliability"),
        ("T2", "Job watchdog", "Reliability"),
        ("T3", "Secrets audit", "Security"),
    ]
    # What the walk said it could not read is no longer said.
    assert not any("no ids, no items" in ln for ln in result.report_lines)


def test_a_plan_with_items_of_another_kind_keeps_its_plain_bullets_as_text() -> None:
    md = "# Launch\n\n## Tasks\n- [ ] Ship the beta\n- [x] Write the docs\n\n## Notes\n- Dark mode\n- Offline sync\n"
    _, items = _import(md)
    assert {i.title for i in items.values()} == {"Ship the beta", "Write the docs"}


def test_prose_and_bullets_about_the_plan_make_no_items() -> None:
    _, items = _import("# Thoughts\n\nWe should get ready at some point.\n")
    assert items == {}
    # The only bullets are under a heading about the plan: no work to read.
    result, items = _import("# Thoughts\n\n## Context\n\n- the team is small\n- the budget is fixed\n")
    assert items == {}
    assert [s.title for s in result.board.sections] == ["Context"]


def test_entries_explaining_status_words_are_a_legend_not_work() -> None:
    md = "# Beta\n\n## Week 1\n- Invite the testers\n\n## Board\n- To Do: not started\n- Done: merged and deployed\n"
    _, items = _import(md)
    assert [i.title for i in items.values()] == ["Invite the testers"]


def test_a_lead_in_naming_something_else_keeps_its_list_as_text() -> None:
    md = "# Beta\n\n## Week 1\n- Invite the testers\n\n**Notes:**\n- the staging box is slow\n- bring the logs\n"
    _, items = _import(md)
    assert [i.title for i in items.values()] == ["Invite the testers"]


def test_a_heading_the_recipe_labels_text_keeps_its_bullets_as_text() -> None:
    from readiness_tui.core.importers.guided.recipe_file import parse_recipe

    recipe = parse_recipe('[sections]\n"Context" = "text"\n"Before the switch" = "text"\n', "r.toml")
    result = import_markdown(_STAGES, "plan.md", recipe=recipe)
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["Stop the writers", "Copy the last hour: verify row counts"]


def test_a_field_under_a_group_entry_is_reported_not_dropped() -> None:
    md = "# Hardening\n\n## Proposed work\n1) Reliability\n- Health check alerts\n- Owner: Platform team\n"
    result, items = _import(md)
    assert [i.title for i in items.values()] == ["Health check alerts"]
    assert any("'Owner: Platform team' under 'Proposed work': a field" in ln for ln in result.report_lines)


def test_numbered_lists_counting_from_1_again_under_each_heading_keep_their_numbers() -> None:
    plan = (
        "# Takenlijst\n\n## Sprint 1\n1. **Nieuwe taak maken**\n   - Formulier voor titel.\n2. **Overzicht van taken**\n"
        "3. **Taak aanpassen**\n\n## Sprint 2\n1. **Deadline toevoegen**\n2. **Inloggen**\n"
    )
    _, items = imported(plan)
    assert {i: it.title for i, it in items.items()} == {
        "1.1": "Nieuwe taak maken",
        "1.2": "Overzicht van taken",
        "1.3": "Taak aanpassen",
        "2.1": "Deadline toevoegen",
        "2.2": "Inloggen",
    }


def test_the_one_numbered_list_of_plain_work_keeps_its_own_numbers() -> None:
    _, items = imported("# Plan\n\n## Work\n1. Set up the repo\n2. Write the docs\n")
    assert sorted(items) == ["1", "2"]


def test_a_numbered_list_beside_a_bulleted_one_is_numbered_in_the_plan_s_order() -> None:
    _, items = imported("# Plan\n\n## Work\n1. Set up the repo\n2. Write the docs\n\n## More\n- Ship it\n- Tell them\n")
    assert sorted(items) == ["T1", "T2", "T3", "T4"]


_WORKSTREAMS = """# Launch epic

## Workstreams
1. **Product hardening**
   - Close the open UI bugs.
   - Expand the browser tests.
2. **Identity**
   - Validate the new scopes.

## Notes
1. **Later**
   - Dark mode

## Verification checklist
- [ ] Load test run
"""


def test_entries_under_a_workstreams_heading_group_their_bullets_beside_other_items() -> None:
    result, items = _import(_WORKSTREAMS)
    work = {i.title: i.workstream for i in items.values() if i.title != "Load test run"}
    assert work == {
        "Close the open UI bugs.": "Product hardening",
        "Expand the browser tests.": "Product hardening",
        "Validate the new scopes.": "Identity",
    }
    # Group entries under a heading that names no streams stay as they were: reported, not items.
    assert any("list under 'Notes' (1 entries with text beneath): no ids, no items" in ln for ln in result.report_lines)


_PHASED = """# API deprecation

## Current State

- Total route files: `444`
- Duplicate route pairs: `154`

## Phased Plan

1. Phase 1: Freeze duplicate growth
- Enforce the duplicate check.
- Keep existing duplicates as baseline.

2. Phase 2: Migrate callers
- Inventory internal callers.

3. Phase 3: Remove the duplicates

## CI Guardrails

- `apps/web/tests/api-route-duplication.test.ts`
  - Fails on newly introduced duplicates.
- `apps/web/tests/api-v1-client-usage.test.ts`
"""


def test_a_numbered_list_broken_by_flush_bullets_goes_on_as_one_list() -> None:
    result, items = _import(_PHASED)
    assert [i.title for i in items.values()] == [
        "Phase 1: Freeze duplicate growth",
        "Phase 2: Migrate callers",
        "Phase 3: Remove the duplicates",
    ]
    # The current state's figures are about the plan; entries that are only a file's path name no work.
    assert "Current State" in {s.title for s in result.board.sections}
    assert any(
        "'apps/web/tests/api-route-duplication.test.ts' under 'CI Guardrails': a field, a legend, a link or a file"
        in ln
        for ln in result.report_lines
    ), result.report_lines


def test_a_list_whose_every_entry_opens_with_its_state_is_work_beside_other_items() -> None:
    md = (
        "# Migration\n\n## Work\n\n| ID | Task |\n|---|---|\n| T-1 | Set up the operator |\n\n## Now\n\n"
        "1. ✅ **Operator**: Running\n2. ✅ **Plan**: Created\n3. 🔄 **Current Process**: Creating backups\n\n"
        "## Notes\n\n- Apps keep running\n- ✅ Backups are encrypted\n- Target waits\n"
    )
    result, items = _import(md)
    states = {i.title: i.status for i in items.values() if i.id != "T-1"}
    assert states == {"Operator": "done", "Plan": "done", "Current Process": "in_progress"}
    assert any("each entry's mark stating its state" in ln for ln in result.report_lines)


def test_moscow_headings_written_as_plurals_rank_their_work() -> None:
    md = "# Backlog\n\n## Must-Haves\n\n- Add a task\n\n## Should-Haves\n\n- Sort tasks\n\n## Nice-to-haves\n\n- Themes\n"
    _, items = _import(md)
    assert {i.title: i.priority for i in items.values()} == {"Add a task": "P0", "Sort tasks": "P1", "Themes": "P3"}


def test_an_entry_named_by_a_bold_label_takes_the_label_as_its_title() -> None:
    md = (
        "# Status\n\n## Next steps\n\n1. **Monitor Progress**: Use the monitoring commands above\n"
        "2. **Update DNS** – Point traffic to the new cluster. Owner: Ops.\n3. **Tell the users**\n"
        "4. **Hash the PDF (Critical)** – Validate it.\n"
    )
    _, items = _import(md)
    got = {i.title: (i.description.strip(), i.owner, i.priority) for i in items.values()}
    assert got == {
        "Monitor Progress": ("Use the monitoring commands above", "", None),
        "Update DNS": ("Point traffic to the new cluster.", "Ops", None),
        "Tell the users": ("", "", None),
        # A priority closing the label is read from it: the words left are no longer the label, so the line stays.
        "Hash the PDF – Validate it.": ("", "", "P0"),
    }


def test_a_state_mark_opening_the_bold_label_is_the_status_and_the_rest_names_it() -> None:
    md = (
        "# Song finder\n\n## Roadmap\n\n* **✅User Auth**: User registration with email and a profile photo\n"
        "* **🚧Fetch Listening History**: Connect the user's music accounts\n"
    )
    _, items = _import(md)
    got = {i.title: (i.status, i.description) for i in items.values()}
    assert got == {
        "User Auth": ("done", "User registration with email and a profile photo"),
        "Fetch Listening History": ("in_progress", "Connect the user's music accounts"),
    }


def test_an_entry_closing_with_its_state_after_a_dash_is_in_that_state() -> None:
    md = (
        "# Development plan\n\n# Phase 1\n\n1. Testing framework - Done\n2. Rolling restarts - for user requests - Done\n"
        "\n# Next Phases\n\n1. Snapshot and restore - In progress\n2. Templates configs\n3. Fix the login - not urgent\n"
    )
    _, items = _import(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Testing framework", "done"),
        ("Rolling restarts - for user requests", "done"),
        ("Snapshot and restore", "in_progress"),
        ("Templates configs", "todo"),
        ("Fix the login - not urgent", "todo"),
    ]


def test_plain_bullets_under_a_heading_naming_a_checklist_are_its_boxes() -> None:
    md = (
        "# Epic\n\n## Verification\n\n- [ ] Flags reviewed\n\n## Load Test & CLI Checklist\n\n"
        "- Reuse the billing load-test harness\n- Add task scenarios to the CLI docs\n\n## Notes\n\n- Dark mode\n"
    )
    result, items = _import(md)
    assert {i.title for i in items.values()} == {
        "Flags reviewed",
        "Reuse the billing load-test harness",
        "Add task scenarios to the CLI docs",
    }
    assert any("Load Test & CLI Checklist', its heading naming a checklist ->" in ln for ln in result.report_lines)


def test_a_numbered_list_under_a_heading_naming_steps_is_work_beside_other_items() -> None:
    md = (
        "# Launch\n\n## Checks\n\n- [ ] Test on iOS\n\n## Launch Steps\n\n1. Submit to the App Store\n"
        "2. Announce on social media\n\n## Notes\n\n1. Servers scale on their own\n2. QA is on call\n"
    )
    result, items = _import(md)
    assert {i.title for i in items.values()} == {"Test on iOS", "Submit to the App Store", "Announce on social media"}
    assert any("the steps its heading names" in ln for ln in result.report_lines)


def test_bullets_under_headings_naming_one_milestone_each_are_its_items() -> None:
    # "## Milestone 1-1" over its bullets groups work (as a phase heading does); "## Milestones" would list them.
    md = "# Roadmap\n\n## Milestone 0\n- Set up the laptop\n- Warm up social media\n\n"
    md += "## Milestone 1-1\n- Implement entity management\n- Implement audio\n\n## Milestone 5\n"
    result, items = _import(md)
    assert [i.title for i in items.values()] == [
        "Set up the laptop",
        "Warm up social media",
        "Implement entity management",
        "Implement audio",
    ]
    assert {i.milestone for i in items.values()} == {"M0", "M1-1"} and not any(i.workstream for i in items.values())
    assert {m.id: m.items for m in result.board.milestones} == {"M0": ["T1", "T2"], "M1-1": ["T3", "T4"]}


def test_entries_labelled_by_their_kind_are_work_with_the_fields_beneath() -> None:
    # "**STORY:** As a user, …" names work (not a "Story" field), and "**Priority:** High" beneath is its priority;
    # the workstream is the heading above the priority heading.
    md = (
        "# Product Backlog\n\n## User Stories\n\n### High Priority\n"
        "- **STORY:** As a user, I expect `add` to add.\n  - **Task:** Fix `add()`.\n  - **Priority:** High\n\n"
        "## Technical Debt\n\n### Low Priority\n"
        "- **TASK:** The metrics tool misreads sprint files.\n  - **Acceptance Criteria:**\n    - It reads them\n"
        "  - **Priority:** Low\n"
    )
    _, items = _import(md)
    got = [(i.title, i.kind, i.priority, i.workstream) for i in items.values()]
    assert got == [
        ("As a user, I expect `add` to add.", "story", "P1", "User Stories"),
        ("The metrics tool misreads sprint files.", "task", "P3", "Technical Debt"),
    ]
    assert items["T2"].acceptance == ["It reads them"]


def test_entries_each_over_one_bullet_saying_what_they_cover_are_the_work() -> None:
    md = (
        "# Member Backlog\n\n- Billing and payments\n  - Transaction details, invoices, payment methods\n"
        "- Customer service and tickets\n  - Issue reporting and processing status\n"
    )
    _, items = _import(md)
    got = [(i.title, i.description.strip()) for i in items.values()]
    assert got == [
        ("Billing and payments", "- Transaction details, invoices, payment methods"),
        ("Customer service and tickets", "- Issue reporting and processing status"),
    ]


def test_entries_each_over_one_step_of_work_still_group_it() -> None:
    md = "# Plan\n\n- Reliability\n  - Add retries to the client\n- Speed\n  - Cache the index\n"
    _, items = _import(md)
    assert [(i.title, i.workstream) for i in items.values()] == [
        ("Add retries to the client", "Reliability"),
        ("Cache the index", "Speed"),
    ]


def test_a_numbered_task_over_its_bullets_is_one_item_not_their_group() -> None:
    # "2. **Fix src/lib/**:" opens with a verb of work: a task, its bullets its steps ("1) Reliability" names a group).
    md = (
        "# Strict mode\n\n## Day 3: src/lib/\n\n**Tasks**:\n\n1. **Create tsconfig files** for both directories\n\n"
        "2. **Fix src/lib/**:\n   - Type every parameter\n   - Add return types\n\n"
        "3. **Fix src/services/**:\n   - Type the API client\n"
    )
    _, items = _import(md)
    assert [i.title for i in items.values()] == [
        "Create tsconfig files for both directories",
        "Fix src/lib/",
        "Fix src/services/",
    ]


def test_bullets_of_work_under_each_phase_are_its_steps_beside_other_items() -> None:
    md = (
        "# Migration\n\n## Pre-migration checklist\n\n- [ ] Back up the database\n- [x] Tag the release\n\n"
        "## Phases\n\n### Phase 1: Delete Controllers (Low Risk)\n- Delete 95+ controller files\n"
        "- Update 18 module files\n- **Time:** 1 day\n- **Risk:** Low\n\n"
        "### Phase 2: Review (Medium Risk)\n- The guards stay\n- Auth is shared\n"
    )
    report, items = imported(md)
    titles = {i.title: i.phase for i in items.values()}
    # The phase's bullets opening with work are its steps; "Time: 1 day" says how long, not what; a phase
    # whose bullets state facts keeps them as text.
    assert titles == {
        "Back up the database": None,
        "Tag the release": None,
        "Delete 95+ controller files": "1",
        "Update 18 module files": "1",
    }
    assert any("the steps of its phase -> items" in line for line in report)


def test_bullets_under_a_heading_naming_tasks_are_work_beside_other_items() -> None:
    md = (
        "# Migration Progress\n\n## Planning\n\n- [x] **Risk Assessment** - matrix documented\n\n"
        "## Phase 2\n\n### 📋 Key Phase 2 Tasks (Detailed planning in phase-2.md)\n"
        "- ASP.NET Core project creation\n- Health controller migration\n\n"
        "### Notes\n- The health check is simplest\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == [
        "Risk Assessment",
        "ASP.NET Core project creation",
        "Health controller migration",
    ]
    assert any("the tasks its heading names -> items" in line for line in report)


def test_bullets_under_a_heading_naming_a_backlog_are_work_beside_other_items() -> None:
    md = (
        "# Mushroom Hunter Roadmap\n\n## Release Timeline\n\n### v1.0 - Launch\n- [x] Core identification\n\n"
        "## Community Ideas Backlog\n\n**Highly Requested**\n- Dark mode ⭐⭐⭐⭐⭐\n- Recipe sharing ⭐⭐⭐\n\n"
        "**Under Consideration**\n- Spore print library\n\n## Notes\n- Spring is the busy season\n"
    )
    report, items = imported(md)
    # Before: beside the checklist, the backlog's plain lists were kept as the section's text.
    assert [i.title for i in items.values()] == [
        "Core identification",
        "Dark mode",
        "Recipe sharing",
        "Spore print library",
    ]


def test_bullets_under_a_user_stories_heading_are_work_beside_other_items() -> None:
    md = (
        "# Voting App\n\n## TODO\n\n* Add message when no polls\n* Redirect to the poll list\n\n## User Stories\n"
        "* User Story: As an authenticated user, I can share my polls with my friends.\n\n"
        "* User Story: As an authenticated user, I can delete polls.\n"
    )
    _, items = imported(md)
    stories = [(i.title, i.kind) for i in items.values() if i.kind != "task"]
    assert stories == [
        ("As an authenticated user, I can share my polls with my friends.", "user story"),
        ("As an authenticated user, I can delete polls.", "user story"),
    ]


def test_bullets_under_priority_headings_of_a_backlog_are_ranked_work_beside_other_items() -> None:
    md = (
        "# Roadmap\n\n## Phase 1\n\n- [x] Build the course player\n\n## Feature Backlog\n\n#### High Priority\n"
        "- **Multi-language Support**: Internationalization\n- **Advanced Security**: Two-factor authentication\n\n"
        "#### Low Priority\n- **Voice Learning**: Lessons by voice\n\n## Team\n\n#### High Priority\n- Hire a designer\n"
    )
    report, items = imported(md)
    assert {it.title: it.priority for it in items.values()} == {
        "Build the course player": None,
        "Multi-language Support": "P1",
        "Advanced Security": "P1",
        "Voice Learning": "P3",
    }
    assert any("ranked under a heading of work -> items" in line for line in report)


def test_a_name_in_capitals_with_a_dot_is_work_not_a_file() -> None:
    result, items = _import("# TODO\n\n### Formulas to write\n\n* RANK.EQ\n* T.INV\n* ISEMAIL\n* notes.md\n")
    assert [i.title for i in items.values()] == ["RANK.EQ", "T.INV", "ISEMAIL"]
    assert any(
        "'notes.md' under 'Formulas to write': a field, a legend, a link or a file" in ln for ln in result.report_lines
    )


def test_entries_naming_phases_of_the_plan_group_the_bullets_under_them() -> None:
    md = (
        "# Customer Referral System\n\n## Implementation Roadmap\n\nThe system follows a phased approach:\n\n"
        "* Phase 1: Foundation (1-2 months):  \n  * Basic commission tracking and credit system.  \n"
        "  * Coach dashboard with essential features.  \n* Phase 2: Engagement (3-4 months):  \n"
        "  * Gamification elements (badges, leaderboards).  \n"
    )
    result, items = _import(md)
    assert [(i.title, i.phase) for i in items.values()] == [
        ("Basic commission tracking and credit system.", "1"),
        ("Coach dashboard with essential features.", "1"),
        ("Gamification elements (badges, leaderboards).", "2"),
    ]
    assert result.board is not None
    assert [(p.id, p.title, p.window) for p in result.board.phases] == [
        ("1", "Foundation", "1-2 months"),
        ("2", "Engagement", "3-4 months"),
    ]


def test_a_bold_label_saying_when_leaves_the_words_after_it_the_title() -> None:
    md = (
        "# School app\n\n## Month 1\n\n### Week 1: Foundation\n"
        "- [x] **Day 1** — Kickoff & repo setup\n- [ ] **Days 2-3** — Backend skeleton + auth design\n\n"
        "## Parser work\n\n1. **Week 3**: Token boundary resolution complete\n"
        "2. **Sprint 4**: Basic syntax parsing functional\n"
    )
    _, items = _import(md)
    got = {i.title: (i.status, i.description.strip()) for i in items.values()}
    assert got == {
        "Kickoff & repo setup": ("done", "Day 1"),
        "Backend skeleton + auth design": ("todo", "Days 2-3"),
        "Token boundary resolution complete": ("todo", "Week 3"),
        "Basic syntax parsing functional": ("todo", "Sprint 4"),
    }


def test_a_list_naming_each_entry_by_a_bold_label_and_a_colon_takes_the_labels_as_titles() -> None:
    md = (
        "# Job board\n\n## Phases\n\n### Phase 1: Foundation (Complete)\n"
        "- ✅ **Project Setup**: Next.js + React Native monorepo\n- ✅ **Database**: Supabase integration and schemas\n\n"
        "### Phase 2: Advanced Features (Optional)\n"
        "- 💰 **Payment Processing**: Subscription plans for companies\n- 🔐 **Enhanced Security**: MFA, permissions\n"
    )
    _, items = _import(md)
    got = {i.title: (i.status, i.description.strip()) for i in items.values()}
    assert got == {
        "Project Setup": ("done", "Next.js + React Native monorepo"),
        "Database": ("done", "Supabase integration and schemas"),
        "Payment Processing": ("todo", "Subscription plans for companies"),
        "Enhanced Security": ("todo", "MFA, permissions"),
    }


def test_bold_labels_naming_areas_stay_in_the_titles() -> None:
    md = (
        "# Cleanup\n\n## Work\n\n- [ ] **Backend:** Remove the debug logging\n- [ ] **Frontend:** Add the retry button\n"
        "- [ ] **Backend:** Drop the legacy table\n"
    )
    _, items = _import(md)
    assert [i.title for i in items.values()] == [
        "Backend: Remove the debug logging",
        "Frontend: Add the retry button",
        "Backend: Drop the legacy table",
    ]


def test_an_entry_written_as_sentences_is_named_by_its_first() -> None:
    md = (
        "# 3DPrinting TODO\n\n## Code changes\n\n"
        "* Fix layer.n = -1 initialization and FlashPrint Preextrude being its own\n"
        "  layer.n=0. Instead we should just make layer.n=0 the initialized layer.\n\n"
        "* Factor out advanced drawing methods into an optional mixin.\n\n"
        "* Add support for setting Kf from gcode cmds, e.g. for pressure-advance tests. This means we can\n"
        "  support adaptive pressure advance.\n"
    )
    _, items = _import(md)
    got = {i.title: i.description.strip() for i in items.values()}
    assert got == {
        "Fix layer.n = -1 initialization and FlashPrint Preextrude being its own layer.n=0": (
            "Instead we should just make layer.n=0 the initialized layer."
        ),
        "Factor out advanced drawing methods into an optional mixin.": "",
        "Add support for setting Kf from gcode cmds, e.g. for pressure-advance tests": (
            "This means we can support adaptive pressure advance."
        ),
    }


def test_bullets_to_do_under_quick_wins_and_issues_to_fix_are_work_beside_other_items() -> None:
    md = (
        "# Mushroom map\n\n## Phase 1\n- [x] Set up the repo\n\n## 💡 Quick Wins (Low-hanging fruit)\n\n"
        '- Add "Copy coordinates" button\n- Improve mobile menu\n\n## 🐛 Known Issues to Fix\n\n'
        "1. TypeScript errors (warnings currently suppressed)\n2. Unused imports cleanup\n\n"
        "## Quick wins\n\n- Priority levels for tasks\n- Fund restrictions\n"
    )
    report, items = imported(md)
    # Before: both lists were kept as text beside the checklist. Nouns under "Quick wins" name work listed again.
    assert [i.title for i in items.values()] == [
        "Set up the repo",
        'Add "Copy coordinates" button',
        "Improve mobile menu",
        "TypeScript errors (warnings currently suppressed)",
        "Unused imports cleanup",
    ]


def test_bullets_under_a_stages_scope_are_its_work() -> None:
    md = (
        "# zwasm Roadmap\n\n## Stage 0: Extraction (COMPLETE)\n\n- [x] Public API design\n\n"
        "## Stage 7: Memory64 Table Operations\n\n**Goal**: Complete memory64 table support.\n\n"
        "### Scope\n- 64-bit table limit decoding\n- Binary format: addrtype field in table type\n\n"
        "### Key files\n- `src/module.zig`: Table type decoding\n\n"
        "### Exit criteria\n- No regression\n\n## Scope\n\n- Tables and memories, not threads\n"
    )
    _, items = imported(md)
    # Before: "Scope" read as the plan's introduction kept the stage's work as text.
    assert [i.title for i in items.values()] == [
        "Public API design",
        "64-bit table limit decoding",
        "Binary format: addrtype field in table type",
    ]


def test_entries_naming_task_files_are_those_tasks_by_the_id_and_words_of_the_name() -> None:
    # A sprint that lists its tasks by their files: each file's name gives the task's id and title. A path of any
    # other kind ("docs/ADR-001-use-postgres.md", outside a folder of tasks) stays a reference.
    md = (
        "# Sprint 1\n\n## Scope (Must-Have Tasks)\n\n- E1\n  - doc/tasks/E1-D1_repo_scaffold_nextjs.md\n"
        "  - doc/tasks/E1-A2_privacy_pages.md\n- E2\n  - doc/tasks/E2-D2_wasm_runner.md\n\n"
        "## Deferred\n\n- doc/tasks/E3-D4_quiz_me_mode.md\n- docs/ADR-001-use-postgres.md\n"
    )
    _, items = _import(md)
    assert {i: (x.title, x.workstream) for i, x in items.items()} == {
        "E1-D1": ("repo scaffold nextjs", "E1"),
        "E1-A2": ("privacy pages", "E1"),
        "E2-D2": ("wasm runner", "E2"),
        "E3-D4": ("quiz me mode", "Deferred"),
    }


def test_a_day_by_day_plan_naming_the_tasks_by_their_ids_is_their_schedule_not_more_work() -> None:
    md = (
        "# Sprint 1\n\n## Scope (Must-Have Tasks)\n\n- doc/tasks/E1-D1_repo_scaffold.md\n"
        "- doc/tasks/E1-A2_privacy_pages.md\n\n## Day-by-Day Plan (Guidance)\n\n"
        "- Day 1: E1-D1 scaffold + i18n toggle; basic theme\n- Day 2: E1-A2 privacy pages; E1-D1 polish\n\n"
        "## Later\n\n- Day 3: Write the launch post\n- Day 4: Record the demo\n"
    )
    result, items = _import(md)
    assert {i: x.title for i, x in items.items()} == {
        "E1-D1": "repo scaffold",
        "E1-A2": "privacy pages",
        "T1": "Write the launch post",
        "T2": "Record the demo",
    }
    assert any("names items of the plan by their ids" in line for line in result.report_lines)


def test_numbered_steps_marked_with_their_states_across_sibling_phases_are_work() -> None:
    # Each phase's steps open with a state mark; phase 1 is all done and phase 3 all waiting, which alone reads as
    # a summary: beside phase 2's mixed steps, every phase's steps are work in the state each mark says.
    md = (
        "# Plan\n\n## Tareas\n\n| ID | Tarea | Estado |\n|---|---|---|\n| TASK-001 | Landing | 0% |\n"
        "| TASK-002 | Tests | 15% |\n\n## Pasos\n\n### Fase 1: Preparación\n1. ✅ Crear estructura\n2. ✅ Crear archivos base\n"
        "3. ✅ Definir protocolos\n\n### Fase 2: Migración\n1. ✅ Convertir tasks\n2. ⏳ Importar planes\n"
        "3. ⏳ Crear tareas\n\n### Fase 3: Activación\n1. ⏳ Asignar tareas\n2. ⏳ Activar agentes\n3. ⏳ Iniciar monitoreo\n"
    )
    _, items = _import(md)
    got = sorted((x.title, x.status) for x in items.values())
    assert len(got) == 11
    assert ("Crear estructura", "done") in got and ("Activar agentes", "todo") in got


def test_a_list_of_deadlines_beside_a_todo_list_is_no_work() -> None:
    plan = """# TODO

## 2025-03-25

- [ ] check the dataset loading @sheena
- [ ] set up the augmentation experiments @bruno

## deadlines
- 2025-03-26 Wednesday EOD: have the pipeline ready
- 2025-03-27 Thursday: have the best net chosen
"""
    report, items = imported(plan)
    assert [i.owner for i in items.values()] == ["@sheena", "@bruno"]
    assert any("section 'deadlines': no structure recognized; kept as text" in line for line in report)
