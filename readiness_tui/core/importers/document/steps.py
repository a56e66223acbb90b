"""Steps written as bold paragraphs: ``**Step 3. EventBus** (in parallel)`` over the step's bullets.

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
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

#: "Step" in the plan languages read.
#: "Step" in the plan languages: a bold step line here, a step heading in ``sections.patterns``.
STEP_WORDS = r"step|шаг|крок|paso|étape|etape|schritt|passo|etapa|krok|stap|steg|adım|步骤|ステップ|단계"
_STEP_LINE = re.compile(
    rf"^\*\*(?:{STEP_WORDS})\s+(?P<num>\d+)\s*[.:)—–-]?\s+(?P<title>[^*]+?)\s*\*\*(?P<rest>.*)$", re.I
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s")


def prose_lines(lines: list[str]) -> Iterator[tuple[int, str, int]]:
    """Each line outside code fences that is not a heading, with its number and the level of the heading it
    stands under (1 before any): where a bold line that is really a heading can stand."""
    level, fenced = 1, False
    for n, ln in enumerate(lines):
        if _FENCE.match(ln):
            fenced = not fenced
        if fenced:
            continue
        h = _HEADING.match(ln)
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
        if n and _HEADING.match(lines[n - 1]):
            h = _NUMBERED_HEAD.match(lines[n - 1])
            head = h.group("num") if h else ""
        m = _SUBSTEP_LINE.match(ln)
        fresh = n == 0 or not lines[n - 1].strip() or _HEADING.match(lines[n - 1])
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
        if m and (n == 0 or not lines[n - 1].strip() or _HEADING.match(lines[n - 1])):
            found.append((n, m, level))
    nums = [int(m.group("num")) for _, m, _ in found]
    if len(found) < 2 or nums != list(range(1, len(nums) + 1)):
        return
    for n, m, at in found:
        lines[n] = "#" * min(at + 1, 6) + f" {m.group('num')}. {m.group('title').strip()}{m.group('rest')}"
        note(n + 1, f"bold step line {m.group('num')} read as the heading of a numbered step")
