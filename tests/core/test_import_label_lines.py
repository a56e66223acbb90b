"""A plan written without headings, its lists led in by lines that name them ("Toolchain:"), reads each such line
as a heading (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """

Issues:
- world generation progress is not displayed
- biome map is not saved to save files

Toolchain:
- obfuscator
- Better custom LaunchWrapper use system [in progress]
"""


def test_label_lines_are_the_sections_of_a_plan_without_headings() -> None:
    report, items = imported(PLAN)
    got = [(i.title, i.status, i.workstream) for i in items.values()]
    assert got == [
        ("world generation progress is not displayed", "todo", "Issues"),
        ("biome map is not saved to save files", "todo", "Issues"),
        ("obfuscator", "todo", "Toolchain"),
        ("Better custom LaunchWrapper use system", "in_progress", "Toolchain"),
    ]
    assert any("'Toolchain:' leads the list under it in a plan without headings" in ln for ln in report)


def test_a_plan_with_headings_keeps_its_label_lines_as_text() -> None:
    _, items = imported("# Plan\n\n## Work\n\n- [ ] T-1 Ship\n\nNotes:\n- remember the docs\n")
    assert list(items) == ["T-1"]


def test_bold_label_lines_under_the_title_alone_are_its_sections() -> None:
    plan = (
        "# Weather Application Project Plan\n\n**Project Overview:**\n\nAn app that shows the weather.\n\n"
        "**Project Team:**\n\n- Product Owner: Drishya Mody\n- Frontend Developers: Tanvi Pampati\n\n"
        "**Project Timeline:**\n\n- **Phase 1: Planning and Setup**\n  - Define project scope and requirements\n"
        "  - Research and choose weather APIs\n- **Phase 2: Frontend Development**\n"
        "  - Create basic UI layout\n  - Implement user input for location\n"
    )
    report, items = imported(plan)
    assert [i.title for i in items.values()] == [
        "Define project scope and requirements",
        "Research and choose weather APIs",
        "Create basic UI layout",
        "Implement user input for location",
    ]
    assert any("'**Project Timeline:**' leads the list under it" in ln for ln in report)


def test_text_pasted_from_a_document_editor_glyph_bullets_under_period_lines() -> None:
    md = (
        ":bar_chart: Project Plan: MLOps Roadmap\nPhase 1: Foundations & Containerization\n:date: Deadline: dec 19th\n"
        "\t•\tDefine project objectives\n\t•\tSet up a reproducible environment\n\t\t◦\tPin the base image\n"
        "Phase 2: Tracking & Versioning\n:date: Deadline: Jan 16th\n\t•\tSet up experiment tracking\n"
    )
    report, items = imported(md)
    got = [(it.title, it.phase) for it in items.values()]
    assert got == [
        ("Define project objectives", "1"),
        ("Set up a reproducible environment", "1"),
        ("Set up experiment tracking", "2"),
    ]
    assert "Pin the base image" in items["T2"].description  # nested under its entry
    assert any("lines bulleted with a glyph read as a list" in line for line in report)


PITCH = """Sleep System

Problem:
Lack of sleep strongly impacts health, performance and happiness. Data to adjust and improve sleep can be invaluable, but difficult to collect.

MVP:
User can add wake up and bed times
User can see a graph of last week of hours slept
User can add notes to a week on changes made.

Future Features:
Add another person in the same household
Web cam to auto record the data."""


def test_label_lines_over_lines_without_markers_are_headings_and_lists() -> None:
    # A plan with no Markdown at all: each label names the lines under it, one thing a line.
    report, items = imported(PITCH)
    got = [(i.title, i.workstream) for i in items.values()]
    assert got == [
        ("User can add wake up and bed times", "MVP"),
        ("User can see a graph of last week of hours slept", "MVP"),
        ("User can add notes to a week on changes made.", "MVP"),
        ("Add another person in the same household", "Future Features"),
        ("Web cam to auto record the data.", "Future Features"),
    ]
    assert any("'MVP:' over 3 lines, in a plan without Markdown: a heading and its list" in ln for ln in report)


def test_one_label_over_lines_is_a_paragraph_not_a_section() -> None:
    _, items = imported("Sleep System\n\nMVP:\nUser can add wake up times\nUser can see a graph\n")
    assert not items


def test_short_lines_over_lists_in_a_runbook_without_headings_are_its_days() -> None:
    md = (
        "Before Day 0\n- [x] Research Sentry for Lambda\n- [ ] Increase the limit of Elastic IPs\n\n"
        "Day 0\n\n- Run snapshot on prod\n- Turn on bucket encryption for the media bucket\n\n"
        "Day 1\n\n- Run the deploy playbook\n- Update Twilio end points to new URLs\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == [
        "Research Sentry for Lambda",
        "Increase the limit of Elastic IPs",
        "Run snapshot on prod",
        "Turn on bucket encryption for the media bucket",
        "Run the deploy playbook",
        "Update Twilio end points to new URLs",
    ]
    assert sum("read as a heading" in line for line in report) == 3


def test_a_note_among_a_day_s_steps_is_no_item() -> None:
    md = (
        "Before Day 0\n- [x] Research Sentry\n- [ ] Increase the limit of Elastic IPs\n\n"
        "Day 0\n\n- Run snapshot on prod\n- Run the deploy playbook\n- Update Twilio end points\n- Turn on encryption\n"
        "- It should take <40min for the site to appear.\n- After UAT on the new site and the domain is up.\n"
        "- New site is live\n\nDay 1\n\n- Turn off scheduled tasks on Heroku\n- Add pingdom on the new domain\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()][2:] == [
        "Run snapshot on prod",
        "Run the deploy playbook",
        "Update Twilio end points",
        "Turn on encryption",
        "Turn off scheduled tasks on Heroku",
        "Add pingdom on the new domain",
    ]
    assert sum("says how things stand: a note" in line for line in report) == 3
