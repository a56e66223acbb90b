"""A plan quoted whole in a ```markdown fence, and a task heading whose id is stated on the line beneath (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.fences import unquote_plans
from tests.core.import_plan import imported


def _unquote(text: str) -> tuple[list[str], list[tuple[int, str]]]:
    lines, notes = text.split("\n"), []
    unquote_plans(lines, lambda n, what: notes.append((n, what)))
    return lines, notes


def _plan(*extra: str) -> str:
    tasks = "\n".join(f"### T-{n}: Step {n}\n- do it\n" for n in (1, 2, 3))
    return "\n".join(["# Tool", "", "```markdown", "# Plan", "", tasks, *extra, "```", "", "## After", "", "text"])


def test_a_fence_holding_three_item_headings_is_the_plan() -> None:
    lines, notes = _unquote(_plan())
    assert lines[2] == "" and "```" not in lines
    assert notes and notes[0][0] == 3


def test_a_template_or_a_short_example_stays_a_code_block() -> None:
    template = "```markdown\n### Task 1: [Title]\n### Task 2: [Title]\n### Task 3: [Title]\n- Blockers: [Issues]\n```"
    assert _unquote(template)[1] == []
    example = "```md\n### T-1: Build\n### T-2: Ship\n```"
    assert _unquote(example)[1] == []


def test_the_quote_ends_where_its_author_meant() -> None:
    # The first bare fence closes the ```sql block and the next two pair as a graph: the quote ends at the fourth,
    # and the commit message after it stays a code block.
    text = _plan("```sql", "select 1;", "```", "", "```", "T-1 --> T-2", "```", "", "## Risks") + "\n```\nmsg\n```"
    before = text.split("\n")
    lines, notes = _unquote(text)
    assert notes
    fences = [n for n, ln in enumerate(before) if ln.startswith("```")]
    kept = [n for n, ln in enumerate(lines) if ln.startswith("```")]
    assert kept == [f for f in fences if f not in (fences[0], fences[5])]


def test_an_unclosed_quote_is_left_as_written() -> None:
    text = "\n".join(_plan().split("\n")[:-5])
    assert _unquote(text)[1] == []


def test_a_task_heading_takes_the_id_stated_beneath_it() -> None:
    md = (
        "# P\n\n### Task 1: Build\n**ID:** OPS-7\n**Dependencies:** None\n\n"
        "### Task 2: Ship\n**ID:** OPS-8\n**Dependencies:** Task 1\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert {i.id: i.depends_on for i in result.board.items} == {"OPS-7": [], "OPS-8": ["OPS-7"]}


def test_a_markdown_sample_showing_a_code_block_closes_where_its_writer_meant() -> None:
    # The sample's own ```bash block closes at the first bare fence; read as written, the sample would end there and
    # every fence after it would turn the rest of the plan into code: tasks 8 and 9 were gone.
    plan = (
        "# Migration Plan\n\n## Task 7: Update SKILL.md\n\n**Content to add:**\n\n```markdown\n## API Testing\n\n"
        "```bash\n./tools/api.js capture\n```\n\nCapture API requests.\n```\n\n**Commit message:**\n```\n"
        "docs: add API testing\n```\n\n## Task 8: Commit Existing Files\n\nCommit the three files.\n\n"
        "## Task 9: Final Integration Test\n\nTest each tool.\n"
    )
    report, items = imported(plan)
    assert list(items) == ["TASK-7", "TASK-8", "TASK-9"]
    assert any("holding code blocks of its own: closed at line 15" in ln for ln in report), report


_FENCED_NOTES = """# Blog plan

## Phase 1: Public blog

#### 1.1 Blog Homepage Redesign
```
File: app/blog/page.tsx
Tasks:
- Design modern blog homepage layout
- Implement featured posts section
```

#### 1.2 Template
```
Tasks:
- [Task name]
- [Another task]
```
"""


def test_a_plain_block_of_notes_and_tasks_under_a_heading_is_read_as_text() -> None:
    result = import_markdown(_FENCED_NOTES, "plan.md")
    assert result.board is not None
    got = {i.id: (i.title, i.parent) for i in result.board.items}
    assert got["1.1.1"] == ("Design modern blog homepage layout", "1.1")
    assert got["1.1.2"] == ("Implement featured posts section", "1.1")
    assert not any(title.startswith("[") for title, _ in got.values())  # the template's block stays code
    assert any("holding its notes and tasks in plain text" in ln for ln in result.report_lines)
