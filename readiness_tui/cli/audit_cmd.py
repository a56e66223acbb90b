"""``readiness audit verify|anchor|log BOARD``: the board's history."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from readiness_tui.cli.common import board_argument, echo_json, fail, refuse_stdin


@click.group("audit")
def audit() -> None:
    """The history of a board (BOARD's .history.jsonl, hash-chained)."""


@audit.command("verify")
@board_argument
@click.option(
    "--head",
    "expected_head",
    metavar="SHA256",
    help="A head hash printed earlier (weekly update) that must still be in the chain.",
)
@click.option("--json", "as_json", is_flag=True, help="The verdict as JSON (format_version 1).")
def verify_cmd(board: Path, expected_head: str | None, as_json: bool) -> None:
    """Check the hash chain (merges included) and every git anchor of it; exit 1 naming the first bad record.

    First, holding the board's lock, a board change the history does not account for (a writer
    that died, an edit made outside readiness) is recorded, so the chain ends at the board as it is.
    """
    from readiness_tui.core import audit as core_audit
    from readiness_tui.core.audit import anchors

    refuse_stdin(board)
    if not board.exists():  # a typo must not read as "ok: no history yet"
        fail(f"{board}: no such board file")
    path = core_audit.history_path(board)
    if path != board:  # a board, not its history named directly: reconcile the two first
        note = _reconcile(board)
        if note:
            click.echo(note, err=True)
    result = anchors.verify(board, expected_head=expected_head)
    found = anchors.anchors(board)
    if as_json:
        from readiness_tui.core.outputs.documents import verify_document

        echo_json(
            verify_document(
                path, result.ok, result.message, result.first_bad_line, result.head, result.records, len(found)
            )
        )
    elif result.ok:
        note = f"; {len(found)} anchor(s) in git, all in the chain" if found else ""
        click.echo(f"{path}: ok: {result.message}{note}")
    else:
        where = f"{path}:{result.first_bad_line}" if result.first_bad_line else str(path)
        click.echo(f"{where}: BAD: {result.message}", err=True)
    if not result.ok:
        sys.exit(1)


@audit.command("anchor")
@board_argument
@click.option("--json", "as_json", is_flag=True, help="The new anchor as JSON (format_version 1).")
def anchor_cmd(board: Path, as_json: bool) -> None:
    """Keep the history's current head in git (a ref under refs/readiness/anchors), so that
    truncating or rewriting the history before it is caught by `audit verify` in any clone that
    has the ref (push it: git push origin 'refs/readiness/*:refs/readiness/*')."""
    from readiness_tui.core.audit import anchors

    refuse_stdin(board)
    if not board.exists():
        fail(f"{board}: no such board file")
    try:
        made = anchors.anchor(board)
    except anchors.AnchorError as exc:
        click.echo(f"readiness: {exc}", err=True)
        sys.exit(1)
    if as_json:
        from readiness_tui.core.outputs.documents import anchor_document

        echo_json(anchor_document(made.ref, made.head, made.records))
    else:
        click.echo(f"anchored head {made.head} ({made.records} records) at {made.ref}")


def _reconcile(board: Path) -> str:
    from readiness_tui.core import audit as core_audit
    from readiness_tui.core.board.fsutil import remove_stale_temps, sha256_bytes
    from readiness_tui.core.board.lock import board_lock
    from readiness_tui.core.model.problems import BoardLocked

    try:
        with board_lock(board, writer="audit"):
            # A writer killed between its temp file and the rename left the temp: under the lock
            # it is dead, as the next writer would find it.
            remove_stale_temps(board)
            done = core_audit.reconcile(board, sha256_bytes(board.read_bytes()))
    except BoardLocked as exc:
        return f"readiness: not reconciled: {exc}"
    except OSError as exc:
        fail(f"{board}: cannot read: {exc.strerror}")
    if done == "aborted":
        return f"{board}: the last recorded edit never reached the board (its writer died); recorded as aborted"
    if done == "found":
        return f"{board}: changed outside readiness since the last record; recorded as found on disk"
    return ""


@audit.command("log")
@board_argument
@click.option("--since", metavar="DATE", help="Only records from this date (YYYY-MM-DD) on.")
@click.option("--item", metavar="ID", help="Only records about this item.")
@click.option("--json", "as_json", is_flag=True, help="The records as one JSON document (format_version 1).")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="The raw records, one JSON object a line, as written.")
def log_cmd(board: Path, since: str | None, item: str | None, as_json: bool, as_jsonl: bool) -> None:
    """Print the history, oldest first."""
    from readiness_tui.core import audit as core_audit

    refuse_stdin(board)
    if not board.exists():  # a typo must not read as "no history yet"
        fail(f"{board}: no such board file")
    day = None
    if since:
        try:
            day = dt.date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(f"expected a date like 2026-02-20, got {since!r}", param_hint="--since") from None
    records = [
        rec
        for rec in core_audit.read(board)
        if (day is None or rec.local_date >= day) and (item is None or rec.item == item)
    ]
    if as_json:
        from readiness_tui.core.outputs.documents import history_document

        echo_json(history_document(core_audit.history_path(board), (rec.data for rec in records)))
        return
    for rec in records:
        if as_jsonl:
            click.echo(json.dumps(rec.data, ensure_ascii=False, sort_keys=True))
        elif rec.type == "merge":  # written by the git history merge driver
            sides = " and ".join(str(s) for s in rec.data.get("sides") or []) or "two branches"
            click.echo(f"{rec.local[:16].replace('T', ' ')}  {rec.actor}  merged the histories of {sides}  [git]")
        else:
            click.echo(rec.describe())
    if not records and not as_jsonl:
        click.echo(f"{core_audit.history_path(board)}: no history yet", err=True)
