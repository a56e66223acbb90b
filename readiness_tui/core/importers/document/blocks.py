"""The blocks of a Markdown plan: sections (a heading and what is under it), paragraphs, tables, lists and their
entries, as ``document.parse`` builds them from markdown-it tokens.

Every block keeps its 1-based source line from ``token.map``. Inline text is kept as its Markdown
source (``**Owner:** QA``); :func:`plain` turns it into plain text through markdown-it's inline parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").enable("table")
# Only the text is read, nothing is rendered: a link to a local file ("[tasks.md](file:///…)"), which a renderer
# refuses for safety, is a link like any other.
_MD.validateLink = lambda url: True  # type: ignore[method-assign]
#: Emoji, arrows and other marks before a heading's words.
_LEAD_MARKS = re.compile(r"^[^\w#\[(`]+")
#: The marks between a heading's hashes and its words, as a pattern to build on (``### ✅ 🚧 Task 2``). One mark
#: per repeat: a run of marks matched by nested repeats backtracks exponentially on a line that is all marks
#: (``# ====...`` in a shell block), which hung the import.
HEADING_MARKS = r"(?:[^\w\s#*]\s*)*"
#: A line of the plan's text that opens or closes a code fence, and one that is an ATX heading (its ``#``s, group 1):
#: what the rewrites before parsing (``normalize`` and its helpers) look for, line by line.
FENCE_LINE = re.compile(r"^\s*(```|~~~)")
HEADING_LINE = re.compile(r"^(#{1,6})\s")
#: Pictographs a plan sets as marks (arrows, dingbats, emoji): the ranges, for a character class.
PICTOGRAPHS = "\u2190-\u2bff\U0001f000-\U0001faff"
#: What a checkbox mark means: ``[x]`` done, ``[~]``/``[/]`` in progress, ``[-]`` cancelled; a state mark in the box
#: (``[✅]``, ``[🚧]``, ``[⏳]``) says its state as it does anywhere.
BOX_STATUS = {
    " ": "todo",
    "x": "done",
    "X": "done",
    "✓": "done",
    "✔": "done",
    # "- [v] ERD 다이어그램 작성": a tick written as the letter it looks like.
    "v": "done",
    "V": "done",
    "~": "in_progress",
    "/": "in_progress",
    "-": "cancelled",
    "✅": "done",
    "✔️": "done",
    "🚧": "in_progress",
    "🔄": "in_progress",
    "⏳": "todo",
    # "- [❌] pending" beside "- [✅] merged": a cross in the box, as a plan marks what it has not done.
    "❌": "todo",
    "⬜": "todo",
    # "- [⭕] Coin art" beside "- [❌] Brick art": the circle of "OK" against the cross, as a plan's key says.
    "⭕": "done",
}
#: A box closing an entry or a heading: ``Inserir um novo projeto [x]``, ``Editar um projeto []``, ``### 0.1 README [x]``.
_CLOSING_BOX = re.compile(r"\s+\[([ xX]?)\]\s*$")


def closing_box(text: str) -> tuple[str, str] | None:
    """``(mark, words before it)`` of a text a box closes (``" "`` for an empty one, ``[]`` too); None for any other
    text. ``BOX_STATUS`` says what the mark means."""
    m = _CLOSING_BOX.search(text)
    return ((m.group(1) or " "), text[: m.start()]) if m else None


@dataclass
class Heading:
    line: int
    level: int
    text: str


@dataclass
class Paragraph:
    line: int
    end: int
    text: str


@dataclass
class TableRow:
    line: int
    cells: list[str]
    #: How many cells the source row lacks of the header's: Markdown pads them, empty, at the row's end.
    short: int = 0


@dataclass
class Table:
    line: int
    end: int
    headers: list[str]
    rows: list[TableRow]


@dataclass
class ListItem:
    line: int
    end: int
    #: The Markdown source of the entry's first paragraph (checkbox removed).
    text: str
    #: ``True`` for ``[x]``, ``False`` for ``[ ]``, ``None`` when the entry is not a checkbox.
    checked: bool | None = None
    #: The status its checkbox says (todo, done, in_progress, cancelled), when it has one.
    box: str | None = None
    #: The checkbox's own mark (``x``, ``~``, ``-``), for a plan's legend to say what it means.
    mark: str | None = None
    #: The number of an ordered list entry (``3.`` -> 3).
    number: int | None = None
    #: Further paragraphs of the entry.
    more: list[str] = field(default_factory=list)
    children: list[ListBlock] = field(default_factory=list)

    def sub_items(self) -> list[ListItem]:
        return [it for block in self.children for it in block.items]


@dataclass
class ListBlock:
    line: int
    end: int
    ordered: bool
    items: list[ListItem]

    @property
    def has_checkboxes(self) -> bool:
        """Whether any entry is a task-list entry (``- [ ]`` or ``- [x]``)."""
        return any(it.checked is not None for it in self.items)

    @property
    def groups_boxes(self) -> bool:
        """Whether every entry holds a checklist of its own (``1. **Appoint a DPO**`` over ``- [ ] Register with the
        authority``): the entries name groups, and the boxes are the work."""
        return bool(self.items) and all(any(sub.has_checkboxes for sub in it.children) for it in self.items)


@dataclass
class Other:
    """Code, HTML, rules and anything else: kept for the report and for free-text sections."""

    line: int
    end: int
    kind: str
    text: str


Block = Paragraph | Table | ListBlock | Other


@dataclass
class Section:
    heading: Heading | None
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)
    #: Source lines [line, end] covered by the section, children included (1-based, inclusive).
    end: int = 0

    @property
    def title(self) -> str:
        return plain(self.heading.text) if self.heading else ""

    @property
    def bare_title(self) -> str:
        """The title without the emoji or marks it opens with (``🚀 Phase 3: Launch`` -> ``Phase 3: Launch``)."""
        return _LEAD_MARKS.sub("", self.title)

    @property
    def line(self) -> int:
        return self.heading.line if self.heading else 1

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def is_title(self) -> bool:
        """Whether this is the plan's title: its first level-1 heading. A plan that opens several parts with a
        level-1 heading ("# Week 3", "# Fixes") has one title; the other parts are sections like any."""
        if self.heading is None or self.level != 1 or self.parent is None:
            return False
        return next(c for c in self.parent.children if c.level == 1) is self

    def block_before(self, blk: object) -> Block | None:
        """The block standing right above ``blk`` in this section (None when ``blk`` opens it or is not in it)."""
        at = next((n for n, own in enumerate(self.blocks) if own is blk), 0)
        return self.blocks[at - 1] if at else None

    def ancestors(self) -> list[Section]:
        out = []
        cur = self.parent
        while cur is not None:
            out.append(cur)
            cur = cur.parent
        return out

    @property
    def root(self) -> Section:
        """The whole document this section is part of (the section above every heading)."""
        return self.ancestors()[-1] if self.parent is not None else self

    @property
    def holds_boxes(self) -> bool:
        """Whether the section's own blocks hold a checklist (not counting the headings under it)."""
        return any(isinstance(blk, ListBlock) and blk.has_checkboxes for blk in self.blocks)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


# ---------------------------------------------------------------------- inline text
#: A keycap: a digit, the emoji selector maybe, and the enclosing keycap mark.
_KEYCAP = re.compile("([0-9#*])\ufe0f?\u20e3")
#: A wiki link (Obsidian, Foam, GitHub wikis): ``[[page]]``, ``[[page|label]]``, ``[[page#part|label]]``.
_WIKI_LINK = re.compile(r"\[\[(?P<page>[^\[\]|]+?)(?:\|(?P<label>[^\[\]]+?))?\]\]")
#: An HTML tag of inline markup: ``<span id="1">#1</span>`` (an anchor), ``<b>``, ``<br>``, a list in a table's
#: cell (``Dev Work<br/> <ul><li>Fixes</li></ul>``). Its text is the words between; a tag of any other name stays
#: as written ("Result<Plan>" is a type, not a tag).
_HTML_TAG = re.compile(
    r"^</?(?:a|abbr|b|big|br|code|del|div|em|font|i|img|ins|kbd|li|mark|ol|p|s|small|span|strike|strong|sub|sup|u|ul)"
    r"\b[^>]*>$",
    re.I,
)
#: The tags that part the words on either side: a line break, a list's entry.
_BREAKING = ("<br", "<li", "<ul", "<ol", "</li", "</ul", "</ol")


@lru_cache(maxsize=8192)
def plain(source: str, keep_code: bool = False) -> str:
    """Inline Markdown as plain text: emphasis and link targets dropped; backticks too unless
    ``keep_code`` (titles keep their code spans as written)."""
    if not source:
        return ""
    if "\u20e3" in source:  # "1️⃣": a keycap digit is the digit (a row's number, a step's)
        source = _KEYCAP.sub(r"\1", source)
    if not any(c in source for c in "*_`[]<>&\\!"):
        return " ".join(source.split())
    if "[[" in source:  # "[[venue_requirements|Venue]]": a wiki link reads as its label, else its page
        source = _WIKI_LINK.sub(lambda m: m.group("label") or m.group("page"), source)
    out: list[str] = []
    for tok in _MD.parseInline(source):
        for child in tok.children or []:
            if child.type == "code_inline" and keep_code:
                out.append(child.markup + child.content + child.markup)
            elif child.type == "html_inline" and _HTML_TAG.match(child.content):
                out.append(" " if child.content.lower().startswith(_BREAKING) else "")
            elif child.type == "html_inline" and child.content.startswith("<!--"):
                out.append(" ")  # a comment, never shown: "Fix it <!-- the old way -->"
            elif child.type in ("text", "code_inline", "html_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif child.type == "image":
                out.append(child.content)
    return " ".join("".join(out).split())


def code_spans(source: str) -> list[str]:
    """The contents of the inline code spans of some inline Markdown."""
    out: list[str] = []
    for tok in _MD.parseInline(source or ""):
        for child in tok.children or []:
            if child.type == "code_inline":
                out.append(child.content)
    return out


def without_entries(text: str, entries: list[ListItem]) -> str:
    """``text`` (a description) without the lines that write one of ``entries`` as a bullet: the bullets a reading
    made items of their own no longer describe the entry above them."""
    said = {plain(x.text, keep_code=True).strip() for x in entries}
    return "\n".join(ln for ln in text.split("\n") if plain(ln).lstrip("-*+ ").strip() not in said).strip()
