"""Synthetic boards of N items with a realistic field mix, for benchmarks and scale tests."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from readiness_tui.core.model.dates import iso_week, today

_WORDS = (
    "pin toolchain define rbac secrets isolation waiver perf cli stress audit ordering env checkpoint "
    "staging drift surface role routing hydration observability scanner locking planner recovery docs "
    "sla coverage schema telemetry bridge snapshot migrate enforce sign sbom digest quota retention"
).split()
_OWNERS = [f"@{n}" for n in ("ana", "bo", "chen", "dara", "eli", "fay", "gus", "hana", "ivo", "jun", "kai", "lea")]
_OPEN_STATUSES = ["todo"] * 6 + ["in_progress"] * 2 + ["blocked", "review"]


def generate_board_text(n: int, seed: int = 7, deps_per_item: int = 2) -> str:
    """A board of ``n`` items, about ``deps_per_item`` dependencies each on earlier items (acyclic)."""
    rng = random.Random(seed)
    # Targets run from four weeks ago to twelve weeks ahead, like a live plan (a board whose every
    # target passed months ago would make lint report mostly "overdue").
    start = today() - dt.timedelta(weeks=4)
    out = [
        "#:schema ./board.schema.json",
        f"# Synthetic board of {n} items (readiness benchmark).",
        "[board]",
        f'title = "Synthetic readiness board ({n} items)"',
        "date = 2026-02-16",
        "scope_start = 2026-02-16",
        "scope_end = 2026-06-30",
        'objective = "Exercise readiness at scale."',
        "",
        "[board.scoring]",
        'formula = "impact + risk + urgency + readiness"',
        'factors = [{key = "impact"}, {key = "risk"}, {key = "urgency"}, {key = "readiness"}]',
        "",
    ]
    phases = max(1, min(8, n // 50))
    statuses: list[str] = []
    for i in range(n):
        iid = f"T-{i + 1:06d}"
        k = min(i, rng.choice((0, 1, 2, 2, 2, 3, 4)) if deps_per_item == 2 else deps_per_item)
        lo = max(0, i - 400)  # keep dependencies local-ish, like real plans
        deps = sorted(rng.sample(range(lo, i), min(k, i - lo))) if i else []
        status = _status(rng, i / max(n, 1), [statuses[d] for d in deps])
        statuses.append(status)
        title = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 7))).capitalize()
        target = iso_week(start + dt.timedelta(weeks=i * 16 // max(n, 1)))
        out += [
            f"# item {i + 1}",
            "[[items]]",
            f'id = "{iid}"',
            f'title = "{title}"',
            f'kind = "{rng.choice(("task", "task", "ticket", "tracker"))}"',
            f'status = "{status}"',
            f'priority = "P{rng.choice((0, 1, 1, 2, 2, 3))}"',
            f'owner = "{rng.choice(_OWNERS)}"',
            f"estimate_days = {rng.choice((0.5, 1, 2, 3, 5))}",
            f'target = "{target}"',
            f'phase = "{1 + i * phases // max(n, 1)}"',
            "depends_on = [" + ", ".join(f'"T-{d + 1:06d}"' for d in deps) + "]",
            f"score_factors = {{ impact = {rng.randint(1, 5)}, risk = {rng.randint(1, 5)}, urgency = {rng.randint(1, 5)}, readiness = {rng.randint(1, 5)} }}",
            f'tags = ["{rng.choice(_WORDS)}"]',
        ]
        if rng.random() < 0.3:
            out += [
                "",
                "[items.gate]",
                f'exit_criteria = "{rng.choice(_WORDS)} checks green"',
                f'verify = "test -d ops/{iid.lower()}"',
                f'evidence = ["ops/{iid.lower()}/"]',
            ]
        out.append("")
    for p in range(phases):
        out += [
            "[[phases]]",
            f'id = "{p + 1}"',
            f'title = "Phase {p + 1}"',
            'entrance = ["previous phase exit met"]',
            'exit = ["all tasks done"]',
            "",
        ]
    for r in range(max(1, n // 20)):
        targets = sorted(rng.sample(range(n), min(n, rng.randint(0, 2))))
        out += [
            "[[risks]]",
            f'id = "R-{r + 1:05d}"',
            f'title = "Risk {r + 1}"',
            "mitigated_by = [" + ", ".join(f'"T-{t + 1:06d}"' for t in targets) + "]",
            "",
        ]
    return "\n".join(out)


def _status(rng: random.Random, position: float, dep_statuses: list[str]) -> str:
    """A plan in flight: the first ~40% of the work is mostly done, a band after it is partly
    done (only where its dependencies are), the rest is open. A few early items stay open, so
    lint still finds some done items waiting on open ones, as in real boards."""
    roll = rng.random()
    if roll < 0.02:
        return "cancelled"
    deps_done = all(s in ("done", "cancelled") for s in dep_statuses)
    if position < 0.4:
        return "done" if roll > 0.05 else rng.choice(_OPEN_STATUSES)
    if position < 0.5 and deps_done and roll < 0.5:
        return "done"
    return rng.choice(_OPEN_STATUSES)


def write_board(path: Path, n: int, seed: int = 7) -> Path:
    path.write_text(generate_board_text(n, seed), encoding="utf-8")
    return path
