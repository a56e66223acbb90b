"""A link written with a space before its target (``[A1 – Editor basics] (issues/A1.md)``) is the link its author
meant (issue 43): the entry opens with its id and title, as ``[A1 – Editor basics](issues/A1.md)`` does."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown


def _items(md: str) -> list[tuple[str, str, str]]:
    result = import_markdown(md, "roadmap.md")
    assert result.board is not None, "\n".join(result.report_lines)
    return [(i.id, i.title, i.status) for i in result.board.items]


def test_a_spaced_link_to_a_path_is_read_as_the_link() -> None:
    md = "# Roadmap\n\n## Track A\n\n- [ ] [A1 – Editor basics] (issues/A1-editor.md)\n"
    md += "- [x] [A2 – Player movement] (https://example.org/issues/A2)\n"
    assert _items(md) == [("A1", "Editor basics", "todo"), ("A2", "Player movement", "done")]


def test_brackets_before_words_in_parentheses_stay_text() -> None:
    # "(see notes)" is no target: the line is left as written.
    md = "# Roadmap\n\n## Track A\n\n- [ ] [A1 – Editor basics] (see notes)\n- [ ] [A2 – Movement] (see notes)\n"
    assert [t for _, t, _ in _items(md)] == ["[A1 – Editor basics] (see notes)", "[A2 – Movement] (see notes)"]
