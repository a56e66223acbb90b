"""``readiness export -f html`` opened in headless Chromium: every section, slides, no network, no XSS."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import tomlkit

from readiness_tui.core.outputs.html import SECTIONS

from .conftest import BOARD


def export(board: Path, out: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "export", str(board), "-f", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr


def test_export_has_every_section_and_fetches_nothing(browser, tmp_path: Path) -> None:
    out = tmp_path / "board.html"
    export(BOARD, out)
    ctx = browser.new_context()
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    for key in SECTIONS:
        assert page.locator(f"section#{key}").count() == 1, key
    assert "Final Implementation Plan" in page.locator("h1").inner_text()
    assert page.locator("#risks tbody tr").count() == 20
    assert page.locator("#matrix td.dep").count() > 0
    # The deck: one slide at a time, moved by its buttons and the arrow keys.
    slides = page.locator("#standup .slide")
    assert slides.count() >= 2
    assert page.locator("#standup .slide.current").count() == 1
    assert "Overview" in page.locator("#standup .slide.current").inner_text()
    page.click("#deck-next")
    assert "Overview" not in page.locator("#standup .slide.current").inner_text()
    assert page.locator("#deck-pos").inner_text().startswith("2/")
    page.keyboard.press("ArrowLeft")
    assert page.locator("#deck-pos").inner_text().startswith("1/")
    page.screenshot(path=str(tmp_path / "export.png"), full_page=True)
    ctx.close()
    assert requests == [out.as_uri()]  # the page itself, nothing else


def test_critical_path_is_marked(browser, tmp_path: Path) -> None:
    from readiness_tui.core.analysis.analyze import Analysis
    from readiness_tui.core.board.store import BoardStore

    board = BOARD.parent / "codex-execution-task-board.toml"
    path = Analysis(BoardStore.load(board).board).critical_path
    assert len(path.ids) >= 2
    out = tmp_path / "codex.html"
    export(board, out)
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(out.as_uri())
    marked = page.locator("#plan td .critical").all_inner_texts()
    assert sorted(marked) == sorted(path.ids)
    assert " → ".join(path.ids) in page.locator("#plan").inner_text()
    ctx.close()


def test_board_text_is_escaped(browser, tmp_path: Path) -> None:
    doc = tomlkit.parse(BOARD.read_text(encoding="utf-8"))
    evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    doc["board"]["title"] = evil  # type: ignore[index]
    doc["items"][0]["title"] = evil  # type: ignore[index]
    board = tmp_path / "evil.toml"
    board.write_text(tomlkit.dumps(doc), encoding="utf-8")
    out = tmp_path / "evil.html"
    export(board, out)
    assert "<script>window.__pwned" not in out.read_text(encoding="utf-8")
    ctx = browser.new_context()
    page = ctx.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned === undefined")
    assert evil in page.locator("h1").inner_text()  # shown as text
    assert page.locator("#backlog").inner_text().count("<script>") >= 1
    ctx.close()
    assert requests == [out.as_uri()]  # the <img src=x> never became a request


#: Every range of the page's text that spells a board id, and how many lines each is drawn on.
ID_LINES_JS = """
(ids) => {
  const re = new RegExp('(?<![\\\\w-])(' + ids.map(i => i.replace(/[-]/g, '\\\\-')).join('|') + ')(?![\\\\w-])', 'g');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(re)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size) out.push([m[0], tops.size, node.parentElement.tagName]);
    }
  }
  return out;
}
"""


def test_ids_never_break_across_lines(browser, tmp_path: Path) -> None:
    """A narrow window squeezes the tables: "T-001" used to break into "T-" and "001"."""
    out = tmp_path / "board.html"
    export(BOARD, out)
    doc = tomlkit.parse(BOARD.read_text(encoding="utf-8"))
    ids = [str(t["id"]) for key in ("items", "risks") for t in doc.get(key, [])]
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(out.as_uri())
    seen = page.evaluate(ID_LINES_JS, ids)
    page.close()
    assert len({s[0] for s in seen}) > 0.9 * len(ids)  # the ids are on the page
    assert [s for s in seen if s[1] != 1] == []
