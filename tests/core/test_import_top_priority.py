"""``## 🥇 Top Priority: Migrate …`` ranks the work under it P0, as "Critical" or "Highest" would (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from tests.core.import_plan import imported


def test_top_priority_is_p0() -> None:
    _, items = imported("# Roadmap\n\n## 🥇 Top Priority: Migrate from Bolt\n\n- Set up Express\n- Remove Bolt\n")
    assert [i.priority for i in items.values()] == ["P0", "P0"]


def test_a_priority_cell_of_top_is_p0() -> None:
    assert parse_priority("Top") == ("P0", True)


def test_a_top_ten_heading_states_no_priority() -> None:
    _, items = imported("# Roadmap\n\n## Top 10 features\n\n- Dark mode\n- Export\n")
    assert [i.priority for i in items.values()] == [None, None]
