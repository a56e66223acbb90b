"""The standup deck as slides: the overview, then one slide per owner (as standup mode shows it)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.model.board import Board
from readiness_tui.core.outputs.html.sections import e, ident, ids_kept_whole
from readiness_tui.core.standup.deck import StandupDeck
from readiness_tui.core.standup.slides import DeckEntry, GroupSlide


def _items(title: str, lines: list[str], key: str = "") -> str:
    if not lines:
        return ""
    return f'<h4 data-section="{e(key)}">{e(title)}</h4><ul>' + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _entry(entry: DeckEntry) -> str:
    text = f"{ident(entry.id)} {e(entry.title)}" + (f" ({e(entry.note)})" if entry.note else "")
    chain_ids = [i for chain in entry.chains for i, _ in chain]
    text += "".join(f"<br>waiting on {ids_kept_whole(e(chain), chain_ids)}" for chain in entry.chain_texts())
    return text + (f"<br>{e(entry.reason)}" if entry.reason else "")


def _group_slide(g: GroupSlide) -> str:
    # The sections and their entries are the deck's own (``GroupSlide.sections``), as the screen shows them.
    body = "".join(_items(sec.title, [_entry(x) for x in sec.entries], sec.key) for sec in g.sections())
    return f'<div class="slide"><h3>{e(g.label)}</h3>{body}</div>'


def deck_section(board: Board, a: Analysis, board_path: Path | None) -> str:
    # The deck is standup mode's own (core.standup_deck), so the page and the screen show one deck.
    deck = StandupDeck.of_board(board, board_path, analysis=a)
    ov = deck.overview
    counts = ", ".join(f"{e(k)}: {v}" for k, v in ov.counts.items() if v)
    reasons = "".join(f"<li>{e(r)}</li>" for r in ov.decision.reasons)
    first = (
        f'<div class="slide"><h3>Overview</h3><p>Go/no-go: <strong>{e(ov.decision.label)}</strong></p>'
        f"<ul>{reasons}</ul><p>{counts}</p>"
        + (f'<p class="level">Level: {e(ov.level.headline())}</p>' if ov.level is not None else "")
        + _items("Overdue", [f"{ident(i.id)} {e(i.title)}" for i in ov.overdue])
        + _items("Uncovered risks", [f"{ident(r)} {e(t)}" for r, t in ov.uncovered])
        + _items("Milestones", [f"{ident(m.id)} {e(m.title)}: {m.closed}/{m.total}" for m in ov.milestones])
        + "</div>"
    )
    slides = first + "".join(_group_slide(g) for g in deck.groups)
    nav = (
        '<div class="deck-nav"><button id="deck-prev" type="button">◀ Prev</button>'
        '<span id="deck-pos"></span><button id="deck-next" type="button">Next ▶</button></div>'
    )
    return f'<section id="standup"><h2>Standup deck</h2>{nav}{slides}</section>'
