"""Property tests of record edits: any sequence of valid edits of risks, phases and milestones
leaves a text that parses back to the records in memory, and an edit touches only its own record's
text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.edits.record_edits import RecordRef, set_record

from .test_record_edits import BOARD

IDS = ["T-001", "T-002", "A"]
RECORDS = [("risks", "R-001"), ("phases", "A"), ("milestones", "M1")]
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x7f"), max_size=30)
LINES = st.lists(TEXT.map(str.strip).filter(bool), max_size=4)


@st.composite
def edits(draw: st.DrawFn) -> tuple[str, str, dict[str, object]]:
    kind, key = draw(st.sampled_from(RECORDS))
    title = draw(TEXT | st.just("two\nlines"))
    values: dict[str, object] = {"title": title.strip() or None}
    refs = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=3))
    if kind == "risks":
        values |= {"mitigated_by": refs, "severity": draw(st.sampled_from(["low", "high", "critical", None]))}
    elif kind == "phases":
        values |= {"items": refs, "exit": draw(LINES), "entrance": draw(LINES)}
    else:
        values |= {"items": refs, "due": draw(st.sampled_from(["2026-W12", "2026-03-20", None]))}
    return kind, key, values


def _blocks(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if b.strip()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits(), min_size=1, max_size=5))
def test_edits_round_trip_and_touch_only_their_record(steps: list[tuple[str, str, dict[str, object]]]) -> None:
    store = BoardStore.from_text(BOARD)
    for kind, key, values in steps:
        before = store.text()
        set_record(store, RecordRef(kind, key), values)
        after = store.text()
        header = f'[[{kind}]]\nid = "{key}"'
        for block in _blocks(before):
            if not block.lstrip().startswith(header):
                assert block in after, f"{kind} {key} edit changed another record:\n{block}"
        again = BoardStore.from_text(after).board
        for name in ("risks", "phases", "milestones", "waivers", "deliverables", "items"):
            assert getattr(again, name) == getattr(store.board, name)
