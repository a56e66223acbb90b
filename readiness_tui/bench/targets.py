"""The speed issue's targets, and which of a bench report's figures meet them.

Each target names where its figure sits in the ``outside`` section's report (the imported board,
as users make their boards), its bound and its unit. A bound on a ratio is over a floor measured
in the same run with the same interpreter: the click import for the CLI, an empty Textual app's
first paint for the app. A figure the run did not take (a size not asked for, no tmux) is
"not measured", never met.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: The commands that only read the board (``every read command at 1k``).
READ_COMMANDS = ("lint", "order", "export_json", "list", "list_json", "show", "search", "report")


@dataclass(frozen=True)
class Target:
    name: str
    #: Path into the outside report: size, then keys; for ``over`` the floor's path too.
    path: tuple[str, ...]
    bound: float
    unit: str  # "s", "MiB", "ms" or "x" (a ratio over ``over``)
    over: tuple[str, ...] = ()
    key: str = "median_s"


def _cli(size: str, command: str, label: str, bound: float) -> Target:
    return Target(f"{command} {size} {label}", (size, "imported", command, label), bound, "s")


def _targets() -> list[Target]:
    out: list[Target] = []
    for size, bound in (("10000", 0.4), ("100000", 4.0)):
        out += [_cli(size, c, "warm", bound) for c in ("list", "list_json")]
    for command in ("lint", "order", "export_json"):
        out.append(_cli("10000", command, "edited", 0.2))
        out.append(_cli("10000", command, "cold", 0.4))
        out.append(_cli("100000", command, "edited", 1.0))
    out.append(_cli("100000", "set", "warm", 1.0))
    out.append(_cli("1000", "set", "warm", 0.15))
    out += [
        Target(f"{c} 1000 kept over click", ("1000", "imported", c, "kept"), 2.0, "x", ("cli_floor", "click"))
        for c in READ_COMMANDS
    ]
    out.append(Target("app RSS 10000 after an hour", ("10000", "app_hour"), 150, "MiB", key="peak_rss_mb"))
    # Each first paint over the empty Textual app's first paint taken in turns with it.
    seed, board = ("app_floor",), ("10000", "app")
    for name, where, key, bound in (
        ("seed", seed, "seed_first_paint", 1.45),
        ("10000", board, "board_first_paint", 1.9),
    ):
        floor = (*where, "textual_floor_first_paint")
        out.append(Target(f"first paint {name} over Textual", (*where, key), bound, "x", floor))
    for key, bound in (("cursor_move", 34), ("status_change", 50), ("filter_keystroke", 50), ("outside_change", 150)):
        out.append(Target(f"{key} p95 10000", ("10000", "app", key), bound, "ms", key="p95_ms"))
    return out


TARGETS: list[Target] = _targets()


def _dig(report: dict[str, Any], path: tuple[str, ...], key: str) -> float | None:
    node: Any = report
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    value = node.get(key) if isinstance(node, dict) else None
    return float(value) if isinstance(value, int | float) else None


def judge(report: dict[str, Any], targets: list[Target] = TARGETS) -> list[dict[str, Any]]:
    """One row per target: its figure in ``report`` (the outside section), the bound, and
    ``met`` True, False or None (not measured)."""
    rows = []
    for t in targets:
        value = _dig(report, t.path, t.key)
        if value is not None and t.over:
            floor = _dig(report, t.over, "median_s")
            value = round(value / floor, 2) if floor else None
        met = None if value is None else value <= t.bound
        rows.append({"figure": t.name, "value": value, "target": t.bound, "unit": t.unit, "met": met})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    """The verdicts as a Markdown table (for a closing note or a README)."""
    words = {True: "met", False: "NOT met", None: "not measured"}
    lines = ["| figure | measured | target | |", "|---|---|---|---|"]
    for r in rows:
        value = "—" if r["value"] is None else f"{r['value']:g} {r['unit']}"
        lines.append(f"| {r['figure']} | {value} | ≤ {r['target']:g} {r['unit']} | {words[r['met']]} |")
    return "\n".join(lines)
