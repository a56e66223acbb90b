"""Import recipes: the relabelling a person did once, saved so that re-importing a revised plan needs none.

A recipe is a small TOML file (``board.import.toml`` beside the board, or any file given to
``import --recipe``)::

    [columns]            # a column header (or ``Key:``) -> the board field it is
    "Notes" = "depends_on"
    "Who" = "owner"

    [sections]           # a heading's words -> what its blocks are
    "Review checklist" = "text"
    "Known issues" = "risks"

    [lists]              # the label leading a list in -> what the list is, wherever it stands
    "Checklist" = "text" # "**Checklist**:" over boxes that check a step: not items
    "Next up" = "items"

    [sections."Wave 1"]  # every item under a heading (see ``guided.groups``)
    depends_on = ["W0"]  # ... also waits on these items
    after = ["Wave 0"]   # ... also waits on every item under these headings
    owner = "agent"      # ... and has this owner (status, priority alike)

    [statuses]           # the plan's status words -> board statuses
    "Shipped to QA" = "review"
    "⚠️" = "todo"         # a mark: every cell it opens whose words after it say no state ("⚠️ Untested")

    [priorities]         # the plan's priority words -> P0..P3, before the built-in scale
    "最高" = "P0"

    [items."C2"]         # one item of the import, corrected (see ``guided.corrections``)
    depends_on = ["B4", "C1"]
    owner = "Xavier"
    [items."A-3"]
    id = "CC-3"          # renamed; every reference follows (the key stays the import's id)
    [items."1.0"]
    drop = true          # not an item (a group row); references to it are reported
    [items."NUL-027"]
    add = true           # an item the import did not make (named only in a risk row)
    title = "Rotate keys"

    [risks."R-3"]
    mitigated_by = ["T-07", "T-12"]
    [risks."R-9"]
    add = true           # a risk the import did not read (a table it could not), with its title
    title = "Vendor outage"

    [ids]                # ids the import numbered -> the plan's own numbering (see ``guided.ids``)
    "VA-" = "V-"         # VA-1, VA-2 ... are V-1, V-2 ...

    [options]            # plan-wide readings
    owner = "first"      # an owner cell naming several keeps the first named, asides cut too
                         # ("whole": the cell as written, "Eng + Founder"; unset: the first owns, the rest contribute)
    outside_ids = "drop" # a dependency on an id not on this board is dropped
    struck = "done"      # a struck-through id means done, not cancelled
    all = "every"        # a risk's items cell "All" names every item (an item's risk cell, every risk)
    group_waits = "none" # a wait on a group ("after Phase 1", "Sprint 1 complete") makes no item dependencies
    steps = "items"      # the boxes under an item's heading (and its "Steps:" field's entries) are items of their own
                         # ("description": always its checklist; unset, "plan": items where the plan says they are work)
    sub_boxes = "steps"  # the boxes indented under a box are its steps (its description), not its child items
    sub_bullets = "items"  # the plain bullets under a box or a plain entry are its child items, not its description
                           # ("groups": under a plain entry, they are the items and the entry names their group)
    plain_lists = "labelled"  # plain lists are work only under the sections labelled items, not across the plan
    asides = "description" # a bracketed aside closing a title ("Webhook worker (validation)") is its description
    dashes = "description" # what follows a spaced dash in a title (" - ", " — ", " -- ") is its description
    tags = "owner"         # a bracketed tag opening an entry names its owner ("[Juan] Create enemy"; "[____]" no one)

Section labels: ``items`` (its lists are items), ``item`` (the heading is one item; its lists are what
it holds), ``headings`` (each heading right under it is one item, as ``item`` makes one), ``risks``,
``milestones``, ``text`` (kept as text, no items: not its tables, lists or the headings under it),
``skip`` (not imported). A
heading matches when its words, without marks, equal the key (case-insensitive); a key ending in
``*`` matches every heading that starts with its words (``"Milestone *" = "item"``: each milestone
heading is an item). Every entry the recipe applied is a line of the import report.
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_tui.core.importers.guided.lines import entry_lines
from readiness_tui.core.importers.vocabulary.words import UNSPACED_CHAR

if TYPE_CHECKING:
    from readiness_tui.core.importers.document.blocks import Section

#: What a section label means to the walk: the heading role (see ``sections.headings``) it forces.
SECTION_ROLES: dict[str, str] = {
    "items": "actions",
    "item": "heading_item",
    "headings": "plain",  # the heading groups; each heading right under it is one item (``sections.headings``)
    "risks": "risks",
    "milestones": "milestones",
    "text": "text",
    "skip": "template",
}
#: The board fields a column may be relabelled as.
COLUMN_FIELDS = (
    "id",
    "title",
    "owner",
    "status",
    "priority",
    "depends_on",
    "blocks",
    "estimate",
    "target",
    "phase",
    "milestone",
    "description",
    "notes",
    "mitigated_by",
    "severity",
    "likelihood",
)


class RecipeError(ValueError):
    """A recipe that cannot be used; the message names the file, the line when known, and the entry."""


#: Invisible presentation selectors: ``✅`` and ``✅️`` are one mark as a reader sees it.
_SELECTORS_RE = re.compile("[\ufe0e\ufe0f]")


def _key(text: str) -> str:
    """What a recipe key and the plan's words are compared by: the words, lower case, without marks ("✅ Done" ->
    "done"). Words made only of marks or emoji ("🔴", "—") have no letters to go by, so they compare as written,
    whitespace aside; dropping the marks would make every such key the empty one, matching every mark."""
    words = " ".join(re.sub(r"[^\w#/ ]+", " ", text.lower().replace("_", " ")).split())
    return words or " ".join(_SELECTORS_RE.sub("", text).split())


def heading_matches(key: str, title: str) -> bool:
    """Whether a ``[sections]`` key names a heading: its words, or a ``words *`` key its words start with. A key
    ending in Chinese, Japanese or Korean (``阶段 *``) matches inside a word too: ``阶段一：x``, ``阶段二：y``."""
    words = _key(title)
    if words == key or not key.endswith(" *"):
        return words == key
    head = key[:-2]
    return (words + " ").startswith(head + " ") or (bool(UNSPACED_CHAR.match(head[-1:])) and words.startswith(head))


def section_key(text: str) -> str:
    """A ``[sections]`` key: the heading's words; a closing ``*`` (every heading that starts with them) kept."""
    wild = re.search(r"(?<!\*)\*\s*$", text)
    words = _key(text[: wild.start()] if wild else text)
    return words + " *" if words and wild else words


#: What one ``[items."ID"]`` / ``[risks."ID"]`` field holds: words, a list of ids, or ``drop = true``.
FixValue = str | bool | list[str]
#: The fields a correction of one item may set, and of one risk.
ITEM_FIELDS = ("title", "owner", "status", "priority", "estimate", "target", "depends_on", "id", "drop", "add")
RISK_FIELDS = ("mitigated_by", "title", "drop", "add")
#: The fields a ``[sections."words"]`` table gives every item under the heading (``after``: the words of other
#: headings, whose items they all wait on), and ``label``, the section's ``[sections]`` label written there.
GROUP_FIELDS = ("depends_on", "after", "owner", "status", "priority")
LIST_FIELDS = frozenset({"depends_on", "mitigated_by", "after"})
#: Plan-wide options and the values each takes; the first is the importer's own reading (the option's absence).
OPTIONS: dict[str, tuple[str, ...]] = {
    "owner": ("split", "first", "whole"),
    "outside_ids": ("keep", "drop"),
    "struck": ("cancelled", "done"),
    "all": ("none", "every"),
    "group_waits": ("items", "none"),
    "steps": ("plan", "description", "items"),
    "sub_boxes": ("items", "steps"),
    "sub_bullets": ("description", "items", "groups"),
    "plain_lists": ("plan", "labelled"),
    "asides": ("plan", "description", "title"),
    "dashes": ("plan", "description"),
    "colons": ("plan", "description", "title"),
    "tags": ("tags", "owner"),
}


@dataclass
class Recipe:
    """Column and section relabels; ``used`` collects what an import applied (for the report)."""

    columns: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    #: A list's lead-in label ("Checklist", from ``**Checklist**:``) -> items | text, wherever the list stands.
    lists: dict[str, str] = field(default_factory=dict)
    #: The plan's own status words -> board statuses ("완료" = "done", "Shipped to QA" = "review").
    statuses: dict[str, str] = field(default_factory=dict)
    #: The plan's own priority words -> P0..P3 ("最高" = "P0", "Must" = "P0"), read before the built-in scale.
    priorities: dict[str, str] = field(default_factory=dict)
    #: Corrections of one item each: id -> {field: value} (``guided.corrections`` applies them).
    items: dict[str, dict[str, FixValue]] = field(default_factory=dict)
    #: Corrections of one risk each: id -> {"mitigated_by": [...]} or {"drop": True}.
    risks: dict[str, dict[str, FixValue]] = field(default_factory=dict)
    #: Plan-wide options (``OPTIONS``): name -> value.
    options: dict[str, str] = field(default_factory=dict)
    #: Fields for every item under a heading: section key -> {field: value} (``guided.groups`` applies them).
    groups: dict[str, dict[str, FixValue]] = field(default_factory=dict)
    #: What comes before the number of the ids the import made -> the plan's own (``guided.ids``): "VA-" -> "V-".
    ids: dict[str, str] = field(default_factory=dict)
    source: str = "recipe"
    #: ("columns" | "sections", key) of the entries an import used.
    applied: set[tuple[str, str]] = field(default_factory=set)
    #: Where each entry was written in the recipe file: (table, key[, field]) -> line; empty for a recipe made on
    #: screen (``line`` then counts where ``to_toml`` puts it).
    lines: dict[tuple[str, ...], int] = field(default_factory=dict, compare=False)

    def column(self, header: str) -> str | None:
        fld = self.columns.get(_key(header))
        if fld:
            self.applied.add(("columns", _key(header)))
        return fld

    def _match(self, title: str) -> str | None:
        """The ``[sections]`` key a heading matches: its words, else a ``words *`` key it starts with."""
        words = _key(title)
        if words in self.sections:
            return words
        return next((k for k in self.sections if heading_matches(k, title)), None)

    def section_role(self, title: str) -> str | None:
        key = self._match(title)
        if key:
            self.applied.add(("sections", key))
        return SECTION_ROLES[self.sections[key]] if key else None

    def list_label(self, lead_in: str) -> str | None:
        """What the recipe says a list led in by ``lead_in`` is (items or text), counted as applied."""
        found = self.lists.get(_key(lead_in))
        if found:
            self.applied.add(("lists", _key(lead_in)))
        return found

    def status(self, word: str) -> str | None:
        """The status the recipe gives the plan's word: the whole cell, else the longest of the recipe's own words
        (two words or more, or not plain ASCII) that the cell holds ("implemented; 미검증" by ``"미검증" =
        "in_progress"``)."""
        key = _key(word)
        hit = key if key in self.statuses else None
        if hit is None and self.statuses and " " in key:
            padded = f" {key} "
            # Only words a plan makes its own (two words or more, or not plain ASCII): "done" inside "not done"
            # is no state the person gave.
            inside = [k for k in self.statuses if (" " in k or not k.isascii()) and f" {k} " in padded]
            hit = max(inside, key=len) if inside else None
        if hit is None:
            return None
        self.applied.add(("statuses", hit))
        return self.statuses[hit]

    def priority(self, word: str) -> str | None:
        found = self.priorities.get(_key(word))
        if found:
            self.applied.add(("priorities", _key(word)))
        return found

    def option(self, name: str) -> str:
        """The value of a plan-wide option (its default when the recipe leaves it out); a value other than the
        default counts as applied."""
        value = self.options.get(name, OPTIONS[name][0])
        if value != OPTIONS[name][0]:
            self.applied.add(("options", name))
        return value

    def section_label(self, title: str) -> str | None:
        """The label given to a heading's words, without counting it as applied."""
        key = self._match(title)
        return self.sections[key] if key else None

    def is_empty(self) -> bool:
        words = (self.columns, self.sections, self.lists, self.statuses, self.priorities, self.options, self.ids)
        return not any(words) and not any((self.items, self.risks, self.groups))

    def line(self, *path: str) -> int | None:
        """The recipe file's line of an entry (``("items", "C2", "owner")``), else of the nearest table holding it;
        for a recipe not read from a file, the line ``to_toml`` writes it on."""
        if not self.lines:
            self.lines = entry_lines(self.to_toml())  # kept: an import asks once per entry it reports
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                return self.lines[path[:n]]
        return None

    def where(self, *path: str) -> str:
        """``board.import.toml:12``: the file and line of an entry, for a report line."""
        return f"{self.source}:{self.line(*path) or '?'}"

    def to_toml(self) -> str:
        """The recipe as the TOML text ``load_recipe`` reads back."""
        out = ["# readiness import recipe: relabels applied on every import of this plan", ""]
        # A heading with fields for its items has its label in its own table: TOML keeps one value per key.
        labels = {k: v for k, v in self.sections.items() if k not in self.groups}
        words = ("lists", self.lists), ("statuses", self.statuses), ("priorities", self.priorities)
        for name, table in (("columns", self.columns), ("sections", labels), *words):
            if table:
                out.append(f"[{name}]")
                out += [f"{_quote(k)} = {_quote(v)}" for k, v in table.items()]
                out.append("")
            if name == "sections":
                for key, fields in self.groups.items():
                    out.append(f"[sections.{_quote(key)}]")
                    out += [f"label = {_quote(self.sections[key])}"] if key in self.sections else []
                    out += [f"{f} = {_value(v)}" for f, v in fields.items()]
                    out.append("")
        for name, entries in (("items", self.items), ("risks", self.risks)):
            for key, fields in entries.items():
                out.append(f"[{name}.{_quote(key)}]")
                out += [f"{f} = {_value(v)}" for f, v in fields.items()]
                out.append("")
        if self.ids:
            out.append("[ids]")
            out += [f"{_quote(k)} = {_quote(v)}" for k, v in self.ids.items()]
            out.append("")
        if self.options:
            out.append("[options]")
            out += [f"{k} = {_quote(v)}" for k, v in self.options.items()]
            out.append("")
        return "\n".join(out)


def _quote(text: str) -> str:
    # JSON string escapes are TOML's, but that JSON leaves DEL (U+007F) raw and TOML forbids it.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: FixValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_quote(v) for v in value) + "]"
    return _quote(value)


def recipe_beside(board: Path) -> Path:
    """Where the recipe of a board lives: ``plan.toml`` -> ``plan.import.toml``."""
    return board.with_name(board.stem + ".import.toml")


#: The recipe of the import in progress (set by ``import_markdown``).
RECIPE: ContextVar[Recipe | None] = ContextVar("RECIPE", default=None)


def chosen_label(sec: Section) -> str | None:
    """The ``[sections]`` label the recipe of the import in progress gives ``sec``, else the nearest heading it is
    under: what a person chose for these blocks, which beats the importer's guess. The title's label is for the
    blocks right under it, not for the plan's other sections."""
    recipe = RECIPE.get()
    if recipe is None:
        return None
    for s in [sec, *sec.ancestors()]:
        if s.heading is not None and (s is sec or not s.is_title):
            label = recipe.section_label(s.bare_title)
            if label is not None:
                return label
    return None


#: The labels a list led in by its label may be given (``[lists]``).
LIST_LABELS = ("items", "text")


def chosen_list(lead_in: str | None) -> str | None:
    """The ``[lists]`` label the recipe of the import in progress gives a list led in by ``lead_in``, else None."""
    recipe = RECIPE.get()
    return recipe.list_label(lead_in) if recipe is not None and lead_in else None


def chosen_id(header: str, cell: str) -> bool:
    """Whether a person said ``header`` is the id column (``[columns] "Slug" = "id"``) and ``cell`` is one word:
    then it is the item's id as written (a slug, ``VR``), though the importer would not take it for one."""
    recipe = RECIPE.get()
    return recipe is not None and recipe.columns.get(_key(header)) == "id" and re.fullmatch(r"\S+", cell) is not None


def recipe_option(name: str) -> str:
    """The value of the plan-wide option ``name`` (``OPTIONS``) for the import in progress: the recipe's, else the
    importer's own reading, the option's first value (``sub_bullets`` -> "description", ``struck`` -> "cancelled")."""
    recipe = RECIPE.get()
    return recipe.option(name) if recipe is not None else OPTIONS[name][0]
