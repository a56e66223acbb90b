"""Tables written in HTML inside a Markdown plan (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.html_tables import html_table

_PLAN = """# Plan

Exported from the wiki.

<table><thead>
<tr>
<th align="left">ID</th>
<th align="left">Task</th>
<th align="left">Owner</th>
<th align="left">Status</th>
</tr>
</thead><tbody>
<tr>
<td>T-1</td>
<td>Set up the <b>build</b> &amp; CI</td>
<td>Ana</td>
<td>Done</td>
</tr>
<tr>
<td>T-2</td>
<td>Write the
release notes</td>
<td>Bo</td>
</tr>
</tbody></table>
"""


def test_an_html_table_gives_its_rows_as_a_markdown_table_would() -> None:
    result = import_markdown(_PLAN, "P.md")
    assert result.board is not None
    got = [(i.id, i.title, i.owner, i.status) for i in result.board.items]
    assert got == [("T-1", "Set up the build & CI", "Ana", "done"), ("T-2", "Write the release notes", "Bo", "todo")]


def test_each_row_keeps_the_line_it_starts_on() -> None:
    found = html_table(_PLAN[_PLAN.index("<table") :], 5)
    assert found is not None
    assert [line for line, _ in found[1]] == [13, 19]


def test_html_without_a_header_row_is_no_table() -> None:
    assert html_table("<table><tr><td>a</td></tr><tr><td>b</td></tr></table>", 1) is None
