"""A list right under the plan's title: its work when nothing else is, else part of its introduction (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_plan_that_is_one_list_under_its_title_makes_its_entries_items() -> None:
    report, items = imported(
        "# Road Map\n\nThe breakdown of future contributions:\n\n- Sprints\n  - 30 day SLA to review PRs\n"
        "- Hackathons\n- Bug fixing\n"
    )
    assert [i.title for i in items.values()] == ["Sprints", "Hackathons", "Bug fixing"]
    assert "plan.md:5: used: list under 'Road Map', in a plan of plain lists only -> items T1 .. T3" in report


def test_a_list_under_the_title_beside_the_plans_items_is_its_introduction() -> None:
    from readiness_tui.core.importers import import_markdown

    result = import_markdown("# Plan\n\nIntro words.\n\n- note one\n- note two\n\n## Tasks\n\n- [ ] T-1 do\n", "p.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1"]
    assert [(s.title, s.body) for s in result.board.sections] == [
        ("Introduction", "Intro words.\n- note one\n- note two")
    ]
    assert "p.md:5: used: list under the title kept in the section 'Introduction'" in result.report_lines


def test_a_to_do_list_under_the_title_with_one_entry_ending_in_a_colon_is_work() -> None:
    # "- Animation flare:" over its bullets read as a key of the board, so the whole list joined the introduction
    # and nothing was imported.
    md = (
        "# TODOs\n\n- Strict tsconfig settings\n- Allow edit distance of 1\n- Add a command line option for stats\n"
        "- Animation flare:\n  - slide cards to reveal\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()][:3] == [
        "Strict tsconfig settings",
        "Allow edit distance of 1",
        "Add a command line option for stats",
    ]


def test_key_value_lines_under_the_title_are_still_the_board_s_facts() -> None:
    from readiness_tui.core.importers import import_markdown

    result = import_markdown("# Plan\n\n- Owner: ana\n- Version: 2\n\n## Work\n\n- [ ] Ship it\n", "plan.md")
    assert result.board is not None and [i.title for i in result.board.items] == ["Ship it"]


def test_an_address_closing_an_entry_is_its_link() -> None:
    # Before: the address, on the entry's next line or after "e.g.", stood in the title.
    md = (
        "# TODOs\n\n- Figure out how to package it as an NPM module\n  https://example.org/how-to-publish\n"
        "- Publish on the G Suite Marketplace https://developers.example.com/marketplace/\n"
        "- Add a karaoke mode, e.g. https://youtu.be/abc\n- try https://www.elastic.co/cloud\n"
    )
    _, items = imported(md)
    assert [(i.title, i.links) for i in items.values()] == [
        ("Figure out how to package it as an NPM module", ["https://example.org/how-to-publish"]),
        ("Publish on the G Suite Marketplace", ["https://developers.example.com/marketplace/"]),
        ("Add a karaoke mode", ["https://youtu.be/abc"]),
        ("try https://www.elastic.co/cloud", []),
    ]
