"""Lists under a board's columns ("## In Progress", "## Done") beside a backlog of boxes: cards in the column's
state; a card naming a backlog item moves it (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Chess Engine Roadmap

## Backlog

### Foundation
- [ ] Define core data types
- [ ] Add FEN parsing and generation
- [ ] Implement basic move validation

## In Progress

### Currently Working On
- Implement basic move validation

## Done

### Completed Features
- Project initialization
- Define core data types
- Add FEN parsing and generation
"""


def test_cards_of_the_columns_give_their_state_and_new_cards_are_items() -> None:
    report, items = imported(PLAN)
    got = {i.title: i.status for i in items.values()}
    assert got == {
        "Define core data types": "done",
        "Add FEN parsing and generation": "done",
        "Implement basic move validation": "in_progress",
        "Project initialization": "done",
    }
    assert any("card 'Implement basic move validation' under 'Currently Working On' is" in ln for ln in report)


def test_under_a_heading_about_the_plan_the_columns_are_a_summary() -> None:
    # "## Implementation Summary" > "### In Progress" / "### Done" > "#### Features": the work summed up, no board.
    plan = PLAN.split("## In Progress")[0] + (
        "## Implementation Summary\n\n### In Progress\n\n#### Now\n- Implement basic move validation\n\n"
        "### Done\n\n#### Features\n- Project initialization\n"
    )
    _, items = imported(plan)
    assert {i.title: i.status for i in items.values()} == {
        "Define core data types": "todo",
        "Add FEN parsing and generation": "todo",
        "Implement basic move validation": "todo",
    }


CARD_HEADINGS = """# Kanban — Brand detection

## ✅ DONE

### [Infra] [Core] Repository layout
- Branch: `chore/layout` → merged
- Folders per service: backend, frontend, training

### [Docs] [Core] Data contract — PR #24
- File: `docs/contract.md`
- Mock with 3 sample detections

## 🔄 IN PROGRESS

### [Feature] [Core] Image inference — Issue #8
- Branch: `feature/inference` (to create)
- Done when:
  - The endpoint returns detections

## 📋 TO DO — SPRINT 2 (Medium)

### [Feature] [Medium] Video processing — Issue #11
- Branch: `feature/video`
- `extract_frames(video_path, fps)`
"""


def test_headings_under_a_boards_columns_are_its_cards() -> None:
    # Each heading under a column is one card, in the column's state, its bullets what it holds; a column may name
    # the sprint it covers after a dash, and a card closing on its issue takes the issue as its id.
    _, items = imported(CARD_HEADINGS)
    got = [(i.id, i.title, i.status) for i in items.values()]
    assert [(t, s) for _, t, s in got] == [
        ("Repository layout", "done"),
        ("Data contract — PR #24", "done"),
        ("Image inference", "in_progress"),
        ("Video processing", "todo"),
    ]
    assert [rid for rid, _, _ in got][2:] == ["#8", "#11"]
    assert items[got[0][0]].custom["branch"] == "`chore/layout` → merged"
