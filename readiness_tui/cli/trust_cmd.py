"""``readiness trust BOARD``: review a board's verify commands and allow them to run."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from readiness_tui.cli.common import echo_json, load_or_exit
from readiness_tui.core.outputs.display import CONTROL_WARNING, has_control, printable


@click.command("trust")
@click.argument("board", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-y", "--yes", is_flag=True, help="Trust without asking.")
@click.option("--revoke", "do_revoke", is_flag=True, help="Forget the trust given to this board.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="The commands and whether they may run, as JSON (format_version 1); never asks: trusts only with --yes.",
)
def trust_cmd(board: Path, yes: bool, do_revoke: bool, as_json: bool) -> None:
    """Show the board's verify commands and trust them to run.

    Trust is recorded outside the repo, bound to the board's path and a hash of its commands:
    changing any command needs trust again. Exit 1 when trust was refused at the prompt.
    """
    from readiness_tui.core.gates import commands_of, is_trusted, repo_root, revoke
    from readiness_tui.core.gates import trust as record_trust
    from readiness_tui.core.gates.trust import trust_file_problem

    store = load_or_exit(board)
    problem = trust_file_problem()
    if problem:
        click.echo(problem, err=True)
        sys.exit(2)
    cmds = commands_of(store.board)
    root = repo_root(board, store.board.board.repo_root)

    def report(trusted: bool, action: str, text: str) -> None:
        if as_json:
            from readiness_tui.core.outputs.documents import trust_document

            echo_json(trust_document(str(board), root, cmds, trusted, action))
        else:
            click.echo(text)

    if do_revoke:
        was = revoke(board)
        report(False, "revoked" if was else "none", f"{board}: trust revoked" if was else f"{board}: was not trusted")
        return
    if not cmds:
        report(True, "none", f"{board}: no verify commands; nothing to trust")
        return
    if is_trusted(board, store.board):
        report(True, "none", f"{board}: already trusted ({len(cmds)} command(s))")
        return
    if as_json and not yes:
        report(False, "none", "")
        return
    if not as_json:
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
    report(True, "trusted", f"{board}: trusted {len(cmds)} command(s)")


trust = trust_cmd  # the name cli.COMMANDS refers to
