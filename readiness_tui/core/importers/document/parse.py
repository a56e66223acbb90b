"""Markdown to a tree of sections and blocks, from markdown-it tokens (never by grepping the text).

Every block keeps its 1-based source line from ``token.map``. Lists are read with their boxes (``[x]``, ``[]``, a box
closing every entry), and bullets written flush under a numbered entry are that entry's own.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from readiness_tui.core.importers.document.blocks import (
    BOX_STATUS,
    Block,
    Heading,
    ListBlock,
    ListItem,
    Other,
    Paragraph,
    Section,
    Table,
    TableRow,
    closing_box,
)
from readiness_tui.core.importers.document.html_tables import html_table

#: Block structure only: the sections keep each inline token's source text and read it later
#: (``blocks.plain``), so parsing every paragraph's inline children here would be thrown away.
_MD = MarkdownIt("commonmark").enable("table").disable("inline")
#: ``[]`` with no space, then a space: an empty box written short (``[] Editar um projeto``). A mark may stand
#: between spaces (``[ ✅ ]``, ``[ x ]``), as in an empty box.
_MARKS = "|".join(re.escape(mark) for mark in sorted(BOX_STATUS, key=len, reverse=True) if mark != " ")
#: An emoji's presentation selector (U+FE0F) may stand on either side of the mark: ``[❌️]``, ``[️⭕️]``.
_CHECKBOX = re.compile(rf"^\[\ufe0f?( |{_MARKS})\ufe0f?\]\s*|^\[()\]\s+(?=\S)|^\[ ({_MARKS}) \]\s*")
#: ``~~[x] Write the migration script~~``: a box struck through with its text, work called off.
_STRUCK_BOX = re.compile(r"^~~\s*\[[ xX✓✔~/-]?\]\s*(?P<text>[^~]+?)\s*~~\s*$")


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


#: What a row's cells turn on: an escaped character (kept as written), a run of backticks, a pipe.
_ROW_MARK = re.compile(r"\\.|`+|\|", re.S)


def split_row(source_line: str) -> list[str]:
    """A table row's cells, with pipes inside code spans kept (GFM would split them)."""
    text = source_line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    cells: list[str] = []
    start = tick = 0
    for m in _ROW_MARK.finditer(text):
        mark = m.group()
        if mark[0] == "`":
            # A run opens a code span only if the same run closes it later; only that run closes it.
            run = len(mark)
            if tick == 0 and text.find(mark, m.end()) != -1:
                tick = run
            elif tick == run:
                tick = 0
        elif mark == "|" and not tick:
            cells.append(text[start : m.start()].strip())
            start = m.end()
    cells.append(text[start:].strip())
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
            source = lines[cur_line - 1] if lines and 0 < cur_line <= len(lines) else ""
            if not in_head and headers and "`" in source:
                # GFM splits on pipes inside code spans; when the source row has exactly as many
                # cells once code spans are respected, those are the cells the author meant.
                mine = split_row(source)
                if len(mine) == len(headers) and mine != cur:
                    cur = mine
            if in_head:
                headers = cur
            else:
                written = len(split_row(source)) if source.strip() else len(cur)
                rows.append(TableRow(cur_line, cur, max(0, len(headers) - written)))
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
    boxes = [closing_box(it.text) if it.checked is None else None for it in items]
    if len(items) >= 2 and all(boxes):
        # "1. Inserir um novo projeto [x]", "2. Editar um projeto []": a box closing every entry is its box.
        for it, box in zip(items, boxes, strict=True):
            assert box is not None
            mark, it.text = box
            it.checked, it.box, it.mark = mark != " ", BOX_STATUS[mark], mark
    return ListBlock(_line(tokens[i]), _end(tokens[i]), ordered, items)


#: An entry that is only a link to a heading of the same document: ``[Site Survey](#site-survey)``.
_ANCHOR_LINK = re.compile(r"^\s*\**\[[^\]]+\]\(#[^)\s]*\)\**\s*$")


def _is_contents(lst: ListBlock) -> bool:
    """Whether every entry of the list, nested ones too, only links to a heading of the plan (two at least)."""
    entries = list(lst.items)
    seen = 0
    while entries:
        it = entries.pop()
        if it.checked is not None or it.more or not _ANCHOR_LINK.match(it.text):
            return False
        seen += 1
        entries += it.sub_items()
    return seen >= 2


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
    struck = _STRUCK_BOX.match(item.text)
    m = _CHECKBOX.match(item.text)
    if struck:
        item.checked, item.box, item.text = True, "cancelled", struck.group("text")
    elif m:
        mark = m.group(1) or m.group(3) or " "
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
            lst = _parse_list(tokens, i, j)
            # A table of contents: kept, as navigation, out of every reader of lists.
            target.blocks.append(Other(lst.line, lst.end, "contents", "") if _is_contents(lst) else lst)
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
        sec.blocks = _lazy_labels(_adopt_flush_bullets(sec.blocks, source), source)
    return root


def file_words(name: str) -> str:
    """A plan's file name as the words of a title: ``Final_Implementation_Plan.md`` -> "Final Implementation Plan"."""
    return re.sub(r"\.(md|markdown|txt)$", "", name, flags=re.I).replace("_", " ").replace("-", " ")


def title_headless(root: Section, name: str) -> str | None:
    """A plan with no heading at all, mostly lists (a TODO file): its blocks go under a level-1 heading, so that it is
    read as a titled plan is; before, each stood "before the first heading" and none was read. The title is its
    first line when that is a short line of its own, else the file's name. Returns how the title was found."""
    spans = [(isinstance(blk, ListBlock), blk.end - blk.line + 1) for blk in root.blocks if not isinstance(blk, Table)]
    if root.children or sum(n for listed, n in spans if listed) * 2 <= sum(n for _, n in spans):
        return None  # text with a few lists (plain text records, prose) is read where it stands
    first = root.blocks[0]
    if (
        isinstance(first, Paragraph)
        and first.line == first.end
        and len(first.text) <= 80
        and first.text[-1:] not in ".:"
    ):
        heading, blocks, found = Heading(first.line, 1, first.text.strip()), root.blocks[1:], "its first line"
    else:
        title = " ".join(file_words(name.replace("\\", "/").rsplit("/", 1)[-1]).split()) or "Plan"
        heading, blocks, found = Heading(first.line, 1, title), root.blocks, "its file's name"
    root.children.append(Section(heading, blocks=blocks, parent=root, end=root.end))
    root.blocks = []
    return f"the plan has no heading: read under the title {heading.text!r}, {found}"


#: ``**Deliverable:** Auth screens done``: a bold label and its colon opening a line.
_LABEL_LINE = re.compile(r"^\*\*[^*\n]+(?::\*\*|\*\*\s*:)")


def _lazy_labels(blocks: list[Block], source: list[str]) -> list[Block]:
    """``- [ ] Setup routing`` then ``**Deliverable:** Empty app`` on the very next line, not indented: CommonMark
    makes the label a lazy line of the last entry, but its writer meant a line of its own after the list. From the
    first such line on, the last entry's paragraph is a paragraph after the list."""
    out: list[Block] = []
    for blk in blocks:
        out.append(blk)
        if not isinstance(blk, ListBlock) or not blk.items:
            continue
        chain = [blk.items[-1]]  # the last entry, and its own last entry, down to the innermost
        while chain[-1].children and chain[-1].children[-1].items:
            chain.append(chain[-1].children[-1].items[-1])
        last = chain[-1]
        lines = last.text.split("\n")
        if last.more or last.children or last.line + len(lines) - 1 > len(source):
            continue
        cut = next((n for n in range(1, len(lines)) if _LABEL_LINE.match(source[last.line + n - 1])), None)
        if cut is None:
            continue
        start = last.line + cut
        last.text = "\n".join(lines[:cut])
        out.append(Paragraph(start, blk.end, "\n".join(lines[cut:])))
        for it in chain:
            it.end = start - 1
        for child in (it.children[-1] for it in chain[:-1]):
            child.end = start - 1
        blk.end = start - 1
    return out


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
    bullets are the numbered entry's own (its criteria, its notes). They become that entry's sub-list. So do the
    bullets after a blank line under numbered lines standing alone (``_spaced_groups``)."""
    spaced = _spaced_groups(blocks, source)
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
            and (
                id(blk) in spaced
                or (
                    blk.line == prev.end + 1
                    and blk.line >= 2
                    and bool(source[blk.line - 2].strip())  # no blank line between: CommonMark keeps it in the list
                )
            )
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


def _spaced_groups(blocks: list[Block], source: list[str]) -> set[int]:
    """The bullet lists (by ``id``) that each follow a numbered line standing alone, a blank line between, where two
    such pairs at least number on (``1. User Authentication``, its bullets, ``2. User Profile``, its bullets): the
    numbered lines name groups of the bullets, as they would indented."""
    pairs = [
        (first.items[0].number, second)
        for first, second in zip(blocks, blocks[1:], strict=False)
        if isinstance(first, ListBlock)
        and first.ordered
        and len(first.items) == 1
        and not first.items[0].children
        and isinstance(second, ListBlock)
        and not second.ordered
        and not second.has_checkboxes
        and second.line >= 2
        and not source[second.line - 2].strip()
    ]
    numbers = [n for n, _ in pairs if n is not None]
    if len(pairs) < 2 or len(numbers) < len(pairs) or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return set()
    return {id(lst) for _, lst in pairs}


def _set_ends(sec: Section, limit: int) -> None:
    sec.end = limit
    for n, child in enumerate(sec.children):
        nxt = sec.children[n + 1].line - 1 if n + 1 < len(sec.children) else limit
        _set_ends(child, nxt)
