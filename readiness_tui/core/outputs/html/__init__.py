"""``readiness export BOARD -f html``: one self-contained page for people who never open a terminal.

Backlog, dependency matrix, risk map, plan with the critical path, gates, the weekly report and the
standup deck as slides, in a theme's colours (``themes/*.toml``). Self-contained: no link, image,
font or script is fetched; the only script is the deck's slide navigation, inline, and it calls out
to nothing. Everything that comes from the board goes through ``html.escape`` (``e`` below).
"""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.model.board import Board
from readiness_tui.core.outputs.html.deck import deck_section
from readiness_tui.core.outputs.html.sections import (
    backlog_section,
    e,
    gates_section,
    matrix_section,
    plan_section,
    report_section,
    risk_section,
)
from readiness_tui.core.settings.palette import colours_of

#: Nothing may be fetched: only the page's own inline style and script run.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
#: Every rule that puts text on a colour: (selector, text colour, the background it sits on). The
#: stylesheet sets both, so these are exactly the pairs the contrast test holds to each theme's level.
TEXT_RULES = (
    ("body", "foreground", "background"),
    ("header", "foreground", "panel"),
    ("nav a", "primary", "panel"),
    ("section", "foreground", "surface"),
    ("h2", "primary", "surface"),
    ("th", "foreground", "panel"),
    (".matrix td.dep", "background", "primary"),
    (".critical", "accent", "surface"),
    (".s-done, .r-mitigated, .go", "success", "surface"),
    (".s-blocked, .r-uncovered, .nogo", "error", "surface"),
    (".s-in_progress, .s-review, .r-in_progress", "warning", "surface"),
    ("pre, .slide", "foreground", "panel"),
    (".deck-nav button", "background", "primary"),
)

#: Section ids, in page order (tests and the table of contents use them).
SECTIONS = ("backlog", "matrix", "risks", "plan", "gates", "report", "standup")


def theme_colours(name: str | None = None, themes_dir: Path | None = None) -> dict[str, str]:
    """The colours of theme ``name`` from the theme files (the bundled ones by default)."""
    return colours_of(name, [themes_dir] if themes_dir is not None else None)


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
            gates_section(board, board_path),
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
    colours = "".join(f"{sel} {{ color:{c[fg]}; background:{c[bg]}; }}\n" for sel, fg, bg in TEXT_RULES)
    return (
        colours
        + f"""
body {{ font-family:system-ui,sans-serif; margin:0; }}
header {{ padding:1em 2em; border-bottom:3px solid {c["primary"]}; }}
nav a {{ margin-right:1em; }}
main {{ padding:0 2em 2em; }}
section {{ margin:1.5em 0; padding:1em 1.5em; border-left:4px solid {c["primary"]}; }}
table {{ border-collapse:collapse; width:100%; font-size:.9em; }}
th, td {{ border:1px solid {c["panel"]}; padding:.25em .5em; text-align:left; vertical-align:top; }}
.matrix td {{ text-align:center; }}
.critical {{ font-weight:bold; }}
.id {{ white-space:nowrap; }}
pre {{ white-space:pre-wrap; padding:1em; }}
.slide {{ display:none; min-height:50vh; padding:1em 2em; }}
.slide.current {{ display:block; }}
.deck-nav button {{ border:0; padding:.4em 1.2em; margin:.5em .5em 0 0; }}
"""
    )


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
