"""List entries written with their markers off the standard, read as the lists their writer meant.

- bullets drawn with a glyph (``•``, ``◦``), as a document editor pastes them, are list entries;
- a list indented by a tab or four spaces after a line of text (``MVP PLANS:`` then ``\t- PHASE ONE``), which
  CommonMark reads as a code block, is the list its writer meant, every entry moved left alike;
- bullets indented less than a numbered entry's text (``1. Configure`` over ``  - update the file``) are the entry's
  own, where CommonMark ends the numbered list;
- lines run together as ``-Sign up for an account`` (no space after the dash, which CommonMark reads as text) are
  the list entries their writer meant;
- lines that open with a box in brackets and no list marker (``[X] seller creates auctions <br/>``, ``[] removes
  bids``), maybe after dashes that draw their depth (``---[X] set a closing date``), are the checklist they draw;
- marks of state written as GitHub's shortcodes (``:white_check_mark:``, ``:construction:``) are the marks they
  stand for.

Each rewrite keeps the line count and is reported (see ``normalize``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from readiness_tui.core.importers.document.blocks import FENCE_LINE
from readiness_tui.core.importers.document.steps import outside_fences
from readiness_tui.core.importers.sections.lead_ins import is_criteria

#: A bullet drawn with a glyph, as text pasted from a document editor writes it: "\t•\tDefine the objectives".
_GLYPH_BULLET = re.compile(r"^(?P<indent>[ \t]*)[•◦▪▫●○‣⁃]\s+(?P<text>\S.*)$")


def glyph_bullets(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Bullets drawn with a glyph ("•", "◦"), tab or space indented, become list entries; the least indented of a run
    are its top level, deeper ones nested under them. Outside fences only."""
    fenced = False
    run: list[tuple[int, int, str]] = []  # (line, indent width, text)

    def flush() -> None:
        if not run:
            return
        base = min(width for _, width, _ in run)
        for n, width, text in run:
            lines[n] = "  " * ((width - base) // 2 if width > base else 0) + f"- {text}"
        note(run[0][0] + 1, f"{len(run)} lines bulleted with a glyph read as a list")
        run.clear()

    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            flush()
            fenced = not fenced
            continue
        m = None if fenced else _GLYPH_BULLET.match(ln)
        if m is None:
            if ln.strip():
                flush()
            continue
        run.append((n, len(m.group("indent").expandtabs(4)), m.group("text")))
    flush()


#: A line indented as CommonMark's code block is: a tab, or four spaces or more.
_CODE_INDENT = re.compile(r"^(?:\t| {4})")
_ENTRY = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")


def indented_lists(lines: list[str], note: Callable[[int, str], None]) -> None:
    """A run of lines indented as a code block, every line of it a list entry, standing after a blank line below text
    that is no list (or at the top of the plan) is moved left by the indent its lines share: the nested list the
    writer indented, not code. Outside fences only; a run under a list entry is that entry's own nested list."""
    fenced, n = False, 0
    while n < len(lines):
        ln = lines[n]
        if FENCE_LINE.match(ln):
            fenced = not fenced
        if fenced or not _CODE_INDENT.match(ln) or not _ENTRY.match(ln):
            n += 1
            continue
        above = next((x for x in reversed(lines[:n]) if x.strip()), None)
        after_blank = n == 0 or not lines[n - 1].strip()
        if not after_blank or (above is not None and (_ENTRY.match(above) or _CODE_INDENT.match(above))):
            n += 1
            continue
        end = n
        while end < len(lines) and (not lines[end].strip() or _CODE_INDENT.match(lines[end])):
            end += 1
        run = [k for k in range(n, end) if lines[k].strip()]
        if all(_ENTRY.match(lines[k]) for k in run):
            base = min(_indent(lines[k]) for k in run)
            for k in range(n, end):
                lines[k] = lines[k].expandtabs(4)[base:] if lines[k].strip() else ""
            note(n + 1, f"{len(run)} list lines indented as code read as the list they draw")
        n = end


#: A numbered entry: its indent, its marker and the spaces after it (the column its own lines must reach).
_NUMBERED_ENTRY = re.compile(r"^(?P<indent> {0,3})(?P<marker>\d{1,3}[.)])(?P<gap> {1,4})\S")
#: A bullet entry opening a line (its indent first).
_BULLET_ENTRY = re.compile(r"^(?P<indent> *)[-*+] +\S")


def shallow_sublists(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Bullets under a numbered entry indented less than its text (``1. Configure`` over ``  - update the file``):
    Markdown ends the numbered list there and reads the bullets as a list of their own, beside the entry, and the
    next number as another list. The writer nested them, as they read on screen: the run under the entry (every
    line indented past the entry's number until a line that is not) is moved right to the entry's text, deeper
    lines by as much. Outside fences; the line count is kept."""
    for n, ln in outside_fences(lines):
        entry = _NUMBERED_ENTRY.match(ln)
        if entry is None:
            continue
        own = len(entry.group("indent"))
        column = own + len(entry.group("marker")) + len(entry.group("gap"))
        first = next((k for k in range(n + 1, len(lines)) if lines[k].strip()), len(lines))
        bullet = _BULLET_ENTRY.match(lines[first]) if first < len(lines) else None
        if bullet is None or not own < len(bullet.group("indent")) < column:
            continue
        shift = " " * (column - len(bullet.group("indent")))
        end = first
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > own):
            end += 1
        while end > first and not lines[end - 1].strip():
            end -= 1
        for k in range(first, end):
            lines[k] = shift + lines[k] if lines[k].strip() else lines[k]
        note(
            first + 1, f"bullets indented less than the numbered entry above them read as its own ({end - first} lines)"
        )


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


#: ``-Sign up for an account``: a dash and a word with no space between.
_UNSPACED_BULLET = re.compile(r"^(?P<indent>[ ]{0,3})-(?P<text>[^\W\d_][^\n]*)$")


def unspaced_bullets(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Runs of two lines or more each written ``-Word ...`` (a dash, then a letter, no space) are list entries, as
    ``- Word ...`` is; one such line alone stays text (``-v`` in prose). Outside fences only."""
    fenced = False
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 2:
            for n in run:
                m = _UNSPACED_BULLET.match(lines[n])
                assert m is not None
                lines[n] = f"{m.group('indent')}- {m.group('text')}"
            note(run[0] + 1, f"{len(run)} lines opening with a dash and no space read as a list")
        run.clear()

    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            flush()
            fenced = not fenced
        elif not fenced and _UNSPACED_BULLET.match(ln):
            run.append(n)
        else:
            flush()
    flush()


#: ``[X] seller creates auctions``, ``   ---[] removes bids``: a box in brackets opening a line that is no list entry,
#: after the dashes that draw its depth, if any.
_BRACKET_BOX = re.compile(r"^(?P<indent>[ \t]*)(?P<dashes>-*)\[(?P<mark>[ xX]?)\]\s+(?P<text>\S.*)$")


def bracket_boxes(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Lines that open with ``[ ]``, ``[]`` or ``[x]`` and no list marker, two of them at least, become checkbox
    entries; nested by the dashes before their box where any line has some (``---[X]`` under ``[X]``), else by
    their indent. Boxes led in as conditions ("Definition of Done:") stay text: no list then reads them as work.
    Outside fences only."""
    fenced = False
    runs: list[list[tuple[int, re.Match[str]]]] = []
    lead = ""  # the last line that is no box: what leads in the run of boxes after it
    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
        m = None if fenced else _BRACKET_BOX.match(ln)
        if m is None:
            lead = ln if ln.strip() else lead
            continue
        if runs and runs[-1][-1][0] == n - 1:
            runs[-1].append((n, m))
        elif not is_criteria(lead):
            runs.append([(n, m)])
    found = [box for run in runs for box in run]
    if len(found) < 2:
        return
    dashed = any(m.group("dashes") for _, m in found)
    depths = [len(m.group("dashes")) if dashed else len(m.group("indent").expandtabs(4)) for _, m in found]
    rank = {d: k for k, d in enumerate(sorted(set(depths)))}
    for (n, m), depth in zip(found, depths, strict=True):
        mark = "x" if m.group("mark") else " "
        lines[n] = "  " * rank[depth] + f"- [{mark}] {m.group('text')}"
    note(found[0][0] + 1, f"{len(found)} lines opening with a box in brackets and no list marker read as a checklist")


#: GitHub's shortcodes for the marks plans state work with (``:white_check_mark: Login``, ``### basestring
#: :checkmark:``), as the pictographs GitHub shows for them; other shortcodes decorate and stay as written.
_STATE_SHORTCODES = {
    "white_check_mark": "✅",
    "heavy_check_mark": "✔️",
    "ballot_box_with_check": "☑️",
    "checkmark": "✔️",
    "check_mark": "✔️",
    "x": "❌",
    "negative_squared_cross_mark": "❎",
    "construction": "🚧",
    "hourglass": "⌛",
    "hourglass_flowing_sand": "⏳",
    "arrows_counterclockwise": "🔄",
    "no_entry": "⛔",
    "no_entry_sign": "🚫",
    "red_circle": "🔴",
    "yellow_circle": "🟡",
    "orange_circle": "🟠",
    "green_circle": "🟢",
    "white_circle": "⚪",
    "large_blue_circle": "🔵",
    "blue_circle": "🔵",
}
_SHORTCODE = re.compile(r"(?<![\w:]):(?P<name>[a-z_]+):(?![\w:])")


def emoji_shortcodes(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Shortcodes of state marks as the marks they stand for, outside code (see ``_STATE_SHORTCODES``)."""
    for n, line in outside_fences(lines):
        if ":" not in line:
            continue
        parts = line.split("`")  # the even parts are outside code spans
        for k in range(0, len(parts), 2):
            parts[k] = _SHORTCODE.sub(lambda m: _STATE_SHORTCODES.get(m["name"], m[0]), parts[k])
        new = "`".join(parts)
        if new != line:
            lines[n] = new
            note(n + 1, "emoji shortcodes read as the marks they stand for")


#: A box a spec tool marks optional with a star right after it: ``- [ ]* 4.3 Write the property test``.
_STARRED_BOX = re.compile(r"^(?P<box>\s*[-*+]\s+\[[ xX]\])\*\s+(?P<rest>\S.*)$")


def starred_boxes(lines: list[str], note: Callable[[int, str], None]) -> None:
    """``- [ ]* 4.3 Write the test`` (a box the plan marks optional) as the box it is, its title closing with
    ``(optional)`` so that what the star said stays on the item. Outside fences only."""
    for n, ln in outside_fences(lines):
        if m := _STARRED_BOX.match(ln):
            lines[n] = f"{m.group('box')} {m.group('rest').rstrip()} (optional)"
            note(n + 1, "a box starred after its brackets read as optional work")
