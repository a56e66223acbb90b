"""The shapes of ids and of the words that are not ids: in a cell known to hold ids, and in running text.

References to items in a cell or a phrase: lists, ranges (``T-1..T-5``, ``#14-17``, ``05–11``), slash
shorthand (``TASK-S2-04/05/06``), negations ("not blocked by X") and group words ("Phase 2").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable
from dataclasses import dataclass, field

from readiness_tui.core.importers.document.blocks import plain

#: An id in a cell known to hold ids: T-001, CODEX-P0-001, NEW-RISK-001, M-01, SEC-3, A1, FE-Task#001, 1.2, 2.7.1,
#: 6-1, 11-A (a step's tickets lettered), 1-A-3 (phase, track, number), 1A.4 (stage 1, track A), 7.
ID_RE = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?:#\d+)?|\d+[A-Za-z]?(?:\.\d+)+[a-z]?|\d{1,3}(?:-(?:\d{1,3}|[A-Z]))*"
    r"|\d+|#\d+"
    # "26Q3-HARN-13": a key opening with a quarter or a year, in capitals, then named parts.
    r"|\d+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)$"
)


#: An id found in running text: hyphenated with a digit (T-001, R-1, CODEX-P1-006, S2-T1),
#: or dotted numbers (1.2, 2.7.1, 1A.4).
TEXT_ID_RE = re.compile(
    r"(?<![\w./&-])(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]*\d+[A-Z0-9]*(?:-[A-Z0-9]+)*(?:\.\d+)*|\d+[A-Z]?(?:\.\d+)+[a-z]?|#\d+)"
    r"(?![\w/]|\.\d)"
)


#: ``01-design-tokens``: a row named by a number and a slug, as a folder or file of specs is; the number alone
#: ("01") is how the plan cites it.
NUMBERED_SLUG = re.compile(r"^(?P<num>\d{1,3})-[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


#: A date written day first, as much of Europe does: ``06.12.2025``, ``14/01/2026``.
DAY_FIRST_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{4}"

#: Words that look like ids but are not (priorities, quarters, weeks, versions, dates).
NOT_IDS = re.compile(
    rf"^(?:P[0-9]|Q[1-4]|H[12]|W\d{{1,2}}|V\d+(?:\.\d+)*|\d{{4}}(?:-\d\d){{0,2}}|\d{{4}}-W\d\d|{DAY_FIRST_DATE})$", re.I
)


#: "All" where ids go (a risk's items cell, an item's risk cell), in the plan languages read: it names none in
#: particular; what it stands for is the recipe's ``all`` option (``guided.recipe``).
ALL_WORDS = frozenset(
    {"all", "all risks", "every risk", "all tasks", "all items", "all tickets", "all stories", "all issues",
     "everything", "any", "tutti", "tutte", "todos", "todas", "tous", "toutes", "alle", "все", "wszystkie", "全部",
     "すべて", "全て", "모두", "hepsi", "tümü", "allemaal", "усі"}
)  # fmt: skip


def says_all(cell: str) -> bool:
    """Whether a cell where ids go says "All" (``ALL``, ``All.``, ``all tasks``)."""
    return cell.strip().lower().strip(" .") in ALL_WORDS


NONE_WORDS = frozenset(
    {
        "",
        "none",
        "-",
        "--",
        "—",
        "–",
        "n/a",
        "na",
        "n.a.",
        "nil",
        "null",
        "no",
        "nothing",
        "no dependencies",
        "no dependency",
        "no deps",
        "not applicable",
        "0",
        "/",
        "·",
        "∅",
        "(none)",
        "none yet",
        # the same, in the plan languages read
        "aucun", "aucune", "ninguno", "ninguna", "nenhum", "nenhuma", "nessuno", "nessuna", "keine", "kein", "geen",
        "brak", "нет", "немає", "无", "無", "なし", "없음", "yok", "ingen", "žádné", "žiadne", "tidak ada", "không có",
    }
)  # fmt: skip


#: ``T1..T6``, ``T1–T6``, ``T1 to T6``; ``T1~T6`` / ``W02〜W04`` as Korean, Japanese and Chinese plans write ranges.
RANGE_SEP = r"(?:\.\.\.?|…|–|—|~|～|〜|\s+to\s+|\s+through\s+|\s+thru\s+|\s+t/m\s+|\s+tot en met\s+)"


#: An id of words in capitals joined by hyphens, a digit or not: ``OPS-BLOCKER-001``, ``BACKLOG-RESUME``, ``WP-SET-UI``.
CAPS_ID_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")


def is_id(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= 40 and bool(ID_RE.match(t)) and any(c.isdigit() for c in t)


def looks_like_text_id(text: str) -> bool:
    t = text.strip()
    m = TEXT_ID_RE.fullmatch(t)
    return bool(m) and not NOT_IDS.match(t)


#: Ids that name risks rather than tasks: R1, R-3, RSK-2, RISK-7, NEW-RISK-001.
RISK_ID_RE = re.compile(r"^(?:R\d|R-|RSK|RISK|NEW-RISK)", re.I)

_NUM_TAIL = re.compile(r"^(.*?)(\d+)$")


def expand_range(start: str, end: str, limit: int = 500) -> list[str] | None:
    """``CODEX-P1-001..005`` / ``SEC-3..SEC-5`` / ``1.1..1.4`` -> every id; None when it is no range."""
    ms = _NUM_TAIL.match(start)
    if not ms:
        return None
    prefix, first = ms.group(1), ms.group(2)
    if end.isdigit():
        last = end
    else:
        if not end[0].isalpha() and len(end) < len(start) and start[-len(end) - 1] in "-.":
            end = start[: -len(end)] + end  # "T-3-001..3-004": the end names only the parts that change
        me = _NUM_TAIL.match(end)
        if not me or me.group(1) != prefix:
            return None
        last = me.group(2)
    a, b = int(first), int(last)
    if b < a or b - a > limit:
        return None
    width = len(first) if first.startswith("0") or len(first) == len(last) else 0
    return [f"{prefix}{n:0{width}d}" for n in range(a, b + 1)]


@dataclass
class Refs:
    """What a dependency cell or phrase said: ids (ranges expanded) and whatever words were left."""

    ids: list[str] = field(default_factory=list)
    rest: str = ""
    ranges: list[str] = field(default_factory=list)
    bad_ranges: list[str] = field(default_factory=list)

    #: Ids the text names only to say it does not depend on them ("no longer depends on T-2").
    negated: list[str] = field(default_factory=list)

    @property
    def none(self) -> bool:
        return not self.ids and not self.rest


_RANGE_RE = re.compile(
    r"(?P<a>[A-Za-z][A-Za-z0-9-]*\d(?:\.\d+)*|\d+(?:\.\d+)*)\s*"
    + RANGE_SEP
    + r"\s*(?P<b>[A-Za-z][A-Za-z0-9-]*\d(?:\.\d+)*|\d+(?:\.\d+)*(?:-\d+)*)\b"
)
#: ``2.03-2.07``: dotted numbers joined by a hyphen (no dotted id has a hyphen inside, so it can only be a range).
_DOTTED_RANGE_RE = re.compile(r"(?<![\w.])(?P<a>\d+(?:\.\d+)+)\s*-\s*(?P<b>\d+(?:\.\d+)+)(?![\w.])")
#: ``#14-17``: an issue-number range written with a hyphen (only ``#`` refs: elsewhere a hyphen is part of the id).
_HASH_RANGE_RE = re.compile(r"#(?P<a>\d+)\s*[-–—]\s*#?(?P<b>\d+)\b")
#: ``TASK-S2-04/05/06``: one id, then the numbers of its siblings.
_LETTER_SLASH_RE = re.compile(r"\b(?P<stem>[A-Za-z][A-Za-z0-9-]*\d)(?P<first>[a-z])(?P<more>(?:/[a-z])+)\b")
_SLASH_RE = re.compile(r"(?P<head>(?:[A-Za-z][A-Za-z0-9]*-)+[A-Za-z]*)(?P<first>\d+)(?P<more>(?:/\d+)+)\b")
#: ``TASK-015, 016, 018``: one id, then the bare numbers of its siblings, written to the same width.
_SIBLINGS_RE = re.compile(
    r"(?P<head>\b[A-Za-z][A-Za-z0-9]*-)(?P<first>\d{2,})(?P<more>(?:\s*,\s*(?:and\s+)?\d{2,}\b(?![.\-]\d))+)"
)


def joined_range(known: Container[str], token: str) -> list[str]:
    """``T017-T019`` (or ``T-001.1-T-001.3``) where both ends are ``known`` ids and the whole is none: the known ids
    of the range between them; empty otherwise."""
    for n, ch in enumerate(token):
        if ch == "-" and token[:n] in known and token[n + 1 :] in known:
            return [i for i in expand_range(token[:n], token[n + 1 :]) or [] if i in known]
    return []


def _siblings(text: str) -> str:
    """``TASK-015, 016`` -> ``TASK-015, TASK-016`` when every bare number has the first one's width."""

    def one(m: re.Match[str]) -> str:
        nums = re.findall(r"\d+", m.group("more"))
        if any(len(n) != len(m.group("first")) for n in nums):
            return m.group(0)
        return ", ".join(m.group("head") + n for n in [m.group("first"), *nums])

    return _SIBLINGS_RE.sub(one, text)


#: "no longer depends on X", "not blocked by X", "none — no longer needs X": ids named to deny a dependency.
NEGATION_RE = re.compile(
    r"\b(?:no longer|not|never|doesn't|does not|don't|do not|isn't|is not)\s+(?:\w+\s+)?"
    r"(?:depends?|depending|dependent|blocked|needs?|requires?|waits?|waiting|covered|mitigated|addressed|handled)\b(?:\s+(?:on|by|for))?\s*(?P<refs>[^.;()]*)",
    re.I,
)
#: "B2 not required", "T4 is not needed": the ids before the denial are named to say no dependency on them.
NEGATED_AFTER_RE = re.compile(
    r"(?P<refs>(?:[A-Za-z]+-?\d[\w.-]*|\d+(?:\.\d+)+)(?:\s*(?:,|and|&)\s*(?:[A-Za-z]+-?\d[\w.-]*|\d+(?:\.\d+)+))*)"
    r"\s+(?:is\s+|are\s+)?not\s+(?:required|needed|a\s+(?:blocker|dependency|prerequisite))\b",
    re.I,
)
#: The words plans name a group of items with, in the plan languages read ("Fase 2", "vague 1", "Этап 3").
GROUP_NOUN = (
    r"(?:phase|stage|wave|sprint|milestone|step|batch|iteration|fase|etapa|étape|etape|vague|welle|stufe|etappe|этап"
    r"|фаза|волна|спринт|faza|etap)"
)
#: Their plurals, which only a range of groups uses ("Phases 1-5", "Fases 1-4 completadas") -> the singular.
_PLURALS = {
    "phases": "phase", "phasen": "phase", "stages": "stage", "waves": "wave", "sprints": "sprint",
    "milestones": "milestone", "steps": "step", "batches": "batch", "iterations": "iteration", "fases": "fase", "fasi": "fase", "etapas": "etapa",
    "étapes": "étape", "etapes": "étape", "vagues": "vague", "wellen": "welle", "stufen": "stufe", "etappen": "etappe",
    "этапы": "этап", "фазы": "фаза", "волны": "волна", "спринты": "спринт", "fazy": "faza", "etapy": "etap",
}  # fmt: skip
_RANGE_WORDS = r"(?:–|—|~|\.\.|\bto\b|\ba\b|à|\bbis\b|до)"
_GROUP_RANGE_RE = re.compile(
    r"(?<!\w)(?:(?P<noun>" + "|".join(_PLURALS) + r")\s+(?P<a>\d+)\s*(?:-|" + _RANGE_WORDS + r")\s*(?P<b>\d+)"
    # "Batch 1–3": a singular noun before a range, but not before a hyphen ("Step 8-11" is as often one step's id).
    r"|(?P<one>"
    + "|".join(sorted(set(_PLURALS.values()), key=len, reverse=True))
    + r")\s+(?P<a1>\d+)\s*"
    + _RANGE_WORDS
    + r"\s*(?P<b1>\d+))(?!\w)",
    re.I,
)
_GROUP_WORD_RE = re.compile(r"(?<!\w)(?:" + GROUP_NOUN[3:-1] + r"|week|iteration)\s+[A-Za-z0-9]+\b", re.I)


def expand_group_ranges(text: str) -> str:
    """``Fases 1-4`` (or ``Batch 1–3``) -> ``Fase 1, Fase 2, Fase 3, Fase 4``: a range of groups is each of them."""

    def one(m: re.Match[str]) -> str:
        a, b = int(m.group("a") or m.group("a1")), int(m.group("b") or m.group("b1"))
        if b < a or b - a > 50:
            return m.group(0)
        noun = _PLURALS[m.group("noun").lower()] if m.group("noun") else m.group("one").lower()
        return ", ".join(f"{noun} {n}" for n in range(a, b + 1))

    return _GROUP_RANGE_RE.sub(one, text)


_SPLIT = re.compile(r"\s*(?:[,;/&+|]|\band\b|\bor\b|\s)\s*", re.I)


_CJK_AFTER_ID = re.compile(r"(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")


def unglue(text: str) -> str:
    """``W01의 기준``, ``T3完了後``: part a CJK particle or word from the id it is written onto."""
    return _CJK_AFTER_ID.sub(" ", text)


#: ``3.*``, ``M2-*``, ``OPS-*``: every item whose id opens with the part before the star (resolved once every item is known,
#: in ``references.groups``); never the id ``3``.
WILDCARD_RE = re.compile(r"(?<![\w.*-])(?P<prefix>[A-Za-z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*[.-])\*(?![\w*])")

_PAREN_RE = re.compile(r"\(([^()]*)\)")
_OWN_ISSUE_RE = re.compile(r"(?<=[A-Za-z0-9])\s*\(#\d+\)")


def parse_refs(cell: str, *, loose: bool = True) -> Refs:
    """A dependency cell: ``none``/``-``/``—``/``N/A`` -> nothing; ``A, B``; ranges; leftover words kept.

    ``loose`` accepts any id-shaped token (``A1``, ``7``) as an id; otherwise only ids that are
    unmistakable in running text (``T-001``, ``1.2``).
    """
    text = unglue(plain(cell).strip())
    out = Refs()
    if text.lower().rstrip(".") in NONE_WORDS:
        return out

    def _range(m: re.Match[str]) -> str:
        a, b = m.group("a"), m.group("b")
        ids = expand_range(a, b)
        if ids is None:
            out.bad_ranges.append(m.group(0))
            return m.group(0)
        out.ranges.append(m.group(0))
        return " " + " ".join(ids) + " "

    def _negated(m: re.Match[str]) -> str:
        out.negated += [t for t in (tok.strip("()[]{}.,:;\"'`*") for tok in _SPLIT.split(m.group("refs"))) if is_id(t)]
        return " "

    text = NEGATION_RE.sub(_negated, text)
    text = NEGATED_AFTER_RE.sub(_negated, text)
    wildcards = [m.group(0) for m in WILDCARD_RE.finditer(text)]
    text = WILDCARD_RE.sub(" ", text)
    # "Phase 2", "Wave 1": a group, not the id "2"; kept in the words for ``references.groups`` to resolve.
    text = expand_group_ranges(text)
    groups = [m.group(0) for m in _GROUP_WORD_RE.finditer(text)]
    text = _GROUP_WORD_RE.sub(" ", text)
    text = _siblings(text)
    # "WP5a/b", "T3a/b/c": lettered siblings of one number, the letter after the slash standing for the whole id.
    text = _LETTER_SLASH_RE.sub(
        lambda m: " ".join(m.group("stem") + x for x in [m.group("first"), *m.group("more").split("/")[1:]]), text
    )
    text = _SLASH_RE.sub(
        lambda m: " ".join(
            m.group("head") + n.zfill(len(m.group("first")))
            for n in [m.group("first"), *m.group("more").split("/")[1:]]
        ),
        text,
    )

    def _hash_range(m: re.Match[str]) -> str:
        ids = expand_range(m.group("a"), m.group("b"))
        if ids is None:
            out.bad_ranges.append(m.group(0))
            return m.group(0)
        out.ranges.append(m.group(0))
        return " " + " ".join("#" + i for i in ids) + " "

    text = _HASH_RANGE_RE.sub(_hash_range, text)
    text = _DOTTED_RANGE_RE.sub(_range, text)
    text = _RANGE_RE.sub(_range, text)
    words: list[str] = []

    def _aside(m: re.Match[str]) -> str:
        # "M-3.1 (WebView2 infrastructure)": words in parentheses explain; unless all of them are ids.
        toks = [t.strip(".,:;\"'`*") for t in _SPLIT.split(m.group(1)) if t.strip(".,:;\"'`*")]
        if toks and all(is_id(t) and not NOT_IDS.match(t) for t in toks):
            return " " + m.group(1) + " "
        words.append(m.group(0))
        return " "

    # "T05 (#102)": the issue or pull request of the id before it, not a second dependency.
    text = _OWN_ISSUE_RE.sub(" ", text)
    text = _PAREN_RE.sub(_aside, text)
    for raw in _SPLIT.split(text):
        tok = raw.strip().strip("()[]{}.,:;\"'`*")
        if not tok:
            continue
        if (is_id(tok) if loose else looks_like_text_id(tok)) and not NOT_IDS.match(tok):
            if tok not in out.ids:
                out.ids.append(tok)
        else:
            words.append(raw.strip())
    out.rest = " ".join([*groups, *wildcards, *words]).strip()
    if out.negated and out.rest.lower().strip(" —–-:,") in NONE_WORDS | {"any more", "anymore", "any longer"}:
        out.rest = ""
    if out.rest.lower().rstrip(".") in NONE_WORDS:
        out.rest = ""
    return out


def board_ids_in(text: str, known: Container[str]) -> list[str]:
    """The ids of ``known`` items a phrase names: those ``ids_in_text`` finds, and short letter-and-number words it
    takes for something else (``P3``, a priority elsewhere) where the board has an item so named."""
    found = [i for i in ids_in_text(text) if i in known]
    return found + [w for w in re.findall(r"\b[A-Za-z]{1,3}\d+\b", plain(text)) if w in known and w not in found]


def ids_in_text(text: str) -> list[str]:
    """Unmistakable ids mentioned in running text, ranges expanded, in order, without repeats."""
    src = _siblings(plain(text))
    found: list[str] = []

    def _range(m: re.Match[str]) -> str:
        ids = expand_range(m.group("a"), m.group("b"))
        if ids and looks_like_text_id(m.group("a")):
            found.extend(ids)
            return " "
        return m.group(0)

    src = _DOTTED_RANGE_RE.sub(_range, src)
    src = _RANGE_RE.sub(_range, src)
    found += [m.group(0) for m in TEXT_ID_RE.finditer(src) if not NOT_IDS.match(m.group(0))]
    return list(dict.fromkeys(found))


def family_of(ids: Iterable[str], ref: str) -> list[str]:
    """The ids lettered or numbered after ``ref`` when it is none of them: ``WP1`` -> WP1a, WP1b; ``W2`` -> W2-1, W2-2
    (not W20, nor W2-1-3's own children)."""
    if not re.search(r"\d$", ref):
        return []
    low = ref.lower()
    return [i for i in ids if i.lower().startswith(low) and re.fullmatch(r"[a-z](?:[-_.].*)?|-\d+", i[len(ref) :])]


#: A step of an item written as the item's id and a sub-number: ``V74.99``, ``T-3.2``.
_STEP = re.compile(r"(?P<item>[A-Za-z][\w-]*\d)\.\d+")


def step_of(ref: str, known: Container[str]) -> str | None:
    """The item ``ref`` is a step of (``V74.99`` -> V74) when ``ref`` is no item and that item is ``known``."""
    m = _STEP.fullmatch(ref)
    return m.group("item") if m and ref not in known and m.group("item") in known else None


def id_tails(items: Collection[str], words: bool = False) -> dict[str, str]:
    """``A02`` -> ``SPARK-SRCH-A02``: the last part of each item id, when no other item id ends so and it is no id
    of its own; a plan names its items by that short form. Parts after a ``-``, of letters and digits; with
    ``words``, also a part in capitals after a ``.`` or ``-`` (``ACCESS`` for ``M0.ACCESS``), which only a cell of
    dependencies may use: in prose such a word is as likely a word."""
    seen: dict[str, list[str]] = {}
    for item_id in items:
        tail = item_id.rsplit("-", 1)[-1]
        if tail != item_id and len(tail) >= 2 and any(c.isdigit() for c in tail) and any(c.isalpha() for c in tail):
            seen.setdefault(tail, []).append(item_id)
        elif words and (m := re.search(r"[.-]([A-Z]{2,})$", item_id)) and any(c.isdigit() for c in item_id):
            seen.setdefault(m.group(1), []).append(item_id)
    return {t: ids[0] for t, ids in seen.items() if len(ids) == 1 and t not in items}


#: ``KM-1.2``, ``T1.2``: a word, then an outline number that is an item's whole id elsewhere in the plan.
_PREFIXED_NUMBER = re.compile(r"^[^\W\d_]+[-_]?(?P<num>\d+(?:\.\d+)+)$")


def prefixed_numbers(items: Collection[str], ids: list[str]) -> dict[str, str]:
    """``KM-1.2`` -> ``1.2``: ids a list gives that are items of the plan under a prefix (a milestone list "1.1"
    cited as "KM-1.1"), when two or more, three in four at least, of ``ids`` are; else an empty map."""
    found = {}
    for rid in ids:
        m = _PREFIXED_NUMBER.match(rid)
        if rid not in items and m and m.group("num") in items:
            found[rid] = m.group("num")
    return found if len(found) >= 2 and len(found) * 4 >= len(ids) * 3 else {}


#: The last part of an id a plan may cite alone: letters then digits (``t01`` of ``e009_s01_t01``, ``D01`` of
#: ``TASK-D01``), or a zero-padded number (``004`` of ``AESL-004``); a bare ``4`` is as likely a count or a list's own
#: number.
SHORT_FORM = re.compile(r"^(?:[A-Za-z]+\d+[A-Za-z]?|0\d{1,3})$")


def last_parts(items: Iterable[str]) -> dict[str, list[str]]:
    """The last part of each id (after ``-`` or ``_``), in capitals -> the ids ending so."""
    ends: dict[str, list[str]] = {}
    for item_id in items:
        parts = re.split(r"[-_]", item_id)
        if len(parts) > 1:
            ends.setdefault(parts[-1].upper(), []).append(item_id)
    return ends


def short_forms(items: Collection[str], ids: list[str]) -> dict[str, str]:
    """``t01`` -> ``e009_s01_t01``: ids a list gives that are no items but the last part (``SHORT_FORM``) of exactly
    one item's id, as an execution plan cites the tasks defined above it; when all of ``ids`` are (a list of one,
    under "Day 3"), or two or more and three in four at least; else an empty map."""
    ends = last_parts(items)
    found = {}
    for rid in ids:
        full = ends.get(rid.upper(), [])
        if rid not in items and SHORT_FORM.match(rid) and len(full) == 1:
            found[rid] = full[0]
    return found if len(found) == len(ids) or (len(found) >= 2 and len(found) * 4 >= len(ids) * 3) else {}
