"""What a column header or a ``Key:`` means: one list of words per board field, read by tables, bullets and
tickets alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.guided.recipe import RECIPE
from readiness_tui.core.importers.vocabulary.header_words import HEADER_SYNONYMS
from readiness_tui.core.importers.vocabulary.words import HEADER_STEMS, HEADER_WORDS

_NOT_WORD = re.compile(r"[^\w#/\\ ]")


def _mark_or_space(found: re.Match[str]) -> str:
    # A vowel sign or virama (Devanagari "कार्य", Arabic harakat) is part of its word, though ``\w`` leaves it out;
    # the selector that makes "✅️" an emoji is not.
    ch = found.group(0)
    keep = unicodedata.category(ch) in ("Mn", "Mc") and not 0xFE00 <= ord(ch) <= 0xFE0F
    return ch if keep else " "


def norm_header(text: str) -> str:
    t = plain(text).lower().replace("_", " ")
    t = re.sub(r"y\(ies\)", "ies", t)  # "Dependency(ies)"
    t = re.sub(r"(?<=\w)\((e?s)\)", r"\1", t)  # "Task(s)", "Owner(s)": the plural
    t = _NOT_WORD.sub(_mark_or_space, t.replace("№", "#").replace("n°", "#"))  # the numero sign is "#"
    t = " ".join(t.split())
    return "#" if t in ("# п/п", "# з/п", "п/п", "з/п") else t  # "№ п/п": the row's number in its order


_KEYWORDS: list[tuple[str, tuple[str, ...]]] = [
    ("depends_on", ("depend", "prereq", "blocked by", "predecessor")),
    ("gate.verify", ("verify", "verification")),
    ("gate.evidence", ("evidence",)),
    ("gate.exit_criteria", ("exit criteria", "acceptance", "definition of done", "done when")),
    ("owner", ("owner", "assignee", "responsible")),
    ("estimate_days", ("estimate", "effort", "est ", "story days", "man days", "person days")),
    ("target", ("target", "due", "deadline")),
    ("status", ("status",)),
    ("priority", ("priority",)),
    ("expires", ("expir", "valid until")),
    ("mitigated_by", ("mitigat",)),
    ("likelihood", ("likelihood", "probability")),
    ("source_refs", ("source",)),
]


def header_field(header: str) -> str | None:
    """The board field a column header means, or None when it means none (kept as custom)."""
    h = norm_header(header)
    if not h or header.strip() == "[P]":
        return None  # spec-kit's "[P]" column marks what may run in parallel, not a priority
    recipe = RECIPE.get()
    relabelled = recipe.column(header) if recipe else None
    if relabelled:
        return relabelled
    return own_field(header)


#: A unit in brackets closing a header: "(h)", "(d)", "(hours)", "(days)", "(pts)".
_UNIT_TAIL = re.compile(
    r"\s*\((?:h|hrs?|hours?|d|days?|pts?|points?|sp|std|ore|giorni|tage|jours|horas|días)\)\s*$", re.I
)


def own_field(header: str) -> str | None:
    """What a header means by its own words, whatever a recipe relabelled it as."""
    h = norm_header(header)
    for fld, names in HEADER_SYNONYMS.items():
        if h in names:
            return fld
    for fld, names in HEADER_WORDS.items():
        if h in names:
            return fld
    words = h.split()
    if words and words[-1] in ("id", "#", "ids") and len(words) <= 3 and words[-1] != "ids":
        return "id"
    for fld, keys in _KEYWORDS:
        # At a word's start: "Est. days" is an estimate, "REST base" is not; "due" is not in "residue".
        if any(re.search(r"(?<![^\W\d_])" + re.escape(k), h) for k in keys):
            return fld
    for fld, keys in HEADER_STEMS:
        if any(k in h for k in keys):
            return fld
    unit = _UNIT_TAIL.sub("", header).strip()
    if unit != header.strip() and unit:
        # "Stima (h)", "Schätzung (d)": the field its word names, in the unit after it.
        return own_field(unit)
    glossed = re.match(r"^(?P<head>[^()]+?)\s*\((?P<gloss>[^()]+)\)\s*$", header.strip())
    if glossed:
        # "O quê (tarefas)", "Task (short)": the column's word, glossed in brackets.
        return own_field(glossed["head"]) or own_field(glossed["gloss"])
    head = h.split("/")[0].strip()
    if head and head != h:
        # "Estat / notes", "Stav / poznámky": the column's field first, what else it holds after the slash.
        return own_field(head)
    return _mistyped(h)


def _less_one(word: str) -> set[str]:
    return {word[:n] + word[n + 1 :] for n in range(len(word))}


@cache
def _typo_index() -> tuple[dict[str, str], dict[str, str]]:
    """Each header word of six letters or more by itself, and with one letter left out, to its field (None where two
    fields share a form)."""
    whole: dict[str, str] = {}
    less: dict[str, str] = {}
    for fld, names in (*HEADER_SYNONYMS.items(), *HEADER_WORDS.items()):
        for name in names:
            if len(name) < _TYPO_LENGTH:
                continue
            for index, forms in ((whole, {name}), (less, _less_one(name))):
                for form in forms:
                    index[form] = fld if index.get(form, fld) == fld else ""
    return whole, less


#: Words shorter than this are as likely another word as a typo of a known one ("stats", "notes").
_TYPO_LENGTH = 6


def _mistyped(h: str) -> str | None:
    """The field of the header word ``h`` is one letter off ("Asignee": one left out, added or changed, or two
    swapped), when only one field's word is; a plural or a singular of a known word is not a typo of it."""
    whole, less = _typo_index()
    if len(h) < _TYPO_LENGTH or h[:-1] in whole or h + "s" in whole:
        return None  # "Tickets" beside "Ticket": a list of them, not the one a row is
    fields = {less.get(h)} | {f for form in _less_one(h) for f in (whole.get(form), less.get(form))}
    fields.discard(None)
    return fields.pop() if len(fields) == 1 and "" not in fields else None


def custom_key(header: str) -> str:
    h = norm_header(header)
    if h in ("#", "no", "nr"):
        return "number"
    key = re.sub(r"[^a-z0-9]+", "_", h).strip("_")
    return key or "column"


def estimate_unit(header: str) -> str | None:
    h = norm_header(header)
    for unit in ("days", "day", "hours", "weeks", "pd", "d", "h", "w"):
        if re.search(rf"\b{unit}\b", h):
            return {"d": "days", "h": "hours", "w": "weeks"}.get(unit, unit)
    if h in ("days", "duration"):
        return "days"
    return None


#: Title-like headers, best first (see ``HEADER_SYNONYMS["title"]``).
TITLE_RANK = HEADER_SYNONYMS["title"]

#: The fields that say a row or a section is work someone tracks (who, how far, how urgent, how big, after what),
#: where a table of documents, questions or decisions has none of them.
WORK_FIELDS: frozenset[str] = frozenset({"status", "owner", "priority", "estimate_days", "depends_on"})
