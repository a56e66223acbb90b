"""A line of fields split into keys and values: ``**Owner:** QA``, ``Owner: ana · Size: S``."""

from __future__ import annotations

import re

from readiness_tui.core.importers.document.blocks import PICTOGRAPHS, ListItem, plain
from readiness_tui.core.importers.vocabulary.headers import header_field

_KEYVAL = re.compile(r"^\s*([A-Za-z][\w /&()'’.+-]{0,40}?)\s*:\s*(.*)$", re.S)
#: ``**Owner:** QA``; ``**状态**：完成`` with the full-width colon Chinese and Japanese text writes.
_BOLD_KEY = re.compile(r"^\s*\*\*([^\W\d_][^*:：\n]{0,40}?)\s*(?:[:：]\*\*|\*\*\s*[:：])\s*(.*)$", re.S)


def split_keyval(text: str) -> tuple[str, str] | None:
    """``**Owner:** QA`` / ``Owner: QA`` -> ("Owner", "QA"); None when the text is no key-value pair. A pictograph
    inside the bold key (``**🔗 Dependencies:** Task 1.1``) decorates it: the key is the words."""
    text = _BOLD_KEY_MARKS.sub(r"\1", text)
    p = plain(text)
    m = _KEYVAL.match(p)
    if not m:
        # "**Ответственный:** Frontend Lead": a key in another script counts when the plan sets it in bold.
        bm = _BOLD_KEY.match(text)
        return (bm.group(1).strip(), bm.group(2).strip()) if bm else None
    key = m.group(1).strip()
    if len(key.split()) > 5 or key.lower().startswith(("http", "note that")):
        return None
    # Keep the value's Markdown (backticks) from the source when the key is plain text there.
    src = text
    idx = src.find(":")
    value_src = src[idx + 1 :].lstrip("*_ ").strip() if idx >= 0 else m.group(2)
    if plain(value_src) != m.group(2).strip():
        value_src = m.group(2).strip()
    return key, value_src


#: Pictographs a plan sets before a field's key (``⏱️ Depends on: T001``): marks, not words of the key.
_PICTOGRAPHS = rf"[{PICTOGRAPHS}\ufe0f\u200d\s]+"
_KEY_MARKS = re.compile(rf"^{_PICTOGRAPHS}")
#: The same inside the key's bold: ``**🏷️ Title:**``.
_BOLD_KEY_MARKS = re.compile(rf"^(\s*\*\*){_PICTOGRAPHS}(?=\w)")
#: Between fields written on one line: ``Depends on: T001 | Blocks: T002, T003``, ``Owner: ana · Size: S``.
_FIELD_SEP = re.compile(r"\s+[·•|]\s+")


def split_fields(line: str) -> list[str]:
    """The parts of a line that joins several ``Key: value`` fields with ``|``, ``·`` or ``•``, each a field
    (``Owner: ana · Size: S``); else the line alone (its value may hold the separator)."""
    parts = _FIELD_SEP.split(line)
    if len(parts) > 1 and all(split_keyval(p) for p in parts):
        return parts
    return _spaced_fields(line) or [line]


#: A word closing with a colon, after a space: where the next field of ``Priority: P0  Status: TODO`` may start.
_COLON_WORD = re.compile(r"(?<=\s)[A-Za-z][\w-]*:(?=\s|$)")


def _spaced_fields(line: str) -> list[str]:
    """``Priority: P0  Status: TODO``: fields one after another with only spaces between them, each named by a board
    field (so ``Note: ask Ana: she knows`` stays one); [] when the line is not that."""
    first = split_keyval(line)
    if first is None or header_field(first[0]) is None:
        return []
    cuts = []
    for colon in _COLON_WORD.finditer(line):
        # The key is the fewest words before the colon that name a field: "Status" of "P1 Status:", "Depends on".
        head = line[: colon.start()].rstrip()
        for words in range(3):
            start = colon.start() if not words else _word_start(head, words)
            if start is not None and header_field(line[start : colon.end() - 1]) is not None:
                cuts.append(start)
                break
    if not cuts:
        return []
    parts = [line[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    return parts if all((kv := split_keyval(p)) and kv[1].strip() for p in parts) else []


def _word_start(head: str, words: int) -> int | None:
    """Where the last ``words`` words of ``head`` start (None: it has no more words than that, one being the key)."""
    found = list(re.finditer(r"\S+", head))
    if len(found) <= words:
        return None
    return found[-words].start()


def names_a_field(line: str) -> bool:
    """Whether a line gives one of the board's fields by its key (``**Owner:** Ana``, ``Status: done``), not a label
    of the plan's own (``**Datasets**: 24 months``)."""
    kv = split_keyval(line)
    return kv is not None and header_field(kv[0]) is not None


def field_parts(text: str) -> list[tuple[str, str]]:
    """The ``Key: value`` pairs of a field line (``split_fields``), a pictograph before the key dropped
    (``⏱️ Depends on: T001 | Blocks: T002``). Empty when the line is no field."""
    pairs = [split_keyval(p) for p in split_fields(_KEY_MARKS.sub("", text))]
    return [kv for kv in pairs if kv] if all(pairs) else []


def plain_bullets(it: ListItem) -> list[ListItem]:
    """The plain bullets under an entry (no boxes) that are not one of its fields (``- Owner: ana``): what a recipe's
    ``sub_bullets`` makes child items, or the items of a group."""
    return [x for x in it.sub_items() if x.checked is None and not is_field_bullet(x.text)]


def is_field_bullet(text: str) -> bool:
    """Whether a bullet is a field of the entry above: ``Key: value`` (``Owner: ana``, ``see: https://…``), but for
    a name set in bold that no board field is read from, over more than a few words: ``**Find**: Find information on
    each college by its name`` names a piece of work."""
    parts = field_parts(text)
    named = bool(re.match(r"[^\w*]*\*\*", text))  # "**Find**:", "✅ **Explore**:"
    return bool(parts) and not (named and all(header_field(k) is None and len(plain(v).split()) > 5 for k, v in parts))
