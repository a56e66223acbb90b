"""Which words become an item's title (issue 43): the column that names the work, not one that rates or types it."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def _titles(md: str) -> dict[str, str]:
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    return {i.id: i.title for i in result.board.items}


def test_a_column_of_scale_codes_is_no_title_beside_one_that_names_the_work() -> None:
    # Swedish: "Namn" names the requirement; "Risk" rates it H/M/L.
    md = "# Krav\n\n| ID | Namn | Beskrivning | Prioritet | Risk |\n|---|---|---|---|---|\n"
    md += "| FK001 | Två-spelares tävling | Två spelare ansluter | P1 | M |\n| FK002 | Slumpmässig nyckel | Nyckel | P1 | L |\n"
    assert _titles(md) == {"FK001": "Två-spelares tävling", "FK002": "Slumpmässig nyckel"}


def test_a_short_title_column_alone_is_still_the_title() -> None:
    md = "# P\n\n| ID | Task | Risk |\n|---|---|---|\n| T-1 | API | H |\n| T-2 | UI | L |\n"
    assert _titles(md) == {"T-1": "API", "T-2": "UI"}


def test_no_title_is_guessed_from_a_column_of_codes() -> None:
    # "FS" (finish-to-start) types each dependency; it names no task.
    md = "# Deps\n\n| Task ID | Depends On | Type | Reason |\n|---|---|---|---|\n"
    md += "| 1.1 | — | — | New file |\n| 1.2 | 1.1 | FS | Needs the file |\n| 1.3 | 1.1 | FS | Needs the file |\n"
    titles = _titles(md)
    assert sorted(titles) == ["1.1", "1.2", "1.3"]
    assert not {"FS", "—"} & set(titles.values())


def test_a_later_table_that_names_an_item_replaces_a_code_given_first() -> None:
    md = "# Team\n\n| ID | Area | Feature |\n|---|---|---|\n| F01 | be | be |\n| F02 | fe | fe |\n\n## Backlog\n\n"
    md += "| ID | Feature | Owner |\n|---|---|---|\n| F01 | Monorepo scaffold | Zhou |\n| F02 | Intake form | Ana |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    items = {i.id: i for i in result.board.items}
    assert {k: i.title for k, i in items.items()} == {"F01": "Monorepo scaffold", "F02": "Intake form"}
    assert items["F01"].custom["title_first"] == "be"
    assert any("F01: title 'Monorepo scaffold' names it better than 'be'" in line for line in result.report_lines)


def test_id_less_task_tables_under_priority_labels_are_numbered_by_the_label() -> None:
    md = "# План\n\n### Backlog\n\n**P0 — контент-блокери (медвідділ):**\n| Задача | Блокер | Оцінка |\n|---|---|---|\n"
    md += "| Курси ESSE | Контент від медвідділу | 2 год |\n| Протипоказання | Контент | 3 год |\n\n"
    md += (
        "**P1 — UX / Quality:**\n| Задача | Блокер | Оцінка |\n|---|---|---|\n| Inline keyboard | Розробник | 3 год |\n"
    )
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.priority) for i in result.board.items}
    assert got == {"P0-1": ("Курси ESSE", "P0"), "P0-2": ("Протипоказання", "P0"), "P1-1": ("Inline keyboard", "P1")}


def test_a_table_of_names_and_effort_words_is_no_list_of_work() -> None:
    md = "# P\n\n## Team\n\n| Feature | Best reference agent |\n|---|---|\n| Search | Nasim |\n| Export | Ana |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None and result.board.items == []


def test_priority_headings_in_words_of_other_languages_and_moscow_set_the_priority() -> None:
    md = "# Roadmap\n\n## Offene Aufgaben\n\n### 🔴 Kritisch (Must-Have für Launch)\n\n| # | Aufgabe | Status |\n"
    md += "|---|---|---|\n| 1 | Push | 🔴 Offen |\n\n### 🟡 Wichtig (Sollte vor Launch)\n\n| # | Aufgabe | Status |\n"
    md += "|---|---|---|\n| 2 | Caching | 🟡 Offen |\n\n### Nice-to-Have\n\n| # | Aufgabe | Status |\n|---|---|---|\n"
    md += "| 3 | Dark mode | Geplant |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.priority for i in result.board.items} == {"1": "P0", "2": "P1", "3": "P3"}


def test_a_heading_that_says_priority_n_in_brackets_gives_it_to_its_boxes() -> None:
    md = (
        "# Roadmap\n\n## Bundle A — GPU (Priority 1)\n\n- [ ] **T-0120** — GPU provider\n- [ ] **T-0119** — Encoder\n\n"
    )
    md += "## Bundle B — Tooling (Priority 2)\n\n- [ ] **RT-410** — Stage planner\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.priority for i in result.board.items} == {"T-0120": "P1", "T-0119": "P1", "RT-410": "P2"}


def test_sibling_tier_headings_rank_their_items_from_p0() -> None:
    md = "# SEO plan\n\n## Tier 0 — Critical (do first)\n\n| ID | Fix | Status |\n|---|---|---|\n| T0.1 | HTTPS | ✅ |\n\n"
    md += "## Tier 1 — High impact\n\n| ID | Fix | Status |\n|---|---|---|\n| T1.1 | Sitemap | ✅ |\n\n"
    md += "## Tier 4 — Owner decisions\n\n| ID | Fix | Status |\n|---|---|---|\n| T4.1 | Pick a domain | ⏳ |\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    # Tier 4 is the fifth rank from Tier 0: past P3, it names no priority.
    assert {i.id: i.priority for i in result.board.items} == {"T0.1": "P0", "T1.1": "P1", "T4.1": None}
    alone = import_markdown("# P\n\n### Tier 2 — Intelligence\n\n| ID | Task |\n|---|---|\n| A-1 | x |\n", "p.md")
    assert alone.board is not None and alone.board.items[0].priority is None


def test_an_epic_headings_priority_line_is_its_own_and_its_stories() -> None:
    md = "# Epics & Stories\n\n## Epic 1 — Setup\n\n**Priorité :** P0 (bloquant pour tout le reste)\n\n"
    md += "### Story 1.1 — Init Next.js\n\n- [ ] Le projet démarre\n\n## Epic 2 — Pages\n\n**Priorité :** P2\n\n"
    md += "### Story 2.1 — Home\n\n- [ ] La page charge\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    assert {i.id: i.priority for i in result.board.items} == {"E1": "P0", "1.1": "P0", "E2": "P2", "2.1": "P2"}


def test_commits_closing_a_title_are_where_the_work_landed_not_its_name() -> None:
    # A migration log: each box ends with the commit (or range of commits) that did it.
    md = "# Migration path\n\n"
    md += "- [x] Migrate Gson to kotlinx.serialization 373fac5871f5af5047c30a6b8e2ba0f71993f101...8e6b5b12cca6fd8b\n"
    md += "- [x] Update AndroidX libraries 87dfcc3806853328b91f8375b17e38b46ab83888\n"
    md += "- [x] Fix the login race (a1b2c3d)\n"
    md += "- [ ] Bump cache size to 1048576\n"  # a number is no commit
    md += "- [ ] Rename the facade module\n"  # "facade" is hex, but a word
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    items = {i.title: i for i in result.board.items}
    assert list(items) == [
        "Migrate Gson to kotlinx.serialization",
        "Update AndroidX libraries",
        "Fix the login race",
        "Bump cache size to 1048576",
        "Rename the facade module",
    ]
    assert (
        "373fac5871f5af5047c30a6b8e2ba0f71993f101...8e6b5b12cca6fd8b"
        in items["Migrate Gson to kotlinx.serialization"].description
    )
    assert "a1b2c3d" in items["Fix the login race"].description


def test_shortcodes_of_state_marks_say_the_state() -> None:
    md = "# Plan\n\n## Work\n\n- :white_check_mark: Log in\n- :construction: Export\n- :x: Import\n"
    md += "- :tada: Launch party\n- `:x:` in code stays\n"
    result = import_markdown(md, "plan.md")
    assert result.board is not None
    got = {i.title: i.status for i in result.board.items}
    assert got["Log in"] == "done"
    assert got["Export"] == "in_progress"
    assert got["Import"] == "todo"
    assert ":tada: Launch party" in got  # a shortcode of no state decorates, as written
