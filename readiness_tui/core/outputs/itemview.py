"""An item as the command line shows it: one line for lists, a block for ``show``, a JSON record.

The JSON record is a contract (``ITEM_FORMAT_VERSION``): keys are added, never renamed or removed,
without raising the version. ``readiness list --json``, ``show --json`` and ``add`` print it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.analysis.item_state import FactSets
from readiness_tui.core.analysis.tree import Hierarchy, tree_of
from readiness_tui.core.model.board import Board, Item
from readiness_tui.core.outputs.record_json import record_json

ITEM_FORMAT_VERSION = 1


def item_facts(item_id: str, analysis: Analysis) -> dict[str, bool]:
    """What the analysis says of an item, the same words every surface uses."""
    return analysis.fact_sets.of(item_id)


def item_record(
    item: Item, analysis: Analysis, notes: Mapping[str, list[dict[str, Any]]] | None = None
) -> dict[str, Any]:
    """The item's fields (every one, a default as its value: a script needs no defaults table) and
    the analysis' facts; ``FIELD_effective`` for each field a child inherits (``core.tree``).
    ``notes``: ``notes_by_item`` of the board, for a caller that makes many records."""
    if notes is None:
        notes = {item.id: item_notes(analysis.board, item.id)}
    tree = tree_of(analysis)
    return _record(item, analysis, tree, analysis.fact_sets, notes, tree.effective(item.id))


def item_records(items: Iterable[Item], analysis: Analysis) -> list[dict[str, Any]]:
    """``item_record`` of each of ``items``, what they share read once."""
    items = list(items)
    tree, facts, notes = tree_of(analysis), analysis.fact_sets, notes_by_item(analysis.board)
    effective = tree.effective_many(it.id for it in items)
    return [_record(it, analysis, tree, facts, notes, effective[it.id]) for it in items]


def items_document(items: Iterable[Item], analysis: Analysis, **query: str) -> dict[str, Any]:
    """``list --json`` (``filter``) and ``search --json`` (``query``): item records in board order."""
    return {"format_version": ITEM_FORMAT_VERSION, **query, "items": item_records(items, analysis)}


def item_document(item: Item, analysis: Analysis) -> dict[str, Any]:
    """``show --json`` and ``add --json``: one item record."""
    return {"format_version": ITEM_FORMAT_VERSION, **item_record(item, analysis)}


def _record(
    item: Item,
    analysis: Analysis,
    tree: Hierarchy,
    facts: FactSets,
    notes: Mapping[str, list[dict[str, Any]]],
    effective: tuple[dict[str, str], list[str]],
) -> dict[str, Any]:
    iid = item.id
    rollup = tree.rollup(iid)
    values, came = effective
    return {
        "id": iid,
        "fields": record_json(item),
        **facts.of(iid),
        # Inherited from the parent chain when the item has none (core.tree), and the roll-up.
        "owner_effective": values["owner"],
        "workstream_effective": values["workstream"],
        "priority_effective": values["priority"] or None,
        "phase_effective": values["phase"] or None,
        "inherited": came,
        "children": None if rollup is None else {"done": rollup.done, "total": rollup.total},
        "progress": list(notes.get(iid, ())),
        "waiting_on": analysis.open_dependencies(iid),
        "dependents": analysis.dependents(iid),
    }


def item_lines(items: Iterable[Item], analysis: Analysis) -> list[str]:
    """``item_line`` of each of ``items``, their inherited values read in one walk."""
    items = list(items)
    effective = tree_of(analysis).effective_many(it.id for it in items)
    return [item_line(it, analysis, effective[it.id]) for it in items]


def item_line(item: Item, analysis: Analysis, effective: tuple[dict[str, str], list[str]] | None = None) -> str:
    """``ID  status  P0  @owner  target  title  [ready|blocked|overdue]``: one row of ``list``
    (``effective``: the item's ``Hierarchy.effective``, when the caller read it already)."""
    facts = [name for name, on in item_facts(item.id, analysis).items() if on]
    tree = tree_of(analysis)
    values, came = tree.effective(item.id) if effective is None else effective
    owner, priority = (
        f"{values[name]} (inherited)" if name in came else values[name] for name in ("owner", "priority")
    )
    rollup = tree.rollup(item.id)
    title = f"{item.title} [{rollup.text()} done]" if rollup else item.title
    cols = [item.id, item.status, priority or "-", owner or "-", item.target or "-", title]
    line = "  ".join(cols)
    return f"{line}  [{', '.join(facts)}]" if facts else line


def item_block(item: Item, analysis: Analysis) -> str:
    """Every field the item has, one per line, then the analysis' facts."""
    rec = item_record(item, analysis)
    out = [f"{item.id}: {item.title}"]
    # The fields the item sets; a default is not news in a block a person reads (--json has all).
    for key, value in item.model_dump(mode="json", exclude_defaults=True).items():
        if key in ("id", "title"):
            continue
        out.append(f"  {key}: {_text(value)}")
    for key in rec["inherited"]:
        out.append(f"  {key}: {rec[f'{key}_effective']} (inherited from the parent)")
    if rec["children"]:
        kids = rec["children"]
        out.append(f"  children: {kids['done']}/{kids['total']} done")
    if rec["progress"]:
        out.append("  progress:")
        out += [f"    {n['date'] or '(no date)'} [{n['status']}] {n['text']}" for n in rec["progress"]]
    facts = [name for name in ("ready", "blocked", "waiting", "overdue") if rec[name]]
    if facts:
        out.append(f"  now: {', '.join(facts)}")
    if rec["waiting_on"]:
        out.append(f"  waiting on: {', '.join(rec['waiting_on'])}")
    if rec["dependents"]:
        out.append(f"  needed by: {', '.join(rec['dependents'])}")
    return "\n".join(out)


def item_notes(board: Board, item_id: str) -> list[dict[str, Any]]:
    """The item's progress notes, oldest first (a note without a date first of all), as JSON."""
    return _note_dicts([p for p in board.progress if p.item == item_id])


def notes_by_item(board: Board) -> dict[str, list[dict[str, Any]]]:
    """``item_notes`` of every item that has a note, in one pass over the board's notes."""
    grouped: dict[str, list[Any]] = {}
    for note in board.progress:
        grouped.setdefault(note.item, []).append(note)
    return {item_id: _note_dicts(notes) for item_id, notes in grouped.items()}


def _note_dicts(notes: list[Any]) -> list[dict[str, Any]]:
    notes.sort(key=lambda p: (p.date is not None, p.date.isoformat() if p.date else ""))
    return [{"date": p.date.isoformat() if p.date else None, "status": p.status, "text": p.text} for p in notes]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={_text(v)}" for k, v in value.items())
    return str(value)


def search_texts(board: Board) -> dict[str, str]:
    """Everything ``search`` looks in, by item: title, description, notes, acceptance, dependency
    note, and the board's progress notes about the item."""
    progress: dict[str, list[str]] = {}
    for note in board.progress:
        progress.setdefault(note.item, []).append(note.text)
    out = {}
    for item in board.items:
        parts = [
            item.id,
            item.title,
            item.description,
            item.notes,
            item.dependency_note,
            *item.acceptance,
            *progress.get(item.id, []),
        ]
        out[item.id] = "\n".join(p for p in parts if p).lower()
    return out


def search_items(board: Board, words: list[str]) -> list[Item]:
    """The items whose search text (``search_texts``) holds every word, case-insensitively."""
    wanted = [w.lower() for w in words]
    texts = search_texts(board)
    return [it for it in board.items if all(w in texts[it.id] for w in wanted)]
