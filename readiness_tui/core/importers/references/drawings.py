"""Dependencies drawn with arrows in a plain code block, read once every item is known.

A plan may give its order only as a drawing::

    Task 1 → Task 2 (client needs types + config)
    Task 1 + 2 + 3 → Task 5
    P1-01..04 (upgrades)  → after P0-01; each isolated
    P2-03 (validation)    → after P1-01 + P2-01

Each line with one arrow is read, and only where it cannot be mistaken:

* ``A → B``: B waits on A, when the arrow's right side opens with ids; ``A ◄── B`` (``A <- B``, ``A ← B``): A waits
  on B;
* ``A → after B`` (or "depends on", "requires", "once", and these words in the plan languages read): A waits on
  B; so does ``A ── depends on B``, a run of box-drawing dashes before such a word;
* words in parentheses are asides, and a clause after ``;`` says no more ids;
* ``Task 1 + 2 + 3``: the numbers after a word name the items called so (``TASK-1`` .. ``TASK-3``);
* ``A → last``: A waits on every other item of its kind (``P2-04`` on every ``P…``);
* a chain ``A → B → C`` counts only when every step is ids alone.

A list entry (or one nested under it) that is only such a chain, every step ids alone (``T100, T101 (parallel) →
T102 → T103`` under "Within Each User Story"), is a line of a drawing wherever its list stands.

A line of prose that names the critical path (``**Critical path:** Stories 6.1 → 6.2 → 6.5.``) is read as such a
chain: its first step may open with the items' noun, and the chain ends with its sentence.

Every end must be an item of the board, and an item that states its dependencies itself (a column, a field) keeps
them: the drawing only speaks for items that say nothing. Fences with a language are not drawings, but for a mermaid
``flowchart`` / ``graph`` (``flowcharts``).
Each dependency read is reported as a guess.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, ListItem, Other, Paragraph, Section, plain
from readiness_tui.core.importers.guided.recipe import chosen_label
from readiness_tui.core.importers.references.drawn_edges import add_edge, add_edges
from readiness_tui.core.importers.references.flowcharts import MERMAID_FENCE, read_flowchart
from readiness_tui.core.importers.references.group_members import group_items
from readiness_tui.core.importers.references.ids import others_of_kind
from readiness_tui.core.importers.references.order_lists import (
    group_order_edges,
    names_an_order,
    names_group_order,
    order_edges,
)
from readiness_tui.core.importers.references.refs import board_ids_in, ids_alone, parse_refs
from readiness_tui.core.importers.references.stage_chains import stage_chain
from readiness_tui.core.importers.sections.patterns import ARROW_RE

#: The right side of an arrow that says the left side waits: "after P0-01", "depends on X", "once X".
_WAITS = re.compile(
    r"^(?:after|once|when|depends?\s+on|requires?|needs?|blocked\s+by|waits?\s+(?:on|for)|зависит\s+от|после|"
    r"depende\s+de|después\s+de|tras|dépend\s+de|après|hängt\s+ab\s+von|abhängig\s+von|nach|dipende\s+da|dopo|"
    r"depois\s+de|zależy\s+od|po)(?!\w)",
    re.I,
)
#: A word and its colon opening a line of a drawing: "Sequential: ", "Order: ".
_LINE_LABEL = re.compile(r"^\s*[A-Za-z]+:\s+(?=\S)")
#: The words of a wait inside a line with no arrow: "T006 depends on T005".
_SAID_WAIT = re.compile(r"\s(?:depends?\s+on|blocked\s+by|waits?\s+(?:on|for))\s", re.I)
#: A line of box-drawing dashes before a wait: "Шаг 5 (GameState) ── зависит от Шаг 1, 3, 4".
_DASHES_WAIT = re.compile(r"\s+[─━]{2,}\s*(?=\S)")
#: "Task 1 + 2 + 3", "Steps 4, 5": the numbers after the word items are called by.
_NOUN_NUMS = re.compile(
    r"\b(?P<noun>[A-Za-z]+?)s?\s+(?P<nums>\d+(?:\s*(?:[+,&/]|\band\b)\s*(?:[A-Za-z]+\s+)?\d+)*)\b", re.I
)
#: The right side of an arrow that puts the left side after everything else.
_LAST = re.compile(
    r"^(?:last|at\s+the\s+end|final(?:ly)?|(?:por\s+)?[úu]ltim[oa]|al\s+final|en\s+dernier|zuletzt|als\s+letzte[rs]?|"
    r"am\s+ende|per\s+ultimo)\s*(?:[;.(]|$)",
    re.I,
)
#: A branch of a drawn tree: its box characters and the arrow out of the line above ("├─▶ ", "└──> ").
_BRANCH = re.compile(r"^\s*[│├└┣┗]\s*[─━-]*\s*(?:▶|►|>|→)\s*")
#: An arrow pointing back, to the item that waits: ``◄──``, ``<--``, ``←``, ``⟵``.
_BACK_ARROW = re.compile(r"\s*(?:[◄◀←⟵]\s*[─━-]*|<-{1,2}(?!>)|<─+)\s*")
#: A line's closing mark that it comes last: "I8 (docs) [last]".
_LAST_MARK = re.compile(r"\[(?:last|final|at\s+the\s+end)\]\s*$", re.I)
#: Tree and box characters a drawing indents with.
_TREE = re.compile(r"^[\s│├└─┌┐┘┬┴┼|`*>-]+")


def _ids(b: Builder, text: str, root: Section | None = None, rid: str = "") -> list[str]:
    """The items a side of an arrow names: ids, ranges, and numbers after the word the items' ids spell."""
    text = re.sub(r"\([^()]*\)", " ", text).split(";")[0]

    def named(m: re.Match[str]) -> str:
        noun = m.group("noun").upper()
        nums = re.findall(r"\d+", m.group("nums"))
        ids = [f"{noun}-{n}" for n in nums]
        return " " + " ".join(ids) + " " if all(i in b.items for i in ids) else m.group(0)

    text = _NOUN_NUMS.sub(named, text)
    refs = parse_refs(text)
    words = [w for w in re.split(r"[\s+,&/]+", refs.rest) if w]
    found = [i for i in refs.ids if i in b.items]
    # A week-like or priority-like id (W02, P1) that is an item here is left in the words by ``parse_refs``.
    found += [w for w in words if w in b.items and w not in found]
    # "M1 Resilience keystone ──> M2 Extra tiers": a milestone or phase of the plan stands for its items.
    for g in [i for i in refs.ids if i not in b.items] if not found else []:
        found += [i for i in _group_members(b, g) if i not in found]
    if root is not None:
        # "→ after P1": a group of items named by its heading ("WAVE P1").
        found += [
            i for i in group_items(b, root, " ".join(w for w in words if w not in b.items), rid) if i not in found
        ]
    return found


def _group_members(b: Builder, gid: str) -> list[str]:
    """The items of the milestone or phase ``gid`` names, as the plan listed them."""
    for kind in ("milestones", "phases"):
        for rec in b.records[kind]:
            if str(rec.values.get("id")) == gid and gid not in b.items:
                return [i for i in rec.values.get("items", []) if i in b.items]
    return []


def _edges(b: Builder, root: Section, line: str) -> list[tuple[list[str], list[str]]]:
    """(waiting, first) pairs a drawing's line states; none when it is not sure."""
    # "Sequential: T007 → T008": a word labelling the line is no step of it.
    line = _LINE_LABEL.sub("", _TREE.sub("", line))
    said = _SAID_WAIT.search(line)
    if said and not ARROW_RE.search(line) and ids_alone(b.items, line[: said.start()]):
        # "T006 depends on T005 (the package must exist)": ids alone, then the words of a wait, as an arrow's are.
        line = f"{line[: said.start()]} → {line[said.start() :].strip()}"
    dashed = _DASHES_WAIT.split(line)
    if len(dashed) == 2 and _WAITS.match(dashed[1].strip()):
        line = dashed[0] + " → " + dashed[1]
    back = [p.strip() for p in _BACK_ARROW.split(line)]
    if len(back) == 2 and not ARROW_RE.search(line) and all(back):
        # "MATTER-014 ◄── MATTER-005": the left side waits on the right.
        return [(_ids(b, back[0]), _ids(b, back[1]))]
    parts = [p.strip() for p in ARROW_RE.split(line)]
    last = _LAST_MARK.search(line)
    if len(parts) == 1 and last:
        # "I8 (docs/tests) [last]": after every other item of its kind, as "→ last" says.
        return [([x], others_of_kind(b.items, x)) for x in _ids(b, line[: last.start()])]
    if len(parts) < 2 or not all(parts):
        return []
    if len(parts) > 2:
        steps = [ids_alone(b.items, p) for p in parts]
        if any(s is None for s in steps):
            return []
        return [(y, x) for x, y in zip(steps, steps[1:]) if x and y]
    left, right = parts
    if _LAST.match(right):
        # "P2-04 (closure) → last": after every other item of its kind.
        return [([x], others_of_kind(b.items, x)) for x in _ids(b, left)]
    wait = _WAITS.match(right)
    if wait:
        waiting = _ids(b, left)
        return [([x], _ids(b, right[wait.end() :], root, x)) for x in waiting]
    lead = re.match(r"^[^\sA-Za-z]*[\w.#-]+(?:\s*(?:[+,&]|\.\.|\band\b)\s*[\w.#-]+)*", right)
    head = right if lead is None else right[: lead.end()]
    # "Task 2 (reason)": the noun and number of the item come first; the rest is why.
    noun = _NOUN_NUMS.match(right)
    if noun:
        head = right[: noun.end()]
    return [(_ids(b, head), _ids(b, left))]


def _id_chains(b: Builder, entry: ListItem) -> None:
    """An entry, or one nested under it, that is only a chain of ids, each step ids alone (asides in brackets
    aside): ``T100, T101 (parallel) → T102 → T103`` under "Within Each User Story". Each step waits on the one
    before; no title is mistaken for one ("T-5 Move the API → GraphQL" has words)."""
    text = plain(entry.text, keep_code=True).strip()
    parts = [p.strip() for p in ARROW_RE.split(text)]
    steps = [ids_alone(b.items, p) for p in parts] if len(parts) >= 2 and all(parts) else []
    if steps and all(steps):
        add_edges(b, entry.line, [(y or [], x or []) for x, y in zip(steps, steps[1:])], text)
    for sub in entry.sub_items():
        _id_chains(b, sub)


#: "Critical path:", "**Kritischer Pfad** (Release 1):", "关键路径：" at the start of a line of prose.
_CRITICAL_PATH = re.compile(
    r"^\s*(?:the\s+)?(?:critical\s+path|kritischer\s+pfad|chemin\s+critique|ruta\s+cr[ií]tica|caminho\s+cr[ií]tico|"
    r"percorso\s+critico|kritieke\s+pad|关键路径|クリティカルパス)(?:\s*\([^()]*\))?\s*[:：]\s*(?P<chain>.+)$",
    re.I,
)
#: The end of the chain's sentence: a stop before a space (not the dot inside a dotted id, 6.12).
_CHAIN_END = re.compile(r"[.;](?:\s|$)")


def _critical_path(b: Builder, line: int, text: str) -> None:
    """The chain a line of prose names as the critical path; the first step may open with a noun ("Stories 6.1")."""
    m = _CRITICAL_PATH.match(plain(text))
    if not m:
        return
    chain = _CHAIN_END.split(m.group("chain"), maxsplit=1)[0]
    chain = re.sub(r"^[^\W\d_]+\s+(?=\S*\d)", "", chain.strip())
    parts = [p.strip() for p in ARROW_RE.split(chain)]
    if len(parts) < 2:
        return
    steps = [ids_alone(b.items, p) for p in parts]
    if any(s is None for s in steps):
        return
    # A path drawn against the order the plan states elsewhere (I4 after I6, and the path I4 → I6) loses that step.
    edges = [
        ([w for w in y or [] if not any(_waits_on(b, f, w) for f in x or [])], x or [])
        for x, y in zip(steps, steps[1:])
    ]
    add_edges(b, line, edges, m.group(0).strip())


#: "Proposed edges:", "Dependencies:", "Execution order:" at the start of a line of prose, before arrows.
_EDGES_LABEL = re.compile(
    r"^\s*(?:(?:proposed|known|internal)\s+)?(?:edges|dependencies|dependency\s+edges|execution\s+order|order)"
    r"\s*[:：]\s*(?P<edges>.+)$",
    re.I,
)


def _edge_list(b: Builder, line: int, text: str) -> None:
    """ "Proposed edges: K01 → K03; K02 → K03; K03 → K04": arrows between ids, one chain after another (``;`` or
    ``,`` between them); read only when every step of every chain is ids of this board."""
    m = _EDGES_LABEL.match(plain(text))
    if not m:
        return
    sentence = re.split(r"\.(?:\s|$)", m.group("edges") + " ", maxsplit=1)[0]  # the label's sentence only
    chains = [c.strip() for c in re.split(r"[;,](?:\s|$)", sentence)]
    parsed = [[ids_alone(b.items, p.strip()) for p in ARROW_RE.split(c)] for c in chains if c]
    if not parsed or any(len(steps) < 2 or any(s is None for s in steps) for steps in parsed):
        return
    for steps in parsed:
        add_edges(b, line, [(y or [], x or []) for x, y in zip(steps, steps[1:])], m.group(0).strip())


def _waits_on(b: Builder, item: str, other: str) -> bool:
    """Whether ``item`` depends on ``other``, directly or through other items."""
    seen, todo = set(), [item]
    while todo:
        for dep in b.items[todo.pop()].values.get("depends_on", []):
            if dep == other:
                return True
            if dep in b.items and dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return False


def read_drawings(b: Builder, root: Section) -> None:
    """Add the dependencies plain code blocks draw with arrows, and the critical paths prose names (see the
    module doc). A section the recipe labels ``text`` or ``skip`` says nothing, drawings included."""
    for sec in root.walk():
        if chosen_label(sec) in ("text", "skip"):
            continue
        for blk in sec.blocks:
            if isinstance(blk, Paragraph):
                for n, text in enumerate(blk.text.splitlines(), start=blk.line):
                    _critical_path(b, n, text)
                    _edge_list(b, n, text)
            elif isinstance(blk, ListBlock):
                if names_an_order(sec) and (steps := order_edges(b, blk)):
                    # An order the plan prefers, not a wait it states: soft dependencies (ordering only).
                    add_edges(b, blk.line, steps, sec.title, what="order under", field="soft_depends_on")
                elif names_group_order(sec) and (steps := group_order_edges(b, root, blk)):
                    add_edges(b, blk.line, steps, sec.title, what="order of groups under")
                for it in blk.items:
                    _critical_path(b, it.line, it.text)
                    if id(blk) in b.drawn_lists:
                        # "1. **G2** (API) → **G3** (schema) → **G19**": each entry a line of the drawing.
                        for waiting, first in _edges(b, root, plain(it.text, keep_code=True)):
                            add_edge(b, it.line, waiting, first, plain(it.text).strip())
                    else:
                        _id_chains(b, it)
            if not isinstance(blk, Other) or blk.kind != "fence":
                continue
            if MERMAID_FENCE.match(b.src(blk.line, blk.line)):
                read_flowchart(b, root, blk)
                continue
            if not b.plain_fence(blk.line):
                continue
            if _outline_waits(b, blk) or _column_chain(b, root, blk):
                continue
            chain = stage_chain(b, blk.text)
            if chain:
                add_edges(b, blk.line, chain, " ".join(blk.text.split())[:60])
                continue
            parent = ""
            for n, line in enumerate(blk.text.splitlines(), start=blk.line + 1):
                branch = ""
                if line.strip() and not _TREE.match(line):
                    parent = ARROW_RE.split(line)[0]
                elif parent and _BRANCH.match(line):
                    # " ├─▶ I2 (card)" under "I1 (types)": a branch of the tree drawn from the line above it.
                    branch = _BRANCH.sub("", line)
                    line = f"{parent} → {branch}"
                edges = _edges(b, root, line)
                if branch and not any(waiting and first for waiting, first in edges):
                    edges = _named_nodes(b, parent, branch)
                for waiting, first in edges:
                    add_edge(b, n, waiting, first, line.strip())


#: A line that is only a downward arrow between two steps of a drawing drawn top to bottom.
def _named_nodes(b: Builder, parent: str, branch: str) -> list[tuple[list[str], list[str]]]:
    """A branch of a tree whose nodes name their items after who does the work (``[경은] LLM API 연동 (#39)`` over
    ``└──→ [승언] document_agent (#40)``): the branch's items wait on the node's, where each side names items of
    the board and only one run of them."""
    first, then = board_ids_in(parent, b.items), board_ids_in(branch, b.items)
    return [(then, first)] if first and then else []


_DOWN = re.compile(r"^\s*(?:↓|⬇|▼|⇓|v|V|\|)\s*$")


def _column_chain(b: Builder, root: Section, blk: Other) -> bool:
    """A drawing drawn top to bottom, its steps on lines of their own with a downward arrow between (``Phase 1`` /
    ``↓`` / ``Phase 2``): each step waits on the one above it. A step's side note (``← depends on Phase 2``) is
    words about it; groups named stand for their items. Whether the block was such a drawing."""
    lines = [ln for ln in blk.text.splitlines() if ln.strip()]
    if len(lines) < 3 or not all(bool(_DOWN.match(ln)) == (n % 2 == 1) for n, ln in enumerate(lines)):
        return False
    if any(ARROW_RE.search(ln) for ln in lines[::2]):
        # "A0 → A1 → A2" over "↓" over "C1": chains one under another, the arrow down pointing at no step of either;
        # each chain is read along its line (by the caller), the arrows down not at all.
        return False
    steps = [_ids(b, _BACK_ARROW.split(ln, maxsplit=1)[0], root) for ln in lines[::2]]
    for n, (first, then) in enumerate(zip(steps, steps[1:]), start=1):
        said = f"{lines[2 * n - 2].strip()} ↓ {lines[2 * n].strip()}"
        for x in then:
            added = b.wait_on_group(x, [y for y in first if y not in then])
            if added:
                b.note(blk.line, f"dependencies read from the drawing {said[:70]!r}: {x} after {', '.join(added)}")
    return True


#: A group line of an order written as an outline: ``Phase 2 (after T2I.3 schemas exist):``.
_GROUP_LINE = re.compile(r"^(?P<name>\S[^():]*?)\s*(?:\((?P<note>[^()]*)\))?\s*:\s*$")
_AFTER = re.compile(r"^(?:after|once|when|following)\s+(?P<what>.+)$", re.I)


def _outline_waits(b: Builder, blk: Other) -> bool:
    """An order written as groups of indented ids, a group saying what it comes after::

        Phase 2 (after T2I.3 schemas exist):
          T2I.2 (session-resume)
        Phase 3 (after Phase 2 endpoints exist):
          T2I.5 (channel escalation)

    Each id under a group waits on what its note names: items, or a group of the same block by its name.
    False when the block is no such outline (two groups with ids under them at least)."""
    groups: list[tuple[str, str, list[str], int]] = []
    for n, line in enumerate(blk.text.splitlines(), start=blk.line + 1):
        if not line.strip():
            continue
        head = _GROUP_LINE.match(line) if not line[0].isspace() else None
        if head:
            groups.append((head.group("name").strip(), head.group("note") or "", [], n))
        elif groups and line[0].isspace():
            lead = parse_refs(re.split(r"[\s(—–]", line.strip(), maxsplit=1)[0]).ids
            groups[-1][2].extend(i for i in lead if i in b.items)
    if sum(1 for g in groups if g[2]) < 2:
        return False
    by_name = {name.lower(): members for name, _, members, _ in groups}
    for name, note, members, at in groups:
        after = _AFTER.match(note.strip())
        if not after or not members:
            continue
        what = after.group("what")
        first = [i for i in parse_refs(what).ids if i in b.items]
        first += [i for key, ms in by_name.items() if what.lower().startswith(key) for i in ms if i not in first]
        if first:
            add_edge(b, at, members, first, f"{name} ({note})")
    return True
