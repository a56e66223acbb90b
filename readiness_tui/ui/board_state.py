"""The live gate results as one immutable object: what the live board publishes (``gate_signal``)
and every pane, the go/no-go slot and the standup receive, instead of copies kept in each."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from readiness_tui.core.gates import GateSession


@dataclass(frozen=True)
class GateResults:
    #: The app's gate session (None: no board file, or not opened yet).
    session: GateSession | None = None
    #: {item id: gate status} of every gated item.
    status: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Gates whose watched files change run again (trusted boards only).
    auto_run: bool = False
    #: The gates that may look different since the last publish (None: any of them): a run of
    #: every gate of a 10,000-item board publishes a few at a time, and the Gates pane redraws those.
    changed: frozenset[str] | None = None
