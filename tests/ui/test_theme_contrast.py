"""Every theme's text is readable where the app draws it: WCAG contrast, measured on the screen.

Each scene (every pane, the backlog's cursor on every row, selected text, the GO and NO-GO
banners, the dialogs)
is drawn in each bundled theme; the screenshot gives every run of text with its colour and the
colour of the cells behind it, and each pair must reach the theme's level (``core.palette``:
4.5:1, AA; 7:1, AAA, for the high-contrast theme). Box-drawing, block and braille characters are
lines and bars, not text, and are left out; so is the screen a dialog dims behind itself.
"""

from __future__ import annotations

import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from readiness_tui.core.settings.palette import bundled_palettes, contrast_ratio

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "boards" / "launch.toml"
SIZE = (120, 40)
THEMES = sorted(p.name for p in bundled_palettes())
LEVEL = {p.name: p.min_ratio for p in bundled_palettes()}
#: Not text: box drawing, block elements (bars, sparklines), braille (charts).
_GRAPHIC = re.compile("[\u2500-\u259f\u2800-\u28ff]")
# Known problems in files other changes own (being edited now), for the lead to route. The gates
# pane (ui/panes/gates.py) draws its statuses, summary and drift in fixed ANSI colour names ("bold
# red", "magenta") that no theme controls: in ANSI_SCENES, text drawn in an ANSI colour is theirs.
# It also dims a closed item's title, which no colour keeps readable under the cursor; the edit
# form's and the help's titles dim their key hint, which on a light background cannot reach 4.5:1.
# Each entry must still fail in some theme, so that a fixed one comes off the list.
ANSI_SCENES = {"gates"}
KNOWN_ELSEWHERE = {
    ("gates", "Fail-closed security scans in CI"),
    ("edit form", "ctrl+s saves"),
    ("help", "escape closes"),
}


@dataclass(frozen=True)
class Drawn:
    scene: str
    text: str
    fg: str
    bg: str
    row: int
    col: int
    ansi: bool = False


def drawn_text(svg: str, scene: str, regions: list[tuple[int, int, int, int]] | None = None) -> list[Drawn]:
    """Text runs of a Textual SVG screenshot with the background of their cells. ``regions``
    (x, y, width, height in cells): keep only what is drawn inside them."""
    styles = dict(re.findall(r"\.(terminal-\d+-r\d+) \{ fill: (#[0-9a-f]{6})", svg))
    backs: dict[tuple[str, int], str] = {}
    for fill, x, y in re.findall(
        r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="[\d.]+" height="24.65"', svg
    ):
        backs[(x, round((float(y) - 1.5) / 24.4))] = fill
    out = []
    for cls, x, y, raw in re.findall(
        r'<text class="(terminal-\d+-r\d+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg
    ):
        text = html.unescape(raw).replace("\xa0", " ")
        if not _GRAPHIC.sub("", text).strip():
            continue
        row, col = round((float(y) - 20) / 24.4), round(float(x) / 12.2)
        if regions and not any(rx <= col < rx + w and ry <= row < ry + h for rx, ry, w, h in regions):
            continue
        bg = backs.get((x, row))
        assert bg is not None, f"{scene}: no background under {text!r} at row {row}"
        out.append(Drawn(scene, text.strip(), styles[cls], bg, row, col))
    return out


GO_BOARD = '[board]\ntitle = "All done"\n\n[[items]]\nid = "A-1"\ntitle = "Ship it"\nstatus = "done"\npriority = "P0"\n'


async def _go_banner(app) -> list[Drawn]:  # type: ignore[no-untyped-def]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        return drawn_text(app.export_screenshot(), "GO banner", [(0, 0, SIZE[0], 1)])


async def _scenes(app) -> list[Drawn]:  # type: ignore[no-untyped-def]
    from textual.screen import ModalScreen

    seen: list[Drawn] = []
    async with app.run_test(size=SIZE) as pilot:

        async def shot(scene: str, *keys: str) -> None:
            if keys:
                await pilot.press(*keys)
            await pilot.pause()
            screen = app.screen
            regions = None
            if isinstance(screen, ModalScreen):  # the screen behind is dimmed on purpose
                regions = [(w.region.x, w.region.y, w.region.width, w.region.height) for w in screen.children]
            ansi = {app.ansi_theme.ansi_colors[n].hex for n in range(16)}
            for d in drawn_text(app.export_screenshot(), scene, regions):
                seen.append(Drawn(d.scene, d.text, d.fg, d.bg, d.row, d.col, d.fg in ansi))

        await shot("backlog")
        for n in range(len(app.store.board.items)):
            await shot(f"backlog cursor row {n + 1}", "j")
        for n, pane in enumerate(("detail", "matrix", "risks", "plan", "gates", "burndown"), 2):
            await shot(pane, str(n))
            if pane == "detail":  # selected text: the pane's colours over the selection's
                app.main.active_pane().text_select_all()
                await shot("selected text")
                app.screen.clear_selection()
        await shot("matrix cursor", "3", "l", "j")
        await shot("edit form", "1", "e")
        await shot("help", "escape", "question_mark")
        await shot("report", "escape", "r")
    return seen


def _failures(drawn: list[Drawn], level: float) -> list[str]:
    worst: dict[tuple[str, str], tuple[float, Drawn]] = {}
    for d in drawn:
        ratio = contrast_ratio(d.fg, d.bg)
        if ratio < level and (d.fg, d.bg) not in worst:
            worst[(d.fg, d.bg)] = (ratio, d)
    return [
        f"{r:.2f}:1 {d.fg} on {d.bg} in {d.scene} (row {d.row}, col {d.col}): {d.text[:40]!r}"
        for r, d in sorted(worst.values(), key=lambda rd: rd[0])
    ]


async def test_every_drawn_text_reaches_its_themes_contrast(tmp_path: Path, make_app) -> None:
    board = tmp_path / "launch.toml"
    shutil.copy(FIXTURE, board)
    go_board = tmp_path / "go.toml"
    go_board.write_text(GO_BOARD, encoding="utf-8")
    problems: list[str] = []
    still_failing: set[tuple[str, str]] = set()
    for theme in THEMES:
        drawn = await _scenes(make_app(board, theme=theme))
        banner = await _go_banner(make_app(go_board, theme=theme))
        assert any(d.text.startswith("GO") for d in banner)
        drawn += banner
        assert {d.scene for d in drawn} >= {"backlog", "backlog cursor row 3", "selected text", "matrix", "help"}
        for scene, text in KNOWN_ELSEWHERE:
            if _failures([d for d in drawn if d.scene == scene and text in d.text], LEVEL[theme]):
                still_failing.add((scene, text))
        ansi_fixed = [d for d in drawn if d.ansi and d.scene in ANSI_SCENES]
        if _failures(ansi_fixed, LEVEL[theme]):
            still_failing.add(("ANSI", ""))
        mine = [
            d
            for d in drawn
            if d not in ansi_fixed and not any(d.scene == sc and text in d.text for sc, text in KNOWN_ELSEWHERE)
        ]
        problems += [f"{theme} (needs {LEVEL[theme]}:1): {p}" for p in _failures(mine, LEVEL[theme])]
    assert not problems, "\n".join(problems)
    known = KNOWN_ELSEWHERE | {("ANSI", "")}
    assert still_failing == known, "fixed now, take off the known list: " + repr(known - still_failing)


def test_the_high_contrast_theme_promises_aaa_and_the_others_aa() -> None:
    assert LEVEL == {"readiness-contrast": 7.0, "readiness-dark": 4.5, "readiness-light": 4.5}
