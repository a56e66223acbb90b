"""What an import produces: the records found, the report, the counts, and the board text."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from readiness_tui.core.model.board import Board

#: Item fields flattened for the "imported" fingerprints: ``gate.verify`` -> ``gate-verify``.
SUBTABLE_FIELDS = ("gate", "custom")
#: The key of the per-item sub-table recording what the document said at the last import.
IMPORTED_KEY = "imported"


#: The records whose presence makes a plan recognizable: an import finding none of them wrote no board.
RECOGNIZED = ("items", "risks", "phases", "milestones", "waivers")

#: The origin of a phase made of a work breakdown's summary row (``| 1. | Sketching UI |``): its bare number names it.
WBS_ROW = "work breakdown row"


@dataclass
class Rec:
    """One record found in the document, before it is rendered."""

    kind: str
    values: dict[str, Any]
    line: int
    #: Short description of where it came from, for comments and the report.
    origin: str = ""


@dataclass
class ReportLine:
    line: int
    action: str  # used | skipped | note | warning
    text: str

    def format(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return f"{where}: {self.action}: {self.text}"


@dataclass
class ImportResult:
    """The outcome of importing one document."""

    source: str
    toml_text: str
    board: Board | None
    report: list[ReportLine] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: item id -> fingerprints of the fields the document gave it (see ``fingerprints``).
    imported: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: item id -> source line.
    item_lines: dict[str, int] = field(default_factory=dict)
    #: the board's id -> the import's, for items a recipe's ``[ids]`` numbered (the guided import's corrections
    #: name an item by the import's id).
    numbered: dict[str, str] = field(default_factory=dict)

    @property
    def items_found(self) -> int:
        return self.counts.get("items", 0)

    @property
    def ok(self) -> bool:
        """Whether anything recognizable was found."""
        return any(self.counts.get(k, 0) for k in RECOGNIZED)

    @property
    def report_lines(self) -> list[str]:
        lines = [
            r.format(self.source) for r in sorted(self.report, key=lambda r: (r.line == 0, r.line, r.action != "used"))
        ]
        lines.append(self.summary())
        return lines

    def summary(self) -> str:
        order = (
            "items",
            "dependencies",
            "risks",
            "risk_mappings",
            "statuses",
            "owners",
            "priorities",
            "verify_commands",
            "evidence_paths",
            "estimates",
            "targets",
            "phases",
            "milestones",
            "waivers",
            "deliverables",
            "unresolved_refs",
        )
        parts = [f"{k.replace('_', ' ')}={self.counts.get(k, 0)}" for k in order]
        said = {a: sum(1 for r in self.report if r.action == a) for a in ("note", "skipped", "warning")}
        return (
            f"{self.source}: imported "
            + ", ".join(parts)
            + f"; report: {said['note']} guesses and notes, {said['skipped']} skipped, {said['warning']} warnings"
        )


def flatten_item(values: dict[str, Any]) -> dict[str, Any]:
    """An item's fields with ``gate`` and ``custom`` sub-keys as ``gate-verify``, ``custom-why_now``."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in ("id", IMPORTED_KEY):
            continue
        if key in SUBTABLE_FIELDS and isinstance(value, dict):
            for sub, v in value.items():
                out[f"{key}-{sub}"] = v
        else:
            out[key] = value
    return out


def field_path(flat_key: str) -> str:
    """``gate-verify`` -> ``gate.verify`` (the path ``BoardStore.set_fields`` takes)."""
    head, sep, tail = flat_key.partition("-")
    if sep and head in SUBTABLE_FIELDS:
        return f"{head}.{tail}"
    return flat_key


def _digest(value: Any) -> bytes:
    data = json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(data.encode("utf-8"), digest_size=3).digest()


def fingerprint(value: Any) -> str:
    """What the ``imported`` table stores for a value: 24 bits of a digest of its JSON form, as 4 base64url
    characters.

    Merge only asks "is this still the value the last import wrote?", so a short digest is enough
    (a chance collision of 1 in 16M makes merge treat an edited field as unedited); the value itself
    is in the item already. Boards imported before kept the same digest as 6 hex digits, or earlier
    ``legacy_fingerprint`` values: ``same`` reads all three.
    """
    return base64.urlsafe_b64encode(_digest(value)).decode("ascii")


def legacy_fingerprint(value: Any) -> Any:
    """The fingerprint boards imported before the compact form kept: short scalars as they are, else sha1."""
    if isinstance(value, bool) or isinstance(value, int) or isinstance(value, float):
        return value
    if isinstance(value, str) and len(value) <= 40 and not value.startswith("sha1:"):
        return value
    if isinstance(value, list) and not value:
        return []
    data = json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False)
    return "sha1:" + hashlib.sha1(data.encode("utf-8")).hexdigest()[:8]


#: Short codes for the fields most items carry, in the compact ``imported = {fp = "t:P6Ih o:..."}`` form.
FIELD_CODES = {
    "title": "t",
    "owner": "o",
    "status": "s",
    "priority": "p",
    "depends_on": "d",
    "kind": "k",
    "estimate_days": "e",
    "target": "g",
    "phase": "h",
    "parent": "u",
    "description": "x",
    "notes": "n",
    "milestone": "m",
    "soft_depends_on": "sd",
    "contributors": "c",
    "dependency_note": "dn",
    "gate-verify": "gv",
    "gate-evidence": "ge",
}
_CODE_FIELDS = {code: name for name, code in FIELD_CODES.items()}
#: The one key of the compact form inside ``[items] imported`` (a table, so the model's type stays).
COMPACT_KEY = "fp"


def encode_fingerprints(fps: dict[str, str]) -> dict[str, str]:
    """``{"title": "P6Ih", "owner": "Cxwt"}`` -> ``{"fp": "t:P6Ih o:Cxwt"}`` (one short line per item)."""
    return {COMPACT_KEY: " ".join(f"{FIELD_CODES.get(k, k)}:{v}" for k, v in fps.items())}


def decode_fingerprints(recorded: dict[str, Any]) -> dict[str, Any]:
    """A board's ``imported`` table as field -> fingerprint, in either form (legacy: one key per field)."""
    packed = recorded.get(COMPACT_KEY)
    if not isinstance(packed, str) or len(recorded) != 1:
        return dict(recorded)
    out: dict[str, Any] = {}
    for pair in packed.split():
        code, _, digest = pair.rpartition(":")
        out[_CODE_FIELDS.get(code, code)] = digest
    return out


def same(recorded: Any, value: Any) -> bool:
    """Whether a recorded fingerprint (compact or legacy form) is that of ``value``."""
    value = jsonable(value)
    if isinstance(recorded, str) and len(recorded) == 6 and recorded.isalnum() and recorded == recorded.lower():
        if recorded == _digest(value).hex():  # the 6-hex form of the same digest
            return True
    return bool(recorded == fingerprint(value) or recorded == legacy_fingerprint(value))


def jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (dt.date, dt.time)):  # a datetime is a date
        return value.isoformat()
    return value
