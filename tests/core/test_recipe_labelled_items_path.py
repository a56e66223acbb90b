"""Under a section a recipe labels ``items``, the person's narrower words still hold and the importer's guesses
yield (issue 43): a ``[lists]`` label keeps the list it leads in as text, and a sub-heading alone guessed a heading
of notes ("### Reminders") holds items like its siblings."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Sleep app backlog

## Sprint 3

### Sleep diary

- Log bedtime and wake time
- Rate sleep quality

**Progress Tracking**:
- Weekly sleep score chart
- Streak counter shown on home

### Reminders

- Wind-down reminder at a chosen time
- Snooze for ten minutes
"""

RECIPE = '[sections]\n"Sprint 3" = "items"\n'


def _titles(recipe: str | None) -> list[str]:
    return [i.title for i in items_of(imported_with(PLAN, recipe)).values()]


def test_a_lists_label_keeps_its_list_as_text_under_a_section_labelled_items() -> None:
    result = imported_with(PLAN, RECIPE + '[lists]\n"Progress Tracking" = "text"\n')
    titles = [i.title for i in items_of(result).values()]
    assert "Weekly sleep score chart" not in titles and "Log bedtime and wake time" in titles
    report = report_of(result)
    assert "'progress tracking' = 'text' applied" in report and "matches no list" not in report


def test_without_the_lists_label_the_progress_list_is_items_as_labelled() -> None:
    assert "Weekly sleep score chart" in _titles(RECIPE)


def test_a_heading_guessed_notes_holds_items_under_a_section_labelled_items() -> None:
    assert "Wind-down reminder at a chosen time" not in _titles(None)
    assert {"Wind-down reminder at a chosen time", "Snooze for ten minutes"} <= set(_titles(RECIPE))


FEATURES = """# ROLO Roadmap

## Planned Features

### Gmail Integration
- **Email notifications** - Daily digest of contacts due for outreach
- **Email tracking** - Log when you email a contact

### Mobile
- **iOS app** - Native mobile experience
"""


def test_a_sub_heading_guessed_one_feature_holds_items_under_a_section_labelled_items() -> None:
    # Alone, each heading under "Planned Features" is one feature, its bullets its description.
    assert [i.title for i in items_of(imported_with(FEATURES, None)).values()] == ["Gmail Integration", "Mobile"]
    labelled = items_of(imported_with(FEATURES, '[sections]\n"Planned Features" = "items"\n'))
    assert [i.title for i in labelled.values()] == ["Email notifications", "Email tracking", "iOS app"]


FUTURE = """# Widget roadmap

## Build

- [ ] Ship the clock widget
- [x] Ship the photo widget

## Future Enhancements

### Phase 2 Features:
- Interactive widgets
- Video widgets

### Phase 3 Features:
- Widget marketplace
"""


def test_a_sub_heading_guessed_a_phase_holds_items_under_a_section_labelled_items() -> None:
    # Alone, "Phase 2 Features" is a phase of the plan and its bullets beside the boxes are not work.
    alone = [i.title for i in items_of(imported_with(FUTURE, None)).values()]
    assert alone == ["Ship the clock widget", "Ship the photo widget"]
    labelled = items_of(imported_with(FUTURE, '[sections]\n"Future Enhancements" = "items"\n'))
    assert [i.title for i in labelled.values()][2:] == ["Interactive widgets", "Video widgets", "Widget marketplace"]


VALIDATION = """# Helm chart publishing

## Phase 3: Publish on tag

### Implementation Tasks

- [x] T012 Add the helm package step
- [x] T013 Add the helm push step

**Acceptance Validation** (Manual):
1. Push git tag v1.2.3-test to the repository
2. Monitor the workflow run
"""


def test_a_bold_lead_in_with_an_aside_can_be_relabelled() -> None:
    # "**Acceptance Validation** (Manual):" leads its list in: the person names it, and the list is text.
    alone = [i.title for i in items_of(imported_with(VALIDATION, None)).values()]
    assert "Monitor the workflow run" in alone
    result = imported_with(VALIDATION, '[lists]\n"Acceptance Validation" = "text"\n')
    titles = [i.title for i in items_of(result).values()]
    assert titles == ["Add the helm package step", "Add the helm push step"]
    assert "'acceptance validation' = 'text' applied" in report_of(result)


PHASED = """# Queue migration

## Implementation Plan

### Phase 1: Preparation (Pre-Migration)
1. Back up the task data
2. Deploy the new queue, inactive

### Phase 2: Dual-Write
1. Enable dual-write mode
"""


def test_steps_under_phase_headings_are_the_items_labelled_or_not() -> None:
    # Alone, the steps are the items and the phases their groups; labelled, the same steps.
    alone = items_of(imported_with(PHASED, None))
    assert [i.title for i in alone.values()] == [
        "Back up the task data",
        "Deploy the new queue, inactive",
        "Enable dual-write mode",
    ]
    labelled = items_of(imported_with(PHASED, '[sections]\n"Implementation Plan" = "items"\n'))
    assert [i.title for i in labelled.values()] == [
        "Back up the task data",
        "Deploy the new queue, inactive",
        "Enable dual-write mode",
    ]
