"""A risk whose mitigation names the component an item builds: "``await document.fonts.ready`` in main.ts",
"SceneManager scales the container" is mitigated by the step titled ``main.ts``, ``SceneManager``.

Read once every item is known, for risks that name no item otherwise. An item's title is cut at ``+``, ``/``, ``,``
and ``&`` into its parts; a part counts when it is a code name (``SceneManager``, ``GameState``, ``main.ts``,
``balance.json``, ``user_store``) or a word named by its file (``Tween`` as ``Tween.ts``), and no other item's
title holds it. A whole title of two words or more counts too ("Dry-run mode"). A risk's notes (its mitigation and
the columns beside it) naming one of these as a whole word link it to that item, reported as a guess.
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder

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
