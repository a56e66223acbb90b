"""A heading that calls its sections templates, over issues filled in with ids of their own, holds the plan's work;
one over a blank template stays a template (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_issue_templates_filled_in_are_the_plan_s_issues() -> None:
    plan = (
        "# Checkout Redesign\n\n## Issue Templates\n\n### Issue #1: Address Autocomplete API\n\n"
        "**Labels:** `backend`\n\n**Description:** Integrate the places API.\n\n"
        "### Issue #2: Payment Provider Setup\n\n**Labels:** `backend`\n\n**Description:** Set up Stripe.\n"
    )
    report, items = imported(plan)
    assert [(i.id, i.title) for i in items.values()] == [
        ("#1", "Address Autocomplete API"),
        ("#2", "Payment Provider Setup"),
    ]
    assert not any("is a template, not data" in ln for ln in report)


def test_a_blank_template_stays_one() -> None:
    plan = (
        "# Plan\n\n## Work\n\n- [ ] T-1 Ship it\n\n## Issue Template\n\n### Issue #N: <title>\n\n**Labels:** <labels>\n"
    )
    report, items = imported(plan)
    assert list(items) == ["T-1"]
    assert any("is a template, not data" in ln for ln in report)


def test_a_dependencies_lead_in_over_a_list_of_ids_is_what_the_issue_waits_on() -> None:
    plan = (
        "# Checkout\n\n### Issue #1: Address API\n\n**Labels:** `api`\n\n### Issue #2: Payment setup\n\n"
        "**Labels:** `api`\n\n### Issue #3: Checkout UI\n\n**Dependencies:** \n"
        "- #1 Address API (for the address form)\n- #2 Payment setup (for the pay button)\n"
    )
    _, items = imported(plan)
    assert items["#3"].depends_on == ["#1", "#2"]
    assert items["#3"].acceptance == []


_TABLE = "| Feature | Status | Priority |\n|---|---|---|\n"


def _editor(heading: str, rows: str) -> str:
    """An editor roadmap: a "## Canvas" area over its filled-in table, then ``heading`` over the same table's ``rows``."""
    canvas = "| Mouse wheel zoom | ✅ | P1 |\n| Spacebar pan | 📋 | P2 |\n"
    return f"# Editor roadmap\n\n## Canvas\n\n{_TABLE}{canvas}\n## {heading}\n\n{_TABLE}{rows}"


def test_a_templates_feature_table_shaped_like_its_siblings_is_work() -> None:
    # "## Templates" is one feature area of an editor, its table filled in as every other area's is.
    report, items = imported(_editor("Templates", "| Prebuilt templates | ✅ | P1 |\n| Template preview | 📋 | P1 |\n"))
    assert [i.title for i in items.values()] == [
        "Mouse wheel zoom",
        "Spacebar pan",
        "Prebuilt templates",
        "Template preview",
    ]
    assert not any("is a template, not data" in ln for ln in report)


def test_a_template_table_of_placeholders_stays_one() -> None:
    report, items = imported(_editor("Template", "| <feature> | <status> | <priority> |\n"))
    assert len(items) == 2 and any("is a template, not data" in ln for ln in report)
