"""An estimate field in minutes ("**Time:** 30 minutes") is an estimate; minutes in brackets inside a title ("Long
(>6 min)") stay words (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.dates import parse_estimate
from tests.core.import_plan import imported


def test_minutes_count_only_where_the_value_is_an_estimate() -> None:
    assert parse_estimate("30 minutes", minutes=True) == 0.062
    assert parse_estimate("45 min", minutes=True) == 0.094
    assert parse_estimate("30 minutes") is None


def test_an_estimate_field_in_minutes_is_the_items_estimate() -> None:
    plan = "# Roadmap\n\n## Tasks\n\n- [ ] Add pause and resume commands\n  - **Estimate:** 30 minutes\n- [ ] Ship\n"
    _, items = imported(plan)
    first = next(iter(items.values()))
    assert (first.title, first.estimate_days) == ("Add pause and resume commands", 0.062)
