"""Bold lines that are headings: tickets (``**TASK-010: x**`` over its fields) and steps written as bold paragraphs
(``**Step 3. EventBus** (in parallel)`` over the step's bullets).

A bold id-and-title line over a bullet list of ``Key: value`` fields is a ticket written without a heading.

    **TASK-010: Set up the package**
    - Depends on:  —
    - Size:        S
    - Description: Add the target and
                   its tests.

reads as ``#### TASK-010: Set up the package`` one level below the heading it stands under, so the ticket
handler reads its fields as it does for any id heading. The bold line alone (a paragraph that names an id)
or one over prose is left as it is: without fields beneath it, the line may as well be emphasis. So is a numbered
bold line (``**1. Dashboard Overview**``), but where those under one heading count 1, 2, 3 … there, two or more,
each over a list: a phase's features, each with its points.

A plan may number its work as bold lines under its phase headings rather than as headings or list entries::

    ### Phase 1: Foundations
    **Шаг 1. Типы в shared/**
    - Создать ...
    **Шаг 2. ThemeConfig** (параллельно с шагом 1)

Each such line is read as the heading ``#### 1. Типы в shared/`` one level below the heading it stands under, so the
step is an item numbered as the plan numbers it (see ``sections.headings.numbered_item_id``) and what follows it is
its content. Only where the plan has two such lines or more, numbered on from 1; the word is "step" in one of the plan
languages read. The line count is kept.

Sub-steps are written the same way under a numbered heading::

    ### Krok 1 — Infrastructure
    **1.1 Generate the signing keys**
    ...
    **1.4 `JWT_SECRET` in the vault** ✅ (already set)

Each bold line whose number carries on the heading's (``1.1`` under step 1) is read as the heading ``#### 1.1 …``
below it: an item of its own, the numbered heading their group (``sections.walk``). Only where the plan has two such
lines or more. A plain line so numbered (``1.1. Install required dependencies ✅`` under ``## 1. Initial Setup``) is
read the same way.

Lines that tick work off by a mark of state are read in ``marked_lines``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from readiness_tui.core.importers.document.blocks import FENCE_LINE, HEADING_LINE
from readiness_tui.core.importers.references.ids import is_id

#: A list entry's line: a bullet or a number, then words.
LIST_LINE = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")

#: "Step" in the plan languages: a bold step line here, a step heading in ``sections.patterns``.
STEP_WORDS = r"step|шаг|крок|paso|étape|etape|schritt|passo|etapa|krok|stap|steg|adım|βήμα|步骤|ステップ|단계"
_STEP_LINE = re.compile(
    rf"^\*\*(?:{STEP_WORDS})\s+(?P<num>\d+)\s*[.:)—–-]?\s+(?P<title>[^*]+?)\s*\*\*(?P<rest>.*)$", re.I
)


def outside_fences(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Each line outside code fences (the fence lines themselves left out), with its number."""
    fenced = False
    for n, ln in enumerate(lines):
        if FENCE_LINE.match(ln):
            fenced = not fenced
        elif not fenced:
            yield n, ln


def prose_lines(lines: list[str]) -> Iterator[tuple[int, str, int]]:
    """Each line outside code fences that is not a heading, with its number and the level of the heading it
    stands under (1 before any): where a bold line that is really a heading can stand."""
    level = 1
    for n, ln in outside_fences(lines):
        h = HEADING_LINE.match(ln)
        if h:
            level = len(h.group(1))
            continue
        yield n, ln, level


#: A heading that opens with a number, after a word or not: ``### Krok 1 — x``, ``## 2. Rollout``, ``### Step 3: x``.
_NUMBERED_HEAD = re.compile(r"^#{1,6}\s+(?:[^\W\d_]+\s+)?(?P<num>\d+)(?=[.):]|\s|$)")
#: A paragraph line that opens, in bold or not, with a dotted number and a title: ``**1.3 Verify the key** (once)``,
#: ``1.1. Install required dependencies ✅``.
_SUBSTEP_LINE = re.compile(
    r"^(?P<bold>\*\*)?(?P<num>\d+\.\d+)\.?\s+(?P<title>(?:[^*`]|`[^`]*`)+?)\s*(?(bold)\*\*)(?P<rest>(?(bold).*|))$"
)


def promote_bold_substeps(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite each bold sub-step line as a heading below its numbered heading, in place (see the module doc)."""
    found: list[tuple[int, re.Match[str], int]] = []
    head = ""
    for n, ln, level in prose_lines(lines):
        if n and HEADING_LINE.match(lines[n - 1]):
            h = _NUMBERED_HEAD.match(lines[n - 1])
            head = h.group("num") if h else ""
        m = _SUBSTEP_LINE.match(ln)
        # "1.1 Draft the charter ✅" over "1.2 Define the roadmap": a run of such lines, one under the other.
        fresh = (
            n == 0
            or not lines[n - 1].strip()
            or HEADING_LINE.match(lines[n - 1]) is not None
            or bool(found and found[-1][0] == n - 1)
        )
        if m and fresh and head and m.group("num").split(".")[0] == head:
            found.append((n, m, level))
    if len(found) < 2:
        return
    for n, m, at in found:
        lines[n] = "#" * min(at + 1, 6) + f" {m.group('num')} {m.group('title').strip()}{m.group('rest')}"
        note(
            n + 1,
            f"line {m.group('num')} under step {m.group('num').split('.')[0]} read as its sub-step's heading",
        )


def promote_bold_steps(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite each bold step line as a heading below the current one, in place (see the module doc)."""
    found: list[tuple[int, re.Match[str], int]] = []
    for n, ln, level in prose_lines(lines):
        m = _STEP_LINE.match(ln)
        if m and (n == 0 or not lines[n - 1].strip() or HEADING_LINE.match(lines[n - 1])):
            found.append((n, m, level))
    nums = [int(m.group("num")) for _, m, _ in found]
    if len(found) < 2 or nums != list(range(1, len(nums) + 1)):
        return
    for n, m, at in found:
        lines[n] = "#" * min(at + 1, 6) + f" {m.group('num')}. {m.group('title').strip()}{m.group('rest')}"
        note(n + 1, f"bold step line {m.group('num')} read as the heading of a numbered step")


#: ``**TASK-010: Title**``, ``**T-3 — Title**``: the whole line bold, an id, a separator, a title.
_BOLD_ID_LINE = re.compile(r"^\*\*(?P<id>[^\s*:]+?)\s*(?P<sep>:|—|–|\s-\s)\s*(?P<title>[^*].*?)\*\*\s*$")
#: ``**#88 - Environment doctor** (1-2 days) ⚠️ CRITICAL``: the same line with words after the bold (one of a run).
_BOLD_ID_LEAD = re.compile(r"^\*\*(?P<id>[^\s*:]+?)\s*(?P<sep>:|—|–|\s-\s)\s*(?P<title>[^*].*?)\*\*(?P<rest>\s+\S.*)$")
#: ``**#4. Report Generation System** ⏳ **STARTING NOW**``: an issue's number, its full stop and title in bold, maybe
#: words after the bold (one of a run).
_BOLD_HASH_LINE = re.compile(r"^\*\*(?P<id>#\d{1,5})(?P<sep>\.)\s+(?P<title>[^*].*?)\*\*(?P<rest>\s+\S.*)?\s*$")
#: ``**Story 3.1: Dashboard Worker**``: the whole line bold, a word naming work and its number, a title.
_BOLD_WORD_ID_LINE = re.compile(
    r"^\*\*(?P<id>(?:task|story|feature|ticket|issue)\s+#?\d+(?:\.\d+)*[a-z]?)\s*(?P<sep>:|—|–|\s-\s)\s*"
    r"(?P<title>[^*].*?)\*\*\s*$",
    re.I,
)
#: ``**T3.5 Knowledge transfer (Lead: CLS)**``: the whole line bold, a dotted id, a space, a title (one of a run).
_BOLD_DOTTED_ID_LINE = re.compile(r"^\*\*(?P<id>[A-Z]{1,4}\d+(?:\.\d+)+)(?P<sep>\s)\s*(?P<title>[^*].*?)\*\*\s*$")
#: ``T1.1 Commit initial baseline.``, ``T4b.2 Read the cache``: a line, not bold, of a dotted id and a title, read as
#: an item's heading only over a list of its fields (``- Dependencies: T1.1.``).
_PLAIN_DOTTED_ID_LINE = re.compile(
    r"^(?P<id>[A-Z]{1,4}\d+[a-z]?(?:\.\d+[a-z]?)+)(?P<sep>\s)\s*(?P<title>[^\s*#|].*?)\.?\s*$"
)
#: ``**1. Document Editing System**``: the whole line bold, a number and its full stop, a title.
_BOLD_NUMBER_LINE = re.compile(r"^\*\*(?P<id>\d{1,3})(?P<sep>\.)\s+(?P<title>[^*].*?)\*\*(?P<rest>\s*\([^()]*\))?\s*$")
#: ``- Depends on: TASK-1``, ``- **Owner:** Ana``: a bullet whose text opens with a short label and a colon.
_FIELD_BULLET = re.compile(r"^[-*+]\s+(?:\*\*)?(?P<key>[^\W\d_][\w ()/'-]{0,30}?)(?:\*\*)?\s*:(?:\*\*)?(?:\s|$)")
_BULLET = re.compile(r"^[-*+]\s")


def _fields_follow(lines: list[str], start: int) -> bool:
    """The first block after ``start`` is a bullet list whose top-level entries are mostly ``Key: value``."""
    n = start + 1
    while n < len(lines) and not lines[n].strip():
        n += 1
    if n >= len(lines) or n - start > 2 or not _FIELD_BULLET.match(lines[n]):
        return False
    fields = bullets = 0
    while n < len(lines) and (lines[n].strip() == "" or lines[n][:1] in " \t" or _BULLET.match(lines[n])):
        if _BULLET.match(lines[n]):
            bullets += 1
            fields += bool(_FIELD_BULLET.match(lines[n]))
        elif (
            not lines[n].strip()
            and n + 1 < len(lines)
            and not (lines[n + 1][:1] in " \t" or _BULLET.match(lines[n + 1]))
        ):
            break
        n += 1
    return fields >= 2 and fields * 2 > bullets


def promote_bold_tickets(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Rewrite each bold id-and-title line over a field list as a heading below the current one, in place; and
    a run of them opening paragraphs (``**T08.1 - Bounded parallelism**`` then its text), two or more with one
    prefix and no id twice, whatever follows them."""
    found = [
        (n, m, level)
        for n, ln, level in prose_lines(lines)
        if (
            m := _BOLD_ID_LINE.match(ln)
            or _BOLD_ID_LEAD.match(ln)
            or _BOLD_HASH_LINE.match(ln)
            or _BOLD_NUMBER_LINE.match(ln)
            or _BOLD_WORD_ID_LINE.match(ln)
            or _BOLD_DOTTED_ID_LINE.match(ln)
            or _PLAIN_DOTTED_ID_LINE.match(ln)
        )
        and (is_id(m.group("id")) or m.re is _BOLD_WORD_ID_LINE)
    ]
    # A run names its items by ids; numbered bold lines are read only over fields (a number alone may be emphasis).
    opening = [
        (n, m, level)
        for n, m, level in found
        if (n == 0 or not lines[n - 1].strip()) and m.re not in (_BOLD_NUMBER_LINE, _PLAIN_DOTTED_ID_LINE)
    ]
    stems = {re.sub(r"[\d.]+[a-z]?$", "", m.group("id")) for _, m, _ in opening}
    run = len(opening) >= 2 and len(stems) == 1 and len({m.group("id") for _, m, _ in opening}) == len(opening)
    counted = _counted_over_lists(lines, [(n, m) for n, m, _ in found if m.re is _BOLD_NUMBER_LINE])
    plain_run = _plain_run(lines, [(n, m) for n, m, _ in found if m.re is _PLAIN_DOTTED_ID_LINE])
    for n, m, level in found:
        fields = m.re is not _BOLD_ID_LEAD and _fields_follow(lines, n)
        if not fields and n not in counted and n not in plain_run and not (run and any(n == o for o, _, _ in opening)):
            continue
        if m.re is _PLAIN_DOTTED_ID_LINE and (not (fields or n in plain_run) or (n and lines[n - 1].strip())):
            continue
        sep = m.group("sep") if m.group("sep") in ":." else f" {m.group('sep').strip()}".rstrip()
        rest = m.groupdict().get("rest") or ""
        lines[n] = "#" * min(level + 1, 6) + f" {m.group('id')}{sep} {m.group('title').strip()}{rest}"
        what = (
            "over a field list"
            if fields
            else "over a list, numbered from 1 under its heading"
            if n in counted
            else "over a list, one of a run"
            if n in plain_run
            else "opening a paragraph, one of a run"
        )
        line = "line" if m.re is _PLAIN_DOTTED_ID_LINE else "bold line"
        note(n + 1, f"{line} {m.group('id')!r} {what} read as the heading of an item")


def _plain_run(lines: list[str], found: list[tuple[int, re.Match[str]]]) -> set[int]:
    """The plain id lines (``T1.3 Add docs.``) that open a paragraph over a list, three or more of one prefix and no id
    twice: a plan naming its items so, each over its details (``- Include the fixture policy.``)."""
    over = [
        (n, m)
        for n, m in found
        if (n == 0 or not lines[n - 1].strip())
        and LIST_LINE.match(next((x for x in lines[n + 1 : n + 3] if x.strip()), ""))
    ]
    stems = {re.sub(r"[\d.]+[a-z]?$", "", re.sub(r"\d+[a-z]?(?=\.)", "", m.group("id"))) for _, m in over}
    ids = [m.group("id") for _, m in over]
    return {n for n, _ in over} if len(over) >= 3 and len(stems) == 1 and len(set(ids)) == len(ids) else set()


def _counted_over_lists(lines: list[str], numbered: list[tuple[int, re.Match[str]]]) -> set[int]:
    """The numbered bold lines (``**1. Dashboard Overview**``) that open a paragraph over a list, where those under
    one heading count 1, 2, 3 … there, two or more (the count may start again under the next heading)::

        #### Key Features
        **1. Dashboard Overview**
        - Real-time metrics widget
        **2. Revenue Analytics**
    """
    runs: dict[int, list[tuple[int, int]]] = {}  # the heading's line -> (line, number) of its numbered bold lines
    heads = [k for k, ln in outside_fences(lines) if HEADING_LINE.match(ln)]
    for n, m in numbered:
        after = next((x for x in lines[n + 1 : n + 3] if x.strip()), "")
        if (n == 0 or not lines[n - 1].strip() or HEADING_LINE.match(lines[n - 1])) and LIST_LINE.match(after):
            runs.setdefault(max((k for k in heads if k < n), default=-1), []).append((n, int(m.group("id"))))
    return {
        n
        for run in runs.values()
        if len(run) >= 2 and [num for _, num in run] == list(range(1, len(run) + 1))
        for n, _ in run
    }


#: A bold label alone on its line: ``**Phase 2: Integration Points**``.
_BOLD_LABEL_LINE = re.compile(r"^\*\*(?P<label>[^*\n]{1,80}?)\*\*\s*:?\s*$")
#: A numbered list entry: ``4. **Enhance authentication**``.
_NUMBERED_LINE = re.compile(r"^(?P<num>\d{1,3})[.)]\s+\S")


def folded_numbered_lists(lines: list[str], note: Callable[[int, str], None]) -> None:
    """A bold label line right over a numbered list that carries on an earlier one (``**Phase 2: Integration
    Points**`` then ``4. **Enhance authentication system**``): Markdown lets only a list that starts at 1 interrupt a
    paragraph, so the ``4.`` line joins the label's paragraph and its list is lost. Under a heading where that
    happens, each bold label line standing right over a numbered line is read as a heading one level below, the
    groups the writer meant, each over its list. The line count is kept."""
    level = 1
    labels: list[int] = []
    folds = False

    def rewrite() -> None:
        for n in labels if folds else []:
            label = _BOLD_LABEL_LINE.match(lines[n])
            assert label
            lines[n] = f"{'#' * min(level + 1, 6)} {label.group('label').strip().rstrip(':')}"
            note(n + 1, f"bold line {label.group('label').strip()!r} over a numbered list read as a heading")

    for n, ln in outside_fences(lines):
        if heading := HEADING_LINE.match(ln):
            rewrite()
            level, labels, folds = len(heading.group(1)), [], False
            continue
        after = _NUMBERED_LINE.match(lines[n + 1]) if n + 1 < len(lines) else None
        if after and _BOLD_LABEL_LINE.match(ln) and not (n and lines[n - 1].strip()):
            labels.append(n)
            folds = folds or after.group("num") != "1"
    rewrite()


#: A heading that is a number alone: ``#### 1.1``, ``### 2.``.
_BARE_NUMBER_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<num>\d{1,3}(?:\.\d{1,3})*)\.?\s*$")
#: A line a paragraph of words may open with (not a block of its own, nor a tool's command such as ``\anchor t1``).
_WORDS_LINE = re.compile(r"^(?![#>|`~\\]|\s*(?:[-*+]|\d+[.)])\s)\s*\S")


def bare_number_headings(lines: list[str], note: Callable[[int, str], None]) -> None:
    """Headings that are a number alone, each over the line that names its work (``#### 1.1`` then ``\\anchor t1_1``
    then ``Show all the pages in a navigation bar.(5 points)``): the heading is read as ``#### 1.1 Show all the pages
    …`` and the line it took left blank, so the number names an item with its words, as a numbered heading does. Only
    where the plan has two such headings or more; the line count is kept."""
    found: list[tuple[int, int]] = []
    for n, ln in outside_fences(lines):
        if not _BARE_NUMBER_HEADING.match(ln):
            continue
        # The first line of words within the next four, past blank lines and commands.
        for k in range(n + 1, min(n + 5, len(lines))):
            text = lines[k].strip()
            if not text or text.startswith("\\"):
                continue
            # A bold label alone ("**ModSystem**" under "## 0.1", a release) heads a group of its own, not the number.
            if _WORDS_LINE.match(lines[k]) and not _BOLD_LABEL_LINE.match(text):
                found.append((n, k))
            break
    if len(found) < 2:
        return
    for n, k in found:
        m = _BARE_NUMBER_HEADING.match(lines[n])
        assert m
        # Named by the first sentence; the rest stays beneath, as the item's words. The commands before the words (a
        # documentation tool's anchor) go.
        name, _, rest = lines[k].strip().partition(". ")
        lines[n] = f"{m.group('hashes')} {m.group('num')} {name}{'.' if rest else ''}"
        lines[n + 1 : k + 1] = [""] * (k - n - 1) + [rest]
        note(n + 1, f"heading {m.group('num')!r} alone: named by the line under it")
