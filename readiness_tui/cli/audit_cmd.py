"""``readiness audit verify BOARD`` and ``readiness audit log BOARD``: the board's history."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from .common import board_argument, fail


@click.group("audit")
def audit() -> None:
    """The history of a board (BOARD's .history.jsonl, hash-chained)."""


@audit.command("verify")
@board_argument
@click.option("--head", "expected_head", metavar="SHA256", help="A head hash printed earlier (weekly update) that must still be in the chain.")
def verify_cmd(board: Path, expected_head: str | None) -> None:
    """Check the hash chain; exit 1 naming the first bad record."""
    from ..core import audit as core_audit

    if not board.exists():  # a typo must not read as "ok: no history yet"
        fail(f"{board}: no such board")
    path = core_audit.history_path(board)
    result = core_audit.verify(path, expected_head=expected_head)
    if result.ok:
        click.echo(f"{path}: ok: {result.message}")
        return
    where = f"{path}:{result.first_bad_line}" if result.first_bad_line else str(path)
    click.echo(f"{where}: BAD: {result.message}", err=True)
    sys.exit(1)


@audit.command("log")
@board_argument
@click.option("--since", metavar="DATE", help="Only records from this date (YYYY-MM-DD) on.")
@click.option("--item", metavar="ID", help="Only records about this item.")
@click.option("--json", "as_json", is_flag=True, help="Print the raw records (JSON Lines).")
def log_cmd(board: Path, since: str | None, item: str | None, as_json: bool) -> None:
    """Print the history, oldest first."""
    from ..core import audit as core_audit

    day = None
    if since:
        try:
            day = dt.date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(f"expected a date like 2026-02-20, got {since!r}", param_hint="--since") from None
    records = core_audit.read(board)
    for rec in records:
        if day is not None and rec.local_date < day:
            continue
        if item is not None and rec.item != item:
            continue
        click.echo(json.dumps(rec.data, ensure_ascii=False, sort_keys=True) if as_json else rec.describe())
    if not records and not as_json:
        click.echo(f"{core_audit.history_path(board)}: no history yet", err=True)
