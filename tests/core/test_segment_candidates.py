"""Where the splitter looks for headers: every line whose first non-blank character is "[", exactly
the lines ``^[ \\t]*\\[`` finds in multi-line mode."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.core.board.segments import header_candidates, split_segments

_REFERENCE = re.compile(r"^[ \t]*\[", re.M)
_LINES = st.lists(
    st.sampled_from(["[board]", "  [[items]]", "\t[items.gate]", 'id = "A"', "", "# [not]", " x = [1]", "[", "\r"]),
    max_size=30,
)


@given(_LINES, st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_the_candidates_are_the_lines_that_start_with_a_bracket(lines: list[str], eol: str, last_eol: bool) -> None:
    text = eol.join(lines) + (eol if last_eol and lines else "")
    assert header_candidates(text) == [m.start() for m in _REFERENCE.finditer(text)]
    assert "".join(s.text for s in split_segments(text)) == text
