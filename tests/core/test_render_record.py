"""A new record's TOML text: it reads back as the values written, and is the text tomlkit writes."""

from __future__ import annotations

import tomllib
from typing import Any

import tomlkit
from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.core.board.toml_edit import render_record, toml_value

keys = st.text(min_size=1, max_size=8)
scalars = st.one_of(
    st.text(max_size=20),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)
inline_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(keys, inner, max_size=3)),
    max_leaves=8,
)
flat_values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(keys, scalars, max_size=3))
gates = st.none() | st.dictionaries(keys, st.one_of(scalars, st.lists(scalars, max_size=3)), max_size=4)
records = st.tuples(st.dictionaries(keys.filter(lambda k: k != "gate"), inline_values, min_size=1, max_size=6), gates)
# tomlkit leaves out the space after a comma inside an inline table nested in another, so the
# comparison with its text stays one level deep.
flat_records = st.tuples(
    st.dictionaries(keys.filter(lambda k: k != "gate"), flat_values, min_size=1, max_size=6), gates
)


def _with_gate(values: dict[str, Any], gate: dict[str, Any] | None) -> dict[str, Any]:
    return values if gate is None else {**values, "gate": gate}


def _written(value: Any) -> Any:
    value = toml_value(value)
    if isinstance(value, dict):
        return {k: toml_value(v) for k, v in value.items()}
    return value


@given(records)
def test_a_record_reads_back_as_its_values(case: tuple[dict[str, Any], dict[str, Any] | None]) -> None:
    values = _with_gate(*case)
    parsed = tomllib.loads(render_record("risks", values))
    assert parsed == {"risks": [{k: _written(v) for k, v in values.items()}]}


@given(flat_records)
def test_a_record_is_written_as_tomlkit_writes_it(case: tuple[dict[str, Any], dict[str, Any] | None]) -> None:
    values = _with_gate(*case)
    table = tomlkit.table()
    for key, value in values.items():
        if key == "gate":
            continue
        value = toml_value(value)
        if isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update(value)
            value = inline
        table[key] = value
    if "gate" in values:
        sub = tomlkit.table()
        for k, v in values["gate"].items():
            sub[k] = toml_value(v)
        table["gate"] = sub
    aot = tomlkit.aot()
    aot.append(table)
    doc = tomlkit.document()
    doc["risks"] = aot
    assert render_record("risks", values) == tomlkit.dumps(doc)


def test_an_item_keeps_reading_order_and_its_gate_checks() -> None:
    values = {
        "gate": {"verify": "pytest -q", "checks": [{"kind": "file", "path": "docs/runbook.md"}]},
        "title": 'Say "done"\nthen ship\x7f',
        "id": "OPS-1",
        "estimate_days": 2.0,
        "depends_on": ("OPS-0",),
    }
    text = render_record("items", values)
    assert text.splitlines()[:5] == [
        "[[items]]",
        'id = "OPS-1"',
        'title = "Say \\"done\\"\\nthen ship\\u007f"',
        "estimate_days = 2",
        'depends_on = ["OPS-0"]',
    ]
    assert tomllib.loads(text)["items"][0]["gate"]["checks"] == [{"kind": "file", "path": "docs/runbook.md"}]
