"""What a plan's checkbox marks and strike-throughs mean.

A checkbox legend is a line pairing marks with state words (``Key: `[x]` done · `[-]` on hold``) or a checklist of
them (``- [-] In Progress``, ``- [~] Not Required``, ``- [🚧] In progress``, ``- [⚠️] Blocked/Issues``), or of bullets
showing the marks in code (``- `[-]` In Progress``): every box of the plan takes the state its mark is given there. A line saying what struck-through text means ("~~struck~~ = dropped")
gives struck entries that state; else they are done.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Section, plain
from readiness_tui.core.importers.vocabulary.statuses import exact_status

#: One legend entry: a mark in brackets (in a code span or not), then its word, up to the next separator or mark.
_ENTRY_RE = re.compile(r"`?\[(?P<mark>[ xX✓✔~/-])\]`?\s*[:=]?\s*(?P<word>[^`\[·|,;•/]+?)\s*(?=[·|,;•/]|`?\[|$)")
#: A checklist entry is not a legend, even when its text shows marks.
_ENTRY_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]\]")


#: A checklist entry that is only a state word: "- [-] In Progress", "- [~] Not Required".
_KEY_ENTRY_RE = re.compile(
    r"^\s*[-*+]\s+\[(?P<mark>[ xX✓✔~/-]|[^\]\s\w]{1,2})\]\s+(?P<word>[^\W\d_][^\[\]`]{0,30}?)\s*$"
)


#: A bullet showing a mark in a code span, then its word and maybe what it means: "- `[-]` In Progress", "- `[?]` Draft
#: (pending approval)".
_CODE_KEY_RE = re.compile(
    r"^\s*[-*+]\s+`\[(?P<mark>[^\]`]{1,2})\]`\s*[:=—–-]?\s*(?P<word>[^\W\d_][^()`]{0,30}?)\s*(?:\(.*\))?\s*$"
)


def _code_key_list(lines: list[str], at: int) -> dict[str, str]:
    """The legend a list starting at ``at`` is, each of whose entries shows a mark in a code span and its word
    (``_CODE_KEY_RE``), three marks at least naming a state; a word naming none (``[>]`` Competing) is passed over."""
    if at and _CODE_KEY_RE.match(lines[at - 1]):
        return {}
    said: dict[str, str] = {}
    for k in range(at, len(lines)):
        m = _CODE_KEY_RE.match(lines[k])
        if m is None:
            break
        if state := exact_status(m.group("word")):
            said[m.group("mark")] = state
    return said if len(said) >= 3 else {}


def box_legend(text: str) -> tuple[int, dict[str, str]]:
    """(line, mark -> status) of the first legend in the plan, a line of marks and words or a checklist each of
    whose entries (three at least) is a mark and a state word; (0, {}) when it has none."""
    fenced = False
    lines = text.split("\n")
    for n, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and (keyed := _key_list(lines, n - 1) or _code_key_list(lines, n - 1)):
            return n, keyed
        if fenced or line.count("]") < 2 or _ENTRY_LINE_RE.match(line):
            continue
        pairs = [(m.group("mark"), exact_status(m.group("word"))) for m in _ENTRY_RE.finditer(line)]
        said = {mark: st for mark, st in pairs if st}
        if len(said) >= 2:
            return n, said
    return 0, {}


def _key_list(lines: list[str], at: int) -> dict[str, str]:
    """The legend a checklist starting at ``at`` is, when every entry of it is a mark and a state word ("- [x]
    Developed", "- [-] In Progress", "- [ ] Not Started", "- [~] Not Required"), two marks apart at least, no mark
    standing for two states."""
    if at and _KEY_ENTRY_RE.match(lines[at - 1]):
        return {}  # not the list's first entry
    said: dict[str, str] = {}
    count = 0
    # Read by index: a slice of the rest of the plan, made for every line, was quadratic in the plan's length.
    for k in range(at, len(lines)):
        m = _KEY_ENTRY_RE.match(lines[k])
        if m is None:
            break
        # "- [⚠️] Blocked/Issues": the state named first.
        state = exact_status(m.group("word")) or exact_status(m.group("word").split("/")[0])
        if state is None:
            return {}
        if said.get(m.group("mark"), state) != state:
            # "- [ ] Not started", "- [x] In progress", "- [ ] Done": one mark for two states is no key, a choice of
            # the state to tick (``sections.state_choices``).
            return {}
        said[m.group("mark")] = state
        count += 1
    return said if count >= 3 and len(said) >= 2 else {}


def apply_box_legend(b: Builder, text: str, root: Section) -> None:
    """Give every checkbox the status the plan's legend gives its mark; report the legend once. A legend written as
    a checklist is the plan's key, not its work."""
    line, legend = box_legend(text)
    if not legend:
        return
    changed = 0
    for sec in root.walk():
        for blk in (blk for blk in sec.blocks if isinstance(blk, ListBlock)):
            if blk.line == line:
                b.consume(blk, sec)  # the key itself
            changed += sum(_relabel(it, legend) for it in blk.items)
    shown = ", ".join(f"[{mark}] {st}" for mark, st in legend.items())
    b.used(line, f"checkbox legend: {shown}" + (f" ({changed} boxes read by it)" if changed else ""))


def _relabel(it: ListItem, legend: dict[str, str]) -> int:
    """Relabel one entry and the entries under it; how many boxes changed status."""
    changed = 0
    if it.mark is not None and it.mark in legend and legend[it.mark] != it.box:
        it.box = legend[it.mark]
        changed += 1
    return changed + sum(_relabel(sub, legend) for sub in it.sub_items())


#: A line saying what struck-through text means: "<del>Strikethrough</del> text means that the task is done",
#: "~~struck~~ = dropped", "Crossed-out items were cancelled".
_STRIKE_WORDS = re.compile(r"strike-?\s?through|struck|crossed[- ]?(?:out|off)|~~[^~]+~~|<(?:del|s|strike)>", re.I)


def struck_state(text: str) -> str:
    """The state the plan's legend gives struck-through entries, else done: crossed off a to-do list."""
    for line in text.splitlines():
        if _STRIKE_WORDS.search(line):
            rest = plain(_STRIKE_WORDS.sub(" ", line))
            state = next((s for w in re.findall(r"[^\W\d_]+", rest) if (s := exact_status(w))), None)
            if state:
                return state
    return "done"
