"""A checklist written as an outline of numbered lines with their boxes after the numbers, indented as code
(``    4. [ ] Memberikan feedback`` over ``        4.1 [ ] Data di Simpan``): each line a box, nested by its number
(issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.marked_lines import boxed_outline_lines
from tests.core.import_plan import imported

PLAN = """# lomba-hitech

# Chatbot
    1. [x] Menerima Data Kordinat dari shareloc user
    2. [ ] Memberikan Data ke Web Service
        2.1 [ ] Data Kordinat
        2.2 [x] Data RW RT
    3. [ ] Memberikan feedback
        3.1 [ ] Data di Simpan
"""


def test_each_numbered_line_is_its_box() -> None:
    lines = PLAN.split("\n")
    boxed_outline_lines(lines, lambda n, text: None)
    assert lines[3:6] == [
        "- [x] 1. Menerima Data Kordinat dari shareloc user",
        "- [ ] 2. Memberikan Data ke Web Service",
        "  - [ ] 2.1 Data Kordinat",
    ]
    report, items = imported(PLAN)
    assert {it.title: (it.status, it.parent is not None) for it in items.values()} == {
        "Menerima Data Kordinat dari shareloc user": ("done", False),
        "Memberikan Data ke Web Service": ("todo", False),
        "Data Kordinat": ("todo", True),
        "Data RW RT": ("done", True),
        "Memberikan feedback": ("todo", False),
        "Data di Simpan": ("todo", True),
    }, report


def test_numbers_that_start_over_under_each_heading_are_no_ids() -> None:
    plan = (
        PLAN
        + """# Web Service
    1. [ ] Menerima Input Data dari Chatbot
        1.1 [x] Algoritma Klasifikasi Zonasi
    2. [ ] Update Data
"""
    )
    report, items = imported(plan)
    assert len(items) == 9, report
    assert {it.title for it in items.values()} >= {"Menerima Input Data dari Chatbot", "Algoritma Klasifikasi Zonasi"}
    assert not any("appears again" in line for line in report)


def test_an_ordered_checklist_without_outline_numbers_is_left_as_written() -> None:
    lines = ["1. [ ] One", "2. [ ] Two", "3. [x] Three"]
    boxed_outline_lines(lines, lambda n, text: None)
    assert lines == ["1. [ ] One", "2. [ ] Two", "3. [x] Three"]
