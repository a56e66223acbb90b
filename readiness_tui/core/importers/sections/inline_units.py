"""Units of work listed on one labelled line under a numbered group's heading, each opening with its number, parted
by middle dots::

    ## Fase 2 — Movement feel
    **WU:** 2.1 sprint + stamina · 2.2 crouch · 2.3 slide

Each unit is an item named by its number (``2.1``), in the phase when the heading is one. Only where two units at
least stand on the line and every one is numbered under the heading's own number; the paragraph is left as read."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Paragraph, Section, plain
from readiness_tui.core.importers.references.ids import id_span
from readiness_tui.core.importers.references.refs import GROUP_NOUN
from readiness_tui.core.importers.sections.patterns import PHASE_RE

#: A heading naming a numbered group: ``Fase 2 — Movement feel``, ``Phase 3: Combat``, ``Sprint 4``.
_GROUP_HEADING = re.compile(rf"^\W*(?:{GROUP_NOUN})\s+(?P<num>\d+)\b", re.I)
#: A labelled line of units: ``**WU:** 2.1 sprint + stamina · 2.2 crouch``.
_UNITS_LINE = re.compile(r"^\s*\*\*[^*\n]{1,30}?:?\*\*:?\s+(?P<units>\d+(?:\.\d+)+\s.*)$")
_UNIT = re.compile(r"^(?P<id>\d+(?:\.\d+)+)\s+(?P<title>\S.*?)\.?$")


def inline_units(b: Builder, root: Section) -> None:
    """Read every such line of the plan (see the module doc)."""
    for sec in root.walk():
        group = _GROUP_HEADING.match(plain(sec.bare_title)) if sec.heading is not None else None
        if group is None:
            continue
        phase = group["num"] if PHASE_RE.match(plain(sec.bare_title)) else None
        for blk in sec.blocks:
            if isinstance(blk, Paragraph):
                for k, line in enumerate(blk.text.splitlines()):
                    _read_line(b, line, blk.line + k, group["num"], phase)


def _read_line(b: Builder, line: str, at: int, num: str, phase: str | None) -> None:
    m = _UNITS_LINE.match(line)
    units = [_UNIT.match(part.strip()) for part in re.split(r"\s·\s", m["units"])] if m else []
    if len(units) < 2 or not all(u and u["id"].split(".")[0] == num for u in units):
        return
    made: list[str] = []
    for u in units:
        assert u is not None
        values = {"id": u["id"], "title": plain(u["title"]), **({"phase": phase} if phase else {})}
        if rid := b.add_item(values, at, "list"):
            made.append(rid)
    if made:
        b.used(at, f"units of work listed on one line, parted by dots -> items {id_span(made)}")
