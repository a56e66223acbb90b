"""The fast JSON writer says exactly what the standard library would."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from readiness_tui.core.outputs.json_doc import document_bytes, document_text

_plain = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.text()
    # Numbers as boards hold them (estimates, slack, scores): written without an exponent.
    | st.floats(min_value=-1e6, max_value=1e6).filter(lambda f: f == 0 or abs(f) >= 1e-4)
)


def _nested(scalars: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
        max_leaves=30,
    )


def _stdlib(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)


@given(_nested(_plain))
def test_same_text_as_the_standard_library(data: object) -> None:
    assert document_text(data) == _stdlib(data)


@given(_nested(_plain | st.floats(allow_nan=False, allow_infinity=False)))
def test_every_finite_number_reads_back_the_same(data: object) -> None:
    # Only an exponent's spelling may differ (1e-08 / 1e-8); the value read back is the same.
    assert json.loads(document_text(data)) == json.loads(_stdlib(data))


def test_what_orjson_refuses_goes_through_the_standard_library() -> None:
    data = {"big": 2**70, "ids": ["T-1", "Été"], 3: None}
    assert document_text(data) == _stdlib(data)


def test_a_number_that_is_not_finite_is_null() -> None:
    assert json.loads(document_text({"x": math.nan, "y": [math.inf]})) == {"x": None, "y": [None]}


@given(_nested(_plain) | st.just({"big": 2**70}))
def test_a_line_end_asked_for_is_the_documents_last_byte(data: object) -> None:
    # orjson appends it; what orjson refuses (an integer past 64 bits) gets it from the fallback.
    assert document_bytes(data, line_end=True) == (_stdlib(data) + "\n").encode("utf-8")
