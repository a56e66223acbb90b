"""``### Phase 1: Foundation (Weeks 1-3) - HIGH PRIORITY``: the priority closing a heading ranks its work (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_priority_after_a_dash_closing_the_heading_ranks_its_work() -> None:
    _, items = imported(
        "# Plan\n\n## TODO List\n\n### Phase 1: Foundation (Weeks 1-3) - HIGH PRIORITY\n\n#### Infrastructure\n"
        "- [ ] Set up the repo\n\n### Phase 4: Polish (Weeks 13-16) - LOWER PRIORITY\n\n#### Database\n"
        "- [ ] Tune the queries\n"
    )
    assert [(i.title, i.priority) for i in items.values()] == [("Set up the repo", "P1"), ("Tune the queries", "P3")]


def test_priority_in_the_middle_of_a_title_ranks_nothing() -> None:
    _, items = imported("# Plan\n\n## Work\n\n### Set high priority alerts - on call\n- [ ] Page the lead\n")
    assert [i.priority for i in items.values()] == [None]
