"""Facts about a heading's siblings are read once per heading above them, not once per sibling: a roadmap of a
thousand numbered, fielded headings took minutes when each asked again (issue 43). Counted, not timed."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections import heading_numbers, headings


def _plan(n: int, numbered: bool) -> str:
    parts = ["# Roadmap\n"]
    for i in range(n):
        number = f"{i + 1}. " if numbered else ""
        parts.append(f"### {number}Expense Reminders {i}\n**Status**: Proposed\n**Priority**: Low\n\n- Remind {i}\n")
    return "\n".join(parts)


@pytest.mark.parametrize(("numbered", "fact"), [(True, "_numbered_from_one"), (False, "_unnamed_item_shaped")])
def test_sibling_facts_are_read_once_per_heading_above(
    monkeypatch: pytest.MonkeyPatch, numbered: bool, fact: str
) -> None:
    module = heading_numbers if numbered else headings
    real = getattr(module, fact)
    calls: list[object] = []

    def counted(*args):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(module, fact, counted)
    result = import_markdown(_plan(300, numbered), "ROADMAP.md")
    assert result.board is not None and len(result.board.items) == 300
    # Asked at all (the plan has the shape), and once: the heading above answers for its 300 headings.
    assert len(calls) == 1
