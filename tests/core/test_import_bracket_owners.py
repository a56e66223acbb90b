"""Owner cells: a bracket tag (``[agent] …``) owns the row, "X or Y" the first named; "(P0)" in a heading ranks
its rows (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.owners import split_owner


def test_the_first_bracket_tag_owns_the_row() -> None:
    assert split_owner("[agent] DONE: code + tests; [owner] env+rollout remains") == ("agent", [])
    assert split_owner("[owner] infra, [agent] docs/config review") == ("owner", [])


def test_names_without_a_leading_tag_split_as_before() -> None:
    assert split_owner("O. Burchardt / IT") == ("O. Burchardt", ["IT"])
    assert split_owner("Ana [lead]") == ("Ana [lead]", [])


def test_either_of_two_is_owned_by_the_first_named() -> None:
    assert split_owner("Workspace Steward or Manual") == ("Workspace Steward", [])
    assert split_owner("Manual or Steward (framework change)") == ("Manual", [])


def test_a_priority_in_brackets_in_a_heading_ranks_its_rows() -> None:
    plan = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "horizon_headings_owner_asides.md"
    result = import_markdown(plan.read_text(encoding="utf-8"), plan.name)
    assert result.board is not None
    assert {i.id: i.priority for i in result.board.items} == {"N1": "P0", "N2": "P0", "L1": "P2"}
