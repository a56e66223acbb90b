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

    Edits are validated, cycles refused, and written through the store: comments and formatting
    elsewhere in the file stay exactly as they were.
    """
    from ..core.edits import apply_assignments, parse_assignment
    from ..core.problems import BoardChangedOnDisk, BoardError, EditError

    store = load_or_exit(board)
    try:
        parsed = [parse_assignment(a) for a in assignments]
    except ValueError as exc:
        fail(str(exc))
    try:
        item = store.item(item_id)
        values = apply_assignments(item, parsed)
        changes = store.set_fields(item_id, values)
    except EditError as exc:
        fail(str(exc), EXIT_PROBLEMS)
    for c in changes:
        click.echo(f"{c.item}.{c.field}: {c.old!r} -> {c.new!r}")
    if not changes:
        click.echo("nothing changed")
        return
    if dry_run:
        return
    try:
        store.save()
    except BoardChangedOnDisk as exc:
        fail(str(exc), EXIT_PROBLEMS)
    except BoardError as exc:
        fail(exc.describe(), EXIT_PROBLEMS)
    from ..core import audit

    audit.append(store.path, changes, source="cli")
