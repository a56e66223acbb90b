"""Synthetic Markdown plans shaped like the seeds, for boards made as users make them.

A user's big board comes from ``readiness import PLAN.md``, not from our generator: it carries the
importer's source comments, its ``imported`` fingerprints, unmapped columns under ``custom`` and
gates from the verify/evidence columns. This writes such a plan: workstream sections with a
tracker table (seed 003's columns), ticket sections with ``Key: value`` bullets (seed 002), and a
risk-to-task list (seed 001). Dependencies point at earlier ids, a few hundred back at most.
"""

from __future__ import annotations

import random
from pathlib import Path

from readiness_tui.bench.generate import _OWNERS, _WORDS

_STATUS_WORDS = ("Done", "Done", "Done", "In progress", "Not started", "Not started", "Blocked", "Review")
_WORKSTREAMS = (
    "SLOs & Gates",
    "Runtime Contracts",
    "Security Baseline",
    "Event Reliability",
    "Concurrency Safety",
    "Observability",
    "CI/CD Promotion",
    "Operational Runbooks",
)
#: Items per tracker table; every tenth block of items is written as ticket sections instead.
_TABLE_ROWS = 200


def _words(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(lo, hi)))


def generate_plan_text(n: int, seed: int = 11, table_rows: int = _TABLE_ROWS) -> str:
    """A Markdown plan of ``n`` items (about 290 bytes of plan per item), ``table_rows`` per block."""
    rng = random.Random(seed)
    out = [
        f"# Production Readiness Plan ({n} items)",
        "",
        "- Date: 2026-02-16",
        "- Source: generated for the readiness benchmark",
        "",
    ]
    ids = [f"M-{i + 1:06d}" for i in range(n)]
    for block, start in enumerate(range(0, n, table_rows)):
        stream = _WORKSTREAMS[block % len(_WORKSTREAMS)]
        rows = range(start, min(n, start + table_rows))
        if block % 10 == 9:
            out += [f"## {stream} tickets (block {block + 1})", ""]
            for i in rows:
                out += _ticket(rng, ids, i, stream)
            continue
        out += [
            f"## {stream} (block {block + 1})",
            "",
            "| ID | Issue | Priority | Workstream | Outcome | Depends On | Owner | Target | Status "
            "| Hook | Exit Criteria | Verify Command | Evidence Path |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for i in rows:
            out.append(_row(rng, ids, i, stream))
        out.append("")
    out += ["## Risk-to-Task Mapping", ""]
    for r in range(max(1, n // 20)):
        targets = sorted(rng.sample(range(n), min(n, rng.randint(1, 2))))
        out.append(f"- R-{r + 1:05d} → " + ", ".join(ids[t] for t in targets))
    out.append("")
    return "\n".join(out)


def _deps(rng: random.Random, ids: list[str], i: int) -> list[str]:
    lo = max(0, i - 300)
    k = min(i - lo, rng.choice((0, 1, 1, 2, 2, 3)))
    return [ids[d] for d in sorted(rng.sample(range(lo, i), k))] if k else []


def _target(i: int, n: int) -> str:
    return f"2026-W{8 + i * 16 // max(n, 1):02d}"


def _row(rng: random.Random, ids: list[str], i: int, stream: str) -> str:
    deps = ", ".join(_deps(rng, ids, i)) or "-"
    iid = ids[i]
    cells = [
        iid,
        f"#{i + 2}",
        f"P{rng.choice((0, 1, 1, 2, 2, 3))}",
        stream,
        _words(rng, 4, 9).capitalize(),
        deps,
        rng.choice(_OWNERS),
        _target(i, len(ids)),
        rng.choice(_STATUS_WORDS),
        f"XA-{rng.randint(1, 12):02d} {_words(rng, 1, 3)}",
        f"{_words(rng, 3, 6).capitalize()} green in CI",
        f"`pytest -q tests/test_{rng.choice(_WORDS)}.py && just test`",
        f"`ops/runtime/{iid.lower()}/`",
    ]
    return "| " + " | ".join(cells) + " |"


def _ticket(rng: random.Random, ids: list[str], i: int, stream: str) -> list[str]:
    deps = ", ".join(_deps(rng, ids, i)) or "none"
    return [
        f"### {ids[i]}: {_words(rng, 3, 6).capitalize()}",
        f"- Owner: {rng.choice(_OWNERS)}",
        f"- Estimate: {rng.choice((1, 2, 3, 5))} days",
        f"- Dependencies: {deps}",
        f"- Status: {rng.choice(_STATUS_WORDS)}",
        f"- Deliverable: {_words(rng, 4, 8).capitalize()} for {stream}.",
        "- Acceptance:",
        f"  - {_words(rng, 4, 8).capitalize()}.",
        "",
    ]


def write_plan(path: Path, n: int, seed: int = 11) -> Path:
    path.write_text(generate_plan_text(n, seed), encoding="utf-8")
    return path
