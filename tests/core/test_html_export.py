"""The HTML export in core: sections, escaping, theme colours, nothing that fetches."""

from __future__ import annotations

import re
from pathlib import Path

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.outputs.html import SECTIONS, theme_colours, to_html

ROOT = Path(__file__).resolve().parents[2]


def test_every_board_exports_every_section() -> None:
    for board in sorted((ROOT / "boards").glob("*.toml")):
        store = BoardStore.load(board)
        page = to_html(store.board, store.path)
        for key in SECTIONS:
            assert f'<section id="{key}">' in page, (board.name, key)
        # nothing to fetch: no src/href to another document, no url(), no @import
        assert not re.search(r"(src|href)=\"(?!#)", page), board.name
        assert "url(" not in page and "@import" not in page
        assert "fetch(" not in page and "XMLHttpRequest" not in page


def test_board_text_is_escaped(tmp_path: Path) -> None:
    store = BoardStore.load(ROOT / "boards" / "final-implementation-plan.toml")
    store.set_board_fields({"title": '<script>alert(1)</script>"'})
    store.set_fields(store.board.items[0].id, {"title": "<img src=x onerror=alert(2)>"})
    page = to_html(store.board, None)
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;" in page
    assert page.count("<script>") == 1  # the deck's own navigation


def test_theme_colours_come_from_the_theme_files(tmp_path: Path) -> None:
    assert theme_colours("readiness-contrast")["background"] == "#000000"
    (tmp_path / "bad.toml").write_text('name = "bad"\nprimary = "red; } body { display:none"\n')
    assert theme_colours("bad", themes_dir=tmp_path)["primary"].startswith("#")
    page = to_html(BoardStore.load(ROOT / "boards" / "final-implementation-plan.toml").board, theme="readiness-light")
    light = theme_colours("readiness-light")
    assert f"body {{ color:{light['foreground']}; background:{light['background']}; }}" in page
    assert "red;" not in page


def test_the_page_shows_the_standup_screens_deck(tmp_path: Path) -> None:
    # One deck for both surfaces (core.standup_deck): the page's slides are the screen's, in its
    # order, with the same "done since the last standup" read from the board's history.
    from readiness_tui.cli import main
    from readiness_tui.core.standup.deck import StandupDeck

    board = tmp_path / "board.toml"
    board.write_bytes((ROOT / "boards" / "final-implementation-plan.toml").read_bytes())
    store = BoardStore.load(board)
    first_open = next(it for it in store.board.items if it.status not in ("done", "cancelled"))
    try:
        main(["set", str(board), first_open.id, "status=done"])  # recorded in the history beside it
    except SystemExit as exc:
        assert exc.code == 0
    store = BoardStore.load(board)
    deck = StandupDeck.build(store, group_by="owner")
    page = to_html(store.board, store.path)
    section = page[page.index('<section id="standup">') :]
    titles = re.findall(r'<div class="slide"><h3>(.*?)</h3>', section)
    assert titles == ["Overview", *(g.label for g in deck.groups)]
    done = [i.id for g in deck.groups for i in g.done]
    assert first_open.id in done
    for item_id in done:
        assert f'<li><span class="id">{item_id}</span> ' in section.split("Done since last standup", 1)[1]


def ids_as_text(page: str) -> str:
    """The page with its unbreakable ids (``<span class="id">``) as plain text."""
    return re.sub(r'<span class="id">([^<]*)</span>', r"\1", page)


def _slides(page: str) -> dict[str, str]:
    page = ids_as_text(page)
    section = page[page.index('<section id="standup">') :]
    return dict(re.findall(r'<div class="slide"><h3>(.*?)</h3>(.*?)</div>', section))


def test_every_owner_slide_shows_what_the_deck_model_holds() -> None:
    # Issue 39: on the shipped plan the page said "Nothing to report" on 9 of 10 owner slides while
    # the standup screen showed DevOps waiting on three items with their chains.
    from readiness_tui.core.standup.deck import StandupDeck

    store = BoardStore.load(ROOT / "boards" / "final-implementation-plan.toml")
    deck = StandupDeck.build(store, group_by="owner")
    slides = _slides(to_html(store.board, store.path))
    assert "Nothing to report" not in "".join(slides.values())
    devops = deck.group("DevOps")
    assert devops is not None and len(devops.waiting) == 3
    for g in deck.groups:
        body = slides[g.label]
        shown = re.findall(r"<li>(\S+) ", body)
        assert shown == g.item_ids(), g.label
        for sec in g.sections():
            if sec.entries:
                assert f'<h4 data-section="{sec.key}">{sec.title}</h4>' in body
            for entry in sec.entries:
                for chain in entry.chain_texts():
                    assert f"waiting on {chain}" in body
    assert "waiting on T-004 (DevOps) ← T-001 (Platform Eng)" in slides["DevOps"]


def test_the_critical_path_is_worded_by_the_analysis(tmp_path: Path) -> None:
    # A board with no estimates: the path is a count of open items, never "days".
    from readiness_tui.core.analysis.analyze import Analysis

    store = BoardStore.load(ROOT / "boards" / "final-implementation-plan.toml")
    cp = Analysis(store.board).critical_path
    assert cp.unit == "items"
    page = to_html(store.board, None)
    line = re.search(r'<p id="critical-path">(.*?)</p>', page)
    assert line is not None
    assert line.group(1).startswith(f"Critical path ({cp.length_text}): ")
    assert "3 items (no estimates: each open item counts as one unit)" in line.group(1)
    assert "days" not in line.group(1)
