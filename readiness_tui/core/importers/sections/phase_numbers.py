"""How a plan numbers the work it lists under its phases: once across them (``1.``, ``2.`` under Phase 1, ``3.``
under Phase 2, or ``Step 4:``), then the numbers are the items' ids; numbers starting again under each phase are each
list's order."""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.entries.entry_ids import opening_mark
from readiness_tui.core.importers.sections.heading_numbers import document_fact
from readiness_tui.core.importers.sections.patterns import PHASE_RE, numbered, numbered_step


def numbers_run_on(root: Section) -> bool:
    """Whether the plan numbers the work listed under its phase headings once across them (``1.``, ``2.`` under Phase
    1, ``3.`` under Phase 2): then the numbers are the items' ids. Numbers that start again under each phase are
    each list's order."""

    def find() -> bool:
        seen: list[str] = []
        for s in root.walk():
            if s.heading is None or not PHASE_RE.match(s.bare_title):
                continue
            for blk in s.blocks:
                if isinstance(blk, ListBlock):
                    seen += [m[0] for it in blk.items if (m := work_number(plain(it.text)))]
        return bool(seen) and len(set(seen)) == len(seen)

    return document_fact(root, "phase numbers run on", find)


def numbers_given(b: Builder, lst: ListBlock) -> dict[int, tuple[str, str]]:
    """(number, title) of each entry (by ``id``) of a phase's list that the plan numbers itself (``1.``, ``2.1``), when
    every entry opens with its own number and no item has one yet; else empty (numbers restarting in each phase are
    no ids)."""
    found: dict[int, tuple[str, str]] = {}
    for it in lst.items:
        mark = opening_mark(it.text) if it.box is None else None
        m = work_number(plain(mark[1] if mark else it.text))
        if m is None or m[0] in b.items or m[0] in {num for num, _ in found.values()}:
            return {}
        found[id(it)] = m
    return found


def work_number(text: str) -> tuple[str, str] | None:
    """(number, title) of an entry the plan numbers: ``3. x``, ``2.1 x``, ``Step 3: x``."""
    return numbered(text) or numbered_step(text)
