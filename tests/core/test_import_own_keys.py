"""Keys of the plan's own after a comma end the field before them (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Owners, Ranking

Rank scale: 1 (highest) → 3 (lower)

- **T1 Secrets Setup** — Owner: **DevOps**, Rank: **1**, Dur: 1d, ES: 2025-09-02
- **T2 Cloud Run Deploy** — Owner: **Backend**, Rank: **2**
- **T3 Review** — Owner: Alice, Bob
"""


def test_a_key_after_a_comma_is_no_second_owner() -> None:
    # "Rank: 1" and "Dur: 1d" are the plan's own fields, kept as written, not contributors to the work.
    _, items = imported(PLAN)
    assert items["T1"].owner == "DevOps" and items["T1"].contributors == []
    assert items["T1"].custom == {"rank": "1", "dur": "1d", "es": "2025-09-02"}
    assert items["T2"].custom == {"rank": "2"}


def test_names_after_a_comma_are_still_contributors() -> None:
    _, items = imported(PLAN)
    assert items["T3"].owner == "Alice" and items["T3"].contributors == ["Bob"]


def test_a_bold_id_and_title_before_a_dash_keep_the_title_as_written() -> None:
    # "**T1 Secrets Setup** — Owner: …": the dash ends the title; no stop is added to it.
    _, items = imported(PLAN)
    assert [i.title for i in items.values()] == ["Secrets Setup", "Cloud Run Deploy", "Review"]
