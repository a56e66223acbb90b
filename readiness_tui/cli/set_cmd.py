"""``readiness set BOARD RECORD FIELD=VALUE...``: an item, risk, phase, milestone, waiver or
deliverable, by id; ``--add`` and ``--remove`` (``--revoke``) for the records other than items."""

from __future__ import annotations

from typing import Any

import click

from readiness_tui.cli.common import EXIT_PROBLEMS, EXIT_USAGE, echo_json, fail, load_or_exit, split_board
from readiness_tui.cli.completion import complete_board_args


@click.command("set")
@click.argument(
    "args", nargs=-1, required=True, metavar="[BOARD] ID FIELD=VALUE...", shell_complete=complete_board_args
)
@click.option("--add", "adding", is_flag=True, help="Add a new risk, phase, milestone, waiver or deliverable.")
@click.option("--remove", "--revoke", "removing", is_flag=True, help="Remove the record (revoke a waiver).")
@click.option("--dry-run", is_flag=True, help="Show the changes, write nothing.")
@click.option("--json", "as_json", is_flag=True, help="The result as versioned JSON (format_version 1).")
def set_cmd(args: tuple[str, ...], adding: bool, removing: bool, dry_run: bool, as_json: bool) -> None:
    """Edit one record of a board (BOARD may be left out, as for `show`).

    \b
    Items:       readiness set BOARD T-001 status=done owner=@ana depends_on+=M-02 gate.verify="make test"
                 acceptance+="p95 under 200 ms, measured"   (one criterion per +=)
    Risks:       readiness set BOARD R-001 mitigated_by+=T-002 severity=high
    Phases:      readiness set BOARD A exit+="Toolchain pinned" items+=T-003
    Milestones:  readiness set BOARD M1 due=2026-W12 items-=T-004
    Waivers:     readiness set BOARD --add waiver:W-1 item=T-001 reason="..." approved_by=@lead expires=+30d
                 readiness set BOARD W-1 expires=2026-05-31      (renew)
                 readiness set BOARD waiver:T-001 --revoke       (a waiver is named by its id or its item)
    Deliverables: readiness set BOARD deliverable:docs/runbook.md status=done

    A bare id is looked up among items, risks, phases, milestones and waiver ids; write the kind
    (risk:, phase:, milestone:, waiver:, deliverable:, item:) when two share it, and #N for the
    N-th record of a kind. An empty value clears a field. Edits are validated (unknown item ids
    refused with the nearest one, cycles refused, a waiver needs an expiry after today) and
    written the way the app writes them: under the board's lock, merged with what others wrote
    meanwhile, recorded in the board's history, comments and formatting elsewhere kept.
    """
    from readiness_tui.core.edits import record_edits as rec
    from readiness_tui.core.edits.editor import EditController
    from readiness_tui.core.edits.set_command import SetError, plan_set, set_result

    board, rest = split_board(args)
    if not rest:
        fail("expected [BOARD] ID FIELD=VALUE...", EXIT_USAGE)
    record, assignments = rest[0], rest[1:]
    store = load_or_exit(board)
    if adding and removing:
        fail("--add and --remove do not go together")
    try:
        op = plan_set(store, record, list(assignments), adding=adding, removing=removing)
    except SetError as exc:
        fail(str(exc), exc.code)
    for note in op.notes:
        click.echo(f"readiness: {note}", err=True)
    editor = EditController(store, autosave=not dry_run, audit_source="cli")
    editor.open_check()
    from readiness_tui.core import audit

    # Only --json lists the records this edit appended: it needs the head they follow.
    head = audit.head(board) if as_json and not dry_run else ""
    if op.ref.kind == "items":
        result = editor.set_fields(op.ref.key, op.values)
    elif adding:
        result = rec.new_record(editor, op.ref.kind, op.values)
    elif removing:
        result = rec.delete_record(editor, op.ref)
    else:
        result = rec.edit_record(editor, op.ref, op.values)
    if not result.ok:
        fail(result.error, EXIT_PROBLEMS)
    saved = str(result.saved)
    if result.saved.failed:
        fail(f"not saved: {editor.last_save_error}", EXIT_PROBLEMS)
    if as_json:
        echo_json(set_result(store, op, result.changes, saved, dry_run, head))
    else:
        _echo_changes(editor.store.board, result.changes)
    if editor.audit_error:
        click.echo(f"readiness: saved, but the history was not written: {editor.audit_error}", err=True)


def _echo_changes(board: Any, changes: list[Any]) -> None:
    from readiness_tui.core.edits.record_edits import change_ref

    if not changes:
        click.echo("nothing changed")
    for c in changes:
        # Named as `set` takes them back (waivers:W-1, waivers:#2), as the app names them.
        where = c.item if c.kind == "items" else f"{c.kind}:{change_ref(board, c).key}"
        if c.kind == "matrix" and c.field == "*":
            click.echo("matrix: kept in step with depends_on")
        elif c.field == "*":
            click.echo(f"{where}: {'added' if c.old is None else 'removed' if c.new is None else 'replaced'}")
        else:
            click.echo(f"{where}.{c.field}: {c.old!r} -> {c.new!r}")
