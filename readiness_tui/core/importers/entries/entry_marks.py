"""The marks and bracketed fields at either end of a list entry's words: ``(P0, @ana)``, ``(Done, 2-pin JST)``,
``[40%]``, a closing box or a closing state mark (``⚠️ at risk``). ``inline_fields`` takes them off the title first."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.item_titles import CLOSING_BRACKET
from readiness_tui.core.importers.document.blocks import BOX_STATUS, closing_box
from readiness_tui.core.importers.entries.entry_ids import opening_mark
from readiness_tui.core.importers.sections.patterns import INLINE_NOCOLON_RE, NOT_A_DOMAIN, PRIO_TAG_RE
from readiness_tui.core.importers.vocabulary.dates import TSHIRT_SIZE, duration_days
from readiness_tui.core.importers.vocabulary.headers import header_field
from readiness_tui.core.importers.vocabulary.priorities import priority_of_word
from readiness_tui.core.importers.vocabulary.statuses import exact_status, parse_status

#: ``(owner @uri)``, ``(@zed, in progress)``, ``(P1, @ana)``, ``(P0, 5 pts)``: fields in parentheses, without keys.
_PAREN_RE = re.compile(r"\s*\((?P<body>[^()]{1,60})\)")
_PAREN_OWNER_RE = re.compile(rf"^(?:(?:owner|lead|assignee|dri)\s+)?@{NOT_A_DOMAIN}(?P<who>[A-Za-z0-9][\w.-]*)$", re.I)
_POINTS_RE = re.compile(r"^(?P<n>\d{1,3})\s*(?:pts?|points?|sp|story points?)$", re.I)
#: ``⚠️ at risk``, ``🚧 in progress`` closing an entry: a status mark and its words.
#: Only an emoji or mark opens it: "Import/export done" is a title, not a status.
#: The words may be a gloss in brackets: ``🔄 (Current)``.
_TRAILING_STATUS_RE = re.compile(
    r"\s*(?P<status>[^\x00-\x7f\w\s—–()]{1,3}\s*(?:[A-Za-z][A-Za-z' ]{0,20}|\([A-Za-z][A-Za-z' ]{0,20}\)))$"
)


def _worded_priority(part: str) -> str | None:
    """The level ``low priority``, ``lage prioriteit`` or ``prioridad alta`` says: a priority word and the word
    for priority, in either order; else None."""
    words = part.split()
    if len(words) != 2:
        return None
    for word, noun in (words, words[::-1]):
        if header_field(noun) == "priority" and (level := priority_of_word(word)):
            return level
    return None


#: A priority and a T-shirt size joined by a slash: "P1/M", "P0 / XL".
_PRIORITY_SIZE_RE = re.compile(rf"(?P<p>P[0-3])\s*/\s*(?P<size>{TSHIRT_SIZE})", re.I)


def _paren_fields(body: str) -> dict[str, Any] | None:
    """The fields of a parenthetical whose every part is an owner, a priority, a status word, story points or how long
    the work takes (``(P0, 5 pts)``, ``(7 days)``), or that is a priority and a size (``(P1/M)``); else None."""
    if sized := _PRIORITY_SIZE_RE.fullmatch(body.strip()):
        # "(P1/M)": a priority and the work's size, as a backlog of work packages writes both.
        return {"priority": sized.group("p").upper(), "custom": {"size": sized.group("size").upper()}}
    said: dict[str, Any] = {}
    for part in (p.strip() for p in re.split(r"[,;·]", body)):
        who = _PAREN_OWNER_RE.match(part)
        points = _POINTS_RE.match(part)
        if who and "owner" not in said:
            said["owner"] = "@" + who.group("who")
        elif re.fullmatch(r"P[0-3]", part, re.I) and "priority" not in said:
            said["priority"] = part.upper()
        elif (worded := _worded_priority(part)) and "priority" not in said:
            said["priority"] = worded
        elif points and "score" not in said:
            said["score"] = int(points.group("n"))
        elif (days := duration_days(part)) and "estimate_days" not in said:
            said["estimate_days"] = days  # "(7 days)", "(3d)", "(2-3 weeks)": how long it takes
        # A lone letter ("(X)", "(b)") is a label or a footnote, never a status: "x" is a status only as a box.
        elif "status" not in said and (state := _bracket_state(part)):
            said["status"] = state
        elif "%" in part and "status" not in said and (share := parse_status(part)):
            said["status"] = share  # "(80% complete)": under way, whatever "complete" alone would say
        else:
            return None
    return said or None


#: A mark opening a bracket's part before its word: "🟢 done", "🟡 in progress".
_MARK_BEFORE_WORD = re.compile(r"^[^\w\s]+\s*(?=\w)")


def _bracket_state(part: str) -> str | None:
    """The state one part of a bracket states: a status word ("in progress"), a mark and the word it stands beside
    ("🟢 done": the word says it), or a mark alone ("🔴"); a lone letter is a label or a footnote, never a state."""
    word = _MARK_BEFORE_WORD.sub("", part)
    if len(word) == 1 and word.isalpha():
        return None
    return exact_status(word)


def closing_bracket_status(title: str) -> tuple[str, str | None]:
    """(title, status) of an entry closing with its state alone in brackets (``Write the docs (in progress)``), the
    bracket read as ``_paren_fields`` reads any entry's; the title unchanged and None otherwise."""
    m = CLOSING_BRACKET.search(title)
    said = _paren_fields(m.group(1)) if m and m.start() > 0 else None
    if m is None or said is None or set(said) != {"status"}:
        return title, None
    return title[: m.start()], said["status"]


_PAREN_BOX = re.compile(r"^\((?:\s?|(?P<unsure>\?))\)\s+")
#: A share of the work done closing an entry, in brackets: ``[40%]``, ``(80% - uncommitted)``.
_CLOSING_SHARE = re.compile(r"\s*[\[(]\s*(?P<share>\d{1,3}\s*%[^\[\]()]*)[\])]\s*$")
#: A bracket opening an entry with a state word and a note on it: ``(Done, 2-pin JST) Add LED connector``.
_STATE_NOTE = re.compile(r"^\((?P<state>[^\W\d_][^(),;]{0,20})[,;]\s*(?P<note>[^()]{1,80})\)\s*(?=\S)")


def lift_marks(text: str, values: dict[str, Any]) -> str:
    """Take the priority tag (``(P0)``), parenthesised fields (``(@zed, in progress)``) and a closing status mark
    from anywhere in the entry, so that neither the title nor a field's value keeps them."""
    tag = PRIO_TAG_RE.search(text)
    if tag:
        values["priority"] = tag.group(1).upper()
        text = text[: tag.start()] + text[tag.end() :]
    if (box_mark := _PAREN_BOX.match(text)) and box_mark.end() < len(text):
        # "- () Publish", "- (?) Refresh on mutation" beside "- (done) Build": a box drawn in brackets, empty or
        # unsure; it states nothing more than that the work is not done.
        if not box_mark.group("unsure"):
            values.setdefault("status", "todo")
        text = text[box_mark.end() :]
    noted = _STATE_NOTE.match(text)
    if noted and "status" not in values and (state := exact_status(noted.group("state"))):
        # "(Done, found on SnapEDA) Create the footprint": the state the entry opens with, and a note on it.
        values["status"] = state
        values["notes"] = noted.group("note").strip()
        text = text[noted.end() :]
    for m in reversed(list(_PAREN_RE.finditer(text))):
        said = _paren_fields(m.group("body"))
        if said and not any(k in values for k in said):
            values.update(said)
            text = text[: m.start()] + text[m.end() :]
    # "Define SLOs — P0 — @amir — done — blocked by REL-1": dash-separated parts that are each a field.
    parts = re.split(r"\s+[—–]\s+", text)
    if len(parts) >= 3:
        fields = [_paren_fields(p) for p in parts[1:]]
        rest = [p for p, f in zip(parts[1:], fields) if f is None]
        found = [f for f in fields if f]
        if len(found) >= 2 and all(INLINE_NOCOLON_RE.match(p) for p in rest):
            for f in found:
                values.update({k: v for k, v in f.items() if k not in values})
            text = " — ".join([parts[0], *rest])
    share = _CLOSING_SHARE.search(text)
    if share and share.start() > 0 and "status" not in values and (done := parse_status(share.group("share"))):
        # "GPX loading **[40%]**": how far along the work is, closing the entry; 100% is done.
        values["status"] = done
        text = text[: share.start()]
    box = closing_box(text)
    if box and "status" not in values:
        values["status"] = BOX_STATUS[box[0]]
        text = box[1]
    end = _TRAILING_STATUS_RE.search(text)
    if end and parse_status(end.group("status")):
        before = text[: end.start()].strip()
        if before:
            values["status"] = parse_status(end.group("status"))
            text = before
        elif opened := opening_mark(text):
            # "✅ Crear archivos base": a short entry the mark opens; its words are the title, not the state.
            values["status"], text = opened
    return text.strip()


#: An entry struck through whole, maybe a link or a mark after it: ``~~Write the report~~ [Here](…)``,
#: ``<del>Define the method</del>``, ``<s>x</s>`` (an opening ``<del>`` left unclosed strikes the rest of the line).
_STRUCK_WHOLE = re.compile(
    r"^\s*(?:~~(?P<tilde>(?:(?!~~).)+)~~|<(?P<tag>del|s|strike)>(?P<html>(?:(?!</?(?:del|s|strike)>).)+?)"
    r"(?:</(?P=tag)>|$))(?P<rest>.*)$",
    re.I | re.S,
)
#: What may follow the struck words: a link to where the work landed, an emoji, nothing.
_AFTER_STRUCK = re.compile(r"^\s*(?:\[[^\]]*\]\([^)]*\)|[^\w\s]{1,3})?\s*$")


def struck_whole(text: str) -> str | None:
    """The words of an entry struck through whole (crossed off), or None."""
    m = _STRUCK_WHOLE.match(text)
    if m is None or not _AFTER_STRUCK.match(m.group("rest")):
        return None
    return (m.group("tilde") or m.group("html") or "").strip() or None
