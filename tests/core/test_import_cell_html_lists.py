"""A table cell that writes a list in HTML (``Dev Work<br/> <ul><li>Bug fixes</li></ul>``): its words, not its tags
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.blocks import plain
from tests.core.import_plan import imported


def test_list_tags_part_the_words_they_hold() -> None:
    assert plain("Quality<br/> <ul><li>Bug Fixes</li><li>UI Polish</li></ul>") == "Quality Bug Fixes UI Polish"


def test_a_type_written_with_angle_brackets_stays() -> None:
    assert plain("Return Result<Plan> from the loader") == "Return Result<Plan> from the loader"


def test_no_title_of_an_imported_row_holds_list_tags() -> None:
    _, items = imported(
        "# Cadence\n\n## Milestones\n\n"
        "| Duration | Activity | Releases |\n| --- | --- | --- |\n"
        "| 2 weeks | Dev Work<br/> <ul><li>Fixes for Windows</li><li>Fixes for Terminal</li></ul> | Internal |\n"
        "| 1 week | Quality & Stability<br/> <ul><li>Bug Fixes</li></ul> | Store |\n"
    )
    titles = [i.title for i in items.values()]
    assert titles == ["Dev Work Fixes for Windows Fixes for Terminal", "Quality & Stability Bug Fixes"]
