"""The theme palettes in core: WCAG contrast arithmetic, the theme files' level, and the HTML page's
text on its backgrounds (the app's own screens are measured in tests/ui/test_theme_contrast.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.outputs.html import TEXT_RULES, theme_colours, to_html
from readiness_tui.core.settings.palette import (
    ThemeError,
    blend,
    bundled_palettes,
    colours_of,
    contrast_ratio,
    load_palettes,
    read_palette,
    relative_luminance,
)

ROOT = Path(__file__).resolve().parents[2]


def test_wcag_arithmetic_matches_the_published_values() -> None:
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    assert relative_luminance("#000") == pytest.approx(0.0)
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21.0)  # order does not matter
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic AA miss
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # ... and pass
    assert blend("#FFFFFF", "#000000", 0.5) == "#808080"


def test_every_bundled_theme_is_read_with_its_level() -> None:
    palettes = {p.name: p for p in bundled_palettes()}
    assert set(palettes) == {"readiness-dark", "readiness-light", "readiness-contrast"}
    assert palettes["readiness-contrast"].min_ratio == 7.0
    assert palettes["readiness-dark"].min_ratio == palettes["readiness-light"].min_ratio == 4.5
    for p in palettes.values():
        assert len(p.colours) == 10, p.name  # every key given: nothing left to a derived guess


@pytest.mark.parametrize("palette", bundled_palettes(), ids=lambda p: p.name)
def test_the_html_pages_text_reaches_the_themes_level(palette) -> None:  # type: ignore[no-untyped-def]
    c = theme_colours(palette.name)
    low = [
        f"{sel}: {c[fg]} on {c[bg]} is {contrast_ratio(c[fg], c[bg]):.2f}:1"
        for sel, fg, bg in TEXT_RULES
        if contrast_ratio(c[fg], c[bg]) < palette.min_ratio
    ]
    assert not low, f"{palette.name} needs {palette.min_ratio}:1: {low}"


def test_the_page_sets_each_text_rule_with_the_themes_colours() -> None:
    board = BoardStore.load(ROOT / "boards" / "final-implementation-plan.toml").board
    page = to_html(board, theme="readiness-contrast")
    c = theme_colours("readiness-contrast")
    for sel, fg, bg in TEXT_RULES:
        assert f"{sel} {{ color:{c[fg]}; background:{c[bg]}; }}" in page


def test_a_bad_theme_file_names_its_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\nprimary = "#123456"\nerror = "red; } body {"\n')
    with pytest.raises(ThemeError, match=r"bad\.toml: error = 'red; } body \{' is not a colour"):
        read_palette(bad)
    (tmp_path / "level.toml").write_text('name = "x"\nprimary = "#123456"\ncontrast = "A"\n')
    (tmp_path / "broken.toml").write_text("name = ")
    palettes, problems = load_palettes([tmp_path])
    assert palettes == []
    assert [p.split(":")[0] for p in problems] == ["bad.toml", "broken.toml", "level.toml"]


def test_a_partial_theme_takes_the_rest_from_the_default(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('name = "mine"\nprimary = "#ABCDEF"\n')
    mine = colours_of("mine", [tmp_path])
    default = colours_of(None)
    assert mine["primary"] == "#ABCDEF"
    assert {k: v for k, v in mine.items() if k != "primary"} == {k: v for k, v in default.items() if k != "primary"}


def test_the_html_export_finds_the_users_own_theme() -> None:
    from readiness_tui.core.settings.palette import user_themes_dir

    user_themes_dir().mkdir(parents=True)
    (user_themes_dir() / "mine.toml").write_text('name = "mine"\nprimary = "#123456"\nbackground = "#FAFAFA"\n')
    board = BoardStore.load(ROOT / "boards" / "final-implementation-plan.toml").board
    default_text = colours_of(None)["foreground"]  # what the theme leaves out comes from the default
    assert f"body {{ color:{default_text}; background:#FAFAFA; }}" in to_html(board, theme="mine")
