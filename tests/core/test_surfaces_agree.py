"""Every surface tells the same truth (issue 11): for random boards with unknown ids, cycles,
parents and waivers, the analysis, ``order --json``, ``export -f json``, the weekly report, the
standup data and the backlog filter report the same ready, waiting, blocked, cycle and
critical-path sets; and the analysis itself agrees with a brute-force reading of the board."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from readiness_tui.cli import cli
from readiness_tui.core.analysis.analyze import Analysis, item_state
from readiness_tui.core.analysis.tree import tree_of
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.filters.filtering import Facts, parse
from readiness_tui.core.model.board import CLOSED, STATUSES
from readiness_tui.core.outputs import report
from readiness_tui.core.standup import slides as standup

IDS = [f"I{n}" for n in range(8)]
UNKNOWN = ["NOPE-1", "I9"]
OWNERS = ["@ana", "@ben", ""]


@st.composite
def boards(draw: st.DrawFn) -> str:
    n = draw(st.integers(min_value=1, max_value=len(IDS)))
    ids = IDS[:n]
    use_estimates = draw(st.booleans())
    lines = ['[board]\ntitle = "random"\ntoday = 2026-02-20\n']
    for i in ids:
        deps = draw(st.lists(st.sampled_from(ids + UNKNOWN), max_size=3, unique=True))
        lines.append("[[items]]")
        lines.append(f'id = "{i}"')
        lines.append(f'title = "item {i}"')
        lines.append(f'status = "{draw(st.sampled_from(STATUSES))}"')
        lines.append(f'owner = "{draw(st.sampled_from(OWNERS))}"')
        if draw(st.booleans()):
            lines.append(f'priority = "{draw(st.sampled_from(["P0", "P1"]))}"')
        if deps:
            lines.append("depends_on = [" + ", ".join(f'"{d}"' for d in deps) + "]")
        if draw(st.booleans()):
            lines.append(f'parent = "{draw(st.sampled_from(ids))}"')
        if use_estimates and draw(st.booleans()):
            lines.append(f"estimate_days = {draw(st.sampled_from([0.5, 1, 2, 3]))}")
        if draw(st.booleans()):
            lines.append(f'target = "{draw(st.sampled_from(["2026-02-01", "2026-03-30"]))}"')
        lines.append("")
    for w in draw(st.lists(st.sampled_from(ids), max_size=2)):
        lines.append(f'[[waivers]]\nitem = "{w}"\nexpires = {draw(st.sampled_from(["2026-01-01", "2026-12-31"]))}\n')
    return "\n".join(lines) + "\n"


def _json(*args: str, code: int = 0) -> dict:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == code, res.output
    return json.loads(res.stdout)


# Cases random generation reaches only now and then, always run: an open item on a cycle through a
# done item (no open dependency, yet unplaced), a chain behind a mistyped id, a self-dependency.
CLOSED_KNOT = (
    '[[items]]\nid = "I0"\ntitle = "a"\ndepends_on = ["I1"]\n[[items]]\nid = "I1"\ntitle = "b"\nstatus = "done"\n'
    'depends_on = ["I0"]\n[[items]]\nid = "I2"\ntitle = "c"\ndepends_on = ["I1"]\n'
)
UNKNOWN_CHAIN = (
    '[[items]]\nid = "I0"\ntitle = "a"\ndepends_on = ["NOPE-1"]\n[[items]]\nid = "I1"\ntitle = "b"\n'
    'depends_on = ["I0"]\nestimate_days = 2\n[[items]]\nid = "I2"\ntitle = "c"\nstatus = "blocked"\n'
    '[[items]]\nid = "I3"\ntitle = "d"\ndepends_on = ["I3"]\n'
)


@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(text=CLOSED_KNOT)
@example(text=UNKNOWN_CHAIN)
@given(text=boards())
def test_every_surface_reports_the_same_sets(tmp_path: Path, text: str) -> None:
    path = tmp_path / "board.toml"
    path.write_text(text, encoding="utf-8")
    board = BoardStore.load(path).board
    a = Analysis(board)
    items = a.items
    open_ids = {i for i, it in items.items() if it.status not in CLOSED}

    # -- the analysis against a brute-force reading of the board
    g = nx.DiGraph()
    g.add_nodes_from(items)
    g.add_edges_from((d, i) for i, it in items.items() for d in it.depends_on if d in items)
    knots = {n for c in nx.strongly_connected_components(g) if len(c) > 1 or g.has_edge(*(list(c) * 2)) for n in c}
    assert a.on_cycle == knots
    behind = {d for n in knots for d in nx.descendants(g, n)} - knots
    assert a.behind_cycle == behind
    waiting = {i for i in open_ids if any(d not in items or items[d].status not in CLOSED for d in items[i].depends_on)}
    assert set(a.waiting) == waiting
    assert set(a.blocked) == {i for i in open_ids if items[i].status == "blocked"}
    unknown_open = {i for i in open_ids if any(d not in items for d in items[i].depends_on)}
    sub = g.subgraph(open_ids)
    behind_unknown = {d for n in unknown_open for d in nx.descendants(sub, n)}
    assert set(a.unplaced) == (open_ids & (knots | behind)) | unknown_open | behind_unknown
    ready = {i for i in open_ids if items[i].status == "todo" and i not in waiting and i not in a.unplaced}
    assert set(a.ready) == ready

    # waves: every placed open item exactly once, after its dependencies; ready items in wave 1
    waves = a.waves()
    placed = [i for w in waves for i in w]
    assert sorted(placed) == sorted(open_ids - set(a.unplaced))
    wave_of = {i: n for n, w in enumerate(waves) for i in w}
    for i in placed:
        assert all(wave_of[d] < wave_of[i] for d in items[i].depends_on if d in wave_of)
    assert ready <= set(waves[0] if waves else [])

    # critical path: a chain of dependencies through placed open work, slack 0, one unit only; a
    # parent takes no time of its own (its children do) and does not decide the unit
    parents = {it.parent for it in items.values() if it.parent}
    cp = a.critical_path
    assert not set(cp.ids) & set(a.unplaced)
    for x, y in zip(cp.ids, cp.ids[1:]):
        assert x in items[y].depends_on
    assert all(cp.schedule[i].slack == 0 for i in cp.ids)
    if cp.unit == "items":
        assert cp.unestimated == [] and cp.total_days == sum(1 for i in cp.ids if items[i].status not in CLOSED)
        assert not any(items[i].estimate_days is not None for i in placed if i not in parents)
    if any(items[i].status not in CLOSED and i not in parents for i in placed):
        assert cp.ids, "placed open work always has a critical path"

    # -- the per-item rule (what the backlog runs after an edit) gives the same answer
    for i, it in items.items():
        s = item_state(it, items.get, i in a.stuck)
        assert (s.ready, s.waiting, s.blocked) == (i in ready, i in waiting, i in set(a.blocked))

    # -- order --json and export -f json
    order_code = 1 if a.cycles else 0  # order exits 1 on a cycle, export prints the board whatever it holds
    for data in (
        _json("order", str(path), "--json", code=order_code),
        _json("export", str(path), "-f", "json")["analysis"],
    ):
        assert data["ready"] == a.ready
        assert list(data["waiting"]) == a.waiting
        assert data["blocked"] == a.blocked
        assert data["unplaced"] == a.unplaced
        assert set(data["on_cycle"]) == a.on_cycle
        assert data["critical_path"]["ids"] == cp.ids and data["critical_path"]["unit"] == cp.unit
    exported = {i["id"]: i for i in _json("export", str(path), "-f", "json")["items"]}
    assert {i for i, x in exported.items() if x["ready"]} == ready
    assert {i for i, x in exported.items() if x["waiting"]} == waiting
    assert {i for i, x in exported.items() if x["blocked"]} == set(a.blocked)
    assert [w for w in _json("order", str(path), "--json", code=order_code)["waves"]] == waves

    # -- the weekly report
    rep = report.build(board)
    assert rep.blocked == a.blocked and rep.waiting == a.waiting
    md = rep.render_markdown()
    assert ("- Blocked IDs: none" in md) == (not a.blocked)
    assert ("- Waiting IDs: none" in md) == (not a.waiting)

    # -- the standup data (each owner's slide)
    slides = standup.groups(board, a, set())
    shown_blocked = {b.item.id for s in slides for b in s.blocked}
    shown_waiting = {b.item.id for s in slides for b in s.waiting}
    shown_ready = {i.id for s in slides for i in s.ready}
    assert shown_blocked == set(a.blocked)
    assert shown_waiting == waiting - set(a.blocked)
    assert shown_ready <= ready
    for s in slides:  # at most READY_LIMIT per slide, the best ranked first
        mine = [i for i in a.ranking if i in ready and standup.group_key(items[i], "owner", tree_of(a)) == s.key]
        assert [i.id for i in s.ready] == mine[: standup.READY_LIMIT]

    # -- the backlog filter
    facts = Facts.of(a)
    for flag, expected in (("ready", ready), ("waiting", waiting), ("blocked", set(a.blocked))):
        assert {it.id for it in parse(flag).filter(items.values(), facts)} == expected
