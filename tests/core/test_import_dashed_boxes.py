"""A box named, then a dash and what it means: the name is the item's title, the rest its description (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_bold_name_and_a_dash_is_the_title() -> None:
    _, items = imported(
        "# HIPAA\n\n## Administrative\n\n"
        "- [ ] **Appoint Privacy Officer** - Designate individual responsible for privacy compliance\n"
        "- [x] **Backup Encryption** - Encrypt all backup data\n"
    )
    got = [(i.title, i.description, i.status) for i in items.values()]
    assert got == [
        ("Appoint Privacy Officer", "Designate individual responsible for privacy compliance", "todo"),
        ("Backup Encryption", "Encrypt all backup data", "done"),
    ]


def test_a_bold_area_and_a_colon_stays_in_the_title() -> None:
    _, items = imported("# Plan\n\n## Work\n\n- [ ] **Backend:** Remove plaintext password logging from the console\n")
    assert [i.title for i in items.values()] == ["Backend: Remove plaintext password logging from the console"]


def test_a_list_that_writes_every_entry_name_dash_meaning_is_read_so() -> None:
    _, items = imported(
        "# Roadmap\n\n## Phase 2\n\n"
        "- [ ] Comprehensive Audit Logging - Track all user actions and system events `L`\n"
        "- [ ] Security Review Framework - Vendor security assessment and documentation `S`\n"
    )
    assert [i.title for i in items.values()] == ["Comprehensive Audit Logging", "Security Review Framework"]
    assert list(items.values())[0].description.startswith("Track all user actions")


def test_one_dashed_entry_among_plain_ones_keeps_its_words() -> None:
    _, items = imported(
        "# Plan\n\n## Done\n\n"
        "- [x] Design review meeting (2026-02-10) - Sarah Chen approved mobile-first approach\n"
        "- [x] React project initialized with CRA (2026-02-12) - Node 18, npm 9\n"
        "- [x] Project documentation started (2026-02-13)\n"
    )
    assert (
        list(items.values())[0].title
        == "Design review meeting (2026-02-10) - Sarah Chen approved mobile-first approach"
    )


def test_boxes_right_under_a_phase_read_the_same_names() -> None:
    _, items = imported(
        "# Plan\n\n## Phase 1: Setup\n\n"
        "- [x] **Appoint Privacy Officer** - Designate individual responsible for privacy compliance\n"
        "- [x] Task: Conductor - User Manual Verification 'Asset Upload & Finalization' (Protocol in workflow.md) b185666\n"
    )
    titles = [i.title for i in items.values()]
    assert titles[0] == "Appoint Privacy Officer"
    assert titles[1].startswith("Task: Conductor - User Manual Verification")  # a kind of work names nothing


def test_a_code_span_before_the_dash_is_what_the_work_is_on_and_stays_in_the_title() -> None:
    _, items = imported(
        "# Billing\n\n## Usage\n\n"
        "- [ ] `checkUsageLimit()` - Verify the user can perform the action\n"
        "- [ ] `trackUsage()` - Record usage after a successful action\n"
    )
    assert [i.title for i in items.values()] == [
        "`checkUsageLimit()` - Verify the user can perform the action",
        "`trackUsage()` - Record usage after a successful action",
    ]


def test_a_short_name_with_its_own_colon_runs_to_the_dash() -> None:
    _, items = imported(
        "# Roadmap\n\n## Completed\n\n"
        "- [x] Screen 3: Live Ride — map, HUD metrics strip, chat panel, playback controls (MapLibre Compose, dark "
        "tiles)\n"
        "- [x] Resume AI: POST /api/rank — match score, ranking, skill gaps and the extraction of job skills\n"
    )
    got = [(i.title, i.description.split(",")[0]) for i in items.values()]
    assert got == [
        ("Screen 3: Live Ride", "map"),
        # A path after the colon is what the work is on: the colon still parts the name from the rest.
        ("Resume AI", "POST /api/rank — match score"),
    ]
