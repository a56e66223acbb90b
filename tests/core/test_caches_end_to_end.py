"""Real processes on a board edited at random, by hand and by ``set``, with the user's caches kept
from one command to the next (the parse cache, its entries of earlier texts, the kept analysis,
the answers, the background writers): every command prints what it prints with no cache at all."""

from __future__ import annotations

import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from readiness_tui.bench.plans import generate_plan_text

STATUSES = ("todo", "in_progress", "review", "done", "blocked", "cancelled")
COMMANDS = (("order",), ("order", "--json"), ("export", "-f", "json"), ("lint",), ("list",))


def _cached(board: Path, *args: str) -> tuple[int, str, str]:
    """The command as a user runs it: the entry point reads and fills the caches."""
    proc = subprocess.run(
        [sys.executable, "-m", "readiness_tui", args[0], str(board), *args[1:]],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def uncached(board: Path, *args: str) -> tuple[int, str, str]:
    """The reference: the entry point called with arguments never reads or writes a cache."""
    argv = [args[0], str(board), *args[1:]]
    proc = subprocess.run(
        [sys.executable, "-c", f"from readiness_tui.cli import main; main({argv!r})"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return proc.returncode, proc.stdout, proc.stderr


def _item_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"^\[\[items\]\]\n", text, re.M)]


def _id_at(text: str, at: int) -> str:
    found = re.search(r'^id = "([^"]+)"', text[at:], re.M)
    assert found is not None
    return found.group(1)


def _edit_by_hand(board: Path, rng: random.Random) -> str:
    """One item changed as an editor would (the whole file written again); now and then a risk
    or the board's own table instead (read from the entry with every item kept, ``respan.reassemble``)."""
    text = board.read_text(encoding="utf-8")
    if rng.random() < 0.3:
        return _edit_other_by_hand(board, text, rng)
    starts = _item_starts(text)
    at = rng.choice(starts)
    end = next((s for s in starts if s > at), len(text))
    seg = text[at:end]
    kind = rng.choice(("status", "status", "title", "depends_on", "estimate", "drop"))
    if kind == "status":
        seg = re.sub(r'^status = "[^"]*"', f'status = "{rng.choice(STATUSES)}"', seg, count=1, flags=re.M)
    elif kind == "title":
        seg = re.sub(r'^title = "[^"]*"', f'title = "edited {rng.randrange(10**6)}"', seg, count=1, flags=re.M)
    elif kind == "depends_on":
        deps = rng.choice([[], [_id_at(text, rng.choice(starts))], ["NOWHERE-1"]])
        listed = ", ".join(f'"{d}"' for d in deps)
        seg = re.sub(r"^depends_on = \[[^\]]*\]", f"depends_on = [{listed}]", seg, count=1, flags=re.M)
    elif kind == "estimate":
        seg = re.sub(
            r"^estimate_days = [^\n]*", f"estimate_days = {rng.choice([0, 0.5, 2, 8])}", seg, count=1, flags=re.M
        )
    else:
        seg = ""
    board.write_text(text[:at] + seg + text[end:], encoding="utf-8")
    return f"{kind} by hand"


def _edit_other_by_hand(board: Path, text: str, rng: random.Random) -> str:
    risks = [m.start() for m in re.finditer(r"^\[\[risks\]\]\n", text, re.M)]
    if risks and rng.random() < 0.7:
        at = rng.choice(risks)
        ids = [_id_at(text, s) for s in rng.sample(_item_starts(text), 2)]
        mitigation = rng.choice([[], ids[:1], ids, ["NOWHERE-1"]])
        listed = ", ".join(f'"{i}"' for i in mitigation)
        seg = re.sub(r"^mitigated_by = \[[^\]]*\]", f"mitigated_by = [{listed}]", text[at:], count=1, flags=re.M)
        board.write_text(text[:at] + seg, encoding="utf-8")
        return "risk by hand"
    title = f'title = "Plan {rng.randrange(10**6)}"'
    board.write_text(re.sub(r"^title = \"[^\"]*\"", title, text, count=1, flags=re.M), encoding="utf-8")
    return "board table by hand"


def _set(board: Path, rng: random.Random) -> str:
    text = board.read_text(encoding="utf-8")
    starts = _item_starts(text)
    item = _id_at(text, rng.choice(starts))
    field, value = rng.choice(
        [
            ("status", rng.choice(STATUSES)),
            ("estimate_days", str(rng.choice([1, 3]))),
            ("depends_on", _id_at(text, rng.choice(starts))),
        ]
    )
    # The same set on a copy, with no cache: the same exit, messages and board (a dependency that
    # would close a cycle is refused, with a message, either way).
    ref = board.parent / "reference" / board.name
    ref.parent.mkdir(exist_ok=True)
    ref.write_text(text, encoding="utf-8")
    want = uncached(ref, "set", item, f"{field}={value}")
    got = _cached(board, "set", item, f"{field}={value}")
    assert got == tuple(part.replace(str(ref), str(board)) if isinstance(part, str) else part for part in want)
    assert board.read_text(encoding="utf-8") == ref.read_text(encoding="utf-8")
    return f"set {field} ({got[0]})"


@pytest.mark.parametrize("seed", [1, 2])
def test_every_command_says_what_it_says_without_a_cache(tmp_path: Path, seed: int) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(generate_plan_text(160, seed=seed, table_rows=20), encoding="utf-8")
    board = tmp_path / "board.toml"
    made = subprocess.run(
        [sys.executable, "-m", "readiness_tui", "import", str(plan), "-o", str(board)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    rng = random.Random(seed)
    _cached(board, "lint")  # the caches start from the board as imported
    for step in range(10):
        what = _set(board, rng) if rng.random() < 0.35 else _edit_by_hand(board, rng)
        for args in rng.sample(COMMANDS, 2):
            got = _cached(board, *args)
            assert got == uncached(board, *args), f"step {step}: {what}, then {' '.join(args)}"
