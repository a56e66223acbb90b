"""``readiness set BOARD ID FIELD=VALUE...``"""

from __future__ import annotations

from pathlib import Path

import click

from .common import EXIT_PROBLEMS, board_argument, fail, load_or_exit


@click.command("set")
@board_argument
@click.argument("item_id")
@click.argument("assignments", nargs=-1, required=True)
@click.option("--dry-run", is_flag=True, help="Show the changes, write nothing.")
def set_cmd(board: Path, item_id: str, assignments: tuple[str, ...], dry_run: bool) -> None:
    """Edit an item: `status=done`, `owner=@ana`, `depends_on+=M-02`, `depends_on-=M-01`,
    `gate.verify="make test"`, `estimate_days=3`. An empty value clears a field.

    Edits are validated, cycles and unknown ids refused, and written the way the app writes them:
    under the board's lock, merged with what others wrote meanwhile, recorded in the board's
    history, and with comments and formatting elsewhere in the file exactly as they were.
    """
    from ..core.editor import EditController
    from ..core.edits import apply_assignments, check_references, parse_assignment
    from ..core.problems import EditError

    store = load_or_exit(board)
    aliases = store.board.board.status_aliases
    try:
        parsed = [parse_assignment(a, aliases) for a in assignments]
    except ValueError as exc:
        fail(str(exc))
    try:
        current = store.item(item_id)
        values = apply_assignments(current, parsed)
        check_references((it.id for it in store.board.items), current, values)
    except (EditError, ValueError) as exc:
        fail(str(exc), EXIT_PROBLEMS)
    editor = EditController(store, autosave=not dry_run, audit_source="cli")
    editor.open_check()
    result = editor.set_fields(item_id, values)
    if not result.ok:
        fail(result.error, EXIT_PROBLEMS)
    for c in result.changes:
        click.echo(f"{c.item}.{c.field}: {c.old!r} -> {c.new!r}")
    if not result.changes:
        click.echo("nothing changed")
        return
    if result.saved not in ("saved", "unchanged", "off"):
        fail(f"not saved: {editor.last_save_error}", EXIT_PROBLEMS)
    if editor.audit_error:
        click.echo(f"readiness: saved, but the history was not written: {editor.audit_error}", err=True)
