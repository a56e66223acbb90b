"""A dependency named by the words of another item's title, not by its id or its exact title: "Apple Developer
account approved" waits on "Create Apple Developer Account". The words compare as risks' do (``risk_words``: words
every task uses count for nothing), by their first four letters ("decision", "Decide"), and only with titles, where
few items use a word. The
item whose title shares two such words or more with the dependency, most of its words, and more than any other item
does, is named; anything less certain names nothing, and the words stay the item's dependency note.
"""

from __future__ import annotations

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.references.risk_words import word_stems


def _stems(text: str) -> set[str]:
    return {w[:4] for w in word_stems(text)}


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
