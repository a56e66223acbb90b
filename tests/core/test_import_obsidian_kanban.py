"""A board of Obsidian's Kanban plugin: cards with their due dates, tags and archive times (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

BOARD = """---

kanban-plugin: basic

---

## Backlog

- [ ] @[[Feb 12th, 2023]] #feature [[Implement mod detail editing view]]
- [ ] Add a card type selector #process @{2023-02-10}

## Archive

- [x] Feb 12th, 2023 13:17 @[[Feb 10th, 2023#^a1acf4]] #bug Dropping a group on itself causes an error

%% kanban:settings
```
{"kanban-plugin":"basic","tag-colors":[]}
```
%%
"""


def test_each_card_is_an_item_titled_by_its_words_alone() -> None:
    report, items = imported(BOARD)
    got = {i.title: (i.status, i.tags, i.target) for i in items.values()}
    assert got == {
        "Implement mod detail editing view": ("todo", ["feature"], "2023-02-12"),
        "Add a card type selector": ("todo", ["process"], "2023-02-10"),
        "Dropping a group on itself causes an error": ("done", ["bug"], "2023-02-10"),
    }, report
    assert any("Kanban plugin's settings" in line for line in report)


def test_hashes_and_dates_elsewhere_stay_as_written() -> None:
    # Without the plugin's front matter a card's "#12" and "@" are the plan's own words.
    _, items = imported("# Board\n\n## Backlog\n\n- [ ] Fix #12 for @ana\n- [ ] Ship #feature flags\n")
    assert [i.title for i in items.values()] == ["Fix #12 for @ana", "Ship #feature flags"]
