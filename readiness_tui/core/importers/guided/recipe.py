"""Import recipes: the relabelling a person did once, saved so that re-importing a revised plan needs none.

A recipe is a small TOML file (``board.import.toml`` beside the board, or any file given to
``import --recipe``)::

    [columns]            # a column header (or ``Key:``) -> the board field it is
    "Notes" = "depends_on"
    "Who" = "owner"

    [sections]           # a heading's words -> what its blocks are
    "Review checklist" = "text"
    "Known issues" = "risks"

    [statuses]           # the plan's status words -> board statuses
    "Shipped to QA" = "review"

Section labels: ``items`` (its lists are items), ``item`` (the heading is one item; its lists are what
it holds), ``risks``, ``milestones``, ``text`` (kept as text, no items: not its tables, lists or the
headings under it), ``skip`` (not imported). A
heading matches when its words, without marks, equal the key (case-insensitive); a key ending in
``*`` matches every heading that starts with its words (``"Milestone *" = "item"``: each milestone
heading is an item). Every entry the recipe applied is a line of the import report.
"""

from __future__ import annotations

import re
import tomllib
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_tui.core.model.statuses import STATUSES

if TYPE_CHECKING:
    from readiness_tui.core.importers.document.blocks import Section

#: What a section label means to the walk: the heading role (see ``sections.headings``) it forces.
SECTION_ROLES: dict[str, str] = {
    "items": "actions",
    "item": "heading_item",
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


def section_key(text: str) -> str:
    """A ``[sections]`` key: the heading's words; a closing ``*`` (every heading that starts with them) kept."""
    wild = re.search(r"(?<!\*)\*\s*$", text)
    words = _key(text[: wild.start()] if wild else text)
    return words + " *" if words and wild else words


@dataclass
class Recipe:
    """Column and section relabels; ``used`` collects what an import applied (for the report)."""

    columns: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    #: The plan's own status words -> board statuses ("완료" = "done", "Shipped to QA" = "review").
    statuses: dict[str, str] = field(default_factory=dict)
    source: str = "recipe"
    #: ("columns" | "sections", key) of the entries an import used.
    applied: set[tuple[str, str]] = field(default_factory=set)

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
        return next((k for k in self.sections if k.endswith(" *") and (words + " ").startswith(k[:-1])), None)

    def section_role(self, title: str) -> str | None:
        key = self._match(title)
        if key:
            self.applied.add(("sections", key))
        return SECTION_ROLES[self.sections[key]] if key else None

    def status(self, word: str) -> str | None:
        found = self.statuses.get(_key(word))
        if found:
            self.applied.add(("statuses", _key(word)))
        return found

    def section_label(self, title: str) -> str | None:
        """The label given to a heading's words, without counting it as applied."""
        key = self._match(title)
        return self.sections[key] if key else None

    def to_toml(self) -> str:
        """The recipe as the TOML text ``load_recipe`` reads back."""
        out = ["# readiness import recipe: relabels applied on every import of this plan", ""]
        for name, table in (("columns", self.columns), ("sections", self.sections), ("statuses", self.statuses)):
            if table:
                out.append(f"[{name}]")
                out += [f"{_quote(k)} = {_quote(v)}" for k, v in table.items()]
                out.append("")
        return "\n".join(out)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _line_of(text: str, key: str) -> int | None:
    starts = (f'"{key}"', f"'{key}'", *([key] if key.strip() else []))
    for n, ln in enumerate(text.splitlines(), start=1):
        if ln.strip().startswith(starts):
            return n
    return None


def parse_recipe(text: str, source: str = "recipe") -> Recipe:
    """A recipe from its TOML text; ``RecipeError`` names ``source``, the line and the entry that is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RecipeError(f"{source}: not valid TOML: {exc}") from None
    recipe = Recipe(source=source)
    for name in data:
        if name not in ("columns", "sections", "statuses"):
            raise RecipeError(f"{source}: unknown table [{name}]; a recipe has [columns], [sections] and [statuses]")
    for name, allowed, out in (
        ("columns", COLUMN_FIELDS, recipe.columns),
        ("sections", tuple(SECTION_ROLES), recipe.sections),
        ("statuses", STATUSES, recipe.statuses),
    ):
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise RecipeError(f'{source}: [{name}] must be a table of "words" = "label"')
        for key, value in table.items():
            where = f"{source}:{_line_of(text, key) or '?'}"
            if not isinstance(value, str) or value not in allowed:
                raise RecipeError(f"{where}: [{name}] {key!r} = {value!r}: expected one of {', '.join(allowed)}")
            made = section_key(key) if name == "sections" else _key(key)
            if not made:
                raise RecipeError(f"{where}: [{name}] {key!r} = {value!r}: the key has no words or marks to match")
            out[made] = value
    return recipe


def load_recipe(path: Path) -> Recipe:
    """The recipe in ``path``; ``RecipeError`` when it is missing or wrong (never a traceback)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecipeError(f"{path}: no such recipe file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecipeError(f"{path}: cannot read the recipe: {exc}") from None
    return parse_recipe(text, str(path))


def recipe_beside(board: Path) -> Path:
    """Where the recipe of a board lives: ``plan.toml`` -> ``plan.import.toml``."""
    return board.with_name(board.stem + ".import.toml")


#: The recipe of the import in progress (set by ``import_markdown``).
RECIPE: ContextVar[Recipe | None] = ContextVar("RECIPE", default=None)


def chosen_label(sec: Section) -> str | None:
    """The ``[sections]`` label the recipe of the import in progress gives ``sec``, else the nearest heading it is
    under (the title aside): what a person chose for these blocks, which beats the importer's guess."""
    recipe = RECIPE.get()
    if recipe is None:
        return None
    for s in [sec, *sec.ancestors()]:
        if s.heading is not None and s.level > 1:
            label = recipe.section_label(s.bare_title)
            if label is not None:
                return label
    return None
