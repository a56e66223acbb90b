"""The legend readers pass over lines before reading their Markdown; a line passed over must be one the reader
would not have taken."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.importers.vocabulary import legends

# Lines built from the pieces legends and their look-alikes are made of: bullets, pipes, marks, words, markup.
pieces = st.sampled_from(
    [
        "- ",
        "+ ",
        "* ",
        "| ",
        " |",
        "|",
        "`",
        "**",
        "_",
        "\\",
        "\\|",
        "&amp;",
        "&#124;",
        "<b>",
        "</b>",
        "[",
        "]",
        "](x)",
        "![",
        "✅",
        "⏳",
        "[~]",
        "[x]",
        " ",
        "Done",
        "Offen",
        "1️⃣",
        "Owner",
        "Priority",
        ":",
        "：",
        "P1",
        "=",
        "🔴",
        "x",
    ]  # fmt: skip
)
lines = st.lists(pieces, max_size=10).map("".join)


@settings(max_examples=600)
@given(lines)
@example("| `[~]` | U toku |")
@example("- ⏳ Offen")
@example("| &#124; x | y")
@example("_-_ ✅ Done")
def test_a_line_passed_over_is_not_a_mark_legend_line(line: str) -> None:
    for shape in (legends._MARK_LINE, legends._MARK_ROW):
        if not legends._may_pair(line, shape):
            assert shape.match(plain(line)) is None


@settings(max_examples=300)
@given(lines)
@example("**Owners**: 🔵 = Ana, 🟢 = Bo")
@example("**Owners**&#58; 🔵 = Ana, 🟢 = Bo")
def test_a_line_passed_over_names_no_label(line: str) -> None:
    if not legends._may_label(line):
        assert legends._LABEL.search(plain(line).strip().rstrip(".")) is None


@settings(max_examples=300)
@given(lines)
@example("P1: Kritisk, P2: Hög, P3: Medel, P4: Låg")
def test_a_line_passed_over_defines_no_three_codes(line: str) -> None:
    if len(legends._CODE.findall(line)) < 3:
        assert len(list(legends._PRIO_PAIR.finditer(plain(line)))) < 3
