"""The shapes of ids and of the words that are not ids: in a cell known to hold ids, and in running text; and the
short ways a plan cites its own ids (``t01`` for ``e009_s01_t01``, ``3.2`` for ``KM-3.2``). Lists, ranges and
negations of references are read in ``references.refs``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable

#: "01-01-02-BE-01": numbered parts (topic, phase, task), then a named part and its numbers.
NUMBERED_KEY = r"\d{1,3}(?:-\d{1,3})+-[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*"

#: An id in a cell known to hold ids: T-001, CODEX-P0-001, NEW-RISK-001, M-01, SEC-3, A1, FE-Task#001, 1.2, 2.7.1,
#: 6-1, 11-A (a step's tickets lettered), 1-A-3 (phase, track, number), 1A.4 (stage 1, track A), 7, 01-01-02-BE-01.

ID_RE = re.compile(
    r"^(?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?:#\d+)?|\d+[A-Za-z]?(?:\.\d+)+[a-z]?|\d{1,3}(?:-(?:\d{1,3}|[A-Z]))*"
    r"|\d+|#\d+"
    # "6a-1": the first story of epic 6a, a lettered number and the item's number under it.
    r"|\d{1,3}[a-z]-\d{1,3}"
    # "26Q3-HARN-13": a key opening with a quarter or a year, in capitals, then named parts.
    r"|\d+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+"
    rf"|{NUMBERED_KEY})$"
)


#: An id found in running text: hyphenated with a digit (T-001, R-1, CODEX-P1-006, S2-T1),
#: or dotted numbers (1.2, 2.7.1, 1A.4).
TEXT_ID_RE = re.compile(
    r"(?<![\w./&-])(?:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]*\d+[A-Z0-9]*(?:-[A-Z0-9]+)*(?:\.\d+)*|\d+[A-Z]?(?:\.\d+)+[a-z]?|#\d+"
    # "E1.F2.S3": a work breakdown's epic, feature and story.
    r"|[A-Z]{1,4}\d+(?:\.[A-Z]{1,4}\d+)+)"
    r"(?![\w/]|\.\d)"
)


#: ``01-design-tokens``: a row named by a number and a slug, as a folder or file of specs is; the number alone
#: ("01") is how the plan cites it.
NUMBERED_SLUG = re.compile(r"^(?P<num>\d{1,3})-[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")


#: A date written day first, as much of Europe does: ``06.12.2025``, ``14/01/2026``.
DAY_FIRST_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{4}"

#: A word shortened to its ends and the count of letters between, in lower case: ``i18n``, ``a11y``, ``k8s``, ``e2e``
#: (``### i18n - Irish Language`` names a topic, not a ticket); or two letters either side of a 2 that reads "to":
#: ``B2B``, ``P2P``, ``D2C`` (``- [ ] **B2B Platform**`` names a product, not ticket B2B).
NUMERONYM = re.compile(r"(?-i:[a-z]\d{1,2}[a-z]{1,2}|[A-Z]2[A-Z])")

#: Words that look like ids but are not (priorities, quarters, weeks, versions, dates; "Post-1.0", "Pre-v2": before
#: or after a release; numeronyms).
NOT_IDS = re.compile(
    rf"^(?:P[0-9]|Q[1-4]|H[12]|W\d{{1,2}}|V\d+(?:\.\d+)*|\d{{4}}(?:-\d\d){{0,2}}|\d{{4}}-W\d\d|{DAY_FIRST_DATE}|"
    rf"(?:pre|post)-v?\d+(?:\.\d+)*|{NUMERONYM.pattern}|"
    # "T-30min", "T+1h", "D-7days": a countdown to the cutover, not an id.
    r"[TD][-+]\d+\s?(?:min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?))$",
    re.I,
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
#: A key in a namespace: capitals, a colon or a hash, then a key (``ROADMAP:S001``, ``ROADMAP:MONITORING``,
#: ``MUI#H001``).
NAMESPACED_ID_RE = re.compile(r"^[A-Z][A-Z0-9_]*[:#][A-Z0-9][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*$")


#: A standard's name and number joined to a word in a compound (``AES-256-Verschluesselung``, ``SHA-256-Hash``): a
#: term of the text, not an id.
_TERM_COMPOUND = re.compile(r"(?-i:[A-Z]{2,6}-\d{2,5}(?:-[A-Z][a-z]{2,}[\w-]*)+)")


def is_id(text: str) -> bool:
    t = text.strip()
    return (
        bool(t)
        and len(t) <= 40
        and bool(ID_RE.match(t))
        and any(c.isdigit() for c in t)
        and not NUMERONYM.fullmatch(t)
        and not _TERM_COMPOUND.fullmatch(t)
    )


def looks_like_text_id(text: str) -> bool:
    t = text.strip()
    m = TEXT_ID_RE.fullmatch(t)
    return bool(m) and not NOT_IDS.match(t)


#: Ids that name risks rather than tasks: R1, R-3, RSK-2, RISK-7, NEW-RISK-001.
RISK_ID_RE = re.compile(r"^(?:R\d|R-|RSK|RISK|NEW-RISK)", re.I)

_NUM_TAIL = re.compile(r"^(.*?)(\d+)$")


#: A task numbered as a whole under its outline number: ``07.0``, ``3.0.0``, ``T-12.0``.
_TOP_LEVEL = re.compile(r"^(?P<pre>\D*?)(?P<n>\d+)(?P<zeros>(?:\.0)+)$")


def _top_level_range(start: str, end: str, limit: int) -> list[str] | None:
    """``07.0–12.0``: the whole tasks 07.0, 08.0 … 12.0 (their numbers before the zeros counted, the width kept);
    None when the ends are not such tasks of one kind."""
    ms, me = _TOP_LEVEL.match(start), _TOP_LEVEL.match(end)
    if not ms or not me or ms.group("pre") != me.group("pre") or ms.group("zeros") != me.group("zeros"):
        return None
    a, b = int(ms.group("n")), int(me.group("n"))
    if b <= a or b - a > limit:
        return None
    width = len(ms.group("n")) if ms.group("n").startswith("0") else 0
    return [f"{ms.group('pre')}{n:0{width}d}{ms.group('zeros')}" for n in range(a, b + 1)]


def expand_range(start: str, end: str, limit: int = 500) -> list[str] | None:
    """``CODEX-P1-001..005`` / ``SEC-3..SEC-5`` / ``1.1..1.4`` -> every id; None when it is no range."""
    if (tops := _top_level_range(start, end, limit)) is not None:
        return tops
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


def id_shape(rid: str) -> str:
    """An id with its numbers as ``0``: ``T18`` and ``T19`` are of one shape, ``v2`` and ``F1`` of others."""
    return re.sub(r"\d+", "0", rid)


def id_kind(item_id: str) -> str:
    """What stands before an id's first digit, the kind of item it names: ``T-`` of ``T-3``, ``SEC-`` of ``SEC-4``."""
    return re.sub(r"\d.*$", "", item_id)


def others_of_kind(ids: Iterable[str], one: str) -> list[str]:
    """The ids of ``ids`` other than ``one`` that name its kind of item (``id_kind``): what "last" or "all the
    other phases" set ``one`` against."""
    kind = id_kind(one)
    return [i for i in ids if i != one and id_kind(i) == kind]


def slug_of(ids: Iterable[str], ref: str) -> str | None:
    """The one id of ``ids`` that is ``ref`` and then words (``feature-1`` -> ``feature-1-final-parity``, ``TASK-011``
    -> ``TASK-011-BE``); None if not exactly one, or when ``ref`` has no number (a word alone begins too many slugs)."""
    if not any(c.isdigit() for c in ref):
        return None
    head = ref.upper() + "-"
    found = [k for k in ids if k.upper().startswith(head) and k[len(head) : len(head) + 1].isalpha()]
    return found[0] if len(found) == 1 else None


def family_of(ids: Iterable[str], ref: str) -> list[str]:
    """The ids lettered, numbered or named after ``ref`` when it is none of them: ``WP1`` -> WP1a, WP1b; ``W2`` -> W2-1,
    W2-2 (not W20, nor W2-1-3's own children); ``M0`` -> M0.ACCESS, M0.DB."""
    if not re.search(r"\d$", ref):
        return []
    low = ref.lower()
    # "E10.F1" over E10.F1.S1 and E10.F1.S2: a work breakdown's feature, its stories numbered under it.
    tail = r"[a-z](?:[-_.].*)?|-\d+" + (r"|\.[A-Za-z]{1,4}\d+" if re.search(r"[A-Za-z]\d*\.[A-Za-z]", ref) else "")
    # "M0" over M0.ACCESS, M0.BASELINE …: a milestone's tasks named by words after its code.
    tail += r"|\.[A-Z][A-Z0-9_]*"
    return [i for i in ids if i.lower().startswith(low) and re.fullmatch(tail, i[len(ref) :])]


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


# Ids made for items the plan leaves without one, and how a run of them is reported.
def title_initials(title: str) -> str:
    words = [
        w
        for w in re.split(r"[^A-Za-z0-9]+", title)
        if w and not w.isdigit() and w.lower() not in ("the", "and", "of", "for", "a", "to")
    ]
    return "".join(w[0].upper() for w in words[:3]) or "C"


def id_span(ids: list[str]) -> str:
    if not ids:
        return "(none)"
    return ids[0] if len(ids) == 1 else f"{ids[0]} .. {ids[-1]}"
