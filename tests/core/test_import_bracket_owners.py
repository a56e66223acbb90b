"""An owner cell opening with a bracket tag (``[agent] …``) is owned by the tag (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.owners import split_owner


def test_the_first_bracket_tag_owns_the_row() -> None:
    assert split_owner("[agent] DONE: code + tests; [owner] env+rollout remains") == ("agent", [])
    assert split_owner("[owner] infra, [agent] docs/config review") == ("owner", [])


def test_names_without_a_leading_tag_split_as_before() -> None:
    assert split_owner("O. Burchardt / IT") == ("O. Burchardt", ["IT"])
    assert split_owner("Ana [lead]") == ("Ana [lead]", [])
