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
