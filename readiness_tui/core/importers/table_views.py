"""Tables that are not items: views of the plan's items (a coverage table whose title column only names items the
plan already has, ``| Finding | Assigned tasks |``), and tables about the document itself (sign-off, revision
history, an index of documents)."""

from __future__ import annotations

from readiness_tui.core.importers.blocks import Table, plain
from readiness_tui.core.importers.builder import Builder
from readiness_tui.core.importers.headers import norm_header
from readiness_tui.core.importers.refs import parse_refs
from readiness_tui.core.importers.row_fields import padded_cells


def names_known_items_only(b: Builder, table: Table, fields: list[str | None]) -> bool:
    """Whether every filled title cell is nothing but references, and each names an item already on the board."""
    if "title" not in fields or not b.items:
        return False
    col = fields.index("title")
    cells = [plain(padded_cells(table, r.cells)[col], keep_code=True) for r in table.rows]
    filled = [c for c in cells if c.strip(" -—–")]
    if len(filled) < 2:
        return False
    for cell in filled:
        refs = parse_refs(cell)
        if refs.rest.strip(" ,;/()") or not any(i in b.items for i in refs.ids):
            return False
    return True


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
    return None
