"""``record_json`` writes the bytes ``model_dump(mode="json")`` writes, for every record it is given."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from readiness_tui.bench.generate import write_board
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.cache import parse_cache
from readiness_tui.core.model.board import Gate, Item
from readiness_tui.core.model.check_model import Check
from readiness_tui.core.model.problems import BoardError
from readiness_tui.core.outputs.json_doc import document_bytes
from readiness_tui.core.outputs.record_json import record_json

ROOT = Path(__file__).resolve().parents[2]
BOARDS = sorted([*(ROOT / "boards").glob("*.toml"), *(ROOT / "tests" / "fixtures").rglob("*.toml")])


def same_bytes(record: Item) -> None:
    assert document_bytes(record_json(record)) == document_bytes(record.model_dump(mode="json")), record.id


def test_every_item_of_every_board_in_the_fixtures() -> None:
    seen = 0
    for path in BOARDS:
        try:
            store = BoardStore.load(path)
        except BoardError:  # the fixtures hold broken boards on purpose, and truths that are no board
            continue
        for item in store.board.items:
            same_bytes(item)
            seen += 1
    assert seen > 150


def test_items_rebuilt_from_the_parse_cache(cache_on: None, tmp_path: Path) -> None:
    # The cache's records share their strings and empty lists and are made without validation.
    path = write_board(tmp_path / "big.toml", 300)
    first = BoardStore.load(path)
    parse_cache.flush()
    second = BoardStore.load(path)
    assert second.board is not first.board and second.board == first.board
    for item in second.board.items:
        same_bytes(item)


UTC = dt.UTC
TOML_VALUES = {
    "date": dt.date(2026, 1, 2),
    "naive": dt.datetime(2026, 1, 2, 3, 4, 5),
    "micro": dt.datetime(2026, 1, 2, 3, 4, 5, 120000),
    "utc": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    "offset": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
    "time": dt.time(3, 4, 5, 500000),
    "nan": float("nan"),
    "inf": float("inf"),
    "float": 0.1,
    "big": 2**63 - 1,
    "nested": {"when": dt.datetime(2026, 1, 2, tzinfo=UTC), "list": [dt.date(2026, 1, 2), 1, "x", None]},
}


def test_values_pydantic_serializes_in_custom_fields_extras_and_checks() -> None:
    check = Check(kind="value", path="a.json", query="x", value=dt.datetime(2026, 1, 2, tzinfo=UTC))
    item = Item(
        id="A-1",
        estimate_days=3,
        score_factors={"x": 2},
        custom=TOML_VALUES,
        imported={"fp": "x"},
        gate=Gate(exit_criteria="e", checks=[check], extra_key=dt.date(2026, 1, 2)),  # type: ignore[call-arg]
        unknown_key=TOML_VALUES,
    )
    same_bytes(item)
    # What the encoder takes as it is comes through unchanged; the rest is pydantic's spelling.
    got = record_json(item)
    assert got["custom"]["utc"] == "2026-01-02T03:04:05Z"
    assert got["unknown_key"]["nested"]["list"][0] == "2026-01-02"
    assert got["gate"]["checks"][0]["value"] == "2026-01-02T00:00:00Z"
    assert got["gate"]["extra_key"] == "2026-01-02"


def test_falsy_values_of_other_types_are_serialized_too() -> None:
    check = Check(kind="value", path="a.json", query="x", value=Decimal(0))
    item = Item(id="A-1", gate=Gate(checks=[check]), unknown=set())  # type: ignore[call-arg]
    same_bytes(item)
    assert record_json(item)["gate"]["checks"][0]["value"] == "0"
    assert record_json(item)["unknown"] == []


def test_fields_come_in_the_order_the_record_holds_them() -> None:
    item = Item(id="A-1", title="t").model_copy(update={"owner": "@ana", "title": "u"})
    assert list(record_json(item)) == list(item.model_dump(mode="json"))
    same_bytes(item)
    # The order the record holds its values in is the dump's, whatever it is.
    object.__setattr__(item, "__dict__", dict(reversed(item.__dict__.items())))
    same_bytes(item)


def test_a_record_that_changes_its_dump_is_dumped_by_pydantic() -> None:
    from pydantic import computed_field, field_serializer

    class Shouted(Item):
        @field_serializer("title")
        def _loud(self, title: str) -> str:
            return title.upper()

    class Counted(Item):
        @computed_field  # type: ignore[prop-decorator]
        @property
        def letters(self) -> int:
            return len(self.title)

    same_bytes(Shouted(id="A-1", title="quiet"))
    same_bytes(Counted(id="A-2", title="four"))
    assert record_json(Shouted(id="A-1", title="quiet"))["title"] == "QUIET"
    assert record_json(Counted(id="A-2", title="four"))["letters"] == 4
