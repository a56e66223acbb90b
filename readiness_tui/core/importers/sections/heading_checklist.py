"""A checklist written as headings alone: ``## Strings and bytes`` over ``### basestring ✔️`` and ``### unicode``,
each over a line of findings ("Not sure", "Many!"), with no list or table of work anywhere.

Read only where nothing else in the plan reads as work (no record ``Builder.found_anything`` counts), and the plan
has five headings or more with no heading under them, each holding text alone, three in four a few lines at most (a
document's sections hold lists, code or paragraphs of prose) and under a heading that groups them (``## 1.
Overview``, ``## 2. Architecture`` right under the title are a document's outline): each of those is one item, its
state the mark closing it (``✔️``), the heading above it its workstream and its text its description. Reported as a
guess, so that the person who imports it can relabel the sections; any other plan of no work says it has nothing to
import, as before.
"""

from __future__ import annotations

from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Paragraph, Section, plain
from readiness_tui.core.importers.sections.patterns import strip_heading_marks
from readiness_tui.core.importers.sections.walk import heading_item
from readiness_tui.core.importers.vocabulary.title_states import closing_marks

#: How much text a heading of a checklist holds at most: a few short lines.
_FINDINGS_CHARS = 400


def _text_only(sec: Section) -> bool:
    """Whether a heading holds text alone: a document's sections hold lists, tables or code too."""
    return all(isinstance(blk, Paragraph) for blk in sec.blocks)


def _group(sec: Section) -> Section | None:
    """The heading ``sec`` stands under, where it groups it (not the title): "## Essential syntax" over "### print"."""
    up = sec.parent
    return up if up is not None and up.heading is not None and not up.is_title else None


def _findings(sec: Section) -> bool:
    """Whether a heading holds a few lines of text at most ("Not sure", "Many!", a link or two): an entry of the
    checklist and what was found about it, not a section of prose (three in four so, at least)."""
    return sum(len(plain(blk.text)) for blk in sec.blocks if isinstance(blk, Paragraph)) <= _FINDINGS_CHARS


def heading_checklist(b: Builder, root: Section) -> None:
    """Each heading with none under it an item, where nothing else in the plan is (see the module doc)."""
    if b.found_anything():
        return
    leaves = [sec for sec in root.walk() if sec.heading is not None and not sec.is_title and not sec.children]
    if len(leaves) < 5 or not all(_text_only(sec) for sec in leaves):
        return
    if 4 * sum(1 for sec in leaves if _findings(sec)) < 3 * len(leaves):
        return
    if 4 * sum(1 for sec in leaves if _group(sec) is not None) < 3 * len(leaves):
        return  # "## 1. Overview", "## 2. Architecture" under the title: a document's outline
    for sec in leaves:
        title, marks = strip_heading_marks(plain(sec.bare_title).strip())
        title, state = closing_marks(title)
        if state:
            marks.setdefault("status", state)
        rid = heading_item(b, sec)[0]
        values: dict[str, Any] = {"id": rid, "title": title, "kind": "task", **marks}
        if (group := _group(sec)) is not None:
            values["workstream"] = plain(group.bare_title).strip()
        text = "\n".join(plain(blk.text) for blk in sec.blocks if isinstance(blk, Paragraph)).strip()
        if text:
            values["description"] = text
        b.add_item(values, sec.line, "heading")
        b.mark(sec)
    b.note(
        leaves[0].line,
        f"nothing else reads as work: each of the {len(leaves)} headings with no heading under it is an item (a "
        "checklist written as headings)",
    )
