"""What the gates hold for a large board: the path index, the session's evidence and the views
take a few hundred bytes a gate, not a container of their own per path or a copy of each gate."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.gates.evidence import check_evidence
from readiness_tui.core.gates.session import GateSession
from readiness_tui.core.gates.stale import ChangeIndex

#: Gated items, each with its own evidence directory (as an imported plan's are).
N = 3000

T = TypeVar("T")


@pytest.fixture
def big(tmp_path: Path) -> BoardStore:
    (tmp_path / ".git").mkdir()
    rows = (
        f'[[items]]\nid = "M-{n:05d}"\ntitle = "t"\n\n'
        f'[items.gate]\nverify = "make test"\nevidence = ["ops/runtime/m-{n:05d}/"]\n\n'
        for n in range(N)
    )
    path = tmp_path / "board.toml"
    path.write_text('[board]\ntitle = "big"\n\n' + "".join(rows), encoding="utf-8")
    return BoardStore.load(path)


def kept_per_gate(make: Callable[[], T]) -> tuple[T, float]:
    """What ``make()`` returns and the bytes it leaves allocated, per gate."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        made = make()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return made, (after - before) / N


def test_the_path_index_holds_no_set_per_path(big: BoardStore) -> None:
    assert big.path is not None
    index, per_gate = kept_per_gate(lambda: ChangeIndex(big.board, big.path.parent, big.path))
    assert index.evidence_items("ops/runtime/m-00007") == {"M-00007"}
    assert index.evidence_items("ops") == {f"M-{n:05d}" for n in range(N)}  # the directory above them all
    # Before: a set of one id per evidence path, 216 bytes each (450 bytes a gate in all).
    assert per_gate < 300, f"{per_gate:.0f} bytes a gate"


def test_the_session_keeps_no_copy_of_each_gates_paths(big: BoardStore) -> None:
    assert big.path is not None
    root = big.path.parent
    _, index_per_gate = kept_per_gate(lambda: ChangeIndex(big.board, root, big.path))
    session, per_gate = kept_per_gate(lambda: GateSession(big.path, big.board, root=root))
    assert session.view("M-00007").evidence_missing == ["ops/runtime/m-00007/"]
    # Before: each gate's paths copied twice (the index's signature, the evidence key) and its
    # evidence and checks in lists of their own (about 800 bytes a gate besides the index).
    assert per_gate - index_per_gate < 600, f"{per_gate - index_per_gate:.0f} bytes a gate"
    session.close()


def test_a_gate_view_shares_the_sessions_evidence_and_has_no_dict(big: BoardStore) -> None:
    assert big.path is not None
    session = GateSession(big.path, big.board, root=big.path.parent)
    views, per_gate = kept_per_gate(session.views)
    view = views["M-00007"]
    assert view.status == "untrusted" and view.evidence_found == 0
    assert not hasattr(view, "__dict__")
    # Before: a dict per view and a list of its evidence and of its checks (about 350 bytes).
    assert per_gate < 250, f"{per_gate:.0f} bytes a gate"
    session.close()


def test_checking_evidence_leaves_no_interned_names_behind(tmp_path: Path) -> None:
    names = [f"ops/run/q{n:06d}/" for n in range(20_000)]  # made before measuring

    def check_all() -> None:
        for name in names:
            assert not check_evidence(tmp_path, name).present

    _, per_path = kept_per_gate(check_all)
    # Before: pathlib interned every part of every path it parsed, and the interpreter's table of
    # interned strings grew by about 1 MB for these 20,000 and never shrank.
    assert per_path * N < 100_000, f"{per_path * N:.0f} bytes left"


def test_the_gate_column_is_worked_out_without_holding_every_view(big: BoardStore) -> None:
    assert big.path is not None
    session = GateSession(big.path, big.board, root=big.path.parent)
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        status = session.gate_status()
        peak_per_gate = (tracemalloc.get_traced_memory()[1] - before) / N
    finally:
        tracemalloc.stop()
    assert len(status) == N and set(status.values()) == {"untrusted"}
    # Before: every view made first (about 170 bytes a gate), then the words read off them.
    assert peak_per_gate < 180, f"{peak_per_gate:.0f} bytes a gate"
    session.close()
