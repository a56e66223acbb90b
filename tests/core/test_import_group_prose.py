"""A group heading's paragraph listing ids of the plan's kind (``HB-04 x → HB-05 y``) makes those items, the arrows
their order (issue 43)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.importers import import_markdown

PLAN = Path(__file__).resolve().parents[1] / "fixtures" / "corpus" / "group_prose_items.md"


def _items(text: str) -> dict[str, tuple[str, list[str]]]:
    result = import_markdown(text, "P.md")
    assert result.board is not None
    return {i.id: (i.title, sorted(i.depends_on)) for i in result.board.items}


def test_ids_listed_under_a_wave_are_its_items_with_arrows_for_waits() -> None:
    items = _items(PLAN.read_text(encoding="utf-8"))
    assert items["HB-04"][0] == "fuel orders" and items["HB-05"][0] == "fuel invoices"
    assert "HB-04" in items["HB-05"][1] and "HB-05" in items["HB-07"][1]
    assert "HB-08" not in items


def test_a_paragraph_of_ids_of_a_kind_the_plan_has_not_makes_nothing() -> None:
    text = PLAN.read_text(encoding="utf-8").replace("HB-04 fuel orders", "OPS-1 fuel orders")
    assert "OPS-1" not in _items(text)
