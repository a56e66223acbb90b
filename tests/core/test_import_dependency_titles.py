"""Dependencies written as the words of another item's title, not its id (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Launch checklist

## Business setup

- [ ] **Create Apple Developer Account**
  - **Owner:** Human
- [ ] **Create Google Play Developer Account**
  - **Owner:** Human
- [ ] **Decide App Name**
  - **Owner:** Human
- [ ] **Decide Monetization Strategy**
  - **Owner:** CFO

## Store builds

- [ ] **Configure iOS Build**
  - **Depends on:** Apple Developer account approved
- [ ] **Configure Android Build**
  - **Depends on:** Google Play account approved
- [ ] **Write Privacy Policy**
  - **Depends on:** App name decision
- [ ] **Record Demo Video**
  - **Depends on:** Final feature set
"""


def test_the_title_a_dependency_words_name_is_the_dependency() -> None:
    lines, items = imported(PLAN)
    deps = {i.title: i.depends_on for i in items.values()}
    ids = {i.title: i.id for i in items.values()}
    assert deps["Configure iOS Build"] == [ids["Create Apple Developer Account"]]
    assert deps["Configure Android Build"] == [ids["Create Google Play Developer Account"]]
    assert deps["Write Privacy Policy"] == [ids["Decide App Name"]]
    # Words no title shares most of name nothing; they stay the item's dependency note.
    assert deps["Record Demo Video"] == []
    assert items[ids["Record Demo Video"]].dependency_note == "Final feature set"
    assert sum("guessed a dependency" in ln for ln in lines) == 3


_HEADINGS = """# Task list

### 1. Core Infrastructure Setup
**Dependencies:** None

#### Tasks:
- [ ] **1.1** Configure cloud infrastructure

### 2. AI Model Development
**Dependencies:** Infrastructure setup

#### Tasks:
- [ ] **2.1** Train the model

### 3. User Authentication System
**Dependencies:** Infrastructure setup

### 4. Quote Generation Wizard
**Dependencies:** AI Model, Authentication
"""


def test_one_telling_word_names_a_sibling_heading() -> None:
    # "Infrastructure" is in 1's title and in 1.1's; among the headings written as 2 is, only 1 has it.
    _, items = imported(_HEADINGS)
    assert items["2"].depends_on == ["1"]
    assert items["3"].depends_on == ["1"]
    assert items["4"].depends_on == ["2", "3"]


def test_dependencies_ranked_by_priority_are_no_work() -> None:
    md = (
        "# Task breakdown\n\n## Sprint 1\n\n| ID | Task |\n|---|---|\n| TASK-001 | Set up the project |\n"
        "| TASK-002 | Build the schema |\n\n## Dependencies\n\n### High-Priority Dependencies\n"
        "- **Authentication System** → All user-facing features\n- **Database Schema** → All data operations\n"
    )
    report, items = imported(md)
    assert list(items) == ["TASK-001", "TASK-002"]
    assert not any("priority group heading" in line for line in report)
