"""Entries that give their id in parentheses after a label: ``1. **Security (N01):** … (Priority: High)`` (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.entries.entry_ids import trailing_id

NFR = (
    "# Reqs\n\n## 1.4 Non-functional requirements\n\n"
    "1. **Bezpečnost (N01):** Veškerá komunikace je šifrována. (Priorita: High)\n"
    "2. **Dostupnost (N02):** Systém je dostupný 99,5 % času (SLA). (Priorita: Medium)\n"
    "3. **Odezva (N03):** API odpoví do 500 ms. (Priorita: Low)\n"
)


def test_an_id_closing_the_label_before_a_colon_is_the_entrys_id() -> None:
    assert trailing_id("Security (N01): All traffic is encrypted.") == (
        "N01",
        "Security. All traffic is encrypted.",
        None,
    )
    assert trailing_id("Note (P1): a priority is no id") is None
    assert trailing_id("Security (see the audit): words are no id") is None


def test_a_list_of_labelled_ids_makes_items_and_its_heading_groups_them() -> None:
    result = import_markdown(NFR, "R.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert list(items) == ["N01", "N02", "N03"]
    assert items["N02"].title.startswith("Dostupnost. Systém je dostupný")
    assert any("holds only a list of items with their own ids; a group" in line for line in result.report_lines)


def test_a_closing_parenthetical_field_in_the_plans_language_is_read() -> None:
    result = import_markdown(NFR, "R.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert [items[i].priority for i in ("N01", "N02", "N03")] == ["P1", "P2", "P3"]
    assert not items["N01"].title.endswith(")")


def test_one_labelled_id_alone_is_no_rule_and_makes_no_item() -> None:
    result = import_markdown("# R\n\n## Notes\n\n- **Security (N01):** see the audit.\n- Another note.\n", "R.md")
    assert result.board is not None and result.board.items == []


def test_a_closing_parenthetical_that_names_no_field_stays_in_the_title() -> None:
    md = "# R\n\n- **T-1** Tune the cache (Hinweis: see the wiki)\n- **T-2** Ship it\n"
    result = import_markdown(md, "R.md")
    assert result.board is not None
    assert result.board.items[0].title == "Tune the cache (Hinweis: see the wiki)"
