"""Fields written inside a list entry: ``(owner: QA; depends: 1.2)``, tags and pipes; the marks and bracketed fields at
either end of its words are taken off first (``entry_marks``). ``Key: value`` bullets beneath an entry are read in
``key_bullets``."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.entries.entry_marks import lift_marks
from readiness_tui.core.importers.entries.inline_values import DEP_KEYS, add_note, inline_value, pipe_parts
from readiness_tui.core.importers.guided.recipe import recipe_option
from readiness_tui.core.importers.references.ids import is_id
from readiness_tui.core.importers.references.refs import parse_refs
from readiness_tui.core.importers.sections.patterns import (
    BRACKET_STATUS_RE,
    INLINE_NOCOLON_RE,
    INLINE_PROSE_DEP_RE,
    INLINE_RE,
    MENTION_RE,
    PRIO_TAG_RE,
    STATUS_MARKS,
)
from readiness_tui.core.importers.vocabulary.dates import TSHIRT_SIZE
from readiness_tui.core.importers.vocabulary.headers import custom_key, header_field
from readiness_tui.core.importers.vocabulary.owners import mention_owner
from readiness_tui.core.importers.vocabulary.priorities import parse_priority, priority_of_word
from readiness_tui.core.importers.vocabulary.statuses import exact_status, parse_status


# ---------------------------------------------------------------------- inline fields of a list entry
def _trim_value(value: str) -> str:
    """An inline field's value without the separators around it: "abe) — " -> "abe", "Ann (QA)" kept whole."""
    value = value.strip().lstrip("([").strip()
    depth = 0
    for n, ch in enumerate(value):  # "@abe) [done]": the ")" closes a "(" before the key
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            value = value[:n]
            break
    while True:
        cut = re.sub(r"[\s\];,|—–(\[-]+$", "", value)
        if cut.endswith(")") and cut.count(")") > cut.count("("):
            cut = cut[:-1]
        if cut == value:
            return value
        value = cut


def _ids_follow(text: str, m: re.Match[str]) -> bool:
    """Whether unmistakable ids (``DC-2``, ``1.3``) start the words after a prose dependency key."""
    head = re.split(r"[;(|—–]", text[m.end() :], maxsplit=1)[0]
    return bool(parse_refs(head, loose=False).ids) and head.strip()[:1] not in ("", "t")


#: ``— **BLOCKED** on x``, ``: IN PROGRESS``: a status shouted in capitals after a separator inside an entry.
_SHOUTED_STATUS_RE = re.compile(r"(?:^|[—–:|(]\s*)\**(?P<word>[A-Z]{3,}(?: [A-Z]{2,})?)\**(?![\w-])")


#: The states a label opening an entry may say ("QA:" reads as review, and names who as often).
_LABEL_STATES = frozenset({"todo", "in_progress", "blocked", "done", "cancelled"})
#: A label opening an entry, maybe after a mark, then a colon: ``✅ COMPLETED: x`` (``✅ **COMPLETED**: x``).
_STATE_LABEL_RE = re.compile(r"^\s*(?:[^\w\s*`\[(]{1,3}\s*)?(?P<word>[^\W\d_][^:：—–]{1,22}?)\s*[:：]\s+(?=\S)")


#: ``(Priorita: High)`` closing an entry: a key in words of any language the vocabulary reads, and its value.
_CLOSING_FIELD_RE = re.compile(
    r"\s*\((?P<key>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*[:：]\s*(?P<value>[^()]{1,40})\)\s*$"
)


#: An entry's label closing with a word in brackets, then a dash or a colon: ``**PDF validation (Critical)** – x``.
_LABEL_PRIORITY_RE = re.compile(r"^[^()–—:]{1,80}?\s\((?P<word>[^\W\d_][\w -]{1,20})\)\s*[–—:-]\s")


#: A Dataview inline field: ``[key:: value]`` or ``(key:: value)``, the bracket escaped or not.
_DATAVIEW_RE = re.compile(r"\\?[\[(](?P<key>[^\W\d][\w -]{0,30})::\s*(?P<value>[^\])]*)\\?[\])]")

#: A dash-separated segment that opens with its own ``key:``.
_KEYED_SEGMENT_RE = re.compile(r"\s+[—–]\s+(?=[^\W\d][\w -]{0,30}:)")

#: A comma or semicolon, then a key of the plan's own and its colon: ``, Rank: 1``, ``; Dur: 1d``.
_OWN_KEY_RE = re.compile(r"\s*[,;]\s+(?=[^\W\d][\w./-]{0,15}(?:\s[\w./-]{1,15})?:\s)")

#: ``status:`` in the text: its field says the status, a shouted word inside it is read there.
_STATUS_KEY_RE = re.compile(r"\b(?:status|state)\s*[:=]", re.I)
#: A code span that holds only a status, priority or owner field: ```STATUS: DONE```.
_CODE_FIELD_RE = re.compile(r"`((?:status|state|priority|owner)\s*:\s*[^`]+)`", re.I)


#: A run of bracketed words side by side: ``[T009] [P] [Testing]``.
_TAG_RUN_RE = re.compile(r"(?:\[[^\[\]]{1,30}\]\s*){2,}")


def _in_tag_run(text: str, m: re.Match[str]) -> bool:
    """Whether the bracketed word ``m`` stands among tags (``[T009] [P] [Testing]``, spec-kit's id, parallel mark and
    area): a run of three brackets or more, or one holding a word that is neither a status nor an id (``[P]``,
    ``[CI]``), labels the entry; a status word among them is a label too, not its status."""
    for run in _TAG_RUN_RE.finditer(text):
        if run.start() <= m.start("word") < run.end():
            words = re.findall(r"\[([^\[\]]+)\]", run.group(0))
            return len(words) >= 3 or any(not (exact_status(w) or is_id(w.strip())) for w in words)
    return False


#: A bracket of tags in code closing an entry: `` (`interface` `secondary`)``. A tag is a word in lower case, maybe
#: hyphened (`web-ui`); a name with an underscore, a dot or a capital (`load_board`, `api.py`) is code.
_CODE_TAGS_TAIL = re.compile(r"\s*\(\s*`[a-z][a-z0-9-]*`(?:\s*,?\s*`[a-z][a-z0-9-]*`)*\s*\)\s*$")


#: Fields closing an entry after middle dots, each one word or code span: ``x · `P0` · `DONE```.
_DOTTED_FIELDS_RE = re.compile(r"(?:\s+·\s+`?[^`·\s][^`·]{0,20}`?)+\s*$")


def _dotted_field(part: str) -> tuple[str, str] | None:
    """(field, value) of one part after a middle dot that is a priority (``P0``, ``High``) or a state (``DONE``,
    ``IN_PROGRESS``), else None."""
    word = part.strip().strip("`").strip()
    if level := priority_of_word(word) or (re.fullmatch(r"P[0-3]", word, re.I) and parse_priority(word)[0]):
        return "priority", level
    if state := exact_status(word.replace("_", " ")):
        return "status", state
    return None


def inline_fields(
    b: Builder, text_md: str, line: int, rid: str, entry: bool = True, md: str = ""
) -> tuple[str, dict[str, Any]]:
    """Split "Do X (owner: QA; depends: 1.2) ✅" into the title and the fields it carries. ``entry``: the text is an
    item's own line, which names the work: a key it opens with ("**Verify**: run the smoke tests") is its title's
    label, not a field that would leave it none. Lines beneath an item (``entry=False``) may be fields alone.
    ``md``: the entry's Markdown, where ``text_md`` is its plain words (whether a label is bold)."""
    # "`STATUS: BLOCKED`": a field set in a code span to stand out, not code.
    text = _CODE_FIELD_RE.sub(lambda m: f" {m.group(1)}", plain(text_md, keep_code=True))
    values: dict[str, Any] = {}
    text = pipe_parts(b, text, values, line, rid)
    # Dataview fields, "[owner:: Ana] [priority:: high]" (brackets escaped or not): each says one field.
    for dv in reversed(list(_DATAVIEW_RE.finditer(text))):
        inline_value(b, dv.group("key").lower().strip(), dv.group("value").strip(), True, values, line, rid)
        text = text[: dv.start()] + " " + text[dv.end() :]
    in_code = _CODE_TAGS_TAIL.search(text)
    if in_code and text[: in_code.start()].strip():
        # "Masking (`interface` `secondary`)": the tags labelling the work, each in code.
        values["tags"] = [*values.get("tags", []), *re.findall(r"`([^`]+)`", in_code.group(0))]
        text = text[: in_code.start()]
    dotted = _DOTTED_FIELDS_RE.search(text)
    parts = [_dotted_field(part) for part in dotted.group(0).split("·")[1:]] if dotted else []
    fields_said = [p for p in parts if p is not None]
    if dotted and text[: dotted.start()].strip() and fields_said and len(fields_said) == len(parts):
        # "Lập manifest release candidate UAT · `P0` · `DONE`": a priority and a state after middle dots.
        for fld, value in fields_said:
            values.setdefault(fld, value)
        if "status" in values:
            b.status_stated.add(rid)
        text = text[: dotted.start()]
    closing = _CLOSING_FIELD_RE.search(text)
    if (
        closing
        and header_field(closing.group("key")) in ("priority", "status", "owner")
        and not INLINE_RE.search(closing.group(0))
    ):
        # "… databáze. (Priorita: High)": a field closing the entry in the plan's own words.
        inline_value(b, closing.group("key").lower(), closing.group("value").strip(), True, values, line, rid)
        text = text[: closing.start()]
    bracket = next(
        (m for m in BRACKET_STATUS_RE.finditer(text) if parse_status(m.group("word")) and not _in_tag_run(text, m)),
        None,
    )
    if bracket:
        values["status"] = parse_status(bracket.group("word"))
        b.status_stated.add(rid)
        b.note(line, f"{rid}: {bracket.group(0).strip()!r} read as status {values['status']}")
        text = text[: bracket.start()] + text[bracket.end() :]
    label = _STATE_LABEL_RE.match(text) if entry and "status" not in values else None
    state = exact_status(label.group("word")) if label else None
    stands_out = label is not None and (label.group("word").isupper() or f"**{label.group('word')}" in (md or text_md))
    if label and stands_out and state in _LABEL_STATES:
        # "✅ **COMPLETED**: Fix the loops", "IN PROGRESS: Add tests": a label in bold or capitals that is the entry's
        # state; the words after it name the work. ("QA: Create the contract tests" is who, not a state.)
        values["status"] = state
        b.status_stated.add(rid)
        b.note(line, f"{rid}: its label {label.group('word')!r} read as status {state}")
        text = text[label.end() :]
    shout = next((m for m in _SHOUTED_STATUS_RE.finditer(text) if exact_status(m.group("word"))), None)
    if shout and "status" not in values and not _STATUS_KEY_RE.search(text):
        # "— **BLOCKED** on the vendor report": a status written in bold capitals is stated, box or not.
        values["status"] = exact_status(shout.group("word"))
        b.status_stated.add(rid)
        b.note(line, f"{rid}: {shout.group('word')!r} read as status {values['status']}")
    text = lift_marks(text, values)
    label = _LABEL_PRIORITY_RE.match(text.strip())
    if label and (level := priority_of_word(label.group("word"))) and "priority" not in values:
        # "**PDF validation & hash (Critical)** – Validate …": the bold label closes with the entry's priority.
        values["priority"] = level
        text = text.replace(f"({label.group('word')})", "", 1).replace("  ", " ")
        b.note(line, f"{rid}: '({label.group('word')})' closing its label read as priority {level}")
    matches = list(INLINE_RE.finditer(text)) + list(INLINE_NOCOLON_RE.finditer(text))
    prose = [m for m in INLINE_PROSE_DEP_RE.finditer(text) if _ids_follow(text, m)]
    for m in prose:
        b.note(line, f"{rid}: {m.group('key')!r} followed by ids, without a colon, read as a dependency")
    matches += prose
    matches.sort(key=lambda m: m.start())
    # Keys inside backticks are code, not fields.
    matches = [m for m in matches if text[: m.start()].count("`") % 2 == 0]
    if entry and matches and not text[: matches[0].start()].strip(" *_-—–"):
        matches = matches[1:]
    title = text
    if matches:
        title = text[: matches[0].start()]
        for n, m in enumerate(matches):
            end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
            # "estimate: 1d — acceptance: x — status: Done": a dash before another "key:" ends the value.
            value = _trim_value(_KEYED_SEGMENT_RE.split(text[m.end() : end], maxsplit=1)[0])
            # "Owner: DevOps, Rank: 1, Dur: 1d": a key of the plan's own after a comma ends the value; it and the
            # keys after it are kept as they are written, not read as more owners.
            value, *others = _OWN_KEY_RE.split(value)
            for other in others:
                key, _, said = other.partition(":")
                values.setdefault("custom", {})[custom_key(key)] = _trim_value(said)
            if m.group("key").lower() in DEP_KEYS:
                # "Deps: M0. Accept: `make test`. Parallel-safe with M2.": the list ends where the next field starts.
                value = _SENTENCE_END_RE.split(value, maxsplit=1)[0]
                value = _COMMAND_RE.sub(" ", value)  # "`python tasks.py e2e-live`" is a command, not an id
            inline_value(b, m.group("key").lower(), value, bool(m.group("colon")), values, line, rid)
    title = title.strip().rstrip("(—–|;,-[").strip()
    url = _CLOSING_URL.search(title)
    named = _LEAD_TO_URL.sub("", title[: url.start()]) if url else ""
    if url and len(named.split()) >= 2:
        # "Figure out how to package it as an NPM module" then, on the entry's next line, the page that says how.
        values["links"] = [*values.get("links", []), url.group("url")]
        title = named
    made = _MADE_PATH_RE.search(title)
    if made and title[: made.start()].strip():
        # "Create observability README with attribution (plugins/observability/README.md)": the file the work makes
        # or changes, not a part of its name.
        values["outputs"] = [*values.get("outputs", []), made.group("path").strip("`")]
        title = title[: made.start()].rstrip()
    # Status marks at either end, priority tags, @mentions.
    for mark in STATUS_MARKS:
        if title.startswith(mark) or title.endswith(mark):
            st = parse_status(mark)
            if st and "status" not in values:
                values["status"] = st
            title = title.removeprefix(mark).removesuffix(mark).strip()
    opening = _OPENING_STATE_RE.match(title)
    if opening and exact_status(opening.group("word")):
        # "✅ DONE — As a user, …", "PARTIAL — As a user, …" (its mark lifted): the state the entry opens with.
        values.setdefault("status", exact_status(opening.group("word")))
        b.status_stated.add(rid)
        title = title[opening.end() :]
    dashed = _DASHED_FIELDS_RE.search(title)
    if dashed:
        # "Unit tests (#14) - P2 - 4h": the priority and the estimate after the title, each after a dash.
        for part in re.split(r"\s+-\s+", dashed.group(0).strip(" -")):
            key = "priority" if part.upper().startswith("P") else "estimate"
            if key not in values:
                inline_value(b, key, part, True, values, line, rid)
        title = title[: dashed.start()]
    ticket = _TICKET_TAIL_RE.search(title)
    if ticket and title[: ticket.start()].strip():
        # "Core structure (#10)": the issue that tracks the work, another name the plan may cite it by; among the
        # fields after the title ("(#10) - P0 - 4h") it is one of them, else it stays in the title as written.
        b.aliases.setdefault(ticket.group("ticket"), rid)
        if dashed:
            values["links"] = [*values.get("links", []), ticket.group("ticket")]
            title = title[: ticket.start()]
    sized = _SIZED_PRIORITY_RE.search(title)
    if sized and "priority" not in values:
        # "… the real version. (S, P0)": a closing bracket of the work's size and its priority, maybe a remark.
        values["priority"] = sized.group("prio").upper()
        values.setdefault("custom", {})["size"] = sized.group("size")
        if remark := sized.group("rest").strip(" ,;"):
            add_note(values, remark)
        title = title[: sized.start()]
    tag = PRIO_TAG_RE.search(title)
    if tag and "priority" not in values:
        values["priority"] = tag.group(1).upper()
        title = (title[: tag.start()] + title[tag.end() :]).strip()
    opening_prio = _OPENING_PRIORITY_RE.match(title)
    if opening_prio and "priority" not in values:
        # "- [ ] P0 Formalizar regra de negocio", "- `P1` @kevina - base32 by default": the priority code the entry
        # opens with (PX: none yet), maybe who does it, then its name.
        code = opening_prio["code"] or opening_prio["bold"] or opening_prio["bare"]
        if code.upper() != "PX":
            values["priority"] = code.upper()
        if opening_prio.group("who") and "owner" not in values:
            values["owner"] = opening_prio.group("who")
        title = title[opening_prio.end() :]
    lead = _LEAD_TAGS_RE.match(title) or _BLANK_TAG_RE.match(title)
    if lead:
        tags = re.findall(r"\[([^\[\]]+)\]", lead.group(0))
        if len(tags) == 1 and "owner" not in values and recipe_option("tags") == "owner":
            # The recipe's tags = "owner": "[Juan] Create enemy" names who does it; "[_____]", no one yet.
            if lead.re is not _BLANK_TAG_RE:
                values["owner"] = tags[0]
        elif lead.re is not _BLANK_TAG_RE:
            # "T019 [P] [US1] Unit test for …" (spec-kit's tasks): the tags that open an entry label it (may run in
            # parallel, its user story); they are no part of its name.
            values["tags"] = [*values.get("tags", []), *tags]
        else:
            lead = None
        title = title[lead.end() :] if lead else title
    if not lead and "owner" not in values and recipe_option("tags") == "owner" and (who := _NAME_LEAD.match(title)):
        # The recipe's tags = "owner" says so of a name and a colon too: "Gail: Start the prototype design".
        values["owner"] = who.group("who")
        title = title[who.end() :]
    mention = MENTION_RE.search(title)
    if mention and "owner" not in values and title[: mention.start()].count("`") % 2 == 0:
        values.update(mention_owner(title, mention))
        joint = _JOINT_MENTIONS.search(title)
        if joint and values.get("owner") == joint.group("first"):
            # "research models @pedro + @bruno": the first named owns it, the others work on it; the recipe's
            # owner = "whole" keeps the pair as written (``Builder.owner_cells``).
            values["contributors"] = re.findall(r"@[\w.-]+", joint.group(0))[1:]
            b.owner_cells[rid] = " ".join(joint.group(0).split())
    return title.strip(), values


#: Mentions closing an entry, joined: "@pedro + @bruno", "@ana & @bo", "@ana, @bo and @cy".
_JOINT_MENTIONS = re.compile(r"(?P<first>@[\w.-]*\w)(?:\s*(?:[+&,]|\band\b)\s*@[\w.-]*\w)+\s*$")


#: A priority code opening an entry's words, then its name: "P0 Formalizar regra", "P1: Update the README".
_OPENING_PRIORITY_RE = re.compile(
    r"^\s*(?:`(?P<code>P[0-3X])`|\*\*(?P<bold>P[0-3])\*\*|(?P<bare>P[0-3]))"
    r"(?:\s+@(?P<who>[\w.-]*\w))?\s*[:—–-]?\s+(?=[^\W\d_])"
)


#: Fields closing an entry, each after a spaced dash: a priority, an estimate (" - P0 - 4h", " - P2").
_DASHED_FIELDS_RE = re.compile(r"(?:\s+-\s+(?:P[0-4]|\d+(?:\.\d+)?\s?[hdw]))+\s*$")
#: The issue number closing an entry's words in brackets: " (#10)".
_TICKET_TAIL_RE = re.compile(r"\s*\((?P<ticket>#\d{1,6})\)\s*$")
#: A state in capitals opening an entry's words before a dash: "DONE — As a user, …", "PARTIAL – …".
_OPENING_STATE_RE = re.compile(r"^(?P<word>[A-Z][A-Z_ ]{2,20}?)\s*[—–-]\s+(?=\S)")
#: A bracket closing an entry with the work's size and priority: "(S, P0)", "(M, P0, blocks E2.F3 if LLM-backed)".
_SIZED_PRIORITY_RE = re.compile(rf"\s*\(\s*(?P<size>{TSHIRT_SIZE})\s*,\s*(?P<prio>P[0-4])\b(?P<rest>[^()]*)\)\s*\.?$")

#: An address closing an entry's words, after a space or a line break: `` https://host/how-to``.
_CLOSING_URL = re.compile(r"\s+<?(?P<url>https?://[^\s<>]+?)>?[.,;]?$")

#: What leads an address in at a title's end: "…: https://…", "…, e.g. https://…", "… see https://…".
_LEAD_TO_URL = re.compile(r"(?:[\s:,;—–-]|\b(?:e\.g\.|see|at|via|here)(?=\s|$))+$", re.I)

#: A blank to fill in, in brackets, opening an entry: ``[_____] Load the levels`` (nobody assigned yet).
_BLANK_TAG_RE = re.compile(r"^\[_{2,}\]\s*(?=\S)")
#: A name, one word in capitals, and a colon opening an entry: "Gail: Start the prototype design".
_NAME_LEAD = re.compile(r"^(?P<who>[A-Z][\w'’.-]{1,30}):\s+(?=\S)")

#: Bracketed tags of one short word each opening an entry's words: ``[P] [US1] ``, ``[Backend] ``.
_LEAD_TAGS_RE = re.compile(r"^(?:\[[^\W\d_][\w.-]{0,11}\]\s*)+(?=[^\W_])")


#: A path in brackets closing a title: ``(projspec/observability/server/)``, ``(src/db.ts)``, ``(`README.md`)``. A
#: path ends with a slash or a file's extension ("Mash/Boil/Fermentation" and "public/private" are choices), and a
#: bare name is a file's unless a capital opens it before ``.js`` ("Next.js" names a framework).
_EXTENSIONS = r"md|py|ts|tsx|js|jsx|go|rs|java|json|ya?ml|toml|sql|sh|css|html|vue|rb|php|cs|kt|swift|lock|lockb|txt"
_MADE_PATH_RE = re.compile(
    rf"\s*\((?P<path>`?(?:[\w.~-]+(?:/[\w.~*-]+)*/|(?:[\w.~-]+/)+[\w.~*-]+\.(?:{_EXTENSIONS})|"
    rf"(?![A-Z][\w-]*\.js\b)[\w.-]+\.(?:{_EXTENSIONS}))`?)\)$"
)


#: A stop followed by the next field ("M0. Accept: x"), not the dot inside an id ("M-1.2").
_COMMAND_RE = re.compile(r"`[^`]*\s[^`]*`")
_SENTENCE_END_RE = re.compile(r"\.\s+(?=[A-Z][\w -]{0,30}:)")
