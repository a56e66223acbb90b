"""Every surface renders the same models (issue 39): for random boards, the HTML page (parsed
back from its text), the standup deck the app shows, ``report --json`` and ``order --json`` agree
on every count and list: ready, blocked, waiting and done, the critical path's ids, length and
unit, the completed items and go/no-go."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.standup.deck import StandupDeck
from readiness_tui.core.standup.slides import READY_LIMIT
from tests.core.test_surfaces_agree import IDS, boards


@st.composite
def boards_with_notes(draw: st.DrawFn) -> str:
    """A random board (``test_surfaces_agree.boards``) and progress notes saying items were done
    this week (the tests' today is 2026-02-20): the report's "completed", done or undone since."""
    text = draw(boards())
    present = [i for i in IDS if f'id = "{i}"' in text]
    notes = draw(st.lists(st.sampled_from(present), max_size=3, unique=True))
    return text + "".join(f'\n[[progress]]\ndate = 2026-02-18\nitem = "{i}"\ntext = "shipped"\n' for i in notes)


def _run(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code in (0, 1), res.output
    return res.stdout


def _ids(text: str) -> list[str]:
    """The ids of a report line, without what each waits on (``I0 (waiting on I1, I2)``)."""
    text = re.sub(r"\s*\([^)]*\)", "", text).strip()
    return [] if text == "none" else text.split(", ")


def _line(md: str, label: str) -> str:
    found = re.search(rf"^- {label}: (.*)$", md, re.M)
    assert found is not None, label
    return found.group(1)


@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=boards_with_notes())
def test_page_deck_report_and_order_agree(tmp_path: Path, text: str) -> None:
    path = tmp_path / "board.toml"
    path.write_text(text, encoding="utf-8")
    store = BoardStore.load(path)
    order = json.loads(_run("order", str(path), "--json"))
    rep = json.loads(_run("report", str(path), "--json"))
    page = _run("export", str(path), "-f", "html")
    deck = StandupDeck.build(store, group_by="owner")  # what the app's standup screen shows
    statuses = {it.id: it.status for it in store.board.items}

    # -- the critical path: ids, length and unit as order --json words them, on the page too
    cp = order["critical_path"]
    head = re.search(r'<p id="critical-path">(.*?)</p>', page)
    assert head is not None
    shown = html.unescape(re.sub(r"<[^>]+>", "", head.group(1)))
    if cp["ids"]:
        assert shown == f"Critical path ({cp['label']}): {' → '.join(cp['ids'])}"
        unit = "item" if cp["unit"] == "items" else "day"
        assert re.match(rf"Critical path \({cp['length']:g} {unit}s?\b", shown)
    else:
        assert shown.startswith("Critical path: none")

    # -- blocked and waiting: order, report and the deck's slides
    assert [b["id"] for b in rep["blocked"]] == order["blocked"]
    assert [w["id"] for w in rep["waiting"]] == list(order["waiting"])
    slides = deck.groups
    assert {b.item.id for g in slides for b in g.blocked} == set(order["blocked"])
    assert {b.item.id for g in slides for b in g.waiting} == set(order["waiting"]) - set(order["blocked"])
    ready = set(order["ready"])
    for g in slides:
        mine = {i.id for i in g.ready}
        assert mine <= ready and len(g.ready) <= READY_LIMIT

    # -- the page's standup: the deck's slides and every id on them, in order
    section = page[page.index('<section id="standup">') :]
    parsed = re.findall(r'<div class="slide"><h3>(.*?)</h3>(.*?)</div>', section)
    assert [html.unescape(t) for t, _ in parsed] == ["Overview", *(g.label for g in slides)]
    for g, (_, body) in zip(slides, parsed[1:]):
        assert re.findall(r'<li><span class="id">([^<]+)</span> ', body) == g.item_ids()
        for sec in g.sections():
            listed = body.split(f'data-section="{sec.key}">', 1)
            assert (len(listed) == 2) == bool(sec.entries)

    # -- counts by status: the deck's overview, the board, and the page's overview
    counts = deck.overview.counts
    for status in ("todo", "in_progress", "blocked", "review", "done", "cancelled"):
        assert counts[status] == sum(1 for s in statuses.values() if s == status)
    overview = parsed[0][1]
    counts_line = re.search(r"<p>([^<]*)</p>", overview.split("</ul>", 1)[1])
    assert counts_line is not None
    page_counts = {k: int(v) for k, v in re.findall(r"(\w+): (\d+)", counts_line.group(1))}
    assert page_counts == {k: v for k, v in counts.items() if v}
    assert page_counts.get("done", 0) == sum(1 for s in statuses.values() if s == "done")

    # -- go/no-go: the report, the deck, the page's overview slide and its report section
    go = rep["go_no_go"]["go"]
    assert deck.overview.decision.go == go
    assert deck.overview.decision.recommendation == rep["go_no_go"]["recommendation"]
    assert list(deck.overview.decision.reasons) == rep["go_no_go"]["reasons"]
    assert f"Go/no-go: <strong>{html.escape(deck.overview.decision.label)}</strong>" in overview
    report_part = page[page.index('<section id="report">') : page.index('<section id="standup">')]
    verdict = "go" if go else "nogo"
    assert f'<strong class="{verdict}">{html.escape(deck.overview.decision.label)}</strong>' in report_part
    assert [html.unescape(r) for r in re.findall(r"<li>(.*?)</li>", overview.split("</ul>", 1)[0])] == list(
        deck.overview.decision.reasons
    )

    # -- completed: done at the week's end by the board; the rest undone since, on every surface
    assert all(statuses.get(i) == "done" for i in rep["completed"])
    assert all(statuses.get(u["id"], "removed") == u["status"] != "done" for u in rep["completed_undone"])
    md = html.unescape(
        re.sub(r"<[^>]+>", "", report_part[report_part.index("<pre>") + 5 : report_part.index("</pre>")])
    )
    completed = _line(md, "Completed IDs").split("; ")
    assert _ids(completed[0]) == rep["completed"]
    assert [c.split(" ", 1)[0] for c in completed[1:]] == [u["id"] for u in rep["completed_undone"]]
    assert _ids(_line(md, "Blocked IDs")) == order["blocked"]
    assert _ids(_line(md, "Waiting IDs")) == list(order["waiting"])
    assert f"**{'Go' if go else 'No-go'}**" in _line(md, "Go/No-Go recommendation")
