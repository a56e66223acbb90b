"""A risk written as a heading that names itself a risk by its id (``### Risk T1: Backend API Changes Required``),
over the risk's fields (``**Severity:** CRITICAL``, ``**Probability:** HIGH (80%)``) and blocks of what is done
against it, each a list of one action's fields::

    **Primary Mitigation:**
    - **Action:** Allocate backend developer 25% FTE from Week 1
    - **Owner:** Tech Lead
    - **Timeline:** Week 1

Each ``Action`` is an item mitigating the risk (``T1.1`` …), its block's owner its owner and the block's other lines
its description; a block naming no action (``**Monitoring:**`` over a metric and a trigger) stays the risk's notes.

The actions may be a table the section leads in as its mitigations (``**Mitigations:**`` over ``| # | Mitigation |
Owner | Status |``): each row an item mitigating the risk, in the row's state and owned by its owner.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.assembly.result import Rec
from readiness_tui.core.importers.document.blocks import ListBlock, Paragraph, Section, Table, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.entries.risk_bullets import RISK_KEYS
from readiness_tui.core.importers.references.ids import RISK_ID_RE
from readiness_tui.core.importers.sections.patterns import heading_id_match, rule_for, strip_heading_marks
from readiness_tui.core.importers.tables.cells import padded_cells
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.statuses import parse_status

#: A heading naming itself one risk by its id: "Risk T1: Backend API Changes", "Riesgo R-3 — Proveedor".
_NAMED_RISK = re.compile(
    r"^(?:risk|riesgo|risque|risiko|rischio|risco|риск)\s+(?P<id>[A-Za-z]{0,4}-?\d+[a-z]?)\s*[:—–-]\s*(?P<title>\S.*)$",
    re.I,
)
#: The key of a block's line naming the action taken: "Action", "Acción", "Ação", "Maßnahme".
_ACTION_KEYS = frozenset({"action", "acción", "accion", "ação", "acao", "maßnahme", "massnahme", "azione", "действие"})
#: The key of a block's line naming who takes it.
_OWNER_KEYS = frozenset({"owner", "responsable", "responsável", "verantwortlich", "responsabile", "ответственный"})


#: A title closing on the id of the risk it is about, in brackets: "System Reliability - Event Volume (RISK-T001)".
_CLOSING_ID = re.compile(r"^(?P<title>.*\S)\s*[(\[]\s*(?P<id>[A-Za-z]+-?[A-Za-z]*\d+[\w.-]*)\s*[)\]]$")


def closing_risk(title: str) -> tuple[str, str] | None:
    """(risk id, the rest of the title) of a title that closes on a risk's id in brackets, else None."""
    m = _CLOSING_ID.match(title.strip())
    return (m["id"], m["title"].strip()) if m and RISK_ID_RE.match(m["id"]) else None


def action_headings(sec: Section) -> list[Section]:
    """The headings of the actions against a risk: under each sub-heading of ``sec`` naming its mitigation ("####
    Mitigation Actions"), its own sub-headings when every one opens with an id (``**M-T001-1: Root cause**`` over
    its fields, read as a heading)."""
    found: list[Section] = []
    for child in sec.children:
        heads = child.children
        if (
            names_mitigation(child.bare_title)
            and heads
            and all(heading_id_match(strip_heading_marks(h.title)[0]) for h in heads)
        ):
            found += heads
    return found


def named_risk(sec: Section) -> tuple[str, str] | None:
    """(id, title) of a heading naming itself a risk by its id, else None."""
    m = _NAMED_RISK.match(plain(sec.bare_title).strip())
    return (m["id"], m["title"].strip()) if m else None


def action_blocks(sec: Section) -> list[tuple[int, dict[str, Any]]]:
    """(line, item fields) of each action the section's blocks list (see the module doc), in order."""
    found: list[tuple[int, dict[str, Any]]] = []
    for n, blk in enumerate(sec.blocks):
        if not isinstance(blk, ListBlock):
            continue
        before = sec.blocks[n - 1] if n else None
        label = plain(before.text).strip().rstrip(":：").strip() if isinstance(before, Paragraph) else ""
        pairs = [(kv[0].strip().lower(), kv[1].strip(), it) for it in blk.items if (kv := split_keyval(it.text))]
        actions = [(value, it) for key, value, it in pairs if key in _ACTION_KEYS and value]
        if not actions:
            continue
        owner = next((plain(value) for key, value, _ in pairs if key in _OWNER_KEYS and value), "")
        rest = [
            f"{key.capitalize()}: {plain(value)}"
            for key, value, _ in pairs
            if key not in _ACTION_KEYS and key not in _OWNER_KEYS and value
        ]
        for value, it in actions:
            fields: dict[str, Any] = {"title": plain(value, keep_code=True).rstrip(".")}
            if owner:
                fields["owner"] = owner
            said = "\n".join(x for x in (label, *rest) if x)
            if said:
                fields["description"] = said
            found.append((it.line, fields))
    return found


def names_mitigation(key: str) -> bool:
    """Whether a label names what is done against a risk: "Mitigation Strategies", "Current Mitigation", "פעולות מנע
    והפחתה"."""
    return rule_for(RISK_KEYS, key) == "mitigated_by" or header_field(plain(key)) == "mitigated_by"


def mitigation_rows(sec: Section) -> list[tuple[int, dict[str, Any]]]:
    """(line, item fields) of each row of the tables the section leads in as its mitigations (a line whose label
    ``names_mitigation`` and says nothing more before the table), in order; a row's title is its mitigation or action
    cell, its owner and state those of their columns."""
    found: list[tuple[int, dict[str, Any]]] = []
    for n, blk in enumerate(sec.blocks):
        before = sec.blocks[n - 1] if n else None
        if not isinstance(blk, Table) or not isinstance(before, Paragraph):
            continue
        said = split_keyval(before.text.strip().splitlines()[-1])
        if not said or said[1].strip() or not names_mitigation(said[0]):
            continue
        fields = [header_field(h) for h in blk.headers]
        named = next((k for k, f in enumerate(fields) if f in ("mitigated_by", "title")), None)
        if named is None:
            continue
        for row in blk.rows:
            cells = padded_cells(blk, row.cells)
            item: dict[str, Any] = {"title": plain(cells[named], keep_code=False).strip()}
            for k, f in enumerate(fields):
                if f == "owner" and plain(cells[k]).strip():
                    item["owner"] = plain(cells[k]).strip()
                elif f == "status" and (state := parse_status(cells[k])):
                    item["status"] = state
            if item["title"]:
                found.append((row.line, item))
    return found


def actions_risk(
    b: Builder,
    sec: Section,
    rid: str,
    title: str,
    values: dict[str, Any],
    rows: list[tuple[int, dict[str, Any]]] | None = None,
) -> None:
    """The risk ``rid`` with its ``values`` (its fields, its notes), each action of its blocks (or each of ``rows``) an
    item mitigating it."""
    values["mitigated_by"] = []
    for n, (line, fields) in enumerate(rows or action_blocks(sec), start=1):
        made = b.add_item({"id": f"{rid}.{n}", **fields}, line, "risk mitigation")
        if made:
            values["mitigated_by"].append(made)
    heading_risk(b, sec, values)
    b.used(
        sec.line,
        f"heading {sec.title!r}: risk {rid}, its {len(values['mitigated_by'])} actions the items mitigating it",
    )


def heading_risk(b: Builder, sec: Section, values: dict[str, Any]) -> Rec:
    """Add the risk a heading is, its section read whole: its blocks are the risk's, none is read again."""
    rec = b.add_risk(values, sec.line, "risk heading")
    for blk in sec.blocks:
        b.consume(blk, sec)
    b.mark(sec)
    return rec
