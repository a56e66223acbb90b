"""Dependencies that drop the prefix every id shares ("A01" for APP-A01), and owner / blocked-by headers in
Portuguese and Chinese (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.headers import header_field

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "prefixless_deps_pt_headers.md"


def _deps(text: str) -> dict[str, list[str]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: i.depends_on for i in result.board.items}


def test_a_prefixless_reference_names_the_one_item_it_ends() -> None:
    deps = _deps(PLAN.read_text(encoding="utf-8"))
    assert deps["APP-A03"] == ["APP-A01", "APP-A02"] and deps["APP-B01"] == ["APP-A03"]


def test_a_suffix_two_items_share_names_neither() -> None:
    table = "# P\n\n| ID | Task | Depends on |\n|---|---|---|\n| WEB-A1 | a | — |\n| API-A1 | b | — |\n"
    table += "| OPS-C1 | c | A1 |\n"
    assert _deps(table)["OPS-C1"] == ["A1"]


def test_portuguese_and_chinese_headers_name_owner_and_dependencies() -> None:
    assert header_field("Worker Responsável") == "owner" and header_field("Bloqueado por") == "depends_on"
    assert header_field("前置") == "depends_on" and header_field("Response time") != "owner"


def test_a_zero_padded_number_names_the_item_it_ends_but_a_plain_one_does_not() -> None:
    table = "# P\n\n| ID | Task | Depends on |\n|---|---|---|\n| AMC-001 | a | — |\n| AMC-002 | b | 001 |\n"
    table += "| AMC-003 | c | 2 |\n"
    deps = _deps(table)
    assert deps["AMC-002"] == ["AMC-001"] and deps["AMC-003"] == ["2"]
