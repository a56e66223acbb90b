"""The recipe's ``[options] asides`` and ``dashes``: where every item's title ends, when a person says so for the whole
plan (issue 43's guided import). Unset, titles are read as the plan's shape says."""

from __future__ import annotations

from tests.core.import_plan import imported_with, items_of, report_of

PLAN = """# Calendar roadmap

## Phase 1

- Webhook worker (validation, enqueue)
- Man page generation -- Generate man pages from argparse definitions
- Policy compiler - BUSY, TITLE and FULL projection [v2]
- (none currently)
"""


def _items(recipe: str | None) -> list[tuple[str, str]]:
    return [(i.title, i.description) for i in items_of(imported_with(PLAN, recipe)).values()]


def test_without_the_options_titles_keep_their_asides_and_dashes() -> None:
    assert [t for t, _ in _items(None)][:3] == [
        "Webhook worker (validation, enqueue)",
        "Man page generation -- Generate man pages from argparse definitions",
        "Policy compiler - BUSY, TITLE and FULL projection [v2]",
    ]


def test_asides_end_titles_before_a_closing_bracketed_aside() -> None:
    got = _items('[options]\nasides = "description"\n')
    assert got[0] == ("Webhook worker", "validation, enqueue")
    assert got[1][0] == "Man page generation -- Generate man pages from argparse definitions"
    assert got[2] == ("Policy compiler - BUSY, TITLE and FULL projection", "v2")


def test_dashes_end_titles_at_a_spaced_dash_of_any_kind() -> None:
    got = _items('[options]\ndashes = "description"\n')
    assert got[0][0] == "Webhook worker (validation, enqueue)"
    assert got[1] == ("Man page generation", "Generate man pages from argparse definitions")
    assert got[2] == ("Policy compiler", "BUSY, TITLE and FULL projection [v2]")


def test_both_options_together_and_a_title_that_is_only_brackets_stays() -> None:
    result = imported_with(PLAN, '[options]\nasides = "description"\ndashes = "description"\n')
    titles = [i.title for i in items_of(result).values()]
    assert titles[:3] == ["Webhook worker", "Man page generation", "Policy compiler"]
    report = report_of(result)
    assert "asides = 'description' applied: a bracketed aside closing a title is its description" in report
    assert "dashes = 'description' applied" in report
    assert "matches no" not in report


def test_an_option_that_cuts_no_title_is_reported_as_matching_nothing() -> None:
    plain = "# Plan\n\n## Work\n\n- Add login\n- Add logout\n"
    report = report_of(imported_with(plain, '[options]\ndashes = "description"\n'))
    assert "[options] dashes = 'description' matches no title with a spaced dash of the plan; not applied" in report


FILES = """# Cookie consent tasks

## Phase 2

- [ ] T010 Create database schema SQL in database/schema.sql (all 3 tables: categories, cookies, events)
- [ ] T011 Add the uninstall hook
"""


def test_asides_title_keeps_a_files_details_in_the_title() -> None:
    # Unset, the details after the file (spec-kit's habit) describe the task; "title" says they name it.
    unset = items_of(imported_with(FILES, None))["T010"]
    assert (unset.title, unset.description) == (
        "Create database schema SQL in database/schema.sql",
        "all 3 tables: categories, cookies, events",
    )
    result = imported_with(FILES, '[options]\nasides = "title"\n')
    kept = items_of(result)["T010"]
    assert kept.title == "Create database schema SQL in database/schema.sql (all 3 tables: categories, cookies, events)"
    assert not kept.description
    assert "asides = 'title' applied: a bracketed aside closing a title stays in it" in report_of(result)


def test_asides_title_on_a_plan_without_a_files_details_matches_nothing() -> None:
    report = report_of(imported_with(PLAN, '[options]\nasides = "title"\n'))
    assert "[options] asides = 'title' matches no file's details in brackets closing a title" in report


COLONS = """# Release plan

## Phase 3

- [ ] T115 Test rollback procedure: MV3 → export → install MV2 v3.5.4 → import → verify all rules work
- [ ] T116 Trim build: drop source maps
- [ ] T117 Write the release notes
"""


def test_colons_title_keeps_what_follows_a_colon_in_the_title() -> None:
    unset = items_of(imported_with(COLONS, None))
    assert unset["T115"].title == "Test rollback procedure"  # a short name, then a long explanation
    assert unset["T116"].title == "Trim build: drop source maps"  # too short an explanation to part
    result = imported_with(COLONS, '[options]\ncolons = "title"\n')
    kept = items_of(result)["T115"]
    assert kept.title == "Test rollback procedure: MV3 → export → install MV2 v3.5.4 → import → verify all rules work"
    assert "colons = 'title' applied: a colon in a title keeps what follows in it" in report_of(result)


def test_colons_description_ends_every_title_at_its_first_colon() -> None:
    result = imported_with(COLONS, '[options]\ncolons = "description"\n')
    items = items_of(result)
    assert (items["T116"].title, items["T116"].description) == ("Trim build", "drop source maps")
    assert items["T115"].title == "Test rollback procedure"
    assert items["T117"].title == "Write the release notes"
    assert "colons = 'description' applied: what follows a colon in a title is its description" in report_of(result)


def test_asides_end_a_title_before_every_aside_closing_it() -> None:
    plan = "# Roadmap\n\n## Polish\n\n- [ ] Improve recipe quantity readability (Unicode quantity display) (#36)\n"
    (item,) = items_of(imported_with(plan, '[options]\nasides = "description"\n')).values()
    assert (item.title, item.description) == ("Improve recipe quantity readability", "Unicode quantity display\n#36")
