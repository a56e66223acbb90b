"""A board whose columns are the document's top headings ("# IN PROGRESS", "# DONE") reads them as columns; none
of them is the plan's title (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

BOARD = """# IN PROGRESS
- update the AWS environment

# TO DO

# DONE
- run tests under 1.11 and fix deprecation warnings
- upgrade to django 2.0
"""


def test_top_level_columns_give_their_items_a_status() -> None:
    report, items = imported(BOARD)
    got = [(i.title, i.status) for i in items.values()]
    assert got == [
        ("update the AWS environment", "in_progress"),
        ("run tests under 1.11 and fix deprecation warnings", "done"),
        ("upgrade to django 2.0", "done"),
    ]
    assert not any("-> board.title" in ln for ln in report)


def test_one_status_word_as_the_title_is_still_the_title() -> None:
    report, _ = imported("# Done\n\n## Tasks\n\n- [ ] T-1 Ship\n")
    assert any("H1 'Done' -> board.title" in ln for ln in report)
