"""Risks written as bullets under a bold label, without ids: ``**Riskiest assumptions — de-risk first:**`` then
``- Neo4j runs clean on the demo machine → T02, day 1``. Each bullet is a risk (``R-n`` in order); the ids the
text after the arrow opens with are the tasks that retire it ("T30 before T31": T30; the rest orders the work)."""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, plain
from readiness_tui.core.importers.references.ids import parse_refs
from readiness_tui.core.importers.sections.patterns import ARROW_RE

#: A paragraph that is only a bold label about risks: "**Risks:**", "**Riskiest assumptions — de-risk first:**".
_RISK_LABEL = re.compile(r"^\s*(?:\*\*|__)(?=[^*_]*\b(?:risk|de-?risk))[^*_\n]+(?:\*\*|__)\s*:?\s*$", re.I)
#: An id in capitals with a digit (T02, SEC-4, P1-T3) or a dotted number (2.1).
_ID = r"(?:[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*\d[A-Z0-9]*|\d+(?:\.\d+)+)\b"
#: The run of ids (and ranges of them) the text after the arrow opens with.
_LEADING_IDS = re.compile(rf"^\s*(?:{_ID})(?:\s*(?:,|&|and|–|—|-|to)\s*(?:{_ID}))*")


def labelled_risks(b: Builder, lst: ListBlock, sec: Section) -> bool:
    """Read the list as risks when the paragraph right above it is a bold risk label and most entries point at
    tasks with an arrow (see the module doc); False, and nothing done, otherwise."""
    at = next((n for n, blk in enumerate(sec.blocks) if blk is lst), 0)
    above = sec.blocks[at - 1] if at else None
    if not isinstance(above, Paragraph) or not _RISK_LABEL.match(above.text) or lst.has_checkboxes:
        return False
    pointed = []
    for it in lst.items:
        parts = ARROW_RE.split(plain(it.text, keep_code=True), maxsplit=1)
        run = _LEADING_IDS.match(parts[1]) if len(parts) == 2 else None
        pointed.append((parts[0].strip(), parse_refs(run.group(0)).ids if run else []))
    if sum(1 for _, ids in pointed if ids) * 2 <= len(pointed):
        return False
    taken = {r.values.get("id") for r in b.records["risks"]}
    n = 1
    for (title, ids), it in zip(pointed, lst.items, strict=True):
        while f"R-{n}" in taken:
            n += 1
        rid = f"R-{n}"
        taken.add(rid)
        b.add_risk({"id": rid, "title": title, "mitigated_by": ids}, it.line, "risk list")
    # The section stays text around them (a "Win criteria" section that closes with its risks).
    b.consume(above, None)
    b.consume(lst, None)
    b.used(lst.line, f"risks under the label {plain(above.text).strip()!r} -> {len(pointed)} risks, numbered R-n")
    return True
