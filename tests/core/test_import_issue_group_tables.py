"""Tables of epics and of lots of issues are groups of the work, not items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

URL = "https://github.com/o/r/issues/"


def _ids(md: str) -> list[str]:
    result = import_markdown("# P\n\n" + md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items]


def test_a_column_of_epic_links_makes_no_items() -> None:
    md = f"| Wave | Epic |\n|---|---|\n| A | [#40]({URL}40) |\n| B | [#41]({URL}41) |\n"
    assert _ids(md) == []


def test_the_same_links_under_an_issue_header_are_items() -> None:
    md = f"| Wave | Issue |\n|---|---|\n| A | [#40]({URL}40) |\n| B | [#41]({URL}41) |\n"
    assert _ids(md) == ["#40", "#41"]


def test_cells_listing_several_issues_name_no_row() -> None:
    md = f"| Lot | Issues |\n|---|---|\n| 1 | [#6]({URL}6) A4 · [#42]({URL}42) |\n| 2 | [#43]({URL}43)–[#47]({URL}47) |\n"
    assert _ids(md) == []


def test_an_id_with_its_own_pull_request_link_is_one_row() -> None:
    pull = "https://github.com/o/r/pull/"
    md = f"| Task / PR | Outcome |\n|---|---|\n| [T01 / #98]({pull}98) | a |\n| [T02 / #99]({pull}99) | b |\n"
    assert _ids(md) == ["T01", "T02"]


def test_a_row_listing_several_pull_requests_is_an_item_for_each() -> None:
    md = (
        "# Handoff\n\n## Shipped\n\n| PR | What landed |\n|---|---|\n| #341 | Schemas unwrapped. |\n"
        "| #325, #324, #326 | SDK, zod and dotenv bumped. |\n"
    )
    result = import_markdown(md, "HANDOFF.md")
    assert result.board is not None, "\n".join(result.report_lines)
    got = [(i.id, i.title, i.status) for i in result.board.items]
    assert got == [
        ("#341", "Schemas unwrapped.", "done"),
        ("#325", "SDK, zod and dotenv bumped.", "done"),
        ("#324", "SDK, zod and dotenv bumped.", "done"),
        ("#326", "SDK, zod and dotenv bumped.", "done"),
    ]


def test_unblocked_by_a_pull_request_is_a_wait_on_it() -> None:
    md = "# H\n\n## Shipped\n\n| PR | What landed |\n|---|---|\n| #341 | Schemas. |\n| #325 | SDK. Unblocked by #341. |\n"
    result = import_markdown(md, "H.md")
    assert result.board is not None, "\n".join(result.report_lines)
    assert {i.id: i.depends_on for i in result.board.items} == {"#341": [], "#325": ["#341"]}
