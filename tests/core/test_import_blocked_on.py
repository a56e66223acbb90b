"""A notes cell saying "Blocked on T-011/12/13" states waits on each of them (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Implementation tracking

| Task | Status | Notes |
|------|--------|-------|
| T-011 | DONE | Encoder wrapper. |
| T-012 | DONE | Rate control. |
| T-013 | DONE | Keyframes. |
| T-015 | PENDING | Connect the output to the recorder. Blocked on T-011/12/13 (DONE). |
| T-017 | PENDING | ffprobe verification. Blocked on T-015. |
"""


def test_blocked_on_and_ids_that_give_only_the_part_that_changes() -> None:
    _, items = imported(PLAN)
    assert items["T-015"].depends_on == ["T-011", "T-012", "T-013"]
    assert items["T-017"].depends_on == ["T-015"]


def test_a_run_opening_with_an_id_outside_the_plan_still_names_the_rest() -> None:
    text = PLAN.replace("Blocked on T-015.", "Blocked on T-007/11/12/13 (DONE).")
    _, items = imported(text)
    assert items["T-017"].depends_on == ["T-011", "T-012", "T-013"]


def test_rows_without_a_title_column_are_named_by_their_notes_first_sentence() -> None:
    _, items = imported(PLAN)
    assert items["T-015"].title == "Connect the output to the recorder"
    assert items["T-011"].title == "Encoder wrapper"
