"""Where each entry of a recipe file is written: the line a report or an error names for it."""

from __future__ import annotations

import re
import tomllib

_HEADER_RE = re.compile(r"^\s*\[([^\[\]]+)\]\s*(?:#.*)?$")


def _key_path(text: str, value: str = " = 0") -> tuple[str, ...]:
    """The key path of a TOML key as written (``items."C2"`` -> ("items", "C2")); () when it is none."""
    try:
        data: object = tomllib.loads(text.strip() + value)
    except tomllib.TOMLDecodeError:
        return ()
    path: list[str] = []
    while isinstance(data, dict) and len(data) == 1:
        key, data = next(iter(data.items()))
        path.append(key)
    return tuple(path)


def entry_lines(text: str) -> dict[tuple[str, ...], int]:
    """(table, key[, field]) -> the line each is first written on, headers and ``key = value`` lines alike."""
    out: dict[tuple[str, ...], int] = {}
    prefix: tuple[str, ...] = ()
    for n, ln in enumerate(text.splitlines(), start=1):
        header = _HEADER_RE.match(ln)
        if header:
            prefix = _key_path(header.group(1))
            found = prefix
        elif "=" in ln and not ln.lstrip().startswith("#"):
            # The whole line first (a key may hold "="), else what is left of "=" (a value over several lines).
            found = prefix + (_key_path(ln, "") or _key_path(ln.split("=", 1)[0]))
        else:
            continue
        for k in range(1, len(found) + 1):
            out.setdefault(found[:k], n)
    return out
