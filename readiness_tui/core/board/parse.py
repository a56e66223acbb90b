"""Parsing board text: rtoml by segment (or whole), pydantic validation, errors located by line.

Every parse error a user sees names the file, the line and the field; the helpers here turn
rtoml's and pydantic's messages into such ``Problem``s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import rtoml
from pydantic import TypeAdapter, ValidationError

from readiness_tui.core.board.fsutil import FileStamp
from readiness_tui.core.board.segments import Bound, Cuts, Segment, find_key_line, split_segments
from readiness_tui.core.model.board import Board, Item, normalize_status
from readiness_tui.core.model.problems import BoardSyntaxError, BoardValidationError, EditError, Problem
from readiness_tui.core.model.records import RECORD_KEYS, RECORD_MODELS

_RTOML_POS = re.compile(r"at line (\d+) column (\d+)")


def decode(data: bytes, path: Path | str) -> str:
    """The file's bytes as text (a BOM dropped); not UTF-8 is a syntax error naming the line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BoardSyntaxError(
            f"{path}: not UTF-8 text",
            path,
            [Problem("error", "encoding", f"byte {exc.start} is not valid UTF-8", str(path), line)],
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def file_text(path: Path, data: bytes, sha256: str | None = None) -> tuple[str, FileStamp]:
    """A board file's bytes ``data`` as text (``decode``), and the stamp they give the file
    (``sha256``: their hash, when known). The caller lets go of the bytes after this, so they are
    not held through the parse (a copy of the whole file)."""
    return decode(data, path), FileStamp.of_bytes(path, data, sha256)


def syntax_problem(exc: Exception, name: str, line_offset: int = 0, text: str | None = None) -> Problem:
    """An rtoml error as a problem with its line and column taken out of the message."""
    msg = str(exc).strip()
    m = _RTOML_POS.search(msg)
    line = col = None
    if m:
        line, col = int(m.group(1)) + line_offset, int(m.group(2))
        msg = _RTOML_POS.sub("", msg).strip()
    elif text is not None and "recursion" in msg:
        # rtoml gives no position for nesting too deep: name the most deeply nested line.
        depth = [ln.count(".") + ln.count("[") + ln.count("{") for ln in text.splitlines()]
        if depth:
            line = max(range(len(depth)), key=depth.__getitem__) + 1 + line_offset
            msg = f"{msg}: tables or arrays nested too deeply"
    return Problem("error", "toml-syntax", msg, name, line, col)


def parse_fragment(text: str, name: str) -> dict[str, Any]:
    """The values of an edited segment; an edit that broke the TOML is refused, not saved."""
    try:
        return rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        raise EditError(f"{name}: the edit produced invalid TOML: {syntax_problem(exc, name).message}") from None


def fold_aliases(raw: dict[str, Any], board: Board) -> dict[str, Any]:
    """``raw`` with a board-declared status alias read as the status it stands for."""
    aliases = board.board.status_aliases
    if aliases and isinstance(raw.get("status"), str):
        try:
            raw = {**raw, "status": normalize_status(raw["status"], aliases)}
        except ValueError:
            pass
    return raw


def validation_message(exc: ValidationError, who: str) -> str:
    """One line naming the record and field of each pydantic error, for an edit's refusal."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        parts.append(f"{who}: {loc}: {err['msg']}")
    return "; ".join(parts)


def parse_board_segments(text: str, name: str = "<board>") -> tuple[Board, list[Segment] | None]:
    """Parse and validate board text, returning the segments too when it was parsed by segment.

    Raises ``BoardSyntaxError`` / ``BoardValidationError``.

    Parsing table by table gives the same values as parsing the whole document, at the same
    speed, but rtoml's peak memory for one document is many times its size (and grows faster
    than the file); by segment it stays at the size of one table. Anything the
    segment-wise parse cannot vouch for (a table defined twice, a sub-table far from its parent,
    a syntax error) goes through the whole-document parse, which also gives exact positions.
    Items are validated a run at a time as they are parsed (``assemble_by_item``), so a cold load
    holds a few hundred items' raw values at a time, not all of them beside the models; a board
    that fails validation is read again as a whole document, for problems located on their lines.
    """
    split = split_segments(text)
    board = assemble_by_item(split)
    if board is not None:
        return board, split
    # A board with an error, or written in a way the item-by-item parse cannot vouch for: the
    # whole document at once, which locates every problem on its line.
    data = merge_segments(split)
    segments = split if data is not None else None
    if data is None:
        try:
            data = rtoml.loads(text)
        except rtoml.TomlParsingError as exc:
            problem = syntax_problem(exc, name, text=text)
            raise BoardSyntaxError(f"{name}: not valid TOML", name, [problem]) from None
    try:
        board = Board.model_validate(data)
    except ValidationError as exc:
        problems = validation_problems(exc, data, split, name)
        raise BoardValidationError(f"{name}: {len(problems)} schema error(s)", name, problems) from None
    return board, segments


def merge_segments(segments: list[Segment]) -> dict[str, Any] | None:
    """Parse segments one by one and merge them as one document would; None on any doubt."""
    loads = rtoml.loads
    data: dict[str, Any] = {}
    try:
        for seg in segments:
            part = loads(seg.text)
            if seg.kind == "":  # the preamble: root keys
                for key, value in part.items():
                    if key in data:
                        return None
                    data[key] = value
                continue
            if len(part) != 1 or seg.kind not in part:
                return None
            value = part[seg.kind]
            if seg.is_array:
                rows = data.setdefault(seg.kind, [])
                if not isinstance(rows, list) or not isinstance(value, list) or len(value) != 1:
                    return None
                rows.append(value[0])
            elif seg.kind in data:
                return None  # a table defined twice, or continued far from its header
            else:
                data[seg.kind] = value
    except rtoml.TomlParsingError:
        return None
    return data


def segment_index(shapes: Iterable[Bound]) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Positions of the ``[[kind]]`` rows of each record kind, and of the first ``[kind]`` table,
    from each segment's shape (``Bound``: only its kind and whether it is a row are read)."""
    arrays: dict[str, list[int]] = {k: [] for k in RECORD_MODELS}
    tables: dict[str, int] = {}
    for n, (_, kind, _, _, is_array) in enumerate(shapes):
        if is_array:
            if kind in arrays:
                arrays[kind].append(n)
        elif kind and kind not in tables:
            tables[kind] = n
    return arrays, tables


def validation_problems(
    exc: ValidationError, data: dict[str, Any], segments: list[Segment], name: str
) -> list[Problem]:
    """Turn pydantic errors into problems naming the item id, the field path and the line."""
    arrays, tables = segment_index(Cuts.of(segments).bounds)
    out: list[Problem] = []
    for err in exc.errors():
        loc = list(err["loc"])
        kind = str(loc[0]) if loc else ""
        item_id = None
        seg: Segment | None = None
        field_path = loc[1:]
        if kind in RECORD_MODELS and len(loc) > 1 and isinstance(loc[1], int):
            idx = loc[1]
            rows = data.get(kind) or []
            row = rows[idx] if idx < len(rows) and isinstance(rows[idx], dict) else {}
            key = RECORD_KEYS.get(kind)
            item_id = str(row.get(key)) if key and row.get(key) is not None else f"{kind}[{idx + 1}]"
            idxs = arrays[kind]
            seg = segments[idxs[idx]] if idx < len(idxs) else None
            field_path = loc[2:]
        elif kind in tables:
            seg = segments[tables[kind]]
        field = ".".join(str(x) for x in field_path if not isinstance(x, int)) or None
        line = None
        if seg is not None:
            leaf = next((str(x) for x in reversed(field_path) if isinstance(x, str)), None)
            line = nested_row_line(seg, field_path)
            if line is None:
                line = find_key_line(seg.text, leaf, seg.start_line) if leaf else None
            if line is None:
                line = seg.header_line
        elif kind and segments and segments[0].kind == "":  # a root key of the wrong type: `board = 1`
            line = find_key_line(segments[0].text, kind, segments[0].start_line)
        msg = err["msg"].removeprefix("Value error, ")
        got = ""
        if err["type"] == "missing":
            msg = "is required"
        elif "input" in err and not isinstance(err["input"], (dict, list)) and repr(err["input"]) not in msg:
            got = f" (got {err['input']!r})"
        where = f"{item_id}: " if item_id else ""
        where += f"{field} " if field else ""
        out.append(Problem("error", "schema", f"{where}{msg}{got}".strip(), name, line, None, item_id, field))
    return out


def nested_row_line(seg: Segment, field_path: list[Any]) -> int | None:
    """The line of an error inside the n-th ``[[items.gate.checks]]`` row of a record (a gate's
    checks are tables of their own): the key's line in that row, else the row's header. None when
    the path names no such row or the rows are written inline."""
    for n, part in enumerate(field_path[:-1]):
        nxt = field_path[n + 1]
        if not (isinstance(part, str) and isinstance(nxt, int)):
            continue
        headers = [
            i
            for i, text in enumerate(seg.text.split("\n"))
            if re.match(rf"\s*\[\[[^\]]*\b{re.escape(part)}\s*\]\]", text)
        ]
        if nxt >= len(headers):
            return None
        lines = seg.text.split("\n")
        start = headers[nxt]
        end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
        leaf = field_path[n + 2] if len(field_path) > n + 2 and isinstance(field_path[n + 2], str) else None
        if leaf is not None:
            found = find_key_line("\n".join(lines[start:end]), leaf, seg.start_line + start)
            if found is not None:
                return found
        return seg.start_line + start
    return None


def assemble_by_item(
    segments: list[Segment], known: Mapping[str, Item] | None = None, status_aliases: Mapping[str, str] | None = None
) -> Board | None:
    """The board of ``segments`` with its items parsed and validated a run at a time
    (``parse_items_text``), or each on its own when ``known`` may hold it (taken from ``known``,
    by its text, when ``status_aliases`` are still the board's): at any time only a run's raw
    values are held beside the models, where validating the whole document at once held every
    item's (a large part of a cold load's peak memory).

    None where this could differ from a full load (which then reports errors with file and line).
    """
    rest: list[Segment] = []
    item_segs: list[Segment] = []
    for seg in segments:
        (item_segs if seg.is_array and seg.kind == "items" else rest).append(seg)
    # Everything but the items is small (the board table, risks, phases ...): parse and
    # validate it again, as the whole-document parse would.
    merged = merge_segments(rest)
    if merged is None or "items" in merged:
        return None  # items written other than as [[items]] tables: the full load decides
    if item_segs and not known:
        # The items' validator first: the board's is then built on it, not anew beside it.
        Item.model_rebuild()
    try:
        others = Board.model_validate(merged)
    except ValidationError:
        return None  # the full load reports it with file and line
    if known and others.board.status_aliases != status_aliases:
        known = None  # unchanged item text may now read differently
    items: list[Item] = []
    if not known:
        # A cold load: the items in runs, each run one rtoml call and one validation.
        for n in range(0, len(item_segs), ITEM_RUN):
            run = parse_items_text([seg.text for seg in item_segs[n : n + ITEM_RUN]], others)
            if run is None:
                return None
            items += run
    else:
        for seg in item_segs:
            item = known.get(seg.text) or parse_item_text(seg.text, others)
            if item is None:
                return None
            items.append(item)
    board = others.model_copy(update={"items": items}) if item_segs else others
    return board


#: Items parsed and validated together by a cold load: few enough that their raw values are a
#: small part of its memory, enough that one rtoml call and one validation per run, rather than
#: per item, save a fifth of the items' parse.
ITEM_RUN = 256


@cache
def _items_validator() -> TypeAdapter[list[Item]]:
    return TypeAdapter(list[Item])


def parse_items_text(texts: list[str], board: Board) -> list[Item] | None:
    """The items of consecutive ``[[items]]`` segments, as ``parse_item_text`` gives each: parsed
    as one document and validated in one call when that gives one item per segment; else (a
    segment that is not one item, or does not parse or validate) each alone. None when one of
    them does not parse or validate (a full load then reports it with file and line)."""
    try:
        part = rtoml.loads("".join(texts))
        rows = part["items"]
        if len(part) == 1 and isinstance(rows, list) and len(rows) == len(texts):
            if board.board.status_aliases:  # most boards declare none: no call per item then
                rows = [fold_aliases(row, board) for row in rows]
            return _items_validator().validate_python(rows)
    except (rtoml.TomlParsingError, ValidationError, KeyError, TypeError):
        pass
    items: list[Item] = []
    for text in texts:
        item = parse_item_text(text, board)
        if item is None:
            return None
        items.append(item)
    return items


def parse_item_text(text: str, board: Board) -> Item | None:
    """The item of one ``[[items]]`` segment (status aliases of ``board`` folded in); None when it
    does not parse or validate (a full load then reports it with file and line)."""
    try:
        part = rtoml.loads(text)
        rows = part["items"]
        if len(part) != 1 or not isinstance(rows, list) or len(rows) != 1:
            return None  # not one [[items]] table, as merge_segments would refuse it
        return Item.model_validate(fold_aliases(rows[0], board))
    except (rtoml.TomlParsingError, ValidationError, KeyError, IndexError, TypeError):
        return None
