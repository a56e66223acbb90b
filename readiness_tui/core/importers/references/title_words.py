"""Dependencies named by words of another item's title: "Depends On: Ingest", where a row is titled "Ingest endpoint".

Plans whose tickets have no ids name what a ticket waits on by the words it is known by ("Router", "Wave 1",
"Types"), among the tickets of the same table. Once every item is known, each phrase of a dependency note nothing
else could read (ids, ranges, groups: ``references.groups``) is looked up among the titles of the other items under
the same heading, as whole words in order. A phrase naming exactly one of them is a dependency on it, reported as a
guess; a phrase naming none or several is left in the note, and so is a note with a phrase of more than three
words (a sentence describing the work, not a list of the names it waits on) (a word naming a title elsewhere in the plan is as often
a topic: "Abhängigkeit: Panda-Bande"). A phrase that closes on a state word ("Signals done") is read without it.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import Section, plain
from readiness_tui.core.importers.references.ids import NONE_WORDS, is_id

#: Where a dependency note parts its phrases.
_PARTS = re.compile(r"\s*(?:[,;+&/]|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*", re.I)
#: A state closing a phrase: "Signals done", "Router ready".
_STATE = re.compile(r"\s+(?:done|complete|completed|finished|ready|merged|shipped)\s*$", re.I)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", plain(text).lower())


def _holds(title: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return any(title[k : k + n] == phrase for k in range(len(title) - n + 1))


def _section_of(root: Section) -> dict[int, int]:
    """Each line of the document -> the line of the innermost heading it is under (0 before any)."""
    under: dict[int, int] = {}
    for sec in root.walk():
        if sec.heading is not None:
            for line in range(sec.line, sec.end + 1):
                under[line] = sec.line  # walked outer first: an inner heading's lines are set after
    return under


def read_title_words(b: Builder, root: Section) -> None:
    """Read each item's unread dependency words as the items whose titles they name (see the module doc)."""
    titles = {rid: _words(str(rec.values.get("title") or "")) for rid, rec in b.items.items()}
    under = _section_of(root)
    for rid, rec in b.items.items():
        note = rec.values.get("dependency_note")
        if not isinstance(note, str) or rec.values.get("depends_on"):
            continue  # something in the note was read already: the rest is about it, not more items
        parts = _PARTS.split(plain(note))
        if any(len(part.split()) > 3 for part in parts):
            continue  # a sentence ("Datos base para producción/demo") describes; a list of names names
        for part in parts:
            phrase = _STATE.sub("", part).strip(" .:()")
            words = _words(phrase)
            if len(phrase) < 3 or phrase.lower() in NONE_WORDS or is_id(phrase) or not words:
                continue
            here = under.get(rec.line, 0)
            named = [
                other
                for other, title in titles.items()
                if other != rid and under.get(b.items[other].line, 0) == here and _holds(title, words)
            ]
            if len(named) != 1:
                continue
            deps = rec.values.setdefault("depends_on", [])
            if named[0] not in deps:
                deps.append(named[0])
                b.note(
                    rec.line,
                    f"{rid}: {phrase!r} in its dependency words is the title of {named[0]}; taken as a dependency",
                )
