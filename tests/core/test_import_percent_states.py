"""A share of the work done is a state: 0% to do, 100% done, anything between under way (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.statuses import parse_status
from tests.core.import_plan import imported


def test_a_percentage_reads_as_how_far_the_work_is() -> None:
    assert [parse_status(c) for c in ("0%", "15%", "70 %", "100%")] == ["todo", "in_progress", "in_progress", "done"]
    # "complete" after a share below 100 says how far, not that the work is done.
    assert parse_status("80% complete") == "in_progress"
    assert parse_status("(100% done)") == "done"
    assert parse_status("50% of users") is None


def test_an_open_box_with_a_share_done_is_under_way() -> None:
    plan = "# SOC2\n\n## Controls\n\n- [ ] CC6: Access Controls (80% complete)\n- [ ] CC7: Operations\n"
    _, items = imported(plan)
    assert items["CC6"].status == "in_progress" and items["CC6"].title == "Access Controls"
    assert items["CC7"].status == "todo"


def test_a_progress_column_of_percentages_gives_each_row_its_state() -> None:
    plan = "# P\n\n| Task | Estado |\n|---|---|\n| landing | 0% |\n| testing | 15% |\n| theme | 100% |\n"
    _, items = imported(plan)
    assert [i.status for i in items.values()] == ["todo", "in_progress", "done"]
