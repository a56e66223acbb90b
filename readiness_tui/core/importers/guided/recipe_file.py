"""Reading a recipe file (``guided.recipe`` says what a recipe holds): its TOML checked table by table and
entry by entry, so that a wrong entry stops the import with a message naming the file, the line and the entry.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from readiness_tui.core.importers.guided.lines import entry_lines
from readiness_tui.core.importers.guided.recipe import (
    COLUMN_FIELDS,
    GROUP_FIELDS,
    ITEM_FIELDS,
    LIST_FIELDS,
    LIST_LABELS,
    OPTIONS,
    RISK_FIELDS,
    SECTION_ROLES,
    FixValue,
    Recipe,
    RecipeError,
    _key,
    _quote,
    section_key,
)
from readiness_tui.core.model.statuses import PRIORITIES, STATUSES

_TABLES = ("columns", "sections", "lists", "statuses", "priorities", "items", "risks", "ids", "options")


def parse_recipe(text: str, source: str = "recipe") -> Recipe:
    """A recipe from its TOML text; ``RecipeError`` names ``source``, the line and the entry that is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RecipeError(f"{source}: not valid TOML: {exc}") from None
    recipe = Recipe(source=source, lines=entry_lines(text))
    for name in data:
        if name not in _TABLES:
            raise RecipeError(f"{source}: unknown table [{name}]; a recipe has [{'], ['.join(_TABLES)}]")
    for name, allowed, out in (
        ("columns", COLUMN_FIELDS, recipe.columns),
        ("sections", tuple(SECTION_ROLES), recipe.sections),
        ("lists", LIST_LABELS, recipe.lists),
        ("statuses", STATUSES, recipe.statuses),
        ("priorities", PRIORITIES, recipe.priorities),
    ):
        table = data.get(name, {})
        if not isinstance(table, dict):
            raise RecipeError(f'{source}: [{name}] must be a table of "words" = "label"')
        for key, value in table.items():
            where = recipe.where(name, key)
            if name == "sections" and isinstance(value, dict):
                _group(recipe, key, value)
                continue
            if not isinstance(value, str) or value not in allowed:
                raise RecipeError(f"{where}: [{name}] {key!r} = {value!r}: expected one of {', '.join(allowed)}")
            made = section_key(key) if name == "sections" else _key(key)
            if not made:
                raise RecipeError(f"{where}: [{name}] {key!r} = {value!r}: the key has no words or marks to match")
            out[made] = value
            if (name, key) in recipe.lines:  # the report names the entry by its words as compared
                recipe.lines.setdefault((name, made), recipe.lines[(name, key)])
    for name, fields in (("items", ITEM_FIELDS), ("risks", RISK_FIELDS)):
        entries = getattr(recipe, name)
        for key, table in _table(data, name, recipe, "a table per id").items():
            entries[key.strip()] = _fix(recipe, name, key, table, fields)
    for key, value in _table(data, "ids", recipe, 'a table of "made" = "yours"').items():
        where = recipe.where("ids", key)
        # "PHASE-" = "": the number alone; "" = "" would say nothing.
        ok = isinstance(value, str) and bool(value.strip() or key) and not re.search(r"\s|\d$", value.strip())
        if key != key.strip() or re.search(r"\s|\d$", key) or not ok:
            raise RecipeError(
                f"{where}: [ids] {key!r} = {value!r}: expected what comes before the number of the import's ids and"
                ' of yours, one word each ("VA-" = "V-")'
            )
        recipe.ids[key] = str(value).strip()
    for key, value in _table(data, "options", recipe, "a table of name = value").items():
        where = recipe.where("options", key)
        if key not in OPTIONS:
            raise RecipeError(f"{where}: [options] {key!r}: unknown option; expected one of {', '.join(OPTIONS)}")
        if value not in OPTIONS[key]:
            raise RecipeError(f"{where}: [options] {key} = {value!r}: expected one of {', '.join(OPTIONS[key])}")
        recipe.options[key] = value
    return recipe


def _group(recipe: Recipe, key: str, table: dict[str, object]) -> None:
    """One ``[sections."words"]`` table: fields for every item under the heading, and its label if it has one."""
    made = section_key(key)
    if not made:
        raise RecipeError(f"{recipe.where('sections', key)}: [sections.{_quote(key)}]: the key has no words to match")
    label = table.get("label")
    if label is not None and label not in SECTION_ROLES:
        where = recipe.where("sections", key, "label")
        raise RecipeError(
            f"{where}: [sections.{_quote(key)}] label = {label!r}: expected one of {', '.join(SECTION_ROLES)}"
        )
    fields = {k: v for k, v in table.items() if k != "label"}
    if isinstance(label, str):
        recipe.sections[made] = label
    if fields or label is None:
        recipe.groups[made] = _fix(recipe, "sections", key, fields, GROUP_FIELDS)
    for path in [p for p in recipe.lines if p[:2] == ("sections", key)]:
        recipe.lines.setdefault(("sections", made, *path[2:]), recipe.lines[path])


def _table(data: dict[str, object], name: str, recipe: Recipe, what: str) -> dict[str, object]:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise RecipeError(f"{recipe.where(name)}: [{name}] must be {what}")
    return table


def _fix(recipe: Recipe, name: str, key: str, table: object, fields: tuple[str, ...]) -> dict[str, FixValue]:
    """One ``[items."ID"]`` / ``[risks."ID"]`` entry, its shape checked (its values are checked on import)."""
    entry = f"[{name}.{_quote(key)}]"
    if not key.strip():
        raise RecipeError(f"{recipe.where(name, key)}: {entry}: an entry needs the id of an {name[:-1]}")
    if not isinstance(table, dict) or not table:
        raise RecipeError(f"{recipe.where(name, key)}: {entry} must set one or more of {', '.join(fields)}")
    out: dict[str, FixValue] = {}
    for fld, value in table.items():
        where = f"{recipe.where(name, key, fld)}: {entry} {fld}"
        if fld not in fields:
            raise RecipeError(f"{where}: unknown field; expected one of {', '.join(fields)}")
        if fld == "drop":
            if value is not True:
                raise RecipeError(f"{where} = {value!r}: drop takes only true (leave it out to keep the {name[:-1]})")
            if len(table) > 1:
                raise RecipeError(f"{where}: a dropped {name[:-1]} has no other field to correct")
            out[fld] = True
        elif fld == "add":
            if value is not True:
                raise RecipeError(f"{where} = {value!r}: add takes only true (leave it out to correct an item)")
            if not isinstance(table.get("title"), str) or not table["title"].strip() or "id" in table:
                raise RecipeError(f"{where}: an added {name[:-1]} needs a title, and its id is the key (no id field)")
            out[fld] = True
        elif fld in LIST_FIELDS:
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise RecipeError(f'{where} = {value!r}: expected a list of ids, ["A-1", "A-2"]')
            out[fld] = [v.strip() for v in value]
        elif fld == "estimate" and isinstance(value, (int, float)) and not isinstance(value, bool):
            out[fld] = f"{value:g}"  # a number of days
        elif isinstance(value, str):
            out[fld] = value
        else:
            raise RecipeError(f"{where} = {value!r}: expected words in quotes")
    return out


def load_recipe(path: Path) -> Recipe:
    """The recipe in ``path``; ``RecipeError`` when it is missing or wrong (never a traceback)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecipeError(f"{path}: no such recipe file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RecipeError(f"{path}: cannot read the recipe: {exc}") from None
    return parse_recipe(text, str(path))
