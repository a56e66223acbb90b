"""Entries a list labels as actions among notes (issue 43): the labelled ones are items, the others reported."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Release plan for 1.0

### Building + packaging

- Vagrant box needs to be in a good state for 1.0
- We'll just ship an Ubuntu package for 1.0
- ~~**ACTION:** List what we are going to do for 1.0~~
- **ACTION:** [Add a 1.0 Debian component](https://example.org/issues/3)
- **ACTION:** [Update the init script](https://example.org/issues/350)

### Documentation

- Install documentation is good
- **TODO:** Expand the README
- **Action item:** Select a new logo
"""


def test_labelled_entries_are_the_items_and_the_notes_beside_them_are_reported() -> None:
    report, items = imported(PLAN)
    assert [(i.id, i.title, i.status) for i in items.values()] == [
        ("BP-1", "List what we are going to do for 1.0", "done"),  # struck through whole: crossed off
        ("BP-2", "Add a 1.0 Debian component", "todo"),
        ("BP-3", "Update the init script", "todo"),
        ("D-1", "Expand the README", "todo"),
        ("D-2", "Select a new logo", "todo"),
    ]
    text = "\n".join(report)
    assert (
        "skipped: entry 'Vagrant box needs to be in a good state for 1.0' under 'Building + packaging': a note" in text
    )
    assert "skipped: entry 'Install documentation is good' under 'Documentation': a note beside the actions" in text


def test_one_labelled_entry_among_notes_is_no_list_of_actions() -> None:
    _, items = imported("# P\n\n## Notes\n\n- We ship on Monday\n- **TODO:** ask Ana\n- The docs are fine\n")
    assert not any(i.title == "ask Ana" for i in items.values())


def test_an_action_label_under_an_item_stays_its_field() -> None:
    _, items = imported(
        "# P\n\n## Tasks\n\n### T-1: Rotate the keys\n\n- **Action:** rotate\n- **Action:** redeploy\n- **Owner:** Ana\n"
    )
    assert list(items) == ["T-1"]


_HORIZONS = (
    "### Advisors — Backlog\n\nStatus buckets: Now / Next / Later / Icebox\n\n"
    "#### Now\n- Governance: Create the team; update CODEOWNERS; apply branch protection.\n"
    "- CI Webhook: Implement the webhook listener with Slack notifications.\n\n"
    "#### Next\n- Ops: Add CODEOWNERS coverage for frontend paths.\n\n"
    "#### Later\n- Analytics: Prometheus metrics export and dashboards.\n\n"
    "#### Icebox\n- Bot reviewers: evaluate machine user policy; keep human approval.\n\n"
    "Notes\n- Source of truth for backlog is this file.\n- Keep items atomic.\n"
)


def test_a_roadmap_s_horizons_hold_its_work_each_entry_an_area_and_what_to_do_in_it() -> None:
    report, items = imported(_HORIZONS)
    assert [i.title.split(":")[0] for i in items.values()] == [
        "Governance",
        "CI Webhook",
        "Ops",
        "Analytics",
        "Bot reviewers",
    ]
    assert any("led in as notes: not work" in line for line in report)


def test_points_to_mind_beside_a_sprint_backlog_are_no_work() -> None:
    md = (
        "# Sprint 1\n\n## Sprint Backlog\n\n| US | Tâche | Responsable | Statut |\n|---|---|---|---|\n"
        "| US-01 | Créer le repo | Mattéo | ✅ Fait |\n| US-02 | Créer le projet | Owen | ☐ À faire |\n\n"
        "### ⚠️ Points d'attention techniques\n- **20 premières minutes** : écrire les types ensemble.\n"
        "- Pas de `Math.random` dans `shared/`.\n\n## Gotchas\n\n- The cache is per user.\n- Tokens expire hourly.\n"
    )
    _, items = imported(md)
    assert [i.title for i in items.values()] == ["Créer le repo", "Créer le projet"]
