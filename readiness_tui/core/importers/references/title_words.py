"""A dependency named by the words of another item's title, not by its id or its exact title: "Apple Developer
account approved" waits on "Create Apple Developer Account". The words compare as risks' do (``risk_words``: words
every task uses count for nothing), by their first four letters ("decision", "Decide"), and only with titles, where
few items use a word. The
item whose title shares two such words or more with the dependency, most of its words, and more than any other item
does, is named; anything less certain names nothing, and the words stay the item's dependency note.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder, stream_key
from readiness_tui.core.importers.references.risk_words import word_stems
from readiness_tui.core.importers.vocabulary.words import UNSPACED

#: A run of characters of a script written without spaces: one word or a few ("学生", student; "历史排课").
_UNSPACED_RUN = re.compile(f"[{UNSPACED}]{{2,}}")


def _stems(text: str) -> set[str]:
    # Chinese and Japanese words are two or three characters, never four letters: each run counts as a word.
    return {w[:4] for w in word_stems(text)} | {run[:4] for run in _UNSPACED_RUN.findall(text)}


def item_named_by_word(words: str, rid: str, peers: dict[str, set[str]]) -> str | None:
    """The one of ``peers`` (the title stems of the items written as ``rid`` is, a heading each) whose title has the
    one telling word of ``words`` ("Infrastructure setup" beside "### 1. Core Infrastructure Setup"), or None: when
    the words tell more than one, or two peers have it."""
    said = _stems(words)
    having = [other for other, ws in peers.items() if other != rid and said <= ws] if len(said) == 1 else []
    return having[0] if len(having) == 1 else None


def item_named_by_words(words: str, rid: str, stems: dict[str, set[str]]) -> str | None:
    """The item whose title the dependency ``words`` of item ``rid`` name (see the module doc), or None. ``stems``:
    each item's title stems, made once by ``title_stems``."""
    said = _stems(words)
    if len(said) < 2:
        return None
    scored = sorted(((len(said & ws), other) for other, ws in stems.items() if other != rid), reverse=True)
    if not scored:
        return None
    best, named = scored[0]
    runner = scored[1][0] if len(scored) > 1 else 0
    return named if best >= 2 and 3 * best >= 2 * len(said) and best > runner else None


def title_stems(b: Builder) -> dict[str, set[str]]:
    """Each item's title stems, without the words more than a fifth of the titles use."""
    stems = {rid: _stems(str(rec.values.get("title") or "")) for rid, rec in b.items.items()}
    df: dict[str, int] = {}
    for ws in stems.values():
        for w in ws:
            df[w] = df.get(w, 0) + 1
    rare = max(2, len(stems) // 5)
    return {rid: {w for w in ws if df[w] <= rare} for rid, ws in stems.items()}


def named_among(phrase: str, titles: dict[str, str]) -> str | None:
    """The one of ``titles`` (id -> title: a few items, those of one epic) whose words ``phrase`` shares, the rarer
    among the titles the more they count ("heuristics" names "Basic Spam Heuristics"); None when no title shares a
    word, or two share as much."""
    stems = {i: _stems(t) for i, t in titles.items()}
    used: dict[str, int] = {}
    for ws in stems.values():
        for w in ws:
            used[w] = used.get(w, 0) + 1
    said = _stems(phrase)
    scores = sorted(((sum(1 / used[w] for w in said & ws), i) for i, ws in stems.items()), reverse=True)
    if not scores or scores[0][0] == 0 or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        return None
    return scores[0][1]


#: Words opening with the epic (or stream) that holds the work: ``EPIC 3: Trust Score v0 + heuristics``.
_LEADING_EPIC = re.compile(
    r"^\W*(?P<word>epic|stream|workstream|track)\s+(?P<num>\d+|[A-Z])\b[\s:—–-]*(?P<rest>.*)$", re.I | re.S
)


def epic_tasks_named(b: Builder, text: str) -> tuple[str, list[str], list[str]] | None:
    """The epic ``text`` opens with, the tasks of it the words after it name (each phrase between ``+``, ``;``,
    ``,`` or "and" one task, by ``named_among``) and all its tasks; None when the text opens with no epic of the plan
    that has tasks."""
    m = _LEADING_EPIC.match(text.strip())
    if not m:
        return None
    sid = b.streams.get(stream_key(m.group("word"), m.group("num")))
    tasks = [i for i, rec in b.items.items() if sid is not None and rec.values.get("parent") == sid]
    if sid is None or not tasks:
        return None
    titles = {i: str(b.items[i].values.get("title") or "") for i in tasks}
    named = [i for part in re.split(r"\s*(?:[+;,]|\band\b)\s*", m.group("rest")) if (i := named_among(part, titles))]
    return sid, list(dict.fromkeys(named)), tasks
