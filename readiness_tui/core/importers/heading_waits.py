"""A wait a section's heading states for the work under it: ``## Next — once T-01 is closed``.

The open items written in such a section (not done, not cancelled) depend on the items the heading names after its
wait word (English "after", "once", "when", "until" and the same words in the plan languages the importer reads).
A heading that is an item's own (``### T-5: after T-1``) is that item's title, read elsewhere.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.blocks import Section, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.heading_roles import ticket_id
from readiness_tui.core.importers.refs import ids_in_text
from readiness_tui.core.model.board import CLOSED

_WAIT = re.compile(
    r"\b(?:after|once|when|until|blocked by|waiting (?:on|for)|"
    r"cuando|después de|despues de|una vez|tras|"
    r"après|apres|quand|une fois|"
    r"nach|wenn|sobald|"
    r"dopo|quando|após|apos|"
    r"после|когда)\b(?P<rest>.*)$",
    re.I,
)


def read_heading_waits(b: Builder, root: Section) -> None:
    """Add the dependencies section headings state to the open items beneath them; each heading read is reported."""
    for sec in root.walk():
        if sec.heading is None or ticket_id(sec):
            continue
        m = _WAIT.search(plain(sec.title))
        if not m:
            continue
        first = [i for i in ids_in_text(m.group("rest")) if i in b.items]
        if not first:
            continue
        waiting = [
            rid
            for rid, rec in b.items.items()
            if sec.line < rec.line <= sec.end and rid not in first and str(rec.values.get("status", "")) not in CLOSED
        ]
        for rid in waiting:
            deps = b.items[rid].values.setdefault("depends_on", [])
            deps += [i for i in first if i not in deps]
        if waiting:
            b.note(
                sec.line,
                f"heading {sec.title!r} states a wait: its open items ({len(waiting)}) depend on {', '.join(first)}",
            )
