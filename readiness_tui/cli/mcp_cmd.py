"""``readiness mcp [BOARD]``: the board as a Model Context Protocol server over stdio, for agents."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from readiness_tui.cli.common import find_board, load_or_exit


@click.command("mcp")
@click.argument("board", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--actor", default="agent", show_default=True, help="The name the history records the agent's edits under."
)
def mcp_cmd(board: Path | None, actor: str) -> None:
    """Serve BOARD to a coding agent over MCP (stdio): list, show, search, order, check, report,
    set, add and note. Edits go through the one write path and are recorded under --actor; no
    verify command runs unless the board is trusted (`readiness trust`)."""
    from readiness_tui.core.edits.agent_ops import AgentError, BoardOps
    from readiness_tui.core.model.problems import BoardError

    path = find_board(board)
    load_or_exit(path)  # a missing or broken board is said now, not on the agent's first call
    ops = BoardOps(path, actor=actor)
    try:
        from mcp.server.fastmcp import FastMCP
        from mcp.server.fastmcp.exceptions import ToolError
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise click.ClickException(f"the mcp package is missing: {exc}") from None

    class StrictMCP(FastMCP):
        """Refuses a call naming an argument its tool does not take (FastMCP drops it silently:
        ``add_item {"board": "/elsewhere.toml"}`` wrote to the served board)."""

        async def call_tool(self, name: str, arguments: dict[str, Any]) -> Any:
            tool = self._tool_manager.get_tool(name)
            if tool is not None:
                takes = tool.parameters.get("properties", {})
                unknown = sorted(set(arguments or {}) - set(takes))
                if unknown:
                    said = ", ".join(repr(a) for a in unknown)
                    known = ", ".join(takes) or "no arguments"
                    raise ToolError(f"{name}: unknown argument {said} (it takes {known}); nothing was done")
            return await super().call_tool(name, arguments)

    server = StrictMCP(
        "readiness",
        instructions=(
            f"A production-readiness board ({ops.board.name}): items with status, owner, priority, target and "
            "dependencies; gates; risks. Read with list_items/show_item/search/order/report/check; edit with "
            "set_fields (FIELD=VALUE, FIELD+=VALUE for lists), add_item and add_note."
        ),
    )

    def guarded(fn: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        def call(*args: Any, **kwargs: Any) -> dict[str, Any]:
            try:
                return fn(*args, **kwargs)
            except (AgentError, BoardError) as exc:
                raise ToolError(str(exc)) from None

        call.__name__, call.__doc__ = fn.__name__, fn.__doc__
        return call

    @server.tool()
    def list_items(filter: str = "") -> dict[str, Any]:
        """Items of the board, optionally filtered as in the app: `owner:@ana status:blocked p:P0 ready`."""
        return guarded(ops.list_items)(filter)

    @server.tool()
    def show_item(item_id: str) -> dict[str, Any]:
        """One item: every field, whether it is ready/blocked/overdue, what it waits on, what needs it."""
        return guarded(ops.show_item)(item_id)

    @server.tool()
    def search(words: str) -> dict[str, Any]:
        """Items whose title, description, notes, acceptance or progress notes mention every word."""
        return guarded(ops.search)(words)

    @server.tool()
    def order() -> dict[str, Any]:
        """Execution waves, ready and blocked items, cycles and the critical path."""
        return guarded(ops.order)()

    @server.tool()
    def report(week: str | None = None) -> dict[str, Any]:
        """The weekly update (ISO week like 2026-W09; default this week) with go/no-go and its reasons."""
        return guarded(ops.report)(week)

    @server.tool()
    def check() -> dict[str, Any]:
        """Gates: evidence, verify commands (only when the board is trusted) and waivers."""
        return guarded(ops.check)()

    @server.tool()
    def set_fields(item_id: str, assignments: list[str]) -> dict[str, Any]:
        """Edit an item: ["status=done", "owner=@ana", "depends_on+=M-02"]. Refused edits say why."""
        return guarded(ops.set_fields)(item_id, assignments)

    @server.tool()
    def add_item(title: str, assignments: list[str] | None = None) -> dict[str, Any]:
        """Add an item with a title and optional FIELD=VALUE settings; returns its id."""
        return guarded(ops.add_item)(title, assignments)

    @server.tool()
    def add_note(item_id: str, text: str) -> dict[str, Any]:
        """A dated progress note on an item."""
        return guarded(ops.add_note)(item_id, text)

    _state_limits(server._tool_manager.list_tools())

    # The stdio transport closes the stdout it was given when the client hangs up: give it its
    # own handle on the same file, so the command's own exit can still flush sys.stdout.
    saved = sys.stdout
    sys.stdout = os.fdopen(os.dup(saved.fileno()), "w", encoding="utf-8")
    try:
        server.run("stdio")
    finally:
        sys.stdout = saved


def _state_limits(tools: list[Any]) -> None:
    """Say in each tool's input schema what the server enforces: no other arguments, and the
    text limits the store holds every writer to (``core.model.text_limits``)."""
    from readiness_tui.core.model.text_limits import limit_of

    for tool in tools:
        tool.parameters["additionalProperties"] = False
        for name, prop in tool.parameters.get("properties", {}).items():
            if prop.get("type") == "string" and name in ("title", "text"):
                prop["maxLength"] = limit_of(name)
