"""JSON documents as ``--json``, ``export -f json``, ``report`` and ``schema`` write them: indented
by two, text as it is (no ``\\u`` escapes), strict JSON.

orjson writes the bytes of ``json.dumps(data, indent=2, ensure_ascii=False)`` (but for how an
exponent is spelled: ``1e-8``, not ``1e-08``; the value read back is the same) far faster (the
standard library's indenting encoder is pure Python). What orjson does not take (an integer past 64 bits, a type it
does not know) goes through the standard library, so nothing is written differently or lost.
A number that is not finite (the models refuse such numbers) is written as ``null`` by orjson;
in data orjson does not take, the standard library refuses it with a ``ValueError``, as before.
"""

from __future__ import annotations

import json

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS


def document_bytes(data: object, line_end: bool = False) -> bytes:
    """``data`` as an indented JSON document in UTF-8 (what a large export writes as it is, without
    a second copy as text), ending in a line end when ``line_end`` (added by the encoder: a copy
    with one more byte is another copy of a large export)."""
    try:
        return orjson.dumps(data, option=(_OPTIONS | orjson.OPT_APPEND_NEWLINE) if line_end else _OPTIONS)
    except TypeError:
        text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
        return (text + "\n" if line_end else text).encode("utf-8")


def document_text(data: object) -> str:
    """``data`` as an indented JSON document, without a final line end."""
    return document_bytes(data).decode("utf-8")
