"""A bold label on the line right after a list, not indented (``**Deliverable:** …``), is a line of its own, not
more of the last entry's title, as CommonMark's lazy lines would have it (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph
from readiness_tui.core.importers.document.parse import parse_sections
from tests.core.import_plan import imported

PLAN = """# Delivery plan

## Week 1

**Monday (Day 1):**
- [ ] Setup the Flutter project
- [ ] Setup routing (go_router)
**Deliverable:** Empty app that launches with splash screen

**Tuesday (Day 2):**
- [ ] Create the login screen
  - [ ] Wire the form
**Deliverable:** Auth screens done
"""


def test_the_label_line_closes_the_list() -> None:
    _, items = imported(PLAN)
    titles = sorted(i.title for i in items.values())
    assert "Setup routing (go_router)" in titles
    assert "Wire the form" in titles
    assert not any("Deliverable" in t for t in titles)


def test_the_label_line_is_a_paragraph_after_the_list() -> None:
    week = parse_sections(PLAN).children[0].children[0]
    kinds = [type(blk).__name__ for blk in week.blocks]
    assert kinds == ["Paragraph", "ListBlock", "Paragraph", "Paragraph", "ListBlock", "Paragraph"]
    lst, after = week.blocks[1], week.blocks[2]
    assert isinstance(lst, ListBlock) and isinstance(after, Paragraph)
    assert (lst.end, after.line, after.text) == (7, 8, "**Deliverable:** Empty app that launches with splash screen")


def test_a_lazy_line_of_plain_words_stays_the_entrys() -> None:
    _, items = imported("# P\n\n## Tasks\n- [ ] Setup routing\nwith the go_router package\n- [ ] Ship\n")
    assert sorted(i.title for i in items.values()) == ["Setup routing with the go_router package", "Ship"]
