"""``readiness trust BOARD``: review a board's verify commands and allow them to run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..core.display import CONTROL_WARNING, has_control, printable
from ..core.gates import commands_of, is_trusted, repo_root, revoke
from ..core.gates import trust as record_trust
from ..core.gates.trust import trust_file_problem
from .common import load_or_exit


@click.command("trust")
@click.argument("board", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-y", "--yes", is_flag=True, help="Trust without asking.")
@click.option("--revoke", "do_revoke", is_flag=True, help="Forget the trust given to this board.")
def trust_cmd(board: Path, yes: bool, do_revoke: bool) -> None:
    """Show the board's verify commands and trust them to run.

    Trust is recorded outside the repo, bound to the board's path and a hash of its commands:
    changing any command needs trust again.
    """
    store = load_or_exit(board)
    problem = trust_file_problem()
    if problem:
        click.echo(problem, err=True)
        sys.exit(2)
    if do_revoke:
        click.echo(f"{board}: trust revoked" if revoke(board) else f"{board}: was not trusted")
        return
    cmds = commands_of(store.board)
    if not cmds:
        click.echo(f"{board}: no verify commands; nothing to trust")
        return
    if is_trusted(board, store.board):
        click.echo(f"{board}: already trusted ({len(cmds)} command(s))")
        return
    root = repo_root(board, store.board.board.repo_root)
    click.echo(
        f"{printable(str(board))} asks to run {len(cmds)} command(s) through the shell in {printable(str(root))}:"
    )
    for item_id, cmd in cmds:
        click.echo(f"  {printable(item_id)}: {printable(cmd)}")
        if has_control(cmd):
            click.echo(f"    !! {printable(item_id)}: the command {CONTROL_WARNING}")
    if not yes and not click.confirm("Trust these commands?", default=False):
        click.echo("not trusted", err=True)
        sys.exit(1)
    record_trust(board, store.board)
    click.echo(f"{board}: trusted {len(cmds)} command(s)")


trust = trust_cmd  # the name cli.COMMANDS refers to
