"""What a matrix grid is drawn from, apart from the board: the cell kinds and their text, highlight
and header states, what each cell shows (``CellKinds``) and the header layout (row labels, vertical
column labels, the corner).

Column headers are the ids written downwards, so long ids that share a start (``CODEX-P0-001``,
``CODEX-P0-002``, ...) would all read ``C O D E X - P …``: the shared prefix is dropped from the
column labels and said once in the corner, above the full id of the cursor's column.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style

from readiness_tui.core.outputs.display import shared_id_prefix
from readiness_tui.ui.widgets.line_parts import pad_cells

#: Characters per matrix cell.
CELL_W = 3
#: Longest row header (ids are cut with an ellipsis beyond this).
MAX_ROW_HEADER = 18
#: Tallest column header (vertical ids are cut with an ellipsis beyond this).
MAX_COL_HEADER = 8

# Cell kinds. The order matters only as indexes into the palette.
NONE, DEP, DIAG, CYCLE, DIS_DEP, DIS_NONE, REFUSED_DEP, REFUSED_NEW, SELF_DEP = range(9)
CELL_TEXT = {
    NONE: " · ",
    DEP: " 1 ",
    DIAG: " ╲ ",
    CYCLE: " 1↻",
    DIS_DEP: " 1≠",
    DIS_NONE: " ·≠",
    REFUSED_DEP: " 1✗",
    REFUSED_NEW: " +✗",
    SELF_DEP: " 1↻",
}
CELL_CLASS = {
    NONE: "matrix--none",
    DEP: "matrix--dep",
    DIAG: "matrix--diag",
    CYCLE: "matrix--cycle",
    DIS_DEP: "matrix--disagree",
    DIS_NONE: "matrix--disagree",
    REFUSED_DEP: "matrix--refused",
    REFUSED_NEW: "matrix--refused",
    SELF_DEP: "matrix--cycle",
}
#: Highlight levels of a cell: plain, in the cursor's row or column, the cursor itself.
HL_NONE, HL_CROSS, HL_CURSOR = 0, 1, 2
#: Row and column header states.
H_PLAIN, H_CURRENT, H_CLOSED, H_UNKNOWN = range(4)
HEADER_CLASS = {
    H_PLAIN: "matrix--header",
    H_CURRENT: "matrix--header-current",
    H_CLOSED: "matrix--header-closed",
    H_UNKNOWN: "matrix--header-unknown",
}

_EMPTY: dict[int, int] = {}


#: A row with more dependencies than this holds them as a set (``row_deps``).
_FEW_DEPS = 8


def row_deps(columns: Iterable[int]) -> Collection[int]:
    """The columns a row depends on, each once, as the smallest container that answers ``in``
    quickly: a tuple while they are few (none, on most rows: the one empty tuple), else a set. A
    set costs 200 bytes even empty, and a grid holds one per item (10,000 on a big board)."""
    few = tuple(dict.fromkeys(columns))
    return few if len(few) <= _FEW_DEPS else frozenset(few)


@dataclass(frozen=True)
class CellKinds:
    """What each cell shows: ``deps[r]`` holds the columns row ``r`` depends on (``row_deps``);
    ``marks[r][c]`` overrides a cell's kind (cycle, disagreement, refused)."""

    deps: list[Collection[int]]
    marks: dict[int, dict[int, int]]

    def kind(self, r: int, c: int) -> int:
        """NONE, DEP, DIAG, CYCLE, ... of one cell."""
        kind = self.marks.get(r, _EMPTY).get(c)
        if kind is not None:
            return kind
        if c in self.deps[r]:
            return SELF_DEP if r == c else DEP
        return DIAG if r == c else NONE

    def row(self, r: int, c0: int, c1: int) -> list[int]:
        """The kinds of the cells ``c0 <= c < c1`` of row ``r`` (the drawing loop: kept tight)."""
        marks = self.marks.get(r, _EMPTY)
        deps = self.deps[r]
        out = []
        for c in range(c0, c1):
            kind = marks.get(c)
            if kind is None:
                if c in deps:
                    kind = SELF_DEP if c == r else DEP
                else:
                    kind = DIAG if c == r else NONE
            out.append(kind)
        return out


#: What the corner says on its last line: how to read a cell.
CORNER_LEGEND = "row→col"


def _cells(text: str) -> list[str]:
    """``text`` as one string per terminal cell (a wide character is cut to one cell)."""
    return list(text) if text.isascii() and text.isprintable() else [set_cell_size(ch, 1) for ch in text]


@dataclass(frozen=True)
class HeaderLayout:
    """The row labels, the vertical column labels (top-padded to ``label_h``) and the shared
    prefix of ``ids``. A label is made when its row or column is drawn: a grid over a 10,000-item
    board shows a few dozen of them, and holds no string per item."""

    ids: Sequence[str]
    label_h: int
    row_header_w: int
    prefix: str

    @classmethod
    def of(cls, ids: Sequence[str]) -> HeaderLayout:
        longest = max((len(i) if i.isascii() else cell_len(i) for i in ids), default=2)
        w = min(max(longest, 2), MAX_ROW_HEADER)
        prefix = shared_id_prefix(ids)
        cut = len(prefix)
        tallest = max((len(i) - cut for i in ids), default=1)  # ``_cells`` makes one cell per character
        return cls(ids, max(min(tallest, MAX_COL_HEADER), 1), w + 2, prefix)

    def row_label(self, r: int) -> str:
        """Row ``r``'s id, padded or cut to the row header."""
        return pad_cells(self.ids[r], self.row_header_w - 2)

    def col_label(self, c: int) -> str:
        """Column ``c``'s id without the shared prefix, a character per line of the label, cut
        with an ellipsis to ``label_h`` and top-padded to it."""
        h = self.label_h
        chars = _cells(self.ids[c][len(self.prefix) :])
        if len(chars) > h:
            chars = chars[: h - 1] + ["…"]
        return " " * (h - len(chars)) + "".join(chars)

    def corner(self, cursor_id: str | None) -> list[tuple[str, bool]]:
        """The corner's ``label_h`` lines, each ``(text, is_the_cursor_column)``, bottom-aligned:
        the dropped prefix, the cursor column's full id, the legend (the bottom ones when short)."""
        width = self.row_header_w - 2
        lines: list[tuple[str, bool]] = []
        if self.prefix:
            lines.append((pad_cells(self.prefix + "…", width), False))
        if cursor_id is not None:
            lines.append((pad_cells(cursor_id, width), True))
        if width >= len(CORNER_LEGEND):
            lines.append((pad_cells(CORNER_LEGEND, width), False))
        lines = lines[-self.label_h :]
        return [(" " * width, False)] * (self.label_h - len(lines)) + lines

    def header_line(
        self,
        k: int,
        c0: int,
        c1: int,
        cursor_col: int,
        cursor_id: str | None,
        states: Sequence[int],
        style: Callable[[int], Style],
    ) -> list[Segment]:
        """Line ``k`` of the column header block (``k < label_h``: the labels, else the rule under
        them): the corner's segment, then one per column ``c0 <= c < c1``; ``style`` maps a header
        state to its style."""
        plain = style(H_PLAIN)
        if k >= self.label_h:
            current = style(H_CURRENT)
            rule = [Segment("━━━", current) if c == cursor_col else Segment("───", plain) for c in range(c0, c1)]
            return [Segment("─" * (self.row_header_w - 1) + "┼", plain), *rule]
        corner, is_cursor = self.corner(cursor_id)[k]
        segs = [Segment(" " + corner + "│", style(H_CURRENT) if is_cursor else plain)]
        for c in range(c0, c1):
            state = H_CURRENT if c == cursor_col else states[c]
            segs.append(Segment(" " + self.col_label(c)[k] + " ", style(state)))
        return segs
