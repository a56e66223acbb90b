"""Task lists kept in a fenced YAML block, and checklists that only name files to change (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

YAML = "# P\n\n```yaml\ntasks:\n  - id: a-one\n    title: First\n  - id: b-two\n    title: Second\n    depends-on: [a-one]\n```\n"


def test_a_yaml_task_list_makes_items_with_their_dependencies() -> None:
    result = import_markdown(YAML, "P.md")
    assert result.board is not None
    assert [(i.id, i.title, i.depends_on) for i in result.board.items] == [
        ("a-one", "First", []),
        ("b-two", "Second", ["a-one"]),
    ]
    assert any("YAML block (tasks: 2 entries" in line for line in result.report_lines)


def test_yaml_that_is_no_task_list_stays_text() -> None:
    md = "# P\n\n```yaml\ncache:\n  backend: s3\n```\n\n```yaml\ntasks:\n  - run: lint\n```\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.items == []


def test_a_checklist_of_files_under_a_files_heading_is_no_items() -> None:
    md = "# P\n\n## Files\n\n- [ ] `src/a.py` — change the writer\n- [ ] `docs/b.md` — say so\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and result.board.items == []
    assert any("names files to change" in line for line in result.report_lines)


def test_a_checklist_of_files_elsewhere_is_still_work() -> None:
    md = "# P\n\n## Cleanup\n\n- [ ] `src/a.py` — change the writer\n- [ ] `docs/b.md` — say so\n"
    result = import_markdown(md, "P.md")
    assert result.board is not None and len(result.board.items) == 2


def test_a_yaml_block_under_a_task_heading_gives_its_fields_even_after_a_code_template() -> None:
    md = (
        "# Tasks\n\n### T-001: database - CREATE tables\n\n```yaml\nid: T-001\nstatus: pending\n"
        "code_template: |\n  status TEXT DEFAULT 'completed'\ndepends_on: []\n```\n\n"
        "### T-002: types - CREATE types.ts\n\n```yaml\nid: T-002\nstatus: done\ncode_template: |\n"
        "  export type S = 'pending'\ndepends_on: [T-001]\n```\n\n"
        "## Sample\n\n```yaml\nid: example\nstatus: done\n```\n"
    )
    result = import_markdown(md, "P.md")
    assert result.board is not None
    assert [(i.id, i.status, i.depends_on) for i in result.board.items] == [
        ("T-001", "todo", []),
        ("T-002", "done", ["T-001"]),
    ]
    assert result.board.items[0].title == "database - CREATE tables"
