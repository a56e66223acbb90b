"""Tables written in HTML inside a Markdown plan (``<table><tr><th>Iterace</th>…``), read as the plan's other tables.

Markdown passes an HTML block through untouched, so a plan exported from a wiki or a document editor keeps its
work in ``<table>`` markup. Each row becomes a table row with the line it starts on; the header row is the first
row, when every cell of it is a ``<th>``; a table whose every row is a ``<th>`` and a ``<td>`` is one record written
down, read as a ``| Field | Value |`` table (a row whose ``<tr>`` is left out is opened by its first cell, as a browser
does). A block with more than one table gives the first; one with no such header row or no body rows gives none (it
stays text, reported as such). ``document.parse`` makes the Table block.

Markdown ends an HTML block at a blank line, so a table whose rows are spaced apart (``<!-- 🔴 HIGH -->`` between
runs of ``<tr>``) would be cut after its header: ``joined_html_tables`` takes the blank lines out from ``<table>`` to
``</table>`` before parsing. A heading written in HTML (``<h2>Bug Listings</h2>`` alone on its line) is read as the
Markdown heading it is (``html_headings``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

from readiness_tui.core.importers.document.steps import outside_fences


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        #: (line in the block, cells, whether every cell was a header cell) per row of the first table.
        self.rows: list[tuple[int, list[str], bool]] = []
        #: The tag of each cell of each row ("th", "td"), in the order of ``rows``.
        self.tags: list[list[str]] = []
        self._cells: list[str] | None = None
        self._row_tags: list[str] = []
        self._heads = True
        self._cell: list[str] | None = None
        self._tables = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._tables += 1
        elif self._tables != 1:
            return
        elif tag == "tr":
            self._end_row()
            self._cells, self._row_tags, self._heads, self._line = [], [], True, self.getpos()[0]
        elif tag in ("td", "th"):
            if self._cells is None:
                # A cell with its row's "<tr>" left out (a wiki's export): a browser opens the row, and so is it read.
                self._cells, self._row_tags, self._heads, self._line = [], [], True, self.getpos()[0]
            self._cell = []
            self._row_tags.append(tag)
            self._heads = self._heads and tag == "th"
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")
        elif tag == "li" and self._cell is not None:
            # An entry of a list in the cell: written as Markdown cells write one (``- a<br>- b``).
            self._cell.append(" <br>- ")

    def handle_endtag(self, tag: str) -> None:
        if self._tables != 1:
            return
        if tag in ("td", "th") and self._cells is not None and self._cell is not None:
            self._cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._cells is not None:
            self._end_row()
        elif tag == "table":
            self._end_row()

    def _end_row(self) -> None:
        if self._cells is not None and self._tables == 1:
            self.rows.append((self._line, self._cells, self._heads and bool(self._cells)))
            self.tags.append(self._row_tags)
        self._cells = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_table(html: str, line: int) -> tuple[list[str], list[tuple[int, list[str]]]] | None:
    """The header cells and the (line, cells) of each body row of the first table of an HTML block starting at
    ``line`` (see the module doc), or None."""
    parser = _Rows()
    parser.feed(html)
    parser.close()
    rows = parser.rows
    if len(rows) >= 2 and all(tags == ["th", "td"] for tags in parser.tags):
        # "<tr><th>STATUS</th><td>In Progress</td></tr>" down the table: one record, a field and its value a row,
        # read as a "| Field | Value |" table is (``ticket_blocks``).
        return ["Field", "Value"], [(line + at - 1, cells) for at, cells, _ in rows]
    if len(rows) < 2 or not rows[0][2]:
        return None
    headers = rows[0][1]
    width = len(headers)
    return headers, [(line + at - 1, (cells + [""] * width)[:width]) for at, cells, _ in rows[1:]]


_TABLE_OPEN = re.compile(r"^\s*<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
#: A heading in HTML alone on its line: ``<h2>Bug Listings by Category</h2>``.
_HTML_HEADING = re.compile(r"^\s*<h(?P<level>[1-6])(?:\s[^>]*)?>(?P<text>[^<]+)</h(?P=level)>\s*$", re.I)


def joined_html_tables(lines: list[str], note: Callable[[int, str], None]) -> None:
    """The blank lines inside each HTML table (see the module doc) taken out, so the table is one HTML block; the
    line count is kept (each becomes an HTML comment). Outside fences only."""
    inside, joined = False, 0
    for n, ln in outside_fences(lines):
        if not inside and _TABLE_OPEN.match(ln):
            inside, joined, start = not _TABLE_CLOSE.search(ln), 0, n
        elif inside:
            if _TABLE_CLOSE.search(ln):
                inside = False
                if joined:
                    note(start + 1, "an HTML table spaced with blank lines read as one table")
            elif not ln.strip():
                lines[n] = "<!-- -->"
                joined += 1


def html_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Each ``<hN>words</hN>`` line outside fences as the Markdown heading ``#…# words``."""
    for n, ln in outside_fences(lines):
        if m := _HTML_HEADING.match(ln):
            lines[n] = "#" * int(m.group("level")) + " " + m.group("text").strip()
            note(n + 1, f"HTML heading <h{m.group('level')}> read as a heading")
