"""A link to a local file (``[tasks.md](file:///f%3A/…/tasks.md)``) reads as its text, as any link does (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.blocks import plain
from tests.core.import_plan import imported


def test_a_file_link_reads_as_its_text() -> None:
    assert plain("Keep [tasks.md](file:///f%3A%20-%202025%5Ctasks.md) as reference") == "Keep tasks.md as reference"


def test_a_box_naming_a_local_file_by_its_link_is_titled_by_the_links_text() -> None:
    report, items = imported(
        "# Checklist\n\n## Week 4\n\n- [ ] Keep [tasks.md](file:///f%3A%5Ctasks.md) as reference\n- [ ] Train the team\n"
    )
    assert sorted(i.title for i in items.values()) == ["Keep tasks.md as reference", "Train the team"], report
