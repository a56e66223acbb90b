"""Who an owner cell names: the first named is the owner, the others are contributors.

A cell names several when its names are joined by a comma (``Ana, Luis``; also ``;``, ``、``, ``，``) or by ``+`` or
``&`` with spaces around (``QA + Dev``, ``Ana & Luis``): written tight, ``R&D`` and ``INT+RULE`` are one name.

A slash joins parties as a comma does (``Legal / DPO``, ``QA/DevOps``, ``O. Burchardt/K. Weber``): the first named
owns the item, the others contribute, nothing is lost. Written tight, it splits only between words of two characters
or more that open with a letter (``N/A`` stays whole). In a cell that parts its names with commas or ``+``
(``QA/SDET + Backend``), the slash is part of a name, as it is in a team's handle (``@org/ops-team``). "and" joins department names (``Research and Development``)
as often as people, so it splits only between full names.

``mention_owner``: who an ``@`` mention in an entry's words names (a person, a team closing the entry), not a package.
"""

from __future__ import annotations

import re
import unicodedata

#: Words of roles and teams, not of people's names (lower case).
_ROLE_WORDS = frozenset(
    {"lead", "leads", "team", "teams", "eng", "engineer", "engineers", "engineering", "backend", "frontend",
     "fullstack", "qa", "dev", "devs", "developer", "developers", "devops", "ops", "operations", "sre", "security",
     "secops", "legal", "it", "product", "pm", "po", "design", "designer", "ux", "ui", "data", "platform", "infra",
     "infrastructure", "runtime", "support", "marketing", "sales", "finance", "hr", "admin", "release", "manager",
     "owner", "architect", "tester", "analyst", "tech", "mobile", "web", "ios", "android", "ml", "ai", "head",
     "director", "vp", "office", "management", "risk", "compliance", "research", "development", "user", "users",
     "customer", "client", "vendor", "procurement", "cto", "ceo", "ciso", "dpo", "board", "committee", "group",
     # A game team's disciplines: "## Prototype (Programming)", "## UI (Art)", "## Level (Game Design)".
     "programming", "programmer", "programmers", "art", "artist", "artists", "game", "audio", "animation",
     "animator", "animators", "writer", "writers"}
)  # fmt: skip


def names_a_person(text: str) -> bool:
    """Whether ``text`` reads as a person's name (``Alice``, ``Ana Lopez``, ``@ana``): see ``_name_like``."""
    return _name_like(text, full=False)


def names_a_role(text: str) -> bool:
    """Whether ``text`` names a role or a team, not a person nor a thing: its words (three at most) are words of roles,
    maybe numbered (``Dev 1``, ``QA``, ``Backend Team``)."""
    words = text.split()
    return (
        0 < len(words) <= 3 and all(w.isdigit() or w.lower() in _ROLE_WORDS for w in words) and not words[0].isdigit()
    )


#: Commas, and ``+``/``&`` with spaces around: always between names.
_LIST_SEP = re.compile(r"\s*[,;、，]\s*|\s+[+&]\s+")
#: A name's word: ``Stefan``, ``Burchardt``, ``O.``, ``Müller-Lüdenscheidt``.
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_]*(?:-[^\W\d_]+)*)$")


def _name_like(text: str, full: bool) -> bool:
    """Whether ``text`` reads as a person's name: an ``@handle``, or capitalised words (``O.`` initials allowed) of
    which none is a role or an acronym; ``full`` asks for two words or more (``Ana Lopez``, ``O. Burchardt``)."""
    text = text.strip()
    if re.fullmatch(r"@[\w.-]+", text):
        return True
    words = text.split()
    if not 1 + full <= len(words) <= 3:
        return False
    for w in words:
        if not _NAME_WORD.match(w) or not w[0].isupper() or w.rstrip(".").lower() in _ROLE_WORDS:
            return False
        if len(w) > 1 and not w.endswith(".") and not w[1:].replace("-", "").islower():
            return False  # QA, IT, DevOps: acronyms and camel-cased team names
    return True


def _split_part(part: str, slash: bool) -> list[str]:
    spaced = re.split(r"\s+/\s+", part) if slash else [part]
    if len(spaced) > 1:
        return spaced
    if re.fullmatch(r"@[\w.-]+/[\w.-]+", part):
        return [part]  # "@org/ops-team": a GitHub team's handle, one name
    tight = re.split(r"(?<=\S)/(?=\S)", part)
    if slash and len(tight) > 1 and all(re.match(r"^(?:@|[^\W\d_]).", side) for side in tight):
        return tight
    sides = re.split(r"\s+and\s+", part)
    if len(sides) > 1 and all(_name_like(s, full=True) for s in sides):
        return sides
    return [part]


#: ``[agent]`` opening an owner cell: a bracket tag naming who does the row.
_LEAD_TAG = re.compile(r"^\[(?P<who>[A-Za-z][\w .-]{0,30})\](?!\()")


#: "Federico — @Frederick1824": a name, then the same person's handle.
_NAME_THEN_HANDLE = re.compile(r"^(?P<name>[^@,;/+]+?)\s+[—–-]\s+@[\w.-]+$")


def split_owner(text: str) -> tuple[str, list[str]]:
    """(owner, contributors) of an owner cell: ``"O. Burchardt / IT"`` -> ``("O. Burchardt", ["IT"])``,
    ``"QA/Release"`` -> ``("QA", ["Release"])`` (the rules are in the module doc). Brackets are never split."""
    text = " ".join(text.split())
    if handle := _NAME_THEN_HANDLE.match(text):
        return handle.group("name"), []
    # "[agent] DONE: code; [owner] rollout remains": a plan's legend of bracket tags names who; the first tag owns
    # the row, the rest of the cell is what each does.
    tag = _LEAD_TAG.match(text)
    if tag:
        return tag.group("who").strip(), []
    # "Workspace Steward or Manual": either may do it; the first named owns it, the other is no contributor.
    either = re.split(r"\s+or\s+", text, maxsplit=1)
    if len(either) == 2 and all(either):
        text = either[0]
    # Separators inside brackets ("Daniel (zona C, D)") belong to the aside: mask them while splitting.
    masked = re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group(0)), text)
    names: list[str] = []
    start = 0
    for m in _LIST_SEP.finditer(masked):
        names.append(text[start : m.start()])
        start = m.end()
    names.append(text[start:])
    # "QA/SDET + Backend": a cell that parts its names with "+" or "," writes one party's name with the slash.
    parts = [p for name in names for p in _split_part(name.strip(), slash=len(names) == 1) if p.strip()]
    if not parts:
        return text, []
    # "Agent Team (Bull+Bear+Builder)", "Daniel (zona C, D)": the aside says more about them; the name is before it.
    owner = re.sub(r"\s*\([^()]*\)$", "", parts[0].strip()) or parts[0].strip()
    return _no_emoji(owner), [_no_emoji(p.strip()) for p in parts[1:]]


def _no_emoji(name: str) -> str:
    """``Nyx 🌙``: a name without the emoji that decorates it (symbols only, never letters, digits or signs)."""
    end = len(name)
    while end and (unicodedata.category(name[end - 1]) in ("So", "Sk", "Cf", "Mn") or name[end - 1] == " "):
        end -= 1
    return name[:end] or name


#: An entry closing with names in brackets: "Domänenmodell (Timo)", "Stakeholderanalyse (Timo & Raziel)".
#: Who does it among names closing an entry: a list (``_LIST_SEP``) or a choice of two ("Nathan or Michael").
_CHOICE_SEP = re.compile(rf"{_LIST_SEP.pattern}|\s+or\s+")
_TRAILING_NAMES = re.compile(r"^(?P<rest>.*\S)\s*\((?P<who>[^()]{1,60})\)\s*$")


def trailing_names(texts: list[str]) -> list[tuple[str, str] | None]:
    """Each entry's (rest, names) where the list closes its entries with who does them, as a rule: at least two
    entries and half of the list close with names in brackets, and a name recurs. One "(Kafka)" is an aside."""
    found: list[tuple[str, str] | None] = []
    for text in texts:
        m = _TRAILING_NAMES.match(text.strip())
        # "(Nathan or Michael)": either of two, each a name; the pair stays as written.
        parts = [p.strip() for p in _CHOICE_SEP.split(m.group("who"))] if m else []
        ok = m is not None and all(_name_like(p, full=False) for p in parts)
        found.append((m.group("rest"), m.group("who").strip()) if m and ok else None)
    named = [f for f in found if f]
    seen = [p.strip() for f in named for p in _LIST_SEP.split(f[1])]
    if len(named) < 2 or len(named) * 2 < len(texts) or len(set(seen)) == len(seen):
        return [None] * len(texts)
    return found


#: A scoped name, ``@shop/sre`` or ``@slack/web-api``, and what follows it.
_SCOPED_RE = re.compile(r"/[\w.-]+(?P<rest>.*)$")
#: A word before a scoped name that makes it a package: "use", "via", "install", "upgrade", "the".
_PACKAGE_WORD_RE = re.compile(
    r"\b(?:use|using|uses|via|with|from|install(?:ing)?|add(?:ing)?|import(?:ing)?|upgrade|bump|replace|migrate|"
    r"of|the|package|library|lib|sdk|npm|yarn|pnpm)\W*$",
    re.I,
)


def mention_owner(title: str, mention: re.Match[str]) -> dict[str, str]:
    """The owner an ``@`` mention in a title names: ``@ana``, or a team ``@shop/sre`` closing the title. A scoped
    name with words after it ("Use @slack/web-api for alerts") or a word that names it one before it ("via
    @slack/web-api") is a package, not who does the work."""
    scoped = _SCOPED_RE.match(title, mention.end())
    if scoped is None:
        return {"owner": "@" + mention.group(1)}
    if scoped.group("rest").strip(" )].,;") or _PACKAGE_WORD_RE.search(title[: mention.start()]):
        return {}
    return {"owner": title[mention.start() : scoped.start("rest")]}
