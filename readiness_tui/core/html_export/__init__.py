"""``readiness export BOARD -f html``: one self-contained page for people who never open a terminal.

Backlog, dependency matrix, risk map, plan with the critical path, gates, the weekly report and the
standup deck as slides, in a theme's colours (``themes/*.toml``). Self-contained: no link, image,
font or script is fetched; the only script is the deck's slide navigation, inline, and it calls out
to nothing. Everything that comes from the board goes through ``html.escape`` (``e`` below).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..analysis import Analysis
from ..model import Board
from .deck import deck_section
from .sections import backlog_section, e, gates_section, matrix_section, plan_section, report_section, risk_section

DEFAULT_THEME = "readiness-dark"
#: Nothing may be fetched: only the page's own inline style and script run.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "background",
    "surface",
    "panel",
    "foreground",
    "error",
    "warning",
    "success",
)
#: Used for any colour a theme file does not give (readiness-dark's).
FALLBACK = {
    "primary": "#4C9BE8",
    "secondary": "#A371F7",
    "accent": "#F0B72F",
    "background": "#0D1117",
    "surface": "#161B22",
    "panel": "#21262D",
    "foreground": "#E6EDF3",
    "error": "#E5534B",
    "warning": "#D29922",
    "success": "#3FB950",
}

#: Section ids, in page order (tests and the table of contents use them).
SECTIONS = ("backlog", "matrix", "risks", "plan", "gates", "report", "standup")


def theme_colours(name: str | None = None, themes_dir: Path | None = None) -> dict[str, str]:
    """The colours of theme ``name`` from the theme files (the bundled ones by default)."""
    from ...resources import bundled_themes_dir

    wanted = name or DEFAULT_THEME
    directory = themes_dir or bundled_themes_dir()
    colours = dict(FALLBACK)
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if data.get("name") == wanted:
            colours.update({k: str(v) for k, v in data.items() if k in COLOUR_KEYS and _is_colour(v)})
            break
    return colours


def _is_colour(value: object) -> bool:
    # Only #RGB / #RRGGBB reach the stylesheet: a theme file cannot inject CSS.
    return (
        isinstance(value, str)
        and value.startswith("#")
        and len(value) in (4, 7)
        and all(c in "0123456789abcdefABCDEF" for c in value[1:])
    )


def to_html(
    board: Board, board_path: Path | None = None, theme: str | None = None, analysis: Analysis | None = None
) -> str:
    """The whole page. ``board_path`` gives the history (weekly report, "done since" on the deck)."""
    a = analysis or Analysis(board)
    c = theme_colours(theme)
    title = board.board.title
    toc = "".join(f'<a href="#{s}">{s.capitalize()}</a>' for s in SECTIONS)
    body = "".join(
        (
            backlog_section(board, a),
            matrix_section(a),
            risk_section(board, a),
            plan_section(a),
            gates_section(board),
            report_section(board, board_path),
            deck_section(board, a, board_path),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · readiness</title>
<style>{_css(c)}</style></head>
<body><header><h1>{e(title)}</h1><p class="meta">{e(board.board.objective)}</p><nav>{toc}</nav></header>
<main>{body}</main>
<script>{DECK_JS}</script>
</body></html>
"""


def _css(c: dict[str, str]) -> str:
    return f"""
:root {{ --primary:{c["primary"]}; --accent:{c["accent"]}; --bg:{c["background"]}; --surface:{c["surface"]};
  --panel:{c["panel"]}; --fg:{c["foreground"]}; --error:{c["error"]}; --warning:{c["warning"]};
  --success:{c["success"]}; }}
body {{ background:var(--bg); color:var(--fg); font-family:system-ui,sans-serif; margin:0; }}
header {{ background:var(--panel); padding:1em 2em; border-bottom:3px solid var(--primary); }}
nav a {{ color:var(--primary); margin-right:1em; }}
main {{ padding:0 2em 2em; }}
section {{ background:var(--surface); margin:1.5em 0; padding:1em 1.5em; border-left:4px solid var(--primary); }}
h2 {{ color:var(--primary); }}
table {{ border-collapse:collapse; width:100%; font-size:.9em; }}
th, td {{ border:1px solid var(--panel); padding:.25em .5em; text-align:left; vertical-align:top; }}
th {{ background:var(--panel); }}
.matrix td {{ text-align:center; }} .matrix td.dep {{ background:var(--primary); color:var(--bg); }}
.critical {{ color:var(--accent); font-weight:bold; }}
.s-done, .r-mitigated, .go {{ color:var(--success); }} .s-blocked, .r-uncovered, .nogo {{ color:var(--error); }}
.s-in_progress, .s-review, .r-in_progress {{ color:var(--warning); }}
pre {{ white-space:pre-wrap; background:var(--panel); padding:1em; }}
.slide {{ display:none; min-height:50vh; background:var(--panel); padding:1em 2em; }}
.slide.current {{ display:block; }}
.deck-nav button {{ background:var(--primary); color:var(--bg); border:0; padding:.4em 1.2em; margin:.5em .5em 0 0; }}
"""


#: Slide navigation: buttons and the arrow keys; it touches nothing outside the page.
DECK_JS = """
(function () {
  var slides = document.querySelectorAll('#standup .slide'), n = 0;
  var pos = document.getElementById('deck-pos');
  function show(i) {
    if (!slides.length) return;
    n = Math.max(0, Math.min(i, slides.length - 1));
    slides.forEach(function (s, k) { s.classList.toggle('current', k === n); });
    if (pos) pos.textContent = (n + 1) + '/' + slides.length;
  }
  document.getElementById('deck-prev').onclick = function () { show(n - 1); };
  document.getElementById('deck-next').onclick = function () { show(n + 1); };
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowRight' || ev.key === 'PageDown') show(n + 1);
    if (ev.key === 'ArrowLeft' || ev.key === 'PageUp') show(n - 1);
  });
  show(0);
})();
"""
