"""A risk whose mitigation names the component an item builds: "``await document.fonts.ready`` in main.ts",
"SceneManager scales the container" is mitigated by the step titled ``main.ts``, ``SceneManager``.

Read once every item is known, for risks that name no item otherwise. An item's title is cut at ``+``, ``/``, ``,``
and ``&`` into its parts; a part counts when it is a code name (``SceneManager``, ``GameState``, ``main.ts``,
``balance.json``, ``user_store``) or a word named by its file (``Tween`` as ``Tween.ts``), and no other item's
title holds it. A whole title of two words or more counts too ("Dry-run mode"). A risk's notes (its mitigation and
the columns beside it) naming one of these as a whole word link it to that item, reported as a guess.

A risk register whose Owner cells name items of the plan (``| Risk | Mitigation | Owner |`` over ``C07-T004``, ``P2``)
gives each risk to the work that carries its mitigation: those items mitigate it.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.references.refs import parse_refs

#: A code name: CamelCase of two humps or more, a file name with an extension, or snake_case.
_CODE_NAME = re.compile(
    r"^(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[\w-]+\.(?:ts|tsx|js|jsx|py|go|rs|java|kt|json|ya?ml|toml|sql|sh|md)"
    r"|[a-z]+(?:_[a-z0-9]+)+)$"
)
_PARTS = re.compile(r"\s*(?:[+/,&]|\band\b)\s*")


def _code_names(b: Builder) -> dict[str, str]:
    """Name -> the one item whose title holds it: code names, a part's file (``Tween`` -> ``Tween.ts``), and a
    whole title of two words or more ("Dry-run mode")."""
    seen: dict[str, list[str]] = {}
    for rid, rec in b.items.items():
        title = str(rec.values.get("title", "")).strip(" `*")
        if len(title.split()) >= 2 and len(title) >= 8:
            seen.setdefault(title, []).append(rid)
        for part in _PARTS.split(title):
            name = part.strip(" `*")
            if _CODE_NAME.match(name):
                seen.setdefault(name, []).append(rid)
            elif re.fullmatch(r"[A-Z][a-z]{2,}", name):
                seen.setdefault(f"{name}.", []).append(rid)  # "Tween": named by its file, "Tween.ts"
    return {name: ids[0] for name, ids in seen.items() if len(set(ids)) == 1}


def _names(text: str, name: str) -> bool:
    if name.endswith("."):  # a file named after the part: "Tween.ts"
        return bool(re.search(rf"(?<![\w.]){re.escape(name)}[a-z]{{1,4}}\b", text))
    return bool(re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", text, re.I if " " in name else 0))


def risks_by_code_names(b: Builder) -> None:
    """Link each risk that names no item to the items whose code names its notes hold (see the module doc)."""
    risks = [r for r in b.records["risks"] if not r.values.get("mitigated_by") and r.values.get("notes")]
    if not risks:
        return
    names = _code_names(b)
    if not names:
        return
    for risk in risks:
        text = str(risk.values["notes"])
        linked = [rid for name, rid in names.items() if _names(text, name)]
        linked = sorted(dict.fromkeys(linked), key=lambda i: b.items[i].line)
        if linked:
            risk.values["mitigated_by"] = linked
            b.note(risk.line, f"risk {risk.values.get('id')}: its notes name what {', '.join(linked)} build; linked")


def risks_owned_by_items(b: Builder) -> None:
    """Link each risk whose owner cell names only items of the plan to those items (see the module doc)."""
    for risk in b.records["risks"]:
        owner = risk.values.get("owner")
        if not isinstance(owner, str) or not owner.strip():
            continue
        refs = parse_refs(owner, loose=False)
        # "P2" reads as a priority among ids, but in a plan whose phases are items P0..P4 it is one of them.
        named = [owner.strip()] if owner.strip() in b.items else refs.ids
        if not named or (named == refs.ids and refs.rest.strip(" ,;/()")) or not all(i in b.items for i in named):
            continue
        links: list[str] = risk.values.setdefault("mitigated_by", [])
        new = [i for i in named if i not in links]
        if new:
            links += new
            b.note(
                risk.line,
                f"risk {risk.values.get('id')}: its owner, {owner.strip()}, is work of the plan: mitigated by it",
            )
