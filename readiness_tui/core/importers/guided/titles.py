"""Where an item's title ends, when a person says so for the whole plan: a recipe's ``[options] asides``, ``dashes``
and ``colons``.

Writers part an entry's name from what it says of itself in three common ways, and truth-tellers disagree on each:
``Webhook worker (validation, enqueue)``, ``Man page generation -- Generate man pages from argparse`` and ``Trim
build: drop source maps``. The importer reads them only where the plan's own shape says so (every entry of a list
dashed alike, a file's details in brackets, a short name over a long explanation); a person who knows the plan's
habit says it once, and every item's title ends there, the rest going to its description, or ends nowhere
(``"title"``: the whole line is the title).
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.guided.recipe import RECIPE

#: A bracketed aside closing a title: "Webhook worker (validation, enqueue)", "Add mirrors [idempotent]."
_ASIDE = re.compile(r"^(?P<name>.*?\w.*?)\s*(?:\((?P<round>[^()]+)\)|\[(?P<square>[^\[\]]+)\])\.?\s*$", re.S)

#: A colon after a name, then a space: "Trim build: drop source maps" (not "10:30", not "https://").
_COLON = re.compile(r"^(?P<name>[^:：]*?\w[^:：]*?)\s*[:：]\s+(?P<rest>\S.*)$", re.S)

#: A spaced dash after a name: " - ", " – ", " — ", and " -- ", the em dash as plain text writes it.
_DASH = re.compile(r"^(?P<name>.*?\w.*?)\s+(?:--|[-–—])\s+(?P<rest>\S.*)$", re.S)


def recipe_title(title: str) -> tuple[str, str]:
    """``(title, said)``: the title where the recipe of the import in progress ends titles, and what it cut off for
    the description ("" when it cut nothing or sets neither option)."""
    recipe = RECIPE.get()
    if recipe is None:
        return title, ""
    said: list[str] = []
    if recipe.options.get("colons") == "description" and (colon := _COLON.match(title)):
        title = colon.group("name").rstrip()
        said.append(colon.group("rest").strip())
        recipe.applied.add(("options", "colons"))
    if recipe.options.get("dashes") == "description" and (dash := _DASH.match(title)):
        title = dash.group("name").rstrip()
        said.append(dash.group("rest").strip())
        recipe.applied.add(("options", "dashes"))
    # "Improve readability (Unicode quantity display) (#36)": every aside closing the title, the last said last.
    while recipe.options.get("asides") == "description" and (aside := _ASIDE.match(title)):
        title = aside.group("name").rstrip(" :—–-")
        said.insert(0, (aside.group("round") or aside.group("square") or "").strip())
        recipe.applied.add(("options", "asides"))
    return title, "\n".join(said)


def keeps_in_title(option: str) -> bool:
    """Whether the recipe of the import in progress sets ``option`` to "title": a file's details in brackets
    (``asides``) or what follows a colon (``colons``) stays in the title where the importer would end it there;
    said applied when asked."""
    recipe = RECIPE.get()
    if recipe is None or recipe.options.get(option) != "title":
        return False
    recipe.applied.add(("options", option))
    return True
