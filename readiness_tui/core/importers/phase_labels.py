"""Lists a phase introduces with a bold label: ``**Actions:**`` over work, ``**Exit criteria:**`` over conditions.

    ## Phase 1 — Closed beta
    **Actions:**
    1. Create the accounts
    2. Send the welcome mail
    **Criteria to pass to Phase 2:**
    - [ ] No blocking bug open

The work lists become items of the phase, numbered ``P1-1``, ``P1-2`` .. in the order the phase gives them (the
plan names none), and so do the boxes under any other label ("**Prerequisites:**") when none has an id of its
own; the criteria lists become the phase's exit conditions, not items. A label that is neither is
left to the readers that come after.
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.blocks import ListBlock, Paragraph, Section, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.id_shapes import RISK_ID_RE, is_id
from readiness_tui.core.importers.inline import id_span
from readiness_tui.core.importers.lists import phase_key
from readiness_tui.core.importers.patterns import entry_id, is_criteria
from readiness_tui.core.importers.vocabulary import WORK_LABELS

#: A paragraph that is only a bold label ending in a colon: ``**Actions :**``, ``**Tasks**:``.
_LABEL_RE = re.compile(r"^\s*\*\*(?P<label>[^*\n]+?)\s*:?\s*\*\*\s*:?\s*$")


def _label(par: Paragraph) -> str | None:
    m = _LABEL_RE.match(par.text)
    if not m or ":" not in par.text:
        return None
    return " ".join(m.group("label").lower().rstrip(" :").split())


def _is_work(label: str) -> bool:
    bare = re.sub(r"\s*\([^)]*\)", "", label).strip()
    return bare in WORK_LABELS or (len(bare.split()) <= 4 and any(bare.startswith(w + " ") for w in WORK_LABELS))


def _own_id(text: str) -> bool:
    """Whether a box opens with an id of its own; a risk's id ("R-01 resolved") names the risk, not the box."""
    lead = entry_id(text, plain(text))
    return bool(lead and is_id(lead[0]) and not RISK_ID_RE.match(lead[0]))


def phase_label_lists(b: Builder, sec: Section, pid: str, values: dict[str, Any]) -> None:
    """Read the phase's labelled lists: work -> items ``P<phase>-<n>``, criteria -> the phase's exit (or entrance).
    Boxes the phase heading stands over directly, without a label and without ids, are its work too."""
    counter = [0]
    blocks = sec.blocks
    for n, lst in enumerate(blocks):
        if not isinstance(lst, ListBlock) or id(lst) in b.used_blocks:
            continue
        par = blocks[n - 1] if n else None
        label = _label(par) if isinstance(par, Paragraph) else None
        bare_boxes = lst.has_checkboxes and not any(_own_id(it.text) for it in lst.items)
        if label is None:
            # Only where the plan names no items in headings ("#### Task 1.1: x"): there, boxes beside them are
            # checks around the work ("### Phase 1 Deliverables"), and a criteria heading's boxes are conditions.
            if bare_boxes and not isinstance(par, Paragraph) and b.id_headings < 2 and not is_criteria(sec.title):
                _items(b, sec, pid, lst, counter, f"boxes under {sec.title!r}")
            continue
        assert isinstance(par, Paragraph)
        if is_criteria(label):
            key = "entrance" if phase_key(label) == "entrance" else "exit"
            values[key] = values.get(key, []) + [plain(it.text, keep_code=True) for it in lst.items]
            b.consume(par, sec)
            b.consume(lst, sec)
            b.note(lst.line, f"list under {label!r} in {sec.title!r}: criteria of phase {pid}, not items ({key})")
        elif _is_work(label) or bare_boxes:
            b.consume(par, sec)
            _items(b, sec, pid, lst, counter, f"list under {label!r} in {sec.title!r}")


def _items(b: Builder, sec: Section, pid: str, lst: ListBlock, counter: list[int], what: str) -> None:
    made: list[str] = []
    for it in lst.items:
        counter[0] += 1
        item: dict[str, Any] = {"id": f"P{pid}-{counter[0]}", "title": plain(it.text), "kind": "task", "phase": pid}
        if it.box is not None:
            item["status"] = it.box
            b.status_stated.add(item["id"])
        desc = b.item_source(it).strip()
        if desc:
            item["description"] = desc + "\n"
        got = b.add_item(item, it.line, "phase list")
        if got:
            made.append(got)
    b.consume(lst, sec)
    b.used(lst.line, f"{what} -> items {id_span(made)} of phase {pid}")
