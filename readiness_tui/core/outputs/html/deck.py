"""The standup deck as slides: the overview, then one slide per owner (as standup mode shows it)."""

from __future__ import annotations

from pathlib import Path

from readiness_tui.core.analysis.analyze import Analysis
from readiness_tui.core.model.board import Board, Item
from readiness_tui.core.outputs.html.sections import e
from readiness_tui.core.standup.deck import StandupDeck
from readiness_tui.core.standup.slides import GroupSlide


def _items(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    return f"<h4>{e(title)}</h4><ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _group_slide(g: GroupSlide) -> str:
    def line(it: Item) -> str:
        return f"{e(it.id)} {e(it.title)}"

    blocked = [
        f"{line(b.item)}"
        + "".join(" ← waiting on " + e(" → ".join(f"{i} ({o or 'no owner'})" for i, o in chain)) for chain in b.chains)
        for b in g.blocked
    ]
    body = (
        _items("Done since the last standup", [line(i) for i in g.done])
        + _items("In progress", [line(i) for i in g.in_progress])
        + _items("Blocked", blocked)
        + _items("Ready next", [line(i) for i in g.ready])
    )
    return f'<div class="slide"><h3>{e(g.label)}</h3>{body or "<p>Nothing to report.</p>"}</div>'


def deck_section(board: Board, a: Analysis, board_path: Path | None) -> str:
    # The deck is standup mode's own (core.standup_deck), so the page and the screen show one deck.
    deck = StandupDeck.of_board(board, board_path, analysis=a)
    ov = deck.overview
    counts = ", ".join(f"{e(k)}: {v}" for k, v in ov.counts.items() if v)
    reasons = "".join(f"<li>{e(r)}</li>" for r in ov.decision.reasons)
    first = (
        f'<div class="slide"><h3>Overview</h3><p>Go/no-go: <strong>{e(ov.decision.label)}</strong></p>'
        f"<ul>{reasons}</ul><p>{counts}</p>"
        + _items("Overdue", [f"{e(i.id)} {e(i.title)}" for i in ov.overdue])
        + _items("Uncovered risks", [f"{e(r)} {e(t)}" for r, t in ov.uncovered])
        + _items("Milestones", [f"{e(m.id)} {e(m.title)}: {m.closed}/{m.total}" for m in ov.milestones])
        + "</div>"
    )
    slides = first + "".join(_group_slide(g) for g in deck.groups)
    nav = (
        '<div class="deck-nav"><button id="deck-prev" type="button">◀ Prev</button>'
        '<span id="deck-pos"></span><button id="deck-next" type="button">Next ▶</button></div>'
    )
    return f'<section id="standup"><h2>Standup deck</h2>{nav}{slides}</section>'
