"""Markdown to a tree of sections and blocks, from markdown-it tokens (never by grepping the text).

Every block keeps its 1-based source line from ``token.map``. Inline text is kept as its Markdown
source (``**Owner:** QA``); :func:`plain` turns it into plain text through markdown-it's inline parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from readiness_tui.core.importers.document.html_tables import html_table

_MD = MarkdownIt("commonmark").enable("table")
#: ``[]`` with no space, then a space: an empty box written short (``[] Editar um projeto``).
_CHECKBOX = re.compile(r"^\[([ xX✓✔~/-]|✅|✔️|🚧|🔄|⏳)\]\s*|^\[()\]\s+(?=\S)")
#: A box closing an entry: ``Inserir um novo projeto [x]``, ``Editar um projeto []``.
_CLOSING_BOX = re.compile(r"\s+\[([ xX]?)\]\s*$")
#: Emoji, arrows and other marks before a heading's words.
_LEAD_MARKS = re.compile(r"^[^\w#\[(`]+")
#: The marks between a heading's hashes and its words, as a pattern to build on (``### ✅ 🚧 Task 2``). One mark
#: per repeat: a run of marks matched by nested repeats backtracks exponentially on a line that is all marks
#: (``# ====...`` in a shell block), which hung the import.
HEADING_MARKS = r"(?:[^\w\s#*]\s*)*"
#: What a checkbox mark means: ``[x]`` done, ``[~]``/``[/]`` in progress, ``[-]`` cancelled; a state mark in the box
#: (``[✅]``, ``[🚧]``, ``[⏳]``) says its state as it does anywhere.
BOX_STATUS = {
    " ": "todo",
    "x": "done",
    "X": "done",
    "✓": "done",
    "✔": "done",
    "~": "in_progress",
    "/": "in_progress",
    "-": "cancelled",
    "✅": "done",
    "✔️": "done",
    "🚧": "in_progress",
    "🔄": "in_progress",
    "⏳": "todo",
}


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

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


def _line(tok: Token) -> int:
    return tok.map[0] + 1 if tok.map else 0


def _end(tok: Token) -> int:
    return tok.map[1] if tok.map else 0


def _closing(tokens: list[Token], i: int) -> int:
    """Index of the token closing the one opened at ``i``."""
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def split_row(source_line: str) -> list[str]:
    """A table row's cells, with pipes inside code spans kept (GFM would split them)."""
    text = source_line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells, cur, k, tick = [], [], 0, 0
    while k < len(text):
        ch = text[k]
        if ch == "\\" and k + 1 < len(text):
            cur.append(text[k : k + 2])
            k += 2
            continue
        if ch == "`":
            run = len(text[k:]) - len(text[k:].lstrip("`"))
            if tick == 0 and text.find("`" * run, k + run) != -1:
                tick = run
            elif tick == run:
                tick = 0
            cur.append("`" * run)
            k += run
            continue
        if ch == "|" and not tick:
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
        k += 1
    cells.append("".join(cur).strip())
    return cells


def _parse_table(tokens: list[Token], i: int, j: int, lines: list[str] | None = None) -> Table:
    headers: list[str] = []
    rows: list[TableRow] = []
    cur: list[str] | None = None
    cur_line = 0
    in_head = False
    for k in range(i, j + 1):
        tok = tokens[k]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            cur = []
            cur_line = _line(tok)
        elif tok.type == "inline" and cur is not None:
            cur.append(tok.content.strip())
        elif tok.type == "tr_close" and cur is not None:
            if lines and not in_head and headers and 0 < cur_line <= len(lines):
                # GFM splits on pipes inside code spans; when the source row has exactly as many
                # cells once code spans are respected, those are the cells the author meant.
                mine = split_row(lines[cur_line - 1])
                if len(mine) == len(headers) and mine != cur:
                    cur = mine
            if in_head:
                headers = cur
            else:
                rows.append(TableRow(cur_line, cur))
            cur = None
    return Table(_line(tokens[i]), _end(tokens[i]), headers, rows)


def _parse_list(tokens: list[Token], i: int, j: int) -> ListBlock:
    ordered = tokens[i].type == "ordered_list_open"
    items: list[ListItem] = []
    k = i + 1
    while k < j:
        tok = tokens[k]
        if tok.type == "list_item_open":
            close = _closing(tokens, k)
            items.append(_parse_item(tokens, k, close, ordered))
            k = close + 1
        else:
            k += 1
    if len(items) >= 2 and all(it.checked is None and _CLOSING_BOX.search(it.text) for it in items):
        # "1. Inserir um novo projeto [x]", "2. Editar um projeto []": a box closing every entry is its box.
        for it in items:
            m = _CLOSING_BOX.search(it.text)
            assert m is not None
            mark = m.group(1) or " "
            it.checked, it.box, it.mark = mark != " ", BOX_STATUS[mark], mark
            it.text = it.text[: m.start()]
    return ListBlock(_line(tokens[i]), _end(tokens[i]), ordered, items)


def _parse_item(tokens: list[Token], i: int, j: int, ordered: bool) -> ListItem:
    open_tok = tokens[i]
    number = None
    if ordered and open_tok.info and open_tok.info.isdigit():
        number = int(open_tok.info)
    item = ListItem(_line(open_tok), _end(open_tok), "", None, number=number)
    first = True
    k = i + 1
    while k < j:
        tok = tokens[k]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            close = _closing(tokens, k)
            item.children.append(_parse_list(tokens, k, close))
            k = close + 1
            continue
        if tok.type == "inline":
            if first:
                item.text = tok.content
                first = False
            else:
                item.more.append(tok.content)
        elif tok.type in ("fence", "code_block", "html_block"):
            item.more.append(tok.content)
        k += 1
    m = _CHECKBOX.match(item.text)
    if m:
        mark = m.group(1) if m.group(1) is not None else " "
        item.checked = mark != " "
        item.box = BOX_STATUS[mark]
        item.mark = mark
        item.text = item.text[m.end() :]
    return item


def parse_sections(text: str) -> Section:
    """The document as a tree of sections: the root holds what comes before the first heading."""
    tokens = _MD.parse(text)
    lines = text.splitlines()
    root = Section(None)
    stack = [root]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            inline = tokens[i + 1].content if i + 1 < len(tokens) else ""
            sec = Section(Heading(_line(tok), level, inline))
            while stack[-1].heading is not None and stack[-1].level >= level:
                stack.pop()
            sec.parent = stack[-1]
            stack[-1].children.append(sec)
            stack.append(sec)
            i = _closing(tokens, i) + 1
            continue
        target = stack[-1]
        if tok.type == "table_open":
            j = _closing(tokens, i)
            target.blocks.append(_parse_table(tokens, i, j, lines))
            i = j + 1
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            j = _closing(tokens, i)
            target.blocks.append(_parse_list(tokens, i, j))
            i = j + 1
        elif tok.type == "paragraph_open":
            j = _closing(tokens, i)
            target.blocks.append(Paragraph(_line(tok), _end(tok), tokens[i + 1].content))
            i = j + 1
        elif tok.nesting == 1:
            j = _closing(tokens, i)
            content = "\n".join(t.content for t in tokens[i : j + 1] if t.content)
            target.blocks.append(Other(_line(tok), _end(tok), tok.type.removesuffix("_open"), content))
            i = j + 1
        else:
            found = (
                html_table(tok.content, _line(tok))
                if tok.type == "html_block" and "<table" in tok.content.lower()
                else None
            )
            if found is not None:
                headers, rows = found
                target.blocks.append(Table(_line(tok), _end(tok), headers, [TableRow(n, c) for n, c in rows]))
            elif tok.type != "inline":
                target.blocks.append(Other(_line(tok), _end(tok), tok.type, tok.content))
            i += 1
    total = text.count("\n") + 1
    _set_ends(root, total)
    source = text.split("\n")
    for sec in root.walk():
        sec.blocks = _adopt_flush_bullets(sec.blocks, source)
    return root


def _nest_lead_ins(lst: ListBlock) -> ListBlock:
    """``- Exit criteria:`` then ``- a``, ``- b`` at the same level: the lead-in's entries, nested under it."""
    out: list[ListItem] = []
    for it in lst.items:
        lead = out[-1] if out else None
        if lead is not None and lead.text.rstrip().endswith(":") and not it.text.rstrip().endswith(":"):
            if not lead.children:
                lead.children.append(ListBlock(it.line, it.end, False, []))
            lead.children[-1].items.append(it)
            lead.children[-1].end = lead.end = it.end
            continue
        out.append(it)
    return ListBlock(lst.line, lst.end, lst.ordered, out)


def _adopt_flush_bullets(blocks: list[Block], source: list[str]) -> list[Block]:
    """``1. x`` with ``- y`` bullets on the very next lines, not indented: CommonMark makes two lists, but the
    bullets are the numbered entry's own (its criteria, its notes). They become that entry's sub-list."""
    out: list[Block] = []
    for blk in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(blk, ListBlock)
            and not blk.ordered
            and not blk.has_checkboxes
            and isinstance(prev, ListBlock)
            and prev.ordered
            and not prev.items[-1].children
            and blk.line == prev.end + 1
            and blk.line >= 2
            and source[blk.line - 2].strip()  # no blank line between: CommonMark keeps blank lines in the list
        ):
            prev.items[-1].children.append(_nest_lead_ins(blk))
            prev.items[-1].end = prev.end = blk.end
            continue
        if (
            isinstance(blk, ListBlock)
            and blk.ordered
            and isinstance(prev, ListBlock)
            and prev.ordered
            and prev.items[-1].children
            and prev.items[-1].number is not None
            and blk.items[0].number == prev.items[-1].number + 1
        ):
            # "2. Phase 2" after "1. Phase 1" and its adopted bullets: the numbered list goes on.
            prev.items.extend(blk.items)
            prev.end = blk.end
            continue
        out.append(blk)
    return out


def _set_ends(sec: Section, limit: int) -> None:
    sec.end = limit
    for n, child in enumerate(sec.children):
        nxt = sec.children[n + 1].line - 1 if n + 1 < len(sec.children) else limit
        _set_ends(child, nxt)


# ---------------------------------------------------------------------- inline text
#: A keycap: a digit, the emoji selector maybe, and the enclosing keycap mark.
_KEYCAP = re.compile("([0-9#*])\ufe0f?\u20e3")


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
    out: list[str] = []
    for tok in _MD.parseInline(source):
        for child in tok.children or []:
            if child.type == "code_inline" and keep_code:
                out.append(child.markup + child.content + child.markup)
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
