"""How a list entry names itself: an id set off in bold or code at its start (``**S1** Index schema``), closing its
words (``Set up CI (T-4)``, ``— GitHub #84``) or run into them (``T019 Add``), a slug in brackets, and the state it
opens with (a mark, a labelled mark, a strike closed by its state)."""

from __future__ import annotations

import re
from collections import Counter

from readiness_tui.core.importers.document.blocks import ListBlock, plain
from readiness_tui.core.importers.references.ids import NOT_IDS, NUMBERED_KEY
from readiness_tui.core.importers.sections.patterns import leading_id
from readiness_tui.core.importers.vocabulary.priorities import parse_priority
from readiness_tui.core.importers.vocabulary.statuses import MARK, parse_status

#: ``**S1** Index schema``, ``**05** — Rotate keys``, `` `T7` Fix``: an id set off in bold or code at the start of
#: an entry. Set off like this, short ids (S1, 05) are ids; bare, "S3 bucket policy" or "5 use cases" are words.
_MARKED_ID_RE = re.compile(
    rf"^(?:\*\*|__|`)(?P<id>{NUMBERED_KEY}|#?\d+(?:\.\d+)*|[A-Za-z]{{1,4}}\d+[A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)"
    # "`i32`, etc (integral)": a comma after the code makes it one of a list of names, not an id.
    r"(?P<colon>:?)(?:\*\*|__|`)\s*(?:(?::|—|–|\||\s-\s|-)\s*)?(?P<title>[^\s,].*)$"
)


#: ``**M0 Repo skeleton.** Deps: none``: the id and the title in one bold span (the id a short code).
_BOLD_ID_TITLE_RE = re.compile(
    r"^\*\*(?P<id>[A-Za-z]{1,4}\d+[A-Za-z0-9]*|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)\s+(?:[—–-]\s+)?(?P<title>[^*]+?)[.:]?\*\*"
    r"\s*(?P<rest>.*)$"
)


def marked_id(text_md: str) -> tuple[str, str, str | None] | None:
    """(id, rest, None) of an entry whose Markdown opens with an id in bold or code (see ``_MARKED_ID_RE``),
    or with an id and its title in one bold span (the rest after the title follows it, for its fields)."""
    m = _MARKED_ID_RE.match(text_md.strip())
    # "`helix-sprint` gets a hook": words in kebab case with no digit name a command or a file, not an item.
    kebab = m is not None and not any(c.isdigit() for c in m.group("id")) and m.group("id") != m.group("id").upper()
    if m and not kebab and not (NOT_IDS.match(m.group("id").lstrip("#")) and not m.group("id").isdigit()):
        return m.group("id"), m.group("title"), None
    b = _BOLD_ID_TITLE_RE.match(text_md.strip())
    if b and not NOT_IDS.match(b.group("id")) and any(c.isdigit() for c in b.group("id")):
        # A stop ends the title where nothing else does ("Deps: none" after it); a dash or a colon already does.
        stop = " " if re.match(r"[—–|:·-]", b.group("rest")) else ". "
        return b.group("id"), f"{b.group('title')}{stop}{b.group('rest')}".strip(" ."), None
    return None


def bold_span_id(text_md: str) -> str | None:
    """The id ``marked_id`` reads from one bold span of a code and words (``**M0 Repo skeleton.**``), else None:
    read so, a code is an id only as a numbering across its list (``**ARM64 Test Kernel**`` names a platform)."""
    if _MARKED_ID_RE.match(text_md.strip()):
        return None
    found = marked_id(text_md)
    return found[0] if found else None


#: A state mark opening an entry: ``✅ Crear archivos base``.
LEAD_MARK_RE = re.compile(rf"^\s*(?P<mark>{MARK})\s*")
#: Where an entry drawn as a state mark holds the next: a middle dot before a mark ("… (bloom) · ⬜ [P3] grain").
JOINED_MARKS = re.compile(rf"\s+·\s+(?=\s*(?:{MARK}))")


#: The state word a mark's label repeats before the words: ``✅ COMPLETED: Fixed the harness``.
_REPEATED_STATE = re.compile(r"^(?P<word>[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*:\s*(?=\S)")


#: A label in bold holding a state mark, opening an entry: ``**Built ✅** CloudFront CDN``, ``**Owed ⬜** Load test``.
_LABELLED_MARK = re.compile(rf"^\s*\*\*(?P<label>[^\W\d_]+)\s*(?P<mark>{MARK})\s*\*\*\s*(?=\S)")


def labelled_mark(text_md: str) -> tuple[str, str] | None:
    """The state of an entry opening with a label in bold that holds a state mark, and its words after the label
    (``**Built ✅** CloudFront CDN`` -> done; ``**Owed ⬜** Load test`` -> todo); None otherwise. Only in bold: "Search ✅
    fast" names a feature and says it is done."""
    m = _LABELLED_MARK.match(text_md)
    state = parse_status(m["mark"]) if m else None
    if m is None or state is None:
        return None
    return state, plain(text_md[m.end() :], keep_code=True).strip()


#: An entry struck through and closed by its state: ``~~Fix the back button~~ ✓ **DONE** - Added the link``.
_STRUCK_CLOSED = re.compile(r"^\s*~~(?P<title>(?:(?!~~).)+)~~\s*(?P<state>[^\s(—–-][^(—–-]*?)\s*(?P<rest>[(—–-].*)?$")


def struck_closed(text: str) -> tuple[str, str, str] | None:
    """The state a struck-through entry closes with, its struck words and what follows (``~~Fix the button~~ ✓
    **DONE** - Added the link`` -> done, "Fix the button", "Added the link"); None when it is not so written."""
    m = _STRUCK_CLOSED.match(text)
    state = parse_status(m.group("state").replace("*", "")) if m else None
    if m is None or state is None:
        return None
    return state, m.group("title").strip(), (m.group("rest") or "").lstrip("—–- ").strip()


def struck_list(lst: ListBlock) -> bool:
    """Whether every entry of a list is struck through and closed by its state (``struck_closed``): work ticked off."""
    return all(it.box is None and struck_closed(plain(it.text)) for it in lst.items)


def opening_mark(text: str) -> tuple[str, str] | None:
    """The state a mark opening ``text`` says, and the words after it (``✅ Crear archivos base`` -> done, "Crear
    archivos base"; ``✅ COMPLETED: Fixed the harness`` -> done, "Fixed the harness"), or an entry struck through
    closes with (``struck_closed``); None when no state mark opens it ("📌 Notes", "Done")."""
    if text.lstrip().startswith("~~"):
        struck = struck_closed(text)
        return (struck[0], f"{struck[1]} - {struck[2]}" if struck[2] else struck[1]) if struck else None
    lead = LEAD_MARK_RE.match(text)
    state = parse_status(lead.group("mark")) if lead else None
    if not lead or not state:
        return None
    rest = text[lead.end() :].strip()
    said = _REPEATED_STATE.match(rest)
    if said and parse_status(said.group("word")) == state:
        rest = rest[said.end() :]
    return state, rest


def entry_id(text_md: str, plain_text: str) -> tuple[str, str, str | None] | None:
    """The id an entry opens with: marked (bold/code) or unmistakable (``T-1: x``), after a mark of its state
    maybe (``✅ T008: x``); None otherwise."""
    found = marked_id(text_md) or leading_id(plain_text)
    if not found and (mark := opening_mark(plain_text)):
        found = leading_id(mark[1])
    if found and not marked_id(text_md) and _COMMAND_SPAN_RE.match(text_md.lstrip("*")):
        return None  # "`ec2-cli config init` - x": a command in a code span, not an id
    if found and _CODE_NAME_RE.match(text_md.strip()):
        return None  # "`top1_rc_asset`: { ticker, … }": a field or variable of the code, not an id
    return found


#: An entry opening with a code span of several words (a command line).
_COMMAND_SPAN_RE = re.compile(r"^`[^`\s]+\s[^`]*`")
#: An entry opening with a name in snake case in a code span.
_CODE_NAME_RE = re.compile(r"^`[a-z][a-z0-9]*(?:_[a-z0-9]+)+`")


#: An id closing an entry in parentheses: ``Fix the ko build path (C5)``, ``Pin Kind (M9)``, ``x (SEC-2)``.
_TRAILING_ID_RE = re.compile(r"^(?P<title>.*\S)\s+\((?P<id>[A-Z]{1,4}-?\d{1,4})\)$")


#: An id closing an entry's label in parentheses: ``Security (N01): All traffic is encrypted… (Priority: High)``.
_LABEL_ID_RE = re.compile(
    r"^(?P<title>[^():]{0,60}[^\s():])\s+\((?P<id>[A-Z]{1,4}-?\d{1,4})\)\s*[:：]\s*(?P<rest>\S.*)$"
)


#: The issue a list entry closes on, after a dash: "Fix cohort list display — GitHub #102", "x — Issue #9".
_ISSUE_TAIL_RE = re.compile(r"^(?P<title>.*\S)\s+[—–-]\s+(?:github|gitlab|issue|ticket|pr)\s+(?P<id>#\d{1,6})$", re.I)


#: A hash id of letters and a number closing an entry: ``Auto-checkpoint: implement the PreCompact hook #T2``.
_HASH_TAIL_RE = re.compile(r"^(?P<title>.*\S)\s+#(?P<id>[A-Z]{1,4}\d{1,5})$")


def trailing_id(plain_text: str) -> tuple[str, str, str | None] | None:
    """(id, rest, None) of an entry that ends with an id in parentheses, or with the issue it is ("— GitHub #84"),
    or with a hash id of letters and a number (``#T2``: the id T2), or whose label before a colon does; priorities
    and quarters are not ids."""
    if m := _ISSUE_TAIL_RE.match(plain_text.strip()) or _HASH_TAIL_RE.match(plain_text.strip()):
        return m.group("id"), m.group("title"), None
    m = _TRAILING_ID_RE.match(plain_text.strip())
    if m and not NOT_IDS.match(m.group("id")):
        return m.group("id"), m.group("title"), None
    m = _LABEL_ID_RE.match(plain_text.strip())
    if m and not NOT_IDS.match(m.group("id")):
        return m.group("id"), f"{m.group('title')}. {m.group('rest')}", None
    return None


def trailing_ids(texts: list[str]) -> list[tuple[str, str, str | None] | None]:
    """Each entry's closing id, where the list gives them as a rule: two entries or more, no id twice. One closing
    ``(C1)`` alone could be a reference in passing; a run of them is how the list names its entries."""
    found = [trailing_id(t) for t in texts]
    ids = [f[0] for f in found if f]
    # "- [x] Auto-checkpoint … #T2" alone under "### Done": a hash id of letters names its entry, as a run does.
    hashed = len(ids) == len(texts) == 1 and _HASH_TAIL_RE.match(texts[0].strip()) is not None
    if (len(ids) < 2 and not hashed) or len(set(ids)) != len(ids):
        return [None] * len(texts)
    return found


#: An entry opening with a short capital prefix and a number, no separator: ``M0 Repository shell``, ``T12 Export``.
_RUN_ID_RE = re.compile(
    r"^\**`?(?P<id>(?P<prefix>[A-Z]{1,3})\d{1,4}[A-Za-z]?)`?\**\s+(?P<title>(?:[^\W\d_]|[`*\[(]).*)$"
)


def run_ids(texts: list[str]) -> list[tuple[str, str, str | None] | None]:
    """Each entry's opening id, where the list gives them as a rule: ``M0 x``, ``M1 y`` .. with one prefix (or up to
    three where every entry opens with one), no id twice, on at least two entries and most of the list. One ``S3
    bucket`` alone is a word; a run is a numbering."""
    found = [_RUN_ID_RE.match(t.strip()) for t in texts]
    hits = [m for m in found if m and not NOT_IDS.match(m.group("id"))]
    ids = [m.group("id") for m in hits]
    if len(ids) < 2 or len(ids) * 2 <= len(texts) or len(set(ids)) != len(ids):
        return [None] * len(texts)
    prefixes = Counter(m.group("prefix") for m in hits)
    # "E1 x", "E2 y", "C2 z": two series side by side, where every entry opens with its id and one series runs.
    mixed = len(hits) == len(texts) >= 3 and max(prefixes.values()) >= 2 and len(prefixes) <= 3
    if len(prefixes) != 1 and not mixed:
        return [None] * len(texts)
    return [(m.group("id"), m.group("title"), None) if m and m in hits else None for m in found]


#: An entry that is one slug opening with an id of capitals and a number: ``A-6-plan-12-week``, ``WEB-12-login``.
ID_SLUG = re.compile(r"^(?P<id>[A-Z]{1,6}-\d{1,5})-(?P<title>[a-z0-9]+(?:-[a-z0-9]+)*)$")


def id_slugs(texts: list[str], in_plan: int) -> list[tuple[str, str, str | None] | None]:
    """Each entry's id and the slug after it (``A-6-plan-12-week``: A-6, "plan-12-week"), where every entry of the list
    is such a slug and the plan writes ``in_plan`` of them, three or more (a board's cards named by their files);
    a lower-case slug (``task-1-final-contract-suite``) stays whole."""
    found = [ID_SLUG.match(t.strip()) for t in texts]
    if in_plan < 3 or not texts or not all(found):
        return [None] * len(texts)
    return [(m.group("id"), m.group("title"), None) if m else None for m in found]


#: An entry opening with a slug in brackets: ``[rpc-ouvertes] Fermer les fonctions``.
_BRACKET_SLUG = re.compile(r"^\[(?P<id>[a-z0-9]+(?:-[a-z0-9]+)+)\]\s*(?P<title>.*)$")


def bracket_slugs(texts: list[str]) -> list[tuple[str, str, str | None] | None]:
    """Each entry's slug in brackets and its words, where every entry (two or more) opens with a slug of its own
    (``[rpc-ouvertes] x``, ``[natif-photos] y``): the list names its work so. One tagged entry (``[draft] x``) names
    nothing, nor a tag saying a state or a priority (``[in-progress]``, ``[high-priority]``)."""
    found = [_BRACKET_SLUG.match(t.strip()) for t in texts]
    ids = [m.group("id") for m in found if m]
    if len(texts) < 2 or len(ids) != len(texts) or len(set(ids)) != len(ids):
        return [None] * len(texts)
    if any(parse_status(i.replace("-", " ")) or parse_priority(i.replace("-", " "))[0] for i in ids):
        return [None] * len(texts)
    return [(m.group("id"), m.group("title"), None) if m else None for m in found]
