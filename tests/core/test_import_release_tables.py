"""A table of the plan's releases (``| Version | Timeline | Theme |`` over v1.0, v1.1 …) is its milestones, not
work items (issue 43); a versions column beside who does the work is work."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_table_of_versions_is_the_plans_milestones() -> None:
    md = (
        "# Roadmap\n\n## Planned\n\n- [ ] Add history\n\n## Timeline\n\n| Version | Timeline | Theme |\n|---|---|---|\n"
    )
    md += "| v1.1 | Q2 2025 | Analytics |\n| v1.2 | Q3 2025 | Enterprise |\n| v2.0 | 2026+ | Platform |\n"
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Add history"]
    assert any("-> 3 milestones" in line for line in report)


def test_versions_with_an_owner_are_work() -> None:
    md = "# Roadmap\n\n| Version | Task | Owner |\n|---|---|---|\n| 1.1.0 | Ship history | ana |\n"
    md += "| 1.2.0 | Ship teams | ben |\n"
    _, items = imported(md)
    assert [i.owner for i in items.values()] == ["ana", "ben"]
