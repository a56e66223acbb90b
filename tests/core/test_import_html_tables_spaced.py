"""A bug list in HTML inside Markdown: HTML headings, a table spaced with blank lines and comments, ids keyed by area
(``MUI#H001``); and ids written with non-breaking hyphens (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

BUGS = """# Bug Checklist

<h2>Bug Listings</h2>

<table>
  <tr>
    <th>ID</th>
    <th>Status</th>
    <th>Description</th>
  </tr>

<!-- HIGH PRIORITY -->
<tr><td><a href="https://example.org/issues/3">MUI#H001</a></td><td>-</td><td>Ads fail to load after a match.</td></tr>
<tr><td>MUI#H002</td><td>Fixed</td><td>Clan chat shows "Guest" as the sender.</td></tr>

<!-- LOW PRIORITY -->
<tr><td>MUI#L003</td><td>-</td><td>Quest list flickers.</td></tr>
</table>
"""


def test_a_spaced_html_table_under_an_html_heading_is_one_table_of_items() -> None:
    lines, items = imported(BUGS)
    got = [(i.id, i.status) for i in items.values()]
    assert got == [("MUI#H001", "todo"), ("MUI#H002", "done"), ("MUI#L003", "todo")]
    assert any("HTML heading <h2> read as a heading" in ln for ln in lines)
    assert any("spaced with blank lines read as one table" in ln for ln in lines)


def test_ids_with_non_breaking_hyphens_are_the_ids_references_name() -> None:
    plan = (
        "# Backlog\n\n## How to use this backlog\n\n1. Work top\u2011down.\n2. Update the state file.\n\n"
        "## Phase 0\n\n| ID | Title | Depends on |\n|---|---|---|\n"
        "| TASK\u2011010 | Repo scaffold | \u2014 |\n| TASK\u2011011 | CI pipeline | TASK-010 |\n"
    )
    _, items = imported(plan)
    assert [(i.id, i.depends_on) for i in items.values()] == [("TASK-010", []), ("TASK-011", ["TASK-010"])]
