"""Where an item's title ends, and how alike two titles are: the words after a title that describe the work (its
file's details, a count of its parts done, what the recipe says), the pictographs that decorate it, a weak title a
better one replaces, and the words by which a title names its work."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.document.blocks import PICTOGRAPHS, plain
from readiness_tui.core.importers.guided.titles import keeps_in_title, recipe_title
from readiness_tui.core.importers.vocabulary.statuses import exact_status


def weak_title(title: str, item_id: str) -> bool:
    """Whether a title names nothing: the item's id again, or a code of a few letters ("be", "FS", "M")."""
    t = title.strip()
    return t == item_id or (len(t) <= 3 and " " not in t)


def take_better_title(values: dict[str, Any], title: str, item_id: str) -> bool:
    """Replace a weak title in an item's ``values`` by ``title`` when that one names the item (the first is kept
    in custom, ``title_first``); whether it did. "be" from "F24(be)" in an ownership table gives way to the
    feature's name in the backlog."""
    if not weak_title(str(values.get("title", "")), item_id) or weak_title(title, item_id):
        return False
    values.setdefault("custom", {}).setdefault("title_first", values["title"])
    values["title"] = title
    return True


#: A title that names the file the work is in, then says in brackets what the file holds or where that is said:
#: ``Implement config models in src/config.py (LimitConfig, TierConfig per data-model.md)`` (spec-kit's tasks).
_FILE_DETAILS = re.compile(
    r"\s(?:[\w.~-]+/)*[\w~-]+(?:\.[A-Za-z]{1,5}|/)\s\((?P<said>[^()]*(?:[,:]|\bper\s+\S+\.md\b)[^()]*)\)\.?$"
)


#: A count of work done closing a title: "Foundation (3/3 plans)", "Triage (1/3 plans, INSERTED)": how far it got.
#: (Not "(3/6/9 min)", not "(2025/2026/Custom)": one count of a whole.)
_PROGRESS = re.compile(r"\s*\((?P<said>(?P<n>\d{1,3})\s*/\s*(?P<m>\d{1,3})(?:\s+[^\W\d]+)?(?:,\s*[^()/]*)?)\)\.?$")


#: Commits closing a title, bare or in brackets: "Migrate Gson to kotlinx.serialization 373fac58...8e6b5b12", "Fix
#: the race (a1b2c3d)". A commit name is hex with a digit and a letter ("1048576" is a number, "facade" a word).
_HASH = r"(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}"
_COMMITS = re.compile(rf"(?:\s+\(?`?{_HASH}(?:\.{{2,3}}{_HASH})?`?\)?)+\.?$")


def title_and_said(title: str) -> tuple[str, str]:
    """``(title, said)``: where an item's title ends, and what follows it that describes the work ("" when nothing
    does). The work is named up to its file (``_FILE_DETAILS``, unless the recipe keeps a file's details in the
    title), up to a count of its parts done (``_PROGRESS``), up to the commits that did it (``_COMMITS``), or where
    the recipe says titles end (``recipe_title``)."""
    commits = _COMMITS.search(title)
    if commits and commits.start() > 0:
        named, said = title_and_said(title[: commits.start()])
        return named, "\n".join(p for p in (said, commits.group(0).strip()) if p)
    details = _FILE_DETAILS.search(title)
    if details and not keeps_in_title("asides"):
        return title[: details.start("said") - 1].rstrip(), details.group("said").strip()
    progress = _PROGRESS.search(title)
    if progress is None or progress.start() == 0 or int(progress["n"]) > int(progress["m"]):
        return recipe_title(title)  # "(3/3)" alone names nothing else; "(5/3)" counts no part of a whole
    named, said = recipe_title(title[: progress.start()])
    return named, "\n".join(p for p in (progress.group("said").strip(), said) if p)


#: A title saying its list is empty: "(none currently)", "None reported yet", "Nothing!!!", "N/A".
NOTHING_TITLE = re.compile(
    r"\(?\s*(?:none|nothing|n/?a)"
    r"(?:\s+(?:reported|planned|found|yet|currently|so\s+far|at\s+the\s+moment|right\s+now|for\s+now))*\s*\)?\s*[.!]*",
    re.I,
)

#: A title saying its list goes on without naming more: "etc.", "…", "and more".
MORE_TITLE = re.compile(r"\(?\s*(?:etc\.?|\.{3}|…|and (?:more|so on))\s*\)?", re.I)

#: A bracket closing a title, and what it holds: "Config file support (30 min)", "Complete (~400 lines)".
CLOSING_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")

#: Pictographs closing a title, and the spaces and variation selectors between them.
_DECORATION = re.compile(rf"(?:\s*[{PICTOGRAPHS}\uFE0F\u200D])+\s*$")


def undecorated(title: str) -> str:
    """A title without the pictographs closing it ("Merchant Credentials Cache 🎯"): they decorate it. A mark of
    state there says one, and is read where the item is; it stays."""
    deco = _DECORATION.search(title)
    if deco is None or deco.start() == 0 or exact_status(deco.group(0)) is not None:
        return title
    return title[: deco.start()].rstrip()


#: Words that say nothing of which work a title names; with ``stems``, a longer list.
_FILLER = frozenset("the and a of in for".split())
_MORE_FILLER = _FILLER | frozenset("an or to on with by at from via into".split())


def title_words(text: str, stems: bool = False) -> frozenset[str]:
    """The words of a title that say which work it is. With ``stems``, each cut to five letters, so that a plan
    naming its work again in other words ("Basic polyrhythms", "Basic Polyrhythm Support") matches word for word."""
    words = [w for w in re.split(r"[^a-z0-9]+", plain(text).lower()) if w]
    if stems:
        return frozenset(w[:5] for w in words if w not in _MORE_FILLER)
    return frozenset(w for w in words if w not in _FILLER)


def similarity(a: str, b: str) -> float:
    """How many of the shorter title's words the other has (``title_words``), as a share of them."""
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))
