"""Steps written as bold paragraphs under phase headings, and waits drawn with box dashes (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.steps import promote_bold_steps


def _promote(text: str) -> list[str]:
    lines = text.split("\n")
    promote_bold_steps(lines, lambda n, what: None)
    return lines


def test_bold_step_lines_numbered_from_one_become_headings() -> None:
    lines = _promote("### Фаза 1\n\n**Шаг 1. Типы**\n- a\n\n**Шаг 2. Тема** (параллельно)\n- b")
    assert lines[2] == "#### 1. Типы"
    assert lines[5] == "#### 2. Тема (параллельно)"


def test_one_bold_step_line_or_numbers_out_of_order_stay_as_written() -> None:
    assert _promote("**Step 1. Only**\n- a")[0] == "**Step 1. Only**"
    assert _promote("**Step 2. A**\n\n**Step 5. B**")[0] == "**Step 2. A**"


def test_steps_numbered_on_across_phases_are_items() -> None:
    md = "# P\n\n## Steps\n\n### Fase 1\n\n**Paso 1. A**\n- x\n\n**Paso 2. B**\n- y\n\n### Fase 2\n\n**Paso 3. C**\n- z\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.title) for i in result.board.items] == [("1", "A"), ("2", "B"), ("3", "C")]


def test_box_dashes_before_a_wait_word_draw_a_dependency() -> None:
    md = (
        "# P\n\n## Steps\n\n### Phase 1\n\n**Step 1. A**\n- x\n\n**Step 2. B**\n- y\n\n"
        "```\nStep 2 (B) ── зависит от Step 1\nStep 1 ── notes only\n```\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"1": [], "2": ["1"]}


def test_bold_sub_steps_under_a_numbered_step_are_its_items_and_the_step_their_group() -> None:
    md = (
        "# Rollout\n\n## Plan\n\n### Step 1 — Infrastructure\n\n**1.1 Generate the signing keys**\n\n"
        "```bash\nopenssl genpkey\n```\n\n**1.2 Tag `v*` in the gateway repo**\n\nPush the tag.\n\n"
        "**1.3 Redeploy the backend** once every variable is set.\n\n### Step 2 — Pilot\n\n- Send the update\n"
        "- Watch the logs\n\n### Step 3 — Verify\n\n**3.1 No gateway calls the old endpoint**\n\n**3.2 Rotate one secret**\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["1.1", "1.2", "1.3", "2", "3.1", "3.2"]
    items = {i.id: i for i in result.board.items}
    assert items["1.2"].title == "Tag `v*` in the gateway repo"
    assert any("'Step 1 — Infrastructure' groups its numbered sub-steps" in ln for ln in result.report_lines)
    # A bold line whose number does not carry on the heading's stays emphasis.
    lines = "### Step 4 — Cleanup\n\n**2.1 Not a sub-step of 4**\n\n**2.2 Nor this**".split("\n")
    from readiness_tui.core.importers.document.steps import promote_bold_substeps

    promote_bold_substeps(lines, lambda n, what: None)
    assert lines[2] == "**2.1 Not a sub-step of 4**"


def test_a_step_named_by_a_field_word_keeps_its_name_as_title() -> None:
    # "**Verify**: do it" names the step, as "**Frontend**: do it" does; read as a verify field it left the item
    # with no title (a board that fails lint).
    names = [
        "Scaffold",
        "Backend - data model and migration",
        "Store",
        "Service",
        "API",
        "Frontend",
        "Smoke",
        "Make",
        "Design",
        "Install",
        "Verify",
    ]
    steps = "\n\n".join(f"{n}. **{name}**: Do it." for n, name in enumerate(names, start=1))
    md = f"# P\n\n- **`make run`**: starts the backend.\n\n## Steps\n\n{steps}\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None, "\n".join(result.report_lines)
    last = result.board.items[-1]
    # The bold label names it; what follows says what to do.
    assert (last.id, last.title, last.description) == ("S11", "Verify", "Do it.")
    assert last.gate is None  # no verify command taken out of its name
    assert not [line for line in result.report_lines if ": warning:" in line]
