"""What a heading is in this plan: ``headings.heading_role`` reads a heading alone; here the role is revised by what
the plan around it has shown. A numbered heading is the document's outline where the plan's items have named ids
(``## 1.1 What works`` beside ``### SEC-001: x``), a finding under "Findings", a report on a milestone's work, or
the group of the items it holds; a checklist's heading after steps made items is one step more."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section
from readiness_tui.core.importers.sections.heading_groups import (
    cites_items,
    groups_a_list,
    groups_a_table,
    groups_boxes,
    groups_by_id,
    groups_checklists,
    groups_marked,
)
from readiness_tui.core.importers.sections.heading_numbers import (
    after_heading_item,
    is_outline_number,
    numbered_item_id,
    outline_section,
    ticket_id,
)
from readiness_tui.core.importers.sections.heading_words import introduces_the_plan, names_a_checklist
from readiness_tui.core.importers.sections.patterns import heading_id_match, strip_heading_marks
from readiness_tui.core.importers.sections.risk_sections import risk_heading_id

#: The words after an id that make a heading a report on that group's work, or its criteria: "M0 Burnup", "Sprint 3
#: velocity", "M0 Exit Criteria".
_REPORT = re.compile(
    r"^(?:burn-?ups?|burn-?downs?|velocity|metrics|stats|statistics|retro(?:spective)?|"
    r"(?:exit|entry|acceptance|success|completion)\s+criteria|definition of done)\s*$",
    re.I,
)
#: "Findings", "Key findings", "Audit findings", "Hallazgos", "Constats", "Befunde": what a review found.
_FINDINGS = re.compile(
    r"^(?:\d+[.)]?\s*)?(?:(?:key|audit|review|main)\s+)?(?:findings|hallazgos|constats|befunde)\b", re.I
)


def role_in_plan(b: Builder, sec: Section, role: str) -> str:
    """``role`` (the heading read alone), or what the plan so far makes of it; each change is said in the report."""
    named = b.named_id_headings >= 2 or b.named_id_rows >= 2
    number = ""
    if role == "ticket":
        number = ticket_id(sec) or ""
    elif role == "numbered_item":
        number = numbered_item_id(sec) or ""
    if number.isdigit() and number in b.items and b.items[number].origin in ("numbered step", "step"):
        # "### 1. Flexible authentication" after a numbered list of work made items 1..11: the document's outline.
        b.note(sec.line, f"heading {sec.title!r}: a section number; item {number} is the numbered list's")
        role = "plain"
    # "### 1.1 Technology Stack Maturity" over its probability, impact and mitigations: a risk, numbered as a section.
    a_risk = role == "ticket" and risk_heading_id(sec, ticket_id(sec) or "") is not None
    if role == "ticket" and named and is_outline_number(ticket_id(sec) or "") and not a_risk:
        # "## 1.1 What works" in a plan whose items are "### SEC-001: x": the document's outline.
        b.note(sec.line, f"heading {sec.title!r}: a section number where the plan's item headings have named ids")
        role = "plain"
    if role == "ticket" and is_outline_number(ticket_id(sec) or "") and introduces_the_plan(sec.title) and not a_risk:
        # "### 1.1 Background", "### 1.2 优化目标" (goals): the document's own sections, not work.
        b.note(sec.line, f"heading {sec.title!r}: a numbered section about the plan, not an item")
        role = "plain"
    if role == "ticket" and outline_section(sec):
        b.note(sec.line, f"heading {sec.title!r}: a section number under its numbered chapter, no fields; not an item")
        role = "plain"
    if role == "ticket" and sec.parent is not None and _FINDINGS.match(sec.parent.bare_title):
        # "## Findings" > "### F1: Naming inconsistency (HIGH)": what a review found; the work is its actions.
        b.note(sec.line, f"heading {sec.title!r}: a finding under {sec.parent.title!r}, not a work item; kept as text")
        role = "plain"
    if role == "ticket" and (m := heading_id_match(strip_heading_marks(sec.title)[0])) and _REPORT.match(m["title"]):
        # "### M0 Burnup" over its story points and completion rate: a report on milestone M0's work, not work.
        b.note(sec.line, f"heading {sec.title!r}: a report on, or the criteria of, {m['id']}'s work; not an item")
        role = "plain"
    if role == "ticket" and groups_a_table(sec):
        # "### M0 — Qualified baseline" over a table of T01..T04: a milestone that groups its items.
        b.note(sec.line, f"heading {sec.title!r}: holds only a table of items with their own ids; a group, not an item")
        role = "plain"
    if role in ("ticket", "numbered_item") and (cited := cites_items(b.items, sec)):
        # "#### Step 5: Edge Cases - Expand Coverage (T014-T017)": a step of an outline over the plan's items.
        b.note(sec.line, f"heading {sec.title!r}: a step over items of the plan ({', '.join(cited)}); not an item")
        role = "plain"
    if role == "ticket" and groups_by_id(sec):
        b.note(sec.line, f"heading {sec.title!r}: its id opens the ids of the work under it; their group, not an item")
        role = "plain"
    if role == "ticket" and groups_a_list(sec):
        b.note(sec.line, f"heading {sec.title!r}: holds only a list of items with their own ids; a group, not an item")
        role = "plain"
    if role == "ticket" and groups_checklists(sec):
        b.note(sec.line, f"heading {sec.title!r}: holds only checklists under sub-headings; their group, not an item")
        role = "plain"
    if role in ("ticket", "numbered_item") and groups_boxes(sec):
        b.note(sec.line, f"heading {sec.title!r}: holds only boxes with their own steps; a group, not an item")
        role = "plain"
    if role == "task_group" and names_a_checklist(sec.bare_title) and after_heading_item(b, sec):
        # "### 13. Final Validation Checklist" after "### 12. Update docs", each an item: a step of the same list,
        # its boxes what it checks.
        b.note(sec.line, f"heading {sec.title!r}: a numbered step among steps made items; its boxes are its checks")
        role = "ticket" if ticket_id(sec) else "numbered_item"
    if role == "ticket" and groups_marked(sec):
        # "#### P1.1 - Search & Replace (High Priority)" over "- 📋 Find text", "- 📋 Replace": the work, ticked off.
        b.note(sec.line, f"heading {sec.title!r}: holds only work marked as the plan's legend says; a group")
        role = "plain"
    return role
