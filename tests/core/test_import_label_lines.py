"""A plan written without headings, its lists led in by lines that name them ("Toolchain:"), reads each such line
as a heading (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """

Issues:
- world generation progress is not displayed
- biome map is not saved to save files

Toolchain:
- obfuscator
- Better custom LaunchWrapper use system [in progress]
"""


def test_label_lines_are_the_sections_of_a_plan_without_headings() -> None:
    report, items = imported(PLAN)
    got = [(i.title, i.status, i.workstream) for i in items.values()]
    assert got == [
        ("world generation progress is not displayed", "todo", "Issues"),
        ("biome map is not saved to save files", "todo", "Issues"),
        ("obfuscator", "todo", "Toolchain"),
        ("Better custom LaunchWrapper use system", "in_progress", "Toolchain"),
    ]
    assert any("'Toolchain:' leads the list under it in a plan without headings" in ln for ln in report)


def test_a_plan_with_headings_keeps_its_label_lines_as_text() -> None:
    _, items = imported("# Plan\n\n## Work\n\n- [ ] T-1 Ship\n\nNotes:\n- remember the docs\n")
    assert list(items) == ["T-1"]
