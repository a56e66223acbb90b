"""Plain lists under an actions heading make an item per entry, A1, A2 …; when those ids are taken, by the plan or
by a list before, each list's items get ids of their own: no list's entries fold into another's."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from tests.core.import_plan import imported

_PLAN = (
    "# Plan\n\n## Next actions\n\n1. Book the room\n2. Send the agenda\n\n## Follow-up actions\n\n**Docs**:\n\n"
    "1. Update the README\n2. Fix the guide\n\n**Code**:\n\n1. Remove dead scripts\n2. Add the health check\n"
)


def test_every_list_under_actions_headings_keeps_its_entries() -> None:
    result = import_markdown(_PLAN, "PLAN.md")
    assert result.board is not None, "\n".join(result.report_lines)
    titles = [i.title for i in result.board.items]
    assert titles == [
        "Book the room",
        "Send the agenda",
        "Update the README",
        "Fix the guide",
        "Remove dead scripts",
        "Add the health check",
    ]
    ids = [i.id for i in result.board.items]
    assert ids[:2] == ["A1", "A2"]
    assert len(set(ids)) == 6


def test_an_id_after_an_entrys_state_mark_names_it_and_the_mark_is_its_state() -> None:
    md = (
        "# Implementation Status\n\n## ✅ Completed\n\n### Phase 2: Foundational (T008-T011) - 100% Complete\n\n"
        "#### Database & Configuration (T008-T009)\n- ✅ T008: Implemented config.py with settings\n"
        "- ✅ T009: Implemented database.py\n\n#### Core (T010-T011)\n- ⏳ T010: Implemented main.py\n"
        "- ✅ T011: Implemented deps.py\n"
    )
    _, items = imported(md)
    assert {i: (it.title, it.status) for i, it in items.items()} == {
        "T008": ("Implemented config.py with settings", "done"),
        "T009": ("Implemented database.py", "done"),
        "T010": ("Implemented main.py", "todo"),  # its own mark, over the heading's state
        "T011": ("Implemented deps.py", "done"),
    }


def test_next_steps_on_working_the_plan_are_no_work() -> None:
    md = (
        "# Plan\n\n## Task queue\n\n- [ ] **T1.1** (2h): Audit the types\n- [ ] **T1.2** (1h): Install SWR\n\n"
        "## Next Steps\n\n1. **Review this plan** with team, get approval\n2. **Create GitHub issues** for each task\n"
        "3. **Start with T1.1** (unify types)\n4. **Daily standup** to track blockers\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T1.1", "T1.2"]
    assert any(s.title == "Next Steps" and "Daily standup" in s.body for s in result.board.sections)


def test_next_steps_naming_new_work_are_its_items() -> None:
    md = (
        "# Plan\n\n## Task queue\n\n- [ ] **T1.1** (2h): Audit the types\n\n"
        "## Next Steps\n\n1. Add the billing page\n2. Migrate the user table\n3. Write the onboarding guide\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.title for i in result.board.items][1:] == [
        "Add the billing page",
        "Migrate the user table",
        "Write the onboarding guide",
    ]


def test_an_entry_naming_several_ids_before_its_words_is_an_item_each() -> None:
    md = (
        "# Issues\n\n### Consolidation Issues\n- **DEF-63, DEF-64, DEF-65:** Directory/module consolidation\n"
        "- **DEF-72:** Directory proliferation (34→8 directories)\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [
        ("DEF-63", "Directory/module consolidation"),
        ("DEF-64", "Directory/module consolidation"),
        ("DEF-65", "Directory/module consolidation"),
        ("DEF-72", "Directory proliferation (34→8 directories)"),
    ]


def test_a_list_whose_entries_each_name_several_ids_is_their_items() -> None:
    md = (
        "# Issues\n\n### Over-Engineering Cleanup\n- **DEF-78, DEF-79:** Validation/prompt over-engineering\n"
        "- **DEF-75, DEF-76, DEF-77:** Code quality improvements\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["DEF-78", "DEF-79", "DEF-75", "DEF-76", "DEF-77"]
    assert result.board.items[3].title == "Code quality improvements"
