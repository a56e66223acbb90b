"""Statuses and priorities written as an alias (``status = "Done"``, ``"✅"``, ``priority = "p0"``).

Reading folds them to the canonical word, so the tool works; but the board schema (``readiness
schema``) names only the canonical words, and editors and CI that validate against it (taplo,
check-jsonschema) reject the file. A warning on the line, naming the word to write.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from readiness_tui.core.lint.context import LintContext, reports
from readiness_tui.core.model.statuses import PRIORITIES, STATUSES, canonical_of

_WORDS = "|".join((*STATUSES, *PRIORITIES))
# A ``status``/``priority`` key whose value is not a canonical word, quoted, with nothing after it
# but a comment: one pass over the text per key finds the few lines to look at. Each pattern leads
# with its key's letters, which ``re`` scans for quickly; a ``^`` first made it try every position.
_ALIAS_KEY = {
    key: re.compile(rf"""{key}"?[ \t]*=(?![ \t]*(["'])(?:{_WORDS})\1[ \t]*(?:#[^\n]*)?\r?$)[ \t]*([^\n]*)""", re.M)
    for key in ("status", "priority")
}
# The rows whose status (and, for items, priority) takes the item vocabulary.
_KINDS = frozenset({"items", "deliverables", "progress"})


#: Characters of the board's text looked at in one pass (whole segments, joined): a board held as
#: 10,000 segments is not joined into one string of several MB on every lint, which the app runs
#: after each change.
CHUNK_CHARS = 1 << 18


def segment_runs(parts: list[str], size: int) -> Iterator[tuple[int, str]]:
    """``parts`` (the store's segments, each starting a line) joined into pieces of about ``size``
    characters, each with the index of its first part. A part is never cut: each piece starts a
    line and holds its records' headers."""
    first = 0
    run: list[str] = []
    held = 0
    for n, part in enumerate(parts):
        run.append(part)
        held += len(part)
        if held >= size:
            yield first, "".join(run)
            first, run, held = n + 1, [], 0
    if run:
        yield first, "".join(run)


@reports("warning")
def status_aliases(ctx: LintContext) -> None:
    if not (ctx.board.items or ctx.board.deliverables or ctx.board.progress):
        return
    for first, text in segment_runs([seg.text for seg in ctx.store.segments_now()], CHUNK_CHARS):
        _aliases_in(ctx, text, ctx.lines.segment_line(first))


def _aliases_in(ctx: LintContext, text: str, first_line: int) -> None:
    """The aliases in ``text``, a run of whole segments whose first line is ``first_line``."""
    aliases = ctx.board.board.status_aliases or None
    found = sorted((m.start(), key, m) for key, pattern in _ALIAS_KEY.items() for m in pattern.finditer(text))
    pos, line = 0, first_line
    for start, field, m in found:
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip(' \t"'):
            continue  # not a key of its own (``blocked_status = ...``, a word in a string)
        line += text.count("\n", pos, start)
        pos = start
        row_at = ctx.lines.row_at(line)
        if row_at is None or row_at[0] not in _KINDS:
            continue
        kind, index = row_at
        if field == "priority" and kind != "items":
            continue
        # The key must be the row's own, not a sub-table's ([items.gate]).
        header = text.rfind("\n[", 0, pos) + 1
        if not text.startswith(f"[[{kind}]]", header):
            continue
        rows = getattr(ctx.board, kind)
        if index >= len(rows):
            continue
        row = rows[index]
        written = _value(m.group(2))
        canonical = canonical_of(field, written, aliases)
        # The model holds what reading made of the key: a line inside a multi-line string folds
        # to something else, or to nothing, and is no key.
        if canonical is None or canonical != getattr(row, field, None):
            continue
        subject = getattr(row, "id", "") or getattr(row, "path", "") or f"{kind}[{index}]"
        shown = json.dumps(written, ensure_ascii=False) if isinstance(written, str) else str(written)
        message = (
            f'{subject}: {field} = {shown} is an alias of "{canonical}": write {field} = "{canonical}", '
            "the word the board schema accepts"
        )
        ctx.add("warning", "status-alias", message, line, subject if kind == "items" else None, field)


def _value(rhs: str) -> object:
    """The TOML value after ``=`` (its comment dropped); the text itself when it is not one alone."""
    import tomllib  # here alone: only a board whose text writes an alias gets here

    try:
        return tomllib.loads(f"v = {rhs}")["v"]
    except tomllib.TOMLDecodeError:
        return rhs.strip()
