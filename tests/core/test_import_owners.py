"""An owner cell naming several: the first named owns the item, the others contribute; one name stays whole."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.owners import split_owner


@pytest.mark.parametrize(
    ("cell", "owner", "contributors"),
    [
        ("O. Burchardt / IT", "O. Burchardt", ["IT"]),  # spaced slash after a person's name
        ("Stefan / Dev", "Stefan", ["Dev"]),
        ("Ana, Luis", "Ana", ["Luis"]),
        ("Runtime Eng, QA", "Runtime Eng", ["QA"]),
        ("A & B", "A", ["B"]),
        ("DevOps + Frontend Lead", "DevOps", ["Frontend Lead"]),
        ("Legal + Marketing, DPO", "Legal", ["Marketing", "DPO"]),
        ("Ana Lopez and Luis Diaz", "Ana Lopez", ["Luis Diaz"]),
        ("O. Burchardt/K. Weber", "O. Burchardt", ["K. Weber"]),  # tight slash between full names
        ("@ana/@luis", "@ana", ["@luis"]),
        ("QA/Release", "QA", ["Release"]),  # a slash parts two parties, as the plans' readers take it
        ("Backend Lead / QA", "Backend Lead", ["QA"]),
        ("Legal/privacy lead", "Legal", ["privacy lead"]),
    ],
)
def test_a_cell_naming_several_gives_an_owner_and_contributors(cell: str, owner: str, contributors: list[str]) -> None:
    assert split_owner(cell) == (owner, contributors)


@pytest.mark.parametrize(
    "cell",
    [
        "R&D",  # tight: one name
        "INT+RULE",
        "N/A",  # a tight slash between words of one letter
        "24/7 Ops",
        "Research and Development",  # "and" splits only between full names
        "Platform team",
        "@intelgraph/ops-team",  # a GitHub team's handle
    ],
)
def test_one_name_stays_whole(cell: str) -> None:
    assert split_owner(cell) == (cell, [])


def test_owner_cells_and_fields_split_and_merge_with_contributors() -> None:
    plan = """# P

| ID | Task | Owner | Contributors |
|----|------|-------|--------------|
| A-1 | Schema | Kim + Lee | Ng |
| A-2 | Backfill | QA/SDET + Dev | |
| A-3 | Cutover | Ana, Luis | Luis, Ana |

### T-9: Audit
**Owner:** O. Burchardt / DATEV
"""
    result = import_markdown(plan, "plan.md")
    assert result.board is not None
    got = {i.id: (i.owner, i.contributors) for i in result.board.items}
    assert got == {
        "A-1": ("Kim", ["Lee", "Ng"]),
        "A-2": ("QA/SDET", ["Dev"]),  # the cell parts its names with "+": the slash is in a name
        "A-3": ("Ana", ["Luis"]),  # each name once, the owner not among the contributors
        "T-9": ("O. Burchardt", ["DATEV"]),
    }


def test_an_aside_after_the_owner_s_name_is_not_part_of_it() -> None:
    # Separators in brackets belong to the aside, and the aside is not the name.
    assert split_owner("Daniel (zona C, D)") == ("Daniel", [])
    assert split_owner("Agent Team (Bull+Bear+Builder)") == ("Agent Team", [])
    assert split_owner("Daniel (zona C, D), Ana") == ("Daniel", ["Ana"])


def test_an_emoji_after_the_owner_s_name_is_not_part_of_it() -> None:
    assert split_owner("Nyx 🌙") == ("Nyx", [])
    assert split_owner("Ana, Luis 🚀") == ("Ana", ["Luis"])
    assert split_owner("C++") == ("C++", [])
