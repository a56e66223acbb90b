"""A heading that is a named id alone (``### AAA-001``) over its fields is that item (issue 43): the id is the
heading, the title the field that says what it is about (``**Finding:**``, ``**Summary:**``)."""

from __future__ import annotations

from tests.core.import_plan import imported

_ITEM = (
    "### {id}\n\n- **Surface:** `/join`\n- **Finding:** {finding}\n- **Priority:** `P2`\n- **Owner:** `UX`\n"
    "- **Status:** `Done` (theme tightened)\n\n"
)


def test_a_heading_of_an_id_alone_is_the_item_named_by_its_finding() -> None:
    md = "# AAA Backlog\n\n## Current items\n\n" + _ITEM.format(id="AAA-001", finding="Join text misses 7:1")
    md += _ITEM.format(id="AAA-002", finding="Partner CTA misses contrast")
    _, items = imported(md)
    got = [(i.id, i.title, i.status, i.owner, i.priority) for i in items.values()]
    assert got == [
        ("AAA-001", "Join text misses 7:1", "done", "UX", "P2"),
        ("AAA-002", "Partner CTA misses contrast", "done", "UX", "P2"),
    ]


def test_a_bare_number_or_word_heading_is_no_id() -> None:
    # "### 2024" and "### Overview" name no item; only a named id (letters, a hyphen, a number) stands alone.
    md = "# P\n\n### 2024\n\n- **Owner:** ana\n- **Status:** done\n\n### Overview\n\n- **Owner:** ben\n- **Status:** done\n"
    _, items = imported(md)
    assert "2024" not in items


def test_a_heading_before_or_after_a_release_names_no_id() -> None:
    # "## Post-1.0 Roadmap (v.1.1+)": when the work comes, not an item named Post-1.0.
    md = "# Release\n\n## Scope\n\n- [ ] Ship the sync\n\n## Post-1.0 Roadmap (v.1.1+)\n\nLater, maybe.\n"
    _, items = imported(md)
    assert "Post-1.0" not in items and [i.title for i in items.values()] == ["Ship the sync"]
