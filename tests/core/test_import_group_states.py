"""States a plan gives its groups on lines of their own, in a status box above the tables (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = (
    "# Handoff\n\n> **Stato al 2026-08-27**\n"
    "> - **FASE B (wheel + DAB): FATTA in DEV** — wheel nel registry.\n"
    "> - **FASE D (ingestion): da fare** al gate.\n"
    "> - **FASE A (Terraform): `plan` FATTO**, `apply` bloccato.\n"
    "> - Phase E: Done when the first run is green.\n\n"
    "## Attività\n\n### FASE A — Setup\n\n| # | Attività | Owner |\n|---|---|---|\n| A-1 | Preflight | DevOps |\n\n"
    "### FASE B — Wheel\n\n| # | Attività | Stato |\n|---|---|---|\n| B-1 | Build wheel | |\n"
    "| B-2 | Validate | 🔴 Blocked |\n\n"
    "### FASE D — Ingestion\n\n| # | Attività | Owner |\n|---|---|---|\n| D-1 | Push SFTP | DevOps |\n\n"
    "### Phase E — Schedule\n\n| # | Task | Owner |\n|---|---|---|\n| E-1 | Scheduling | DevOps |\n"
)


def test_a_line_naming_a_group_and_its_state_gives_the_state_to_its_items() -> None:
    lines, items = imported(_PLAN)
    assert items["B-1"].status == "done" and items["D-1"].status == "todo"
    assert any("'FASE B' stated done: given to its items B-1" in line for line in lines)


def test_a_state_an_item_states_itself_is_kept() -> None:
    _, items = imported(_PLAN)
    assert items["B-2"].status == "blocked"


def test_words_after_the_colon_that_open_with_no_state_or_a_condition_say_none() -> None:
    lines, items = imported(_PLAN)
    assert items["A-1"].status == "todo" and items["E-1"].status == "todo"
    assert not any("'FASE A' stated" in line for line in lines)  # words after the colon open with `plan`
    assert not any("'Phase E' stated" in line for line in lines)  # "Done when …" is a condition


def test_a_line_naming_a_group_by_its_title_states_no_state() -> None:
    # The plan's outline drawn above its phases: "Testing" would be a state word, but here it is the phase's name.
    md = (
        "# Plan\n\n## Phases\n\n```\nPhase 1: Build (Foundation)\n    ↓\nPhase 2: Testing & Verification (Quality Assurance)\n```\n\n"
        "## Phase 1: Build (Foundation)\n\n### Task 1.1: Write the code\n\nThe whole tool.\n\n"
        "## Phase 2: Testing & Verification (Quality Assurance)\n\n### Task 2.1: Run the tests\n\nEvery suite.\n\n"
        "### Task 2.2: Review the logs\n\nOf every run.\n"
    )
    _, items = imported(md)
    assert [(i.title, i.status) for i in items.values()] == [
        ("Write the code", "todo"),
        ("Run the tests", "todo"),
        ("Review the logs", "todo"),
    ]
