"""Property tests: segments always rebuild the text, saves round-trip, edits touch only their lines."""

from __future__ import annotations

import difflib
from pathlib import Path

import rtoml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_tui.core.board.segments import split_segments
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.board.toml_edit import render_record
from readiness_tui.core.model.board import STATUSES, Board

ids = st.from_regex(r"[A-Z]{1,3}-[0-9]{1,3}", fullmatch=True)
safe_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(["[", "]", "#", '"', "'", "\n"]),
    max_size=40,
)


@st.composite
def boards(draw: st.DrawFn) -> tuple[str, list[dict]]:
    """A board text written with comments in odd places, and the items it should contain."""
    n = draw(st.integers(1, 8))
    item_ids = draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    parts = ["#:schema ./board.schema.json", "# " + draw(safe_text).replace("\n", " "), "[board]", 'title = "P"', ""]
    items = []
    for k, iid in enumerate(item_ids):
        deps = draw(st.lists(st.sampled_from(item_ids[:k]), unique=True, max_size=3)) if k else []
        values = {
            "id": iid,
            "title": draw(safe_text),
            "status": draw(st.sampled_from(STATUSES)),
            "depends_on": deps,
        }
        if draw(st.booleans()):
            values["estimate_days"] = draw(st.integers(0, 20))
        if draw(st.booleans()):
            values["gate"] = {"verify": draw(safe_text), "evidence": draw(st.lists(safe_text, max_size=2))}
        if draw(st.booleans()):
            parts.append("# about " + iid)
        parts.append(render_record("items", values).rstrip("\n"))
        if draw(st.booleans()):
            parts.append("")
        items.append(values)
    return "\n".join(parts) + "\n", items


@given(st.text(max_size=400))
def test_segments_rebuild_any_text(text: str) -> None:
    assert "".join(s.text for s in split_segments(text)) == text


@given(boards())
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_segments_map_one_to_one_to_items(case: tuple[str, list[dict]]) -> None:
    text, items = case
    segs = [s for s in split_segments(text) if s.kind == "items" and s.is_array]
    assert len(segs) == len(items)
    for seg, values in zip(segs, items):
        assert rtoml.loads(seg.text)["items"][0]["id"] == values["id"]


@given(boards(), st.data())
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
def test_edits_round_trip_and_touch_only_their_item(
    tmp_path: Path, case: tuple[str, list[dict]], data: st.DataObject
) -> None:
    text, items = case
    path = tmp_path / "b.toml"
    path.write_text(text, encoding="utf-8")
    store = BoardStore.load(path)
    assert store.text() == text
    target = data.draw(st.sampled_from([i["id"] for i in items]))
    new_status = data.draw(st.sampled_from(STATUSES))
    new_title = data.draw(safe_text)
    store.set_fields(target, {"status": new_status, "title": new_title})
    store.save(force=True)
    saved = path.read_text(encoding="utf-8")
    # What was written reads back to exactly the model the store holds in memory.
    assert Board.model_validate(rtoml.loads(saved)) == store.board
    reloaded = BoardStore.load(path)
    assert reloaded.item(target).status == new_status
    assert reloaded.item(target).title == new_title
    # Every other item's text is untouched.
    before = {s.text for s in split_segments(text) if s.kind == "items"}
    after = [s.text for s in split_segments(saved) if s.kind == "items"]
    untouched = [t for t, v in zip(after, items) if v["id"] != target]
    assert all(t in before for t in untouched)
    diff = [line for line in difflib.ndiff(text.splitlines(), saved.splitlines()) if line[:1] in "+-"]
    assert len(diff) <= 2 * (
        2 + new_title.count("\n") + items[[i["id"] for i in items].index(target)]["title"].count("\n") + 2
    )


@given(boards())
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_parsing_by_segment_gives_the_whole_document_values(case: tuple[str, list[dict]]) -> None:
    from readiness_tui.core.board.parse import merge_segments
    from readiness_tui.core.board.segments import split_segments

    text, _ = case
    parsed = merge_segments(split_segments(text))
    assert parsed is not None
    assert parsed == rtoml.loads(text)


def test_parsing_by_segment_steps_aside_where_it_could_differ() -> None:
    import pytest

    from readiness_tui.core.board.parse import merge_segments
    from readiness_tui.core.board.segments import split_segments
    from readiness_tui.core.model.problems import BoardSyntaxError

    twice = '[board]\ntitle = "a"\n\n[[items]]\nid = "A"\n\n[board.scoring]\nmax = 5\n'
    assert merge_segments(split_segments(twice)) is None  # a sub-table far from its parent
    assert BoardStore.from_text(twice).board.board.scoring.max == 5  # the whole parse takes it
    root_and_table = 'items = [{id = "A"}]\n\n[[risks]]\nid = "R"\n'
    assert merge_segments(split_segments(root_and_table)) == rtoml.loads(root_and_table)
    with pytest.raises(BoardSyntaxError) as err:
        BoardStore.from_text('[board]\ntitle = "a"\n\n[[items]]\nid = "A\n')
    assert err.value.problems[0].line == 5  # exact position from the whole-document parse
    with pytest.raises(BoardSyntaxError):
        BoardStore.from_text('[board]\ntitle = "a"\n\n[board]\ntitle = "b"\n')  # defined twice


@given(st.lists(st.sampled_from(["A", "B", "C", "D"]), max_size=12))
def test_an_id_leads_to_its_first_item(ids: list[str]) -> None:
    """A duplicated id is the first item's (lint reports the later ones; edits reach the first)."""
    text = "[board]\ntitle = 'P'\n" + "".join(f"[[items]]\nid = '{i}'\ntitle = 't{n}'\n" for n, i in enumerate(ids))
    store = BoardStore.from_text(text)
    for i in set(ids):
        assert store.item(i).title == f"t{ids.index(i)}"
    assert all(not store.has_item(i) for i in {"A", "B", "C", "D"} - set(ids))
