"""``#### 1A: Add CompanySettings Model``, ``#### 1B: …``: a step's number and letter is its id (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Sales Tax Plan

## Phase 1: Database Foundation

### Tasks:

#### **1A: Add CompanySettings Model** *(15 mins)*
- Add `CompanySettings` model to `models.py`

#### **1B: Add Project Tax Fields** *(15 mins)*
- Add to existing `Project` model

## Phase 2: Company Settings API

### Tasks:

#### **2A: Create Company Settings API** *(30 mins)*
- Create the router
"""


def test_each_lettered_step_is_an_item_with_its_id() -> None:
    _, items = imported(PLAN)
    got = [(i.id, i.title.split(" (")[0]) for i in items.values()]
    assert got == [
        ("1A", "Add CompanySettings Model"),
        ("1B", "Add Project Tax Fields"),
        ("2A", "Create Company Settings API"),
    ]


def test_a_word_of_a_digit_and_letter_without_a_colon_is_no_id() -> None:
    _, items = imported("# Printing\n\n## Tasks\n\n### 3D printed case\n\n- Print the case\n")
    assert all(i.id != "3D" for i in items.values())
