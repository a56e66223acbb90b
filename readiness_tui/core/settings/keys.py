"""Key names in the user's keymap, as the app (Textual) names the keys it receives.

Textual matches a binding's key by its exact name, lower case (``f4``, ``ctrl+s``, modifiers in
alphabetical order); a keymap saying ``"F4"`` or ``"Ctrl+S"`` was accepted, listed in help, and
never fired. Here every key is brought to that name, or refused with the reason, for the app and
``readiness config`` alike. One character alone keeps its case (``U`` is not ``u``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping
from typing import Any

MODIFIERS = frozenset({"alt", "ctrl", "hyper", "meta", "shift", "super"})
_MODIFIER_ALIASES = {"control": "ctrl", "option": "alt", "cmd": "super"}

#: Keys with a name, as Textual names them (``Keys`` in textual.keys), but characters.
NAMED = frozenset(
    {
        "escape",
        "enter",
        "tab",
        "backspace",
        "delete",
        "insert",
        "home",
        "end",
        "pageup",
        "pagedown",
        "up",
        "down",
        "left",
        "right",
        "space",
        *(f"f{n}" for n in range(1, 25)),
    }
)
_ALIASES = {
    "esc": "escape",
    "return": "enter",
    "del": "delete",
    "ins": "insert",
    "pgup": "pageup",
    "pgdn": "pagedown",
    "pgdown": "pagedown",
    "page_up": "pageup",
    "page_down": "pagedown",
}
# Textual names a character that is not a letter or digit by its Unicode name, these shortened.
_SHORTER = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
EXAMPLES = "f4, ctrl+s, shift+tab, escape, pageup, question_mark or one character"


def _character_name(char: str) -> str:
    if char.isalnum():
        return char
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return char
    return _SHORTER.get(name, name)


def _is_character_name(name: str) -> bool:
    if name in _SHORTER.values():
        return True
    try:
        char = unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return not char.isalnum() and _character_name(char) == name


def canonical_key(key: str) -> str | None:
    """``key`` as Textual names it (``"Ctrl+S"`` -> ``"ctrl+s"``, ``"F4"`` -> ``"f4"``,
    ``"?"`` -> ``"question_mark"``), or None when it names no key."""
    key = key.strip()
    if len(key) == 1:
        return _character_name(key)
    if key.endswith("++"):  # "ctrl++": the plus key
        mods, last = key[:-2].split("+"), "+"
    else:
        *mods, last = key.split("+")
    modifiers = set()
    for m in mods:
        m = _MODIFIER_ALIASES.get(m.strip().lower(), m.strip().lower())
        if m not in MODIFIERS:
            return None
        modifiers.add(m)
    last = last.strip()
    if len(last) == 1:
        if modifiers == {"shift"} and last.isalpha():
            return last.upper()  # Textual reports shift+a as "A"
        base = _character_name(last.lower() if modifiers else last)
    else:
        base = _ALIASES.get(last.lower(), last.lower())
        if base not in NAMED and not _is_character_name(base):
            return None
    if not base:
        return None
    return "+".join([*sorted(modifiers), base])


def canonical_keys(keys: str) -> tuple[str, list[str]]:
    """A comma-separated list of keys, each as Textual names it; with the keys that name none."""
    good: list[str] = []
    bad: list[str] = []
    for key in keys.split(","):
        if not key.strip():
            continue
        name = canonical_key(key)
        if name is None:
            bad.append(key.strip())
        elif name not in good:
            good.append(name)
    if not good and not bad:
        bad.append(keys)
    return ",".join(good), bad


def check_keymap(keymap: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The keymap with every key as Textual names it, and why each entry left out was refused
    (binding id -> message). An entry with a key that names none is left out whole, so its
    binding keeps its default keys rather than losing one silently."""
    good: dict[str, str] = {}
    refused: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if not isinstance(keys, str) or not keys.strip():
            refused[binding_id] = f'keymap.{binding_id} must be keys as a string, like "ctrl+z" or "u,ctrl+z"'
            continue
        names, bad = canonical_keys(keys)
        if bad:
            which = ", ".join(repr(b) for b in bad)
            refused[binding_id] = f"keymap.{binding_id}: no key named {which} (keys are named like {EXAMPLES})"
        else:
            good[binding_id] = names
    return good, refused


def unknown_bindings(keymap: Mapping[str, Any], known: Collection[str]) -> dict[str, str]:
    """The keymap's entries that name no binding: binding id -> message with the nearest id."""
    import difflib

    out = {}
    for binding_id in keymap:
        if binding_id not in known:
            near = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"; did you mean {near[0]}?" if near else ""
            out[binding_id] = f"keymap: no binding {binding_id!r}{hint}"
    return out
