"""How numbered headings are numbered (on across their groups, within each, through the plan) is worked out once
per document, not again for every heading: a plan of thousands of numbered headings imported in quadratic time
(issue 46)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.sections import heading_numbers


def _plan(weeks: int, restart: bool) -> str:
    lines = ["# Plan", ""]
    n = 0
    for w in range(1, weeks + 1):
        lines += [f"### Week {w}", ""]
        for k in range(1, 6):
            n += 1
            lines += [f"#### {k if restart else n}. Task {k} of week {w}", "", "Some prose about it.", ""]
    return "\n".join(lines)


@pytest.mark.parametrize("restart", [True, False])
def test_each_group_and_the_document_are_read_once(monkeypatch: pytest.MonkeyPatch, restart: bool) -> None:
    calls = {"across": 0, "within": 0, "through": 0}

    def counted(name: str, real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(heading_numbers, "_across", counted("across", heading_numbers._across))
    monkeypatch.setattr(heading_numbers, "_within", counted("within", heading_numbers._within))
    through = counted("through", heading_numbers.numbered_through)
    monkeypatch.setattr(heading_numbers, "numbered_through", through)
    result = import_markdown(_plan(40, restart), "plan.md")
    assert result.board is not None
    # 200 numbered headings under 40 weeks, one title: a few reads of the title's groups, one of the document.
    assert calls["through"] == 1
    assert calls["across"] <= 4 and calls["within"] <= 4
