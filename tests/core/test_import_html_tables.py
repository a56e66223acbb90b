"""Tables written in HTML inside a Markdown plan (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.html_tables import html_table
from tests.core.import_plan import imported

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


def test_lists_in_the_cells_of_an_html_table_are_its_work() -> None:
    # A roadmap by subsystem: each "In focus now" cell lists that subsystem's work as <li> links.
    plan = """# Kotlin roadmap

### Roadmap details

<table>
    <tr>
        <th>Subsystem</th>
        <th>In focus now</th>
    </tr>
    <tr>
        <td><strong>Language</strong></td>
        <td>
            <ul>
                <li><a href="https://youtrack.jetbrains.com/issue/KT-27576">Support inline sealed classes</a></li>
                <li><a href="https://youtrack.jetbrains.com/issue/KT-10468">Multiple receivers on extensions</a></li>
            </ul>
        </td>
    </tr>
    <tr>
        <td><strong>Compiler core</strong></td>
        <td>
            <ul>
                <li>Stabilize the K2 compiler</li>
                <li>Speed up incremental compilation</li>
            </ul>
        </td>
    </tr>
</table>
"""
    report, items = imported(plan)
    assert [i.title for i in items.values()] == [
        "Support inline sealed classes",
        "Multiple receivers on extensions",
        "Stabilize the K2 compiler",
        "Speed up incremental compilation",
    ]
    # The row's subsystem is the area of work its entries belong to.
    assert [i.workstream for i in items.values()] == ["Language", "Language", "Compiler core", "Compiler core"]
    assert any("each entry of the lists its cells hold is a task" in ln for ln in report)
