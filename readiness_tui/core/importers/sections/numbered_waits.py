"""A numbered list whose entries wait on each other by number: an order of work, each entry an item."""

from __future__ import annotations

import re
from typing import Any

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, plain
from readiness_tui.core.importers.sections.patterns import Ctx
from readiness_tui.core.importers.vocabulary.waits import BEFORE_IDS, alternation

#: "(depends on #2)", "after 3 and 4", "depende de 1": an entry waiting on others of its list, by number (the wait
#: words of every plan language read, ``vocabulary.waits``).
_WAIT_WORDS = alternation(BEFORE_IDS, r"(?!\w)")
_WAITS_ON_NUMBERS = re.compile(
    rf"(?<!\w)(?:{_WAIT_WORDS})\s+(?P<nums>#?\d+(?:\s*(?:,|&|\band\b)\s*#?\d+)*)(?![\w.])",
    re.I,
)
#: "(must be last)", "(run last)": the entry after every other one of its list.
_LAST_ENTRY = re.compile(r"\((?:[^()]*\b)?(?:must|should|has to|to)\s+(?:be|run|go|come)\s+last\)", re.I)


def numbered_waits(b: Builder, lst: ListBlock, sec: Section, ctx: Ctx) -> bool:
    """A numbered list whose entries wait on each other by number ("3. `003_accounts.sql` (depends on #2)", "11.
    triggers (must be last)"): an order of work, each entry an item numbered as the list numbers it, waiting on
    the entries it names. Only when two entries or more name others of the list, and every number named is one."""
    nums = [str(it.number) if it.number is not None else "" for it in lst.items]
    if not lst.ordered or len(nums) < 3 or not all(nums) or any(n in b.items for n in nums):
        return False
    texts = [plain(it.text, keep_code=True) for it in lst.items]
    named = [
        [n.lstrip("#") for m in _WAITS_ON_NUMBERS.finditer(t) for n in re.findall(r"#?\d+", m.group("nums"))]
        for t in texts
    ]
    if sum(1 for refs in named if refs) < 2 or any(n not in nums for refs in named for n in refs):
        return False
    for it, num, text, refs in zip(lst.items, nums, texts, named, strict=True):
        deps = [n for n in nums if n != num] if _LAST_ENTRY.search(text) else [n for n in refs if n != num]
        # "Sub-accounts (depends on #2)": the aside says the order, which the dependencies now hold.
        aside = re.search(r"\s*\(([^()]*)\)\s*$", text)
        said = aside and (_WAITS_ON_NUMBERS.search(aside.group(1)) or _LAST_ENTRY.search(aside.group(0)))
        title = text[: aside.start()] if aside and said else text
        values: dict[str, Any] = {"id": num, "title": title, "kind": "task", **ctx.item_fields()}
        if deps:
            values["depends_on"] = list(dict.fromkeys(deps))
            b.deps_stated.add(num)
        b.add_item(values, it.line, "numbered step")
    b.consume(lst, sec)
    b.used(
        lst.line, f"numbered list under {sec.title!r} whose entries wait on each other -> items {nums[0]} .. {nums[-1]}"
    )
    return True
