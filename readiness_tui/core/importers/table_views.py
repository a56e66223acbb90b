"""Tables that are not items: views of the plan's items (a coverage table whose title column only names items the
plan already has, ``| Finding | Assigned tasks |``), and tables about the document itself (sign-off, revision
history, an index of documents), rows that stand for nothing, and a summary numbering the rows of work named
elsewhere."""

from __future__ import annotations

from readiness_tui.core.importers.blocks import Section, Table, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.cells import is_placeholder
from readiness_tui.core.importers.headers import norm_header
from readiness_tui.core.importers.heading_roles import ticket_id
from readiness_tui.core.importers.refs import parse_refs
from readiness_tui.core.importers.row_fields import padded_cells


def names_known_items_only(b: Builder, table: Table, fields: list[str | None]) -> bool:
    """Whether every filled title cell is nothing but references, and each names an item already on the board."""
    if "title" not in fields or not b.items:
        return False
    col = fields.index("title")
    filled = 0
    # Row by row: a task table shows it is none at its first cell of words.
    for row in table.rows:
        cell = plain(padded_cells(table, row.cells)[col], keep_code=True)
        if not cell.strip(" -—–"):
            continue
        refs = parse_refs(cell)
        if refs.rest.strip(" ,;/()") or not any(i in b.items for i in refs.ids):
            return False
        filled += 1
    return filled >= 2


#: Header words of tables about the document rather than its work.
_SIGNATURE = frozenset(
    {
        "signature",
        "signed",
        "sign off",
        "signoff",
        "firma",
        "unterschrift",
        "assinatura",
        "подпись",
        "签名",
        "署名",
        "서명",
    }
)
_VERSION = frozenset(
    {"rev", "revision", "version", "ver", "versión", "versão", "versione", "версия", "版本", "バージョン", "버전"}
)
_CHANGES = frozenset(
    {"changes", "change", "author", "description of change", "cambios", "alterações", "modifiche", "änderungen",
     "autor", "auteur", "изменения", "变更", "変更", "변경"}
)  # fmt: skip
_DOCUMENT = frozenset(
    {"document", "documents", "doc", "documento", "dokument", "документ", "文档", "ドキュメント", "문서"}
)
_WORK_FIELDS = frozenset({"status", "owner", "priority", "estimate_days", "depends_on"})


#: A column of questions, and none for an owner or a status: "| # | Question | Options | Decision |" lists
#: decisions to make, not work.
_QUESTION = frozenset(
    {"question", "questions", "open question", "open questions", "frage", "offene frage", "pregunta", "question ouverte",
     "domanda", "pergunta", "вопрос", "pytanie", "问题", "質問", "질문"}
)  # fmt: skip


def not_work(table: Table, fields: list[str | None]) -> str | None:
    """Why a table is about the document and not its work (a sign-off, a revision history, an index of
    documents), or None."""
    heads = {norm_header(h) for h in table.headers}
    if heads & _SIGNATURE:
        return "a sign-off table"
    if heads & _VERSION and heads & _CHANGES:
        return "a revision history"
    if heads & _DOCUMENT and not _WORK_FIELDS & set(fields):
        return "an index of documents"
    if heads & _QUESTION and not _WORK_FIELDS & set(fields):
        return "open questions (decisions to make)"
    return None


def drop_placeholder_rows(b: Builder, table: Table, fields: list[str | None]) -> Table:
    """The table without rows that stand for nothing ("None | None | ...", an id or title cell "—" or "TBD");
    each is reported."""
    keep = []
    for row in table.rows:
        cells = padded_cells(table, row.cells)
        # The id and title cells say nothing (a row without a title column is judged by all its cells).
        named = [c for c, f in zip(cells, fields) if f in ("id", "title")] if "title" in fields else []
        filled = [c for c in cells if plain(c).strip()]
        if (filled and all(is_placeholder(c) for c in filled)) or (named and all(is_placeholder(c) for c in named)):
            b.skipped(row.line, f"placeholder row ({plain(' | '.join(cells))[:60]!r}): not an item")
        else:
            keep.append(row)
    return table if len(keep) == len(table.rows) else Table(table.line, table.end, table.headers, keep)


def row_numbers_only(b: Builder, table: Table, sec: Section, id_col: int, ids: list[str]) -> bool:
    """``| # | Item |`` numbered 1..n outside any item's section, in a plan whose items are ``### SEC-001: x``
    headings: a summary of the work, not items. Inside an item's section the rows are its parts, and a table
    of more rows than the plan has named headings lists work of its own (a summary cannot name more)."""
    if b.named_id_headings < 2 or not 2 <= len(ids) <= b.named_id_headings:
        return False
    if ids != [str(n) for n in range(1, len(ids) + 1)]:
        return False
    if norm_header(table.headers[id_col]) not in ("#", "", "no", "nr", "num", "number"):
        return False
    return not any(ticket_id(s) for s in (sec, *sec.ancestors()) if s.heading is not None)
