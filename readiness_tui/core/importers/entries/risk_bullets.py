"""Risks written as list entries.

- Under a bold label, without ids: ``**Riskiest assumptions — de-risk first:**`` then ``- Neo4j runs clean on the
  demo machine → T02, day 1``. Each bullet is a risk (``R-n`` in order); the ids the text after the arrow opens with
  are the tasks that retire it ("T30 before T31": T30; the rest orders the work) (``labelled_risks``).
- Under a risks heading: risk-to-task arrows (``R-2 → T-4``, ``risk_list``); entries with their ids and what
  mitigates them (``- R-3: Data loss — mitigated by T-4``), else, when no entry has an id, each entry a risk ``R-n``
  named by its opening (``risk_entries``).
"""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import RISK_PROSE, Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Paragraph, Section, plain
from readiness_tui.core.importers.document.fields import split_keyval
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.patterns import ARROW_RE, Rule, leading_id, rule_for
from readiness_tui.core.importers.vocabulary.words import HEADER_WORDS, RISK_HEADERS

#: A paragraph that is only a bold label about risks: "**Risks:**", "**Riskiest assumptions — de-risk first:**".
_RISK_LABEL = re.compile(r"^\s*(?:\*\*|__)(?=[^*_]*\b(?:risk|de-?risk))[^*_\n]+(?:\*\*|__)\s*:?\s*$", re.I)
#: An id in capitals with a digit (T02, SEC-4, P1-T3) or a dotted number (2.1).
_ID = r"(?:[A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)*\d[A-Z0-9]*|\d+(?:\.\d+)+)\b"
#: The run of ids (and ranges of them) the text after the arrow opens with.
_LEADING_IDS = re.compile(rf"^\s*(?:{_ID})(?:\s*(?:,|&|and|–|—|-|to)\s*(?:{_ID}))*")


def labelled_risks(b: Builder, lst: ListBlock, sec: Section) -> bool:
    """Read the list as risks when the paragraph right above it is a bold risk label and most entries point at
    tasks with an arrow (see the module doc); False, and nothing done, otherwise."""
    above = sec.block_before(lst)
    if not isinstance(above, Paragraph) or not _RISK_LABEL.match(above.text) or lst.has_checkboxes:
        return False
    pointed = []
    for it in lst.items:
        parts = ARROW_RE.split(plain(it.text, keep_code=True), maxsplit=1)
        run = _LEADING_IDS.match(parts[1]) if len(parts) == 2 else None
        pointed.append((parts[0].strip(), parse_refs(run.group(0)).ids if run else []))
    if sum(1 for _, ids in pointed if ids) * 2 <= len(pointed):
        return False
    for (title, ids), it in zip(pointed, lst.items, strict=True):
        b.add_risk({"id": b.free_risk_id(), "title": title, "mitigated_by": ids}, it.line, "risk list")
    # The section stays text around them (a "Win criteria" section that closes with its risks).
    b.consume(above, None)
    b.consume(lst, None)
    b.used(lst.line, f"risks under the label {plain(above.text).strip()!r} -> {len(pointed)} risks, numbered R-n")
    return True


def arrow_left_id(text: str) -> str | None:
    left = ARROW_RE.split(text, maxsplit=1)[0].strip()
    first = re.split(r"[\s:(]+", left.strip("*`"), maxsplit=1)[0].strip("*`")
    return first if first else None


#: "Risk:" opening an id-less risk bullet, in the plan languages read (``vocabulary.words.RISK_HEADERS``).
_RISK_OPENING = re.compile(rf"^(?:risk|{'|'.join(map(re.escape, RISK_HEADERS))})\s*[:：]\s*", re.I)


def risk_list(b: Builder, lst: ListBlock, sec: Section) -> None:
    made = 0
    mappings = 0
    # "- **Risk: the seed breaks the tests.** … → Mitigation: FR-03 and AC-05 …": every entry a risk and its
    # mitigation, none with a risk id; the risks are numbered, and the items their mitigations name are read once
    # every item is known.
    lefts = [ARROW_RE.split(plain(it.text), maxsplit=1) for it in lst.items]
    idless = all(len(p) == 2 for p in lefts) and not any(is_id(arrow_left_id(p[0]) or "") for p in lefts)
    for it in lst.items:
        text = plain(it.text, keep_code=True)
        parts = ARROW_RE.split(text, maxsplit=1)
        if len(parts) != 2:
            b.skipped(it.line, f"risk list entry without an arrow: {text[:60]!r}")
            continue
        left, right = parts
        rid = arrow_left_id(plain(left)) or ""
        if idless and "[" not in right:
            taken = {r.values.get("id") for r in b.records["risks"]}
            n = next(k for k in range(1, len(taken) + 2) if f"R-{k}" not in taken)
            title = _RISK_OPENING.sub("", plain(left).strip("*` ")).strip()
            said = {"id": f"R-{n}", "title": title, "notes": right.strip(), RISK_PROSE: right}
            rec = b.add_risk(said, it.line, "risk list")
            b.risk_prose.append(rec)
            made += 1
            continue
        if not is_id(rid) or "[" in right or "#" in rid:
            b.skipped(it.line, f"risk mapping {text!r}: placeholder or no risk id (template?)")
            continue
        refs = parse_refs(right)
        title = plain(left).strip("*` ")[len(rid) :].strip(" :—–-()").strip()
        values: dict[str, Any] = {"id": rid, "mitigated_by": refs.ids}
        if title:
            values["title"] = title
        if refs.rest:
            values["notes"] = refs.rest
        existing = next((r for r in b.records["risks"] if r.values.get("id") == rid), None)
        if existing:
            existing.values["mitigated_by"] = existing.values.get("mitigated_by", []) + [
                r for r in refs.ids if r not in existing.values.get("mitigated_by", [])
            ]
            b.note(it.line, f"risk {rid} mapped again; targets added")
        else:
            b.add_risk(values, it.line, "risk list")
        made += 1
        mappings += len(refs.ids)
    b.consume(lst, sec)
    b.used(lst.line, f"risk-to-task list -> {made} risks, {mappings} mappings")


#: What a bullet under a risk entry gives it (the key may say it anywhere: "Mitigating tasks").
RISK_KEYS: tuple[Rule, ...] = (
    ("mitigated_by", re.compile(r".*(mitigat|task|address|cover)", re.I)),
    ("severity", re.compile(r".*(severity|impact)", re.I)),
    ("likelihood", re.compile(r".*(likelihood|probability)", re.I)),
    ("owner", re.compile(r".*owner", re.I)),
)


#: "Modtræk: TASK-007", "Gegenmaßnahme: T-4": a mitigation label in the plan's language, then what it names.
_FOREIGN_MITIGATION = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(w) for w in sorted(HEADER_WORDS["mitigated_by"], key=len, reverse=True))
    + r")\s*:\s*(.+)$",
    re.I,
)


def risk_entries(b: Builder, lst: ListBlock, sec: Section, boxes: bool = False) -> bool:
    """``- R-3: Data loss (High) — mitigated by T-4, T-5`` entries in a risk section; without ids, each entry a risk
    R-n, boxes too where ``boxes`` (a person labelled the section risks)."""
    made = 0
    for it in lst.items:
        text = plain(it.text, keep_code=True)
        lead = leading_id(text)
        if not lead or not is_id(lead[0]):
            continue
        rid, rest, paren = lead
        values: dict[str, Any] = {"id": rid}
        # "Tasks: T-4" is a label; the "TASK" of "TASK-007" is an id's.
        mm = re.search(
            r"\b(?:mitigated by|mitigation|mitigations|addressed by|covered by|resolved by|fixed by|closed by|"
            r"tasks?\b(?!-)|→|->|=>)\s*:?\s*(.+)$",
            rest,
            re.I,
        ) or _FOREIGN_MITIGATION.search(rest)
        targets: list[str] = []
        if mm:
            targets = [r for r in parse_refs(mm.group(1)).ids if r != rid]
            rest = rest[: mm.start()].strip(" ;,—–-(")
        for sub in it.sub_items():
            kv = split_keyval(sub.text)
            key = rule_for(RISK_KEYS, kv[0]) if kv else None
            if kv and key == "mitigated_by":
                targets += [r for r in parse_refs(kv[1]).ids if r not in targets]
            elif kv and key:
                values[key] = plain(kv[1])
        if paren and re.fullmatch(r"(critical|high|medium|low|severe|minor)", paren.strip(), re.I):
            values["severity"] = paren.strip()
        sev = re.search(r"\((critical|high|medium|low|severe|minor)\)", rest, re.I)
        if sev:
            values.setdefault("severity", sev.group(1))
            rest = (rest[: sev.start()] + rest[sev.end() :]).strip()
        values["title"] = rest.strip()
        values["mitigated_by"] = targets
        b.add_risk(values, it.line, "risk list")
        made += 1
    if made:
        b.consume(lst, sec)
        b.used(lst.line, f"risk list -> {made} risks")
    elif (
        (len(lst.items) >= 2 or _said_of_a_risk(lst.items[0]))
        and (not lst.has_checkboxes or boxes or numbered_risks(lst))
        # "### Risk Escalation Triggers", "### Weekly Risk Review Process": how the register is kept, not its risks.
        and not _ABOUT_THE_METHOD.search(sec.bare_title)
        and (
            not _ABOUT_MITIGATION.search(sec.title)
            or _RISKS_AND_MITIGATIONS.search(sec.title)
            or _labelled_risks_list(lst)
        )
    ):
        # Under "Risk mitigation" the entries are what the plan does about its risks, not the risks; under "Risks &
        # Mitigations" each entry is a risk and what is done about it.
        if _fielded_risk(b, lst, sec):
            b.consume(lst, sec)
            b.used(lst.line, "list of a risk's fields (Risk, Impact, Mitigation) in a risks section: one risk")
            return True
        named = _named_risk(b, lst, sec)
        if named is not None:
            b.consume(lst, sec)
            b.used(lst.line, f"list under the label {named!r} in a risks section: one risk, its bullets what it says")
            return True
        if all(_COUNT_LINE.match(plain(it.text)) for it in lst.items):
            # "- **Total Identified Risks:** 24", "- **Critical Risks:** 5": how many risks, not risks.
            b.consume(lst, sec)
            b.note(lst.line, f"list under {sec.title!r} counts the risks: a summary, no risks")
            return True
        made = _numbered_risks(b, lst)
        b.consume(lst, sec)
        b.used(lst.line, f"risk list without ids -> {made} risks, numbered R-n; the tasks their words name mitigate")
    return bool(made)


#: A heading about how a risk register is kept: its categories, levels and scales, its review process, what its
#: reports hold, how its risks trended.
_ABOUT_THE_METHOD = re.compile(
    r"\b(?:categor(?:y|ies)|process|contents|escalation|triggers?|methodology|calculation|scoring|criteria|"
    r"response strateg(?:y|ies)|trends?|themes?|kpis?|metrics|statistics|levels?|scales?|matrix)\b",
    re.I,
)
#: A heading about what is done against risks: "Risk Mitigation", "Response plan".
_ABOUT_MITIGATION = re.compile(r"mitigat|response", re.I)
#: A heading naming the risks and their mitigations both: "Risks & Mitigations", "Risks and what mitigates them".
_RISKS_AND_MITIGATIONS = re.compile(r"\brisks?\s*(?:&|\+|/|,|and|und|et|y|e)\s*(?:what\s+|their\s+)?mitigat", re.I)


#: The key of the entry that says what the risk is: ``- **Risk**: Data loss``.
_RISK_KEY = re.compile(r"^(?:risk|threat|description)$", re.I)


def _risk_key(key: str) -> bool:
    """Whether a label says "risk" (``Risk:``, ``Risco:``, ``Riesgo:``)."""
    return key.strip().lower() in ("risk", "threat") or key.strip().lower() in RISK_HEADERS


def _labelled_risks_list(lst: ListBlock) -> bool:
    """Whether every entry is labelled a risk (``1. Risk: Data loss`` over ``- Mitigation: …``): risks, even under a
    heading about mitigations, where other entries say what the plan does about them."""
    return all((kv := split_keyval(it.text)) is not None and _risk_key(kv[0]) for it in lst.items)


def _fielded_risk(b: Builder, lst: ListBlock, sec: Section) -> bool:
    """One risk written as a list of its fields (``- **Risk**: Data loss``, ``- **Impact**: Critical``,
    ``- **Mitigation**:`` over ``- Staging rehearsal (TASK-028)``): its title the Risk entry's words, the ids its
    mitigation names (in its words or the bullets under it) the tasks that retire it. False, nothing done, unless
    every entry is such a field and one says what the risk is."""
    fields = [split_keyval(it.text) for it in lst.items]
    if len(fields) < 2 or not all(fields):
        return False
    keys = [kv[0].strip() for kv in fields if kv]
    said = next((kv[1] for kv in fields if kv and _RISK_KEY.match(kv[0].strip())), None)
    if said is None or not all(_RISK_KEY.match(k) or rule_for(RISK_KEYS, k) for k in keys):
        return False
    if sum(1 for k in keys if _RISK_KEY.match(k)) > 1:
        return False  # "1. Risk: …", "2. Risk: …": a list of risks, each with its own bullets
    values: dict[str, Any] = {"title": plain(said).strip(), "mitigated_by": []}
    for kv, it in zip(fields, lst.items, strict=True):
        key = rule_for(RISK_KEYS, kv[0].strip()) if kv else None
        if kv and key == "mitigated_by":
            text = " ".join([kv[1], *(sub.text for sub in it.sub_items())])
            values["mitigated_by"] += [r for r in parse_refs(plain(text)).ids if r not in values["mitigated_by"]]
        elif kv and key:
            values[key] = plain(kv[1]).strip()
    above = sec.block_before(lst)
    if isinstance(above, Paragraph) and _BOLD_LABEL.match(above.text):
        # "**TASK-033 (Production Migration)**" over the fields: what is at risk, kept with the risk.
        values["notes"] = plain(above.text).strip().rstrip(":")
        b.consume(above, sec)
    b.add_risk({"id": b.free_risk_id(), **values}, lst.line, "risk list")
    return True


#: A line of a summary that counts something: "Total Identified Risks: 24", "Critical Risks: 5".
_COUNT_LINE = re.compile(r"^[^:：]{1,40}[:：]\s*\d+\s*%?\s*$")


def _said_of_a_risk(entry: ListItem) -> bool:
    """Whether bullets under ``entry`` say what a risk is (``- Risk: …``, ``- Mitigation: …``): one entry so
    described is a risk, where one bullet alone under a risks heading may be a remark."""
    for sub in entry.sub_items():
        kv = split_keyval(sub.text)
        if kv and (kv[0].strip().lower() == "risk" or rule_for(RISK_KEYS, kv[0])):
            return True
    return False


#: A bullet saying how big a risk is: "Risk level: 🟡 MEDIUM", "Severity: High".
_LEVEL = re.compile(r"^(?:risk\s+level|severity|impact)\s*:\s*\W*(?P<level>\w+)", re.I)


def _named_risk(b: Builder, lst: ListBlock, sec: Section) -> str | None:
    """The risk a bold label names over the bullets that describe it (``**Section 508:**`` over ``- Mobile apps
    increasingly covered``, ``- Risk level: 🟡 MEDIUM``): one risk ``R-n``, its bullets its notes, a level bullet its
    severity; the label, or None where no such label stands right above the list (a label about risks in general,
    ``**Risks:**``, leads in risks of their own)."""
    above = sec.block_before(lst)
    if not isinstance(above, Paragraph) or not _BOLD_LABEL.match(above.text) or _RISK_LABEL.match(above.text):
        return None
    title = plain(above.text).strip().rstrip(":").strip()
    if _ONE_RISK.match(plain(sec.bare_title)) or rule_for(RISK_KEYS, title) or _RISK_FIELD.match(title):
        return None  # "### Risk 1: Fraud" over "**Mitigation:**", "**Monitoring:**": the one risk's own fields
    notes = "\n".join(plain(it.text, keep_code=True) for it in lst.items)
    values: dict[str, Any] = {"id": b.free_risk_id(), "title": title, "notes": notes, RISK_PROSE: notes}
    level = next((m.group("level") for it in lst.items if (m := _LEVEL.match(plain(it.text)))), None)
    if level:
        values["severity"] = level.lower()
    b.risk_prose.append(b.add_risk(values, above.line, "risk list"))
    b.consume(above, sec)
    return title


#: A heading that is one risk: "Risk 1: Coupon Code Abuse", "Risk #3".
_ONE_RISK = re.compile(r"^\W*risk\s*#?\d", re.I)
#: A label naming what a plan says of a risk, not a risk: "Monitoring", "Contingency", "Response plan".
_RISK_FIELD = re.compile(r"^(?:monitoring|contingency|response|detection|triggers?|early warning)\b", re.I)
#: A paragraph that is a bold label alone: ``**HIPAA Accessibility:**``, ``**Vendor lock-in**``.
_BOLD_LABEL = re.compile(r"^\s*\*\*[^*\n]{2,80}\*\*\s*:?\s*$")


#: A risk entry's name: its bold opening, else the words before a dash or colon (``**Vendor lock-in** — …``).
_RISK_NAME = re.compile(
    r"^\s*(?:\*\*(?P<bold>[^*]+)\*\*|(?P<plain>[^—–:]{3,80}?)\s+[—–:-])\s*[—–:-]?\s*(?P<rest>.*)$", re.S
)


#: A risk entry labelled by its number, boxed or not: ``**Risk 3**: Webhook reliability issues``.
_NUMBER_LABEL = re.compile(r"^\s*\*\*risk\s*#?(?P<num>\d{1,4})\s*:?\s*\*\*\s*:?\s*(?P<rest>\S.*)$", re.I)


#: A risk entry labelled by an id of its own, maybe its name in brackets: ``**Risk JIRA-R1 (Rate Limits):** …``.
_ID_LABEL = re.compile(
    r"^\s*\*\*risk\s+(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-?R?\d+)\s*(?:\((?P<name>[^()]+)\))?\s*:?\s*\*\*\s*:?\s*"
    r"(?P<rest>\S.*)$",
    re.I,
)


def numbered_risks(lst: ListBlock) -> bool:
    """Whether every entry is a risk labelled by its number (``_NUMBER_LABEL``): boxes so written are risks still."""
    return all(_NUMBER_LABEL.match(it.text) for it in lst.items)


def _numbered_risks(b: Builder, lst: ListBlock) -> int:
    """Each entry of a risk list that gives no ids, a risk ``R-n`` in order (the number its label gives, ``**Risk
    3**:``, when it has one): named by its opening, its words and those of the bullets beneath (``**Mitigation**:
    …``) kept as notes, the items they name read as its mitigations once every item is known."""
    taken = {r.values.get("id") for r in b.records["risks"]}
    n = 0
    for it in lst.items:
        text = "\n".join([plain(it.text, keep_code=True), *(plain(sub.text, keep_code=True) for sub in it.sub_items())])
        named = _ID_LABEL.match(it.text)
        if named and named.group("id") not in taken:
            # "**Risk JIRA-R1 (Rate Limits):** Mitigated in TASK-C002": the risk's own id, named in the brackets.
            rid, title = named.group("id"), plain(named.group("name") or named.group("rest")).strip(" .:")
        else:
            label = _NUMBER_LABEL.match(it.text)
            said = int(label.group("num")) if label else None
            n = said if said is not None and f"R-{said}" not in taken else n + 1
            while f"R-{n}" in taken:
                n += 1
            rid, title = f"R-{n}", _risk_title(it.text, label, text)
        taken.add(rid)
        rec = b.add_risk({"id": rid, "title": title, "notes": text, RISK_PROSE: text}, it.line, "risk list")
        b.risk_prose.append(rec)
    return len(lst.items)


def _risk_title(entry: str, label: re.Match[str] | None, text: str) -> str:
    """The title of a risk entry numbered in order: what its ``**Risk 3**:`` label or ``Risk:`` key says, else its
    bold or plain opening, else all its words."""
    if label:
        return plain(label.group("rest")).strip(" .:")
    kv = split_keyval(entry)
    if kv and _risk_key(kv[0]):
        return plain(kv[1]).strip(" .:")  # "1. Risk: Data loss": the risk is what the label says
    m = _RISK_NAME.match(entry)
    return plain(m.group("bold") or m.group("plain")).strip(" .:") if m else text
