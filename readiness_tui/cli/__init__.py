"""The ``readiness`` command line: a thin layer over the core.

Commands are loaded lazily from ``COMMANDS`` so that ``readiness lint`` never pays for importing
Textual, and ``readiness --help`` stays instant.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys

import click

from readiness_tui import __version__

#: command name -> "module:attribute" of a click command; each command lives in its own module.
COMMANDS: dict[str, str] = {
    "open": "readiness_tui.cli.open_cmd:open_cmd",
    "lint": "readiness_tui.cli.lint_cmd:lint",
    "order": "readiness_tui.cli.order_cmd:order",
    "export": "readiness_tui.cli.export_cmd:export",
    "set": "readiness_tui.cli.set_cmd:set_cmd",
    "schema": "readiness_tui.cli.schema_cmd:schema",
    "import": "readiness_tui.cli.import_cmd:import_cmd",
    "check": "readiness_tui.cli.check_cmd:check",
    "trust": "readiness_tui.cli.trust_cmd:trust",
    "report": "readiness_tui.cli.report_cmd:report",
    "audit": "readiness_tui.cli.audit_cmd:audit",
    "list": "readiness_tui.cli.list_cmd:list_cmd",
    "show": "readiness_tui.cli.show_cmd:show_cmd",
    "add": "readiness_tui.cli.add_cmd:add_cmd",
    "search": "readiness_tui.cli.search_cmd:search_cmd",
    "note": "readiness_tui.cli.note_cmd:note_cmd",
    "mcp": "readiness_tui.cli.mcp_cmd:mcp_cmd",
    "config": "readiness_tui.cli.config_cmd:config_cmd",
    "git-setup": "readiness_tui.cli.git_setup_cmd:git_setup",
    "merge-driver": "readiness_tui.cli.merge_driver_cmd:merge_driver",
    "resolve": "readiness_tui.cli.resolve_cmd:resolve",
    "serve": "readiness_tui.cli.serve_cmd:serve",
    "portfolio": "readiness_tui.cli.portfolio_cmd:portfolio_cmd",
}


#: Commands that keep the cyclic collector on: `check` waits on verify commands, and `mcp` and
#: `serve` run for as long as an agent or a browser session lasts (a heap never collected would
#: only grow).
KEEPS_GC = frozenset({"check", "mcp", "serve"})

# Whether this process is the program run from a shell (``main()``), not a test calling ``main(argv)``.
_one_shot = False


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when used (or listed in help)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            return None  # a command whose module is not installed in this build
        return getattr(mod, attr)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        # `readiness BOARD` and `readiness` alone open the app: an unknown first word is a path,
        # unless it is no path at all and close to a command's name (a typo: `readiness lnt x`).
        if args and args[0] not in COMMANDS and not args[0].startswith("-"):
            word = args[0]
            if not os.path.exists(word) and "/" not in word and "." not in word:
                import difflib

                near = difflib.get_close_matches(word, list(COMMANDS), n=1, cutoff=0.6)
                if near:
                    click.echo(f"readiness: no command {word!r}; did you mean `readiness {near[0]}`?", err=True)
                    ctx.exit(2)
            args = ["open", *args]
        return super().resolve_command(ctx, args)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="readiness")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """readiness: production-readiness plans as TOML boards, in your terminal.

    \b
    readiness [BOARD|DIR]            open the app (default: ./boards, else the bundled boards)
    readiness lint BOARD...          every problem, as file:line: LEVEL code message
    readiness order BOARD            execution waves, critical path, ready and blocked
    readiness export BOARD -f json|md|mermaid|dot|csv|html
    readiness set BOARD ID status=done depends_on+=M-02   (any record: R-001 mitigated_by+=T-2)
    readiness import PLAN.md -o BOARD.toml    a Markdown plan as a board (--merge to re-import)
    readiness check BOARD [-f json|github|junit]   gates for CI: evidence, verify, waivers
    readiness trust BOARD            allow the board's verify commands to run
    readiness report BOARD [--week 2026-W09]    the weekly update with go/no-go
    readiness audit verify BOARD     check the hash-chained history (and its git anchors)
    readiness audit anchor BOARD     keep the history's head in git (refs/readiness/anchors)
    readiness git-setup [BOARD...]   let git merge boards and histories by record
    readiness resolve BOARD [N --take ours|theirs]   conflicts a git merge left in a board
    readiness schema                 the board format as JSON Schema
    readiness list [BOARD] [-f EXPR] [--json]   items, filtered as in the app
    readiness show [BOARD] ID        one item: fields, readiness, dependencies
    readiness add [BOARD] --title T [FIELD=VALUE...]   a new item (prints its id)
    readiness search [BOARD] WORDS   items whose text mentions the words
    readiness note [BOARD] ID TEXT   a dated progress note
    readiness mcp [BOARD]            the board as an MCP server (stdio) for coding agents
    readiness config                 the effective settings and where each came from
    readiness serve [BOARD|DIR] [--read-only] [--present]   the app in a browser
    readiness portfolio [CLONE|DIR|FILE...]   every board at once, read at origin/main

    BOARD may be - (standard input) for lint, order, export, list, show, search, report and check.
    Exit codes: 0 fine, 1 problems found, 2 usage error or unreadable board.
    """
    if ctx.invoked_subcommand not in KEEPS_GC:
        # Which process runs with which collector is decided here, at the entry point. A batch
        # command reads a board with no reference cycles and exits: the cyclic collector would only
        # rescan a heap that keeps growing (a real share of `lint` on a big board, and validating
        # one far slower). The app, told by ``ReadinessApp(gc_paused=True)`` that this process is its
        # own, turns it back on after its first paint with its thresholds (``ui.app.GC_THRESHOLDS``).
        gc.disable()
        if _one_shot and ctx.invoked_subcommand not in (None, "open"):
            from readiness_tui.core.cache import exit_keep

            # A board let go of is freed record by record (a pass over every record); this process
            # ends with os._exit right after the command, so it keeps them (core/exit_keep).
            exit_keep.keep_until_exit()
    if ctx.invoked_subcommand is None:
        ctx.invoke(LazyGroup.get_command(cli, ctx, "open"))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> None:
    """Console entry point. Called with ``argv`` (tests), it returns or raises like click does."""
    if argv is not None:
        cli.main(args=argv, prog_name="readiness")
        return
    from readiness_tui.core.cache import loader as caches

    global _one_shot
    _one_shot = True
    # The caches are the entry point's policy, as GC is: a user's command reads the model of an
    # unchanged board from the parse cache, and a read-only command's answer from the answer
    # cache; tests calling ``main(argv)`` parse every board and compute every answer.
    caches.enable()
    code: int | str | None = 0
    try:
        cli.main(args=sys.argv[1:], prog_name="readiness")
    except SystemExit as exc:
        code = exc.code
    # A headless command is done once its output is flushed; tearing down a 100,000-item board
    # object by object would keep the user waiting for nothing.
    sys.stdout.flush()
    sys.stderr.flush()
    # Boards parsed or written and answers given go to the caches after the output, in a child.
    caches.flush_in_background()
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
        code = 1
    os._exit(code or 0)
