"""``normalize_rel`` answers a clean path without the full rule: the answer (or the refusal) is the
full rule's for every path, clean or not."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from readiness_tui.core.gates import paths
from readiness_tui.core.gates.paths import PathEscape, normalize_rel

# The characters a path's meaning turns on, and a few plain ones.
_PIECES = st.sampled_from(["a", "b7", "_", "-", ".", "..", "/", "\\", "~", ":", "C", "*", "?", "[x]", " ", "\x01", "é"])


def _full_rule(pattern: str) -> str | PathEscape:
    try:
        return paths._normalize(pattern)
    except PathEscape as exc:
        return exc


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
@example("docs/a.md")
@example("a/../../b")
@example("../a")
@example("a/./b")
@example("a//b")
@example("a/")
@example("a//")
@example("ops/m-1/")
@example("C:/x")
@example("~/x")
@example(".hidden/x")
def test_the_clean_path_answer_is_the_full_rules(pattern: str) -> None:
    expected = _full_rule(pattern)
    if isinstance(expected, PathEscape):
        with pytest.raises(PathEscape) as caught:
            normalize_rel(pattern)
        assert str(caught.value) == str(expected)
    else:
        assert normalize_rel(pattern) == expected


def test_a_clean_path_does_not_take_the_full_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(pattern: str) -> str:
        raise AssertionError(f"the full rule ran for {pattern!r}")

    monkeypatch.setattr(paths, "_normalize", refuse)
    for clean in ("docs/a.md", "reports/**/*.xml", "build/out-[0-9].log", "a.b.c/d_e"):
        assert normalize_rel(clean) == clean
    assert normalize_rel("ops/runtime/m-000001/") == "ops/runtime/m-000001"  # a directory
