"""Table cells and inline text as a reader sees them: ids in HTML anchors, one column of state marks per product,
wiki links (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

_PLAN = """# Roadmap

| Id | Task | Tags | Alpha | Beta | Gamma | Needs |
| --- | --- | --- | --- | --- | --- | --- |
| <span id="1">#1</span> | Create client repository | client | ✅ | ✅ | ✅ | - |
| <span id="2">#2</span> | CI: tests on client | client, ci | ✅ | ❌ | ✅ | [#1](#user-content-1) |
| <span id="3">#3</span> | CI: build arm64 | client, ci | ❌ | ❌ | - | [#1](#user-content-1), [#2](#user-content-2) |
| <span id="4">#4</span> | Server repository | server | - | - | ✅ | - |
"""


def test_anchored_ids_name_the_rows_and_their_links_the_dependencies() -> None:
    _, items = imported(_PLAN)
    assert {i: (it.title, it.depends_on) for i, it in items.items()} == {
        "#1": ("Create client repository", []),
        "#2": ("CI: tests on client", ["#1"]),
        "#3": ("CI: build arm64", ["#1", "#2"]),
        "#4": ("Server repository", []),
    }


def test_each_rows_state_is_read_from_its_marks_per_product() -> None:
    report, items = imported(_PLAN)
    # every product done; some done; none begun (a cross beside ticks is "not yet"); the one product it applies to
    assert {i: it.status for i, it in items.items()} == {"#1": "done", "#2": "in_progress", "#3": "todo", "#4": "done"}
    assert items["#2"].custom == {"alpha": "✅", "beta": "❌", "gamma": "✅"}  # the marks stay as written
    assert any("state read from its marks under 'Alpha', 'Beta', 'Gamma'" in line for line in report)


def test_a_status_column_wins_over_marks() -> None:
    md = "# P\n\n| ID | Task | Status | Web |\n|---|---|---|---|\n| A-1 | One | blocked | ✅ |\n| A-2 | Two | done | ✅ |\n"
    _, items = imported(md)
    assert {i: it.status for i, it in items.items()} == {"A-1": "blocked", "A-2": "done"}


def test_a_type_in_angle_brackets_stays_in_the_title() -> None:
    md = "# P\n\n| ID | Task |\n|---|---|\n| A-1 | Return Result<Plan> from load |\n| A-2 | Two |\n"
    _, items = imported(md)
    assert items["A-1"].title == "Return Result<Plan> from load"


def test_wiki_links_read_as_their_labels() -> None:
    md = (
        "# Event checklist\n\n## Venue\n\n- [ ] Select [[venue_requirements|Venue]] or [[platform_requirements|Platform]]\n"
        "- [x] Plan [[catering_services|Catering]]\n- [ ] Book [[transport]]\n"
    )
    _, items = imported(md)
    assert [it.title for it in items.values()] == ["Select Venue or Platform", "Plan Catering", "Book transport"]
