"""Dependencies that drop the prefix every id shares ("A01" for APP-A01), and owner / blocked-by headers in
Portuguese and Chinese (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.vocabulary.headers import header_field
from tests.core.import_plan import imported

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


def test_a_dependency_cell_may_name_an_item_by_the_word_its_id_ends_with() -> None:
    plan = (
        "# P\n\n| ID | Goal | Depends | Lead |\n|---|---|---|---|\n| M0.ACCESS | a | — | C0 |\n"
        "| M0.DB | b | ACCESS | C2/C0 |\n| M0.LOCAL | c | DB/ACCESS | C6 |\n| M1.DB | d | LOCAL, GO | C1 |\n"
    )
    _, items = imported(plan)
    # DB ends two ids, so it names neither; GO ends none.
    assert {i: it.depends_on for i, it in items.items()} == {
        "M0.ACCESS": [],
        "M0.DB": ["M0.ACCESS"],
        "M0.LOCAL": ["M0.ACCESS"],
        "M1.DB": ["M0.LOCAL"],
    }
    assert items["M0.DB"].owner == "C2"
