"""A board of Obsidian's Kanban plugin: front matter ``kanban-plugin: basic``, a heading per column, a box per card.

A card holds, beside its words, what the plugin draws on it: a due date (``@[[Feb 12th, 2023]]``, ``@{2023-02-12}``),
tags (``#feature``), the note it links to (``[[Implement mod detail editing view]]``), and on an archived card the
time it was archived (``Feb 12th, 2023 13:17``). Each is rewritten as the inline field the importer reads
(``[due:: …]``, ``[tags:: …]``), the archive time dropped (reported), so the card's title is its words alone. The
plugin's settings (``%% kanban:settings`` … ``%%``) are no part of the plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: A card: a box, then its text.
_CARD = re.compile(r"^(?P<lead>\s*[-*+]\s+\[[^\]]\]\s+)(?P<text>.*)$")
#: The time a card was archived, opening its text: "Feb 12th, 2023 13:17".
_ARCHIVED = re.compile(r"^[A-Z][a-z]{2,8}\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}\s+\d{1,2}:\d{2}\s+")
#: A due date: "@[[Feb 12th, 2023]]" (a daily note, maybe with a block "#^a1acf4"), "@{2023-02-12}".
_DUE = re.compile(r"@(?:\[\[(?P<note>[^\]#|]+)(?:[#|][^\]]*)?\]\]|\{(?P<date>[^}]+)\})")
#: A tag: "#feature", "#process/review"; not an issue number ("#12").
_TAG = re.compile(r"(?<!\S)#(?P<tag>[^\W\d_][\w/-]*)")


def is_kanban(front: list[tuple[str, str]]) -> bool:
    """Whether the front matter says the file is a board of the Kanban plugin."""
    return any(key.strip().lower() == "kanban-plugin" for key, _ in front)


def kanban_cards(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite each card's date, tags and archive time as the importer's inline fields, in place; blank the
    plugin's settings block."""
    settings = False
    for n, line in enumerate(lines):
        opening = line.strip().startswith("%% kanban:settings")
        if opening:
            settings = True
            note(n + 1, "the Kanban plugin's settings: no part of the plan")
        if settings:
            lines[n] = ""
            # The block closes on a line ending "%%" (its own first line aside).
            settings = not (line.rstrip().endswith("%%") and (not opening or line.strip() != "%% kanban:settings"))
            continue
        m = _CARD.match(line)
        if m is None:
            continue
        text = m["text"]
        archived = _ARCHIVED.match(text)
        if archived:
            text = text[archived.end() :]
            note(n + 1, f"card archived {archived.group(0).strip()!r}: the time left out of its title")
        due = _DUE.search(text)
        tags = [t["tag"] for t in _TAG.finditer(text)]
        text = _TAG.sub(" ", _DUE.sub(" ", text))
        fields = f" [tags:: {', '.join(tags)}]" if tags else ""
        if due:
            fields += f" [due:: {(due['note'] or due['date']).strip()}]"
        lines[n] = m["lead"] + " ".join(text.split()) + fields
