"""``find_key_line`` finds the first line ``key = ...`` is on (bare, quoted, indented), exactly as a
regex search of the whole segment would, while only looking where the key occurs."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readiness_tui.core.board.segments import find_key_line


def _by_search(text: str, key: str, base: int) -> int | None:
    esc = re.escape(key)
    m = re.compile(rf"^[ \t]*(?:\"{esc}\"|'{esc}'|{esc})[ \t]*=", re.M).search(text)
    return None if m is None else base + text.count("\n", 0, m.start())


_LINES = st.sampled_from(
    [
        "[[items]]",
        'id = "M-1"',
        'target = "2026-W08"',
        "  target=1",
        '"target" = 2',
        "'target' = 3",
        "target_week = 4",
        "# target = 5",
        'title = "the target = 6"',
        "xtarget = 7",
        "status = 'todo'",
        "",
        "target",
        " = target",
        "tar get = 8",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINES, max_size=10).map("\n".join), st.sampled_from(["target", "status", "id", "tar", "", "="]))
@example("# target = 1\ntarget_week = 2\n  'target' = 3\ntarget = 4", "target")
@example("target", "target")
@example("a\n= 1", "")
def test_the_line_is_the_first_a_search_finds(text: str, key: str) -> None:
    assert find_key_line(text, key, 10) == _by_search(text, key, 10)
