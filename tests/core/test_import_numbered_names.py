"""A dependency matrix whose task column numbers its rows (``1: Strategy Protocol``) (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

_MATRIX = """# Plan

### Dependency Matrix
| Task | Blocks | Blocked By |
|------|--------|------------|
| 1: Strategy Protocol | 2, 4 | — |
| 2: Naive Baseline | 4 | 1 |
| 3: Report dataclasses | 4 | — |
| 4: BenchmarkRunner | — | 2, 3 |
"""


def test_the_numbers_are_the_ids_the_other_columns_name_them_by() -> None:
    result = import_markdown(_MATRIX, "P.md")
    assert result.board is not None
    got = {i.id: (i.title, sorted(i.depends_on)) for i in result.board.items}
    assert got == {
        "1": ("Strategy Protocol", []),
        "2": ("Naive Baseline", ["1"]),
        "3": ("Report dataclasses", []),
        "4": ("BenchmarkRunner", ["2", "3"]),  # its own list wins over 1's Blocks
    }


def test_a_number_opening_one_name_among_others_is_a_word() -> None:
    md = "# P\n\n| Task | Owner |\n|---|---|\n| 3 scales to map | Ana |\n| Cache | Bo |\n| Evict | Bo |\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items] == ["3 scales to map", "Cache", "Evict"]
