"""The items of each phase and milestone are found by one pass over the items, not one per group: a plan of a
thousand phases looked through every item for each (issue 43). Counted, not timed."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.assembly import finalize


@pytest.mark.parametrize("phases", [10, 400])
def test_group_members_are_indexed_a_fixed_number_of_times(monkeypatch: pytest.MonkeyPatch, phases: int) -> None:
    real = finalize._held
    calls: list[str] = []

    def counted(items, fld):  # type: ignore[no-untyped-def]
        calls.append(fld)
        return real(items, fld)

    monkeypatch.setattr(finalize, "_held", counted)
    md = "# Plan\n\n" + "\n".join(
        f"### Phase {n + 1}: Part {n}\n- ✅ **Setup {n}**: done\n- ✅ **Build {n}**: done\n" for n in range(phases)
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None and len(result.board.items) == 2 * phases
    assert {it.phase for it in result.board.items} == {str(n + 1) for n in range(phases)}
    assert sorted(calls) == ["milestone", "phase", "phase"]
