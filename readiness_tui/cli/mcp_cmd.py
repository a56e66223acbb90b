"""``readiness mcp [BOARD]``: the board as a Model Context Protocol server over stdio, for agents."""

# No `from __future__ import annotations`: FastMCP reads the tools' annotations to build their
# input schemas, and the typed ones are imported inside the command (kept off the CLI's start).
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
        from mcp.types import ToolAnnotations

        from readiness_tui.core.edits.agent_fields import Assignments, GivenFields, input_refusal
        from readiness_tui.core.model.statuses import Status
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
            try:
                return await super().call_tool(name, arguments)
            except ToolError as exc:
                said = input_refusal(name, exc.__cause__)
                if said:
                    raise ToolError(said) from None
                raise

    server = StrictMCP(
        "readiness",
        instructions=(
            f"A production-readiness board ({ops.board.name}): items with status, owner, priority, target and "
            "dependencies; gates; risks. Read readiness://quickstart first. Read with list_items/show_item/"
            "search/order/report/check; edit with set_status, set_fields (typed fields; assignments such as "
            "depends_on+=M-02 for the rest), add_item and add_note. Edits answer the documents of "
            "`readiness set --json` and `readiness add --json`."
        ),
    )

    def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            try:
                return fn(*args, **kwargs)
            except (AgentError, BoardError) as exc:
                raise ToolError(str(exc)) from None

        call.__name__, call.__doc__ = fn.__name__, fn.__doc__
        return call

    def reads(title: str, open_world: bool = False) -> ToolAnnotations:
        # A read changes nothing: asking twice is the same as asking once.
        return ToolAnnotations(
            title=title, readOnlyHint=True, destructiveHint=False, idempotentHint=True, openWorldHint=open_world
        )

    def writes(title: str, destructive: bool, idempotent: bool) -> ToolAnnotations:
        # Only the served board is written: nothing outside it (openWorldHint false).
        return ToolAnnotations(
            title=title,
            readOnlyHint=False,
            destructiveHint=destructive,
            idempotentHint=idempotent,
            openWorldHint=False,
        )

    @server.tool(title="List items", annotations=reads("List items"))
    def list_items(filter: str = "") -> dict[str, Any]:
        """Items of the board, optionally filtered as in the app: `owner:@ana status:blocked p:P0 ready`."""
        return guarded(ops.list_items)(filter)

    @server.tool(title="Show an item", annotations=reads("Show an item"))
    def show_item(item_id: str) -> dict[str, Any]:
        """One item: every field, whether it is ready/blocked/overdue, what it waits on, what needs it."""
        return guarded(ops.show_item)(item_id)

    @server.tool(title="Search items", annotations=reads("Search items"))
    def search(words: str) -> dict[str, Any]:
        """Items whose title, description, notes, acceptance or progress notes mention every word."""
        return guarded(ops.search)(words)

    @server.tool(title="Execution order", annotations=reads("Execution order"))
    def order() -> dict[str, Any]:
        """Execution waves, ready and blocked items, cycles and the critical path."""
        return guarded(ops.order)()

    @server.tool(title="Weekly report", annotations=reads("Weekly report"))
    def report(week: str | None = None) -> dict[str, Any]:
        """The weekly update (ISO week like 2026-W09; default this week) with go/no-go and its reasons."""
        return guarded(ops.report)(week)

    # A trusted board's verify commands run here, and they may reach anything: open world.
    @server.tool(title="Check gates", annotations=reads("Check gates", open_world=True))
    def check() -> dict[str, Any]:
        """Gates: evidence, verify commands (only when the board is trusted) and waivers."""
        return guarded(ops.check)()

    @server.tool(title="Set an item's status", annotations=writes("Set an item's status", True, True))
    def set_status(item_id: str, status: Status) -> dict[str, Any]:
        """Set an item's status; answers the `readiness set --json` document (its changes, history)."""
        return guarded(ops.set_status)(item_id, status)

    # `assignments` may append (depends_on+=M-02): calling twice is not always calling once.
    @server.tool(title="Set item fields", annotations=writes("Set item fields", True, False))
    def set_fields(item_id: str, fields: GivenFields = None, assignments: Assignments | None = None) -> dict[str, Any]:
        """Edit an item: typed `fields` ({"status": "done", "owner": "@ana", "depends_on": ["M-02"]}),
        and/or `assignments` for the rest ("depends_on+=M-02", "gate.verify=make test"). Answers the
        `readiness set --json` document. Refused edits say why."""
        return guarded(ops.set_fields)(item_id, fields, assignments)

    @server.tool(title="Add an item", annotations=writes("Add an item", False, False))
    def add_item(title: str, fields: GivenFields = None, assignments: Assignments | None = None) -> dict[str, Any]:
        """Add an item with a title and optional typed fields (or FIELD=VALUE assignments); answers
        the `readiness add --json` document: the new item's record, with its id."""
        return guarded(ops.add_item)(title, fields, assignments)

    @server.tool(title="Add a progress note", annotations=writes("Add a progress note", False, False))
    def add_note(item_id: str, text: str) -> dict[str, Any]:
        """A dated progress note on an item."""
        return guarded(ops.add_note)(item_id, text)

    _resources_and_prompts(server, ops)
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
        tool.parameters = _inlined(tool.parameters)
        tool.parameters["additionalProperties"] = False
        for name, prop in tool.parameters.get("properties", {}).items():
            if prop.get("type") == "string" and name in ("title", "text"):
                prop["maxLength"] = limit_of(name)


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with its ``$ref``s to ``$defs`` replaced by what they name: an agent reads the
    typed fields where they are used (not every client follows a reference)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return walk({**defs[ref.removeprefix("#/$defs/")], **{k: v for k, v in node.items() if k != "$ref"}})
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    return dict(walk(schema))


def _resources_and_prompts(server: Any, ops: Any) -> None:
    """The board whole and its guides as resources; the standup, triage and weekly-update prompts."""
    from readiness_tui.core.outputs import agent_guide
    from readiness_tui.core.outputs.schema import board_schema_json

    @server.resource("readiness://quickstart", name="quickstart", title="Quickstart", mime_type="text/markdown")
    def quickstart() -> str:
        """What the board is, its statuses, how to pick ready work and how to update it."""
        return agent_guide.quickstart(ops.board.name)

    @server.resource("readiness://schema", name="schema", title="Board schema", mime_type="application/schema+json")
    def schema() -> str:
        """The board format as JSON Schema (`readiness schema`)."""
        return board_schema_json()

    @server.resource(
        "readiness://board.toml", name="board.toml", title="The board (TOML)", mime_type="application/toml"
    )
    def board_toml() -> str:
        """The board file as it is now."""
        return str(ops.board_text())

    @server.resource(
        "readiness://board.json", name="board.json", title="The board (JSON)", mime_type="application/json"
    )
    def board_json() -> str:
        """The board as `readiness export -f json` writes it, with the analysis."""
        return str(ops.board_json())

    @server.prompt(name="standup", title="Standup")
    def standup(owner: str = "") -> str:
        """A standup from the board: doing, blocked, next; for one owner (@ana) or everyone."""
        return agent_guide.standup_prompt(owner)

    @server.prompt(name="triage", title="Triage")
    def triage() -> str:
        """Find items missing an owner, priority, target or dependencies, and propose them."""
        return agent_guide.triage_prompt()

    @server.prompt(name="weekly_update", title="Weekly update")
    def weekly_update(week: str = "") -> str:
        """The weekly update with its go/no-go, for an ISO week (2026-W09) or this week."""
        return agent_guide.weekly_update_prompt(week)
