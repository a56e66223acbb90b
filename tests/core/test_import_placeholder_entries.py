"""``- [ ] [New services go here]``: a template's slot left to fill in is reported, not an item (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_bracketed_slot_is_no_item_and_is_reported() -> None:
    report, items = imported(
        "# Plan\n\n## Stage 3: Add new services\n- [ ] [New services go here]\n- [ ] Deploy Grafana\n"
    )
    assert [i.title for i in items.values()] == ["Deploy Grafana"]
    assert any("'[New services go here]': a placeholder to fill in" in line for line in report)


def test_a_bracketed_tag_before_words_is_still_the_title() -> None:
    _, items = imported("# Plan\n\n## Work\n- [ ] [P0] Fix the login\n- [ ] [WIP] Add the export\n")
    assert len(items) == 2


def test_an_entry_saying_there_is_none_is_no_item() -> None:
    report, items = imported(
        "# Backlog\n\n## Raw Ideas\n- (none currently)\n\n## Backlog\n- Android setup guide\n- None yet\n\n"
        "## Done\n- Nothing so far\n- None of the old flags remain\n"
    )
    assert [i.title for i in items.values()] == ["Android setup guide", "None of the old flags remain"]
    assert any("'(none currently)'" in line and "says there is none" in line for line in report)


def test_an_entry_saying_the_list_goes_on_is_no_item() -> None:
    report, items = imported("# Roadmap\n\n## 2024 Q1\n* official clients\n* monitoring\n* etc.\n* …\n* Etcd backups\n")
    assert [i.title for i in items.values()] == ["official clients", "monitoring", "Etcd backups"]
    assert any("'etc.': says there is more without naming it" in line for line in report)


def test_a_list_of_lessons_citing_fixes_by_id_is_no_work() -> None:
    report, items = imported(
        "# Plan\n\n## Tasks\n\n- [x] T001 Build the adapter\n\n#### Cross-Phase Learnings\n\n"
        "1. **Timer Cleanup** (Phase 5): Always return cancel() from timeout promises (FIX-001)\n"
        "2. **Session Tracking** (Phase 5): Don't track completed sessions (FIX-003)\n"
    )
    assert list(items) == ["T001"]
    assert any("lessons, citing items by id; not items" in ln for ln in report)
