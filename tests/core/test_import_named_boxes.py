"""Boxes each named by a bold label of three words or more, then a colon and what the work is about (``**Graceful
handling of stale tokens**: Show a clear error``): the label is the title, the rest its description, even where
the explanation opens with a verb; an area named in a word or two (``**Backend:** Remove the logging``) is not a
title (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.entries.entry_names import labelled_list
from tests.core.import_plan import imported

PLAN = """# TODO

## Dashboard improvements:
- [ ] **Re-pair button in dashboard**: When Eyrie gets a 401, show a "re-pair" button.
- [ ] **Graceful handling of stale tokens**: Show a clear "authentication expired" state instead of a 500.
"""


def test_long_labels_name_their_boxes() -> None:
    report, items = imported(PLAN)
    assert [(i.title, i.description) for i in items.values()] == [
        ("Re-pair button in dashboard", 'When Eyrie gets a 401, show a "re-pair" button.'),
        ("Graceful handling of stale tokens", 'Show a clear "authentication expired" state instead of a 500.'),
    ], report


def test_short_area_labels_over_work_are_not_names() -> None:
    assert not labelled_list(["**Backend:** Remove the logging", "**Frontend:** Add the button"])
    assert labelled_list(["**Project Setup**: Next.js monorepo", "**Auth**: JWT sessions"])
