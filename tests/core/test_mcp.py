"""``readiness mcp``: a real MCP server process, driven by the mcp package's own stdio client."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from click.testing import CliRunner
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from readiness_tui.cli import cli
from readiness_tui.core import audit
from readiness_tui.core.board.store import BoardStore


def _data(result) -> dict:  # type: ignore[no-untyped-def]
    assert not result.isError, result.content
    return json.loads(result.content[0].text)


async def test_an_agent_reads_and_edits_through_the_one_write_path(launch_copy: Path) -> None:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "readiness_tui", "mcp", str(launch_copy), "--actor", "codex"],
        env=dict(os.environ),
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        names = {t.name for t in (await session.list_tools()).tools}
        assert {
            "list_items",
            "show_item",
            "search",
            "order",
            "report",
            "check",
            "set_fields",
            "add_item",
            "add_note",
        } <= names
        listed = _data(await session.call_tool("list_items", {"filter": "owner:@ana ready"}))
        assert [r["id"] for r in listed["items"]] == ["SEC-02"]
        shown = _data(await session.call_tool("show_item", {"item_id": "SEC-02"}))
        assert shown["fields"]["owner"] == "@ana" and shown["ready"] is True
        changed = _data(
            await session.call_tool("set_fields", {"item_id": "SEC-02", "assignments": ["status=in_progress"]})
        )
        assert [(c["id"], c["field"], c["old"], c["new"]) for c in changed["changes"]] == [
            ("SEC-02", "status", "todo", "in_progress")
        ]
        refused = await session.call_tool("set_fields", {"item_id": "SEC-02", "assignments": ["depends_on+=NOPE"]})
        assert refused.isError and "no item 'NOPE'" in refused.content[0].text
        new = _data(
            await session.call_tool("add_item", {"title": "Agent-found follow-up", "assignments": ["owner=@bo"]})
        )
        order = _data(await session.call_tool("order", {}))
        assert order["waves"] and "SEC-02" not in order["blocked"] and order["critical_path"]["ids"]
        # the same document `readiness order --json` prints: one truth for agents and people
        assert order == json.loads(CliRunner().invoke(cli, ["order", str(launch_copy), "--json"]).stdout)
        report = _data(await session.call_tool("report", {}))
        assert "go" in json.dumps(report).lower()
        noted = _data(await session.call_tool("add_note", {"item_id": "SEC-02", "text": "PR open"}))
        assert noted == {
            "format_version": 1,
            "date": "2026-02-20",
            "item": "SEC-02",
            "status": "in_progress",
            "text": "PR open",
        }
        found = _data(await session.call_tool("search", {"words": "pr open"}))
        assert [r["id"] for r in found["items"]] == ["SEC-02"]
        gates = _data(await session.call_tool("check", {}))
        assert gates["trusted"] is False  # an agent cannot trust a board; nothing ran
        assert gates["format_version"] == 1 and {g["id"] for g in gates["gates"]} == {"SEC-01", "LT-01"}
    store = BoardStore.load(launch_copy)
    assert store.item("SEC-02").status == "in_progress" and store.item(new["id"]).owner == "@bo"
    recs = audit.read(launch_copy)
    assert {(r.actor, r.source) for r in recs} == {("codex", "agent")}
    assert audit.verify(launch_copy).ok


async def test_mcp_refuses_unknown_arguments_wrong_types_and_oversize_text(launch_copy: Path, tmp_path: Path) -> None:
    from readiness_tui.core.model.text_limits import TEXT_MAX, TITLE_MAX

    before = launch_copy.read_bytes()
    elsewhere = tmp_path / "elsewhere" / "new.toml"
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "readiness_tui", "mcp", str(launch_copy), "--actor", "codex"],
        env=dict(os.environ),
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        tools = {t.name: t for t in (await session.list_tools()).tools}
        assert all(t.inputSchema.get("additionalProperties") is False for t in tools.values())
        assert tools["add_item"].inputSchema["properties"]["title"]["maxLength"] == TITLE_MAX
        assert tools["add_note"].inputSchema["properties"]["text"]["maxLength"] == TEXT_MAX
        calls = [
            ("add_item", {"board": str(elsewhere), "title": "x"}, "unknown argument 'board'"),
            ("set_fields", {"item_id": "SEC-02", "assignments": ["status=done"], "dry_run": True}, "'dry_run'"),
            ("add_item", {"title": 123}, "title"),
            ("set_fields", {"item_id": "SEC-02", "assignments": "status=done"}, "assignments"),
            ("add_item", {"title": "t" * 2_000_000}, "title: 2,000,000 characters, more than the 200 allowed"),
            ("add_note", {"item_id": "SEC-02", "text": "n" * 100_000}, "text: 100,000 characters"),
            ("set_fields", {"item_id": "SEC-02", "assignments": ["title=" + "x" * 201]}, "SEC-02.title: 201"),
        ]
        for tool, args, said in calls:
            result = await session.call_tool(tool, args)
            assert result.isError, (tool, args)
            assert said in result.content[0].text, result.content[0].text
        # the server is still serving, and nothing above reached the board
        assert not (await session.call_tool("show_item", {"item_id": "SEC-02"})).isError
    assert launch_copy.read_bytes() == before
    assert not elsewhere.exists() and audit.read(launch_copy) == []


def test_set_and_note_refuse_oversize_text_with_exit_1(launch_copy: Path) -> None:
    before = launch_copy.read_bytes()
    long_title = CliRunner().invoke(cli, ["set", str(launch_copy), "SEC-02", "title=" + "x" * 201])
    assert long_title.exit_code == 1
    assert "launch.toml: SEC-02.title: 201 characters, more than the 200 allowed" in long_title.output
    long_note = CliRunner().invoke(cli, ["note", str(launch_copy), "SEC-02", "y" * 10_001])
    assert long_note.exit_code == 1
    assert "progress.text: 10,001 characters, more than the 10,000 allowed" in long_note.output
    long_add = CliRunner().invoke(cli, ["add", str(launch_copy), "--title", "z" * 201])
    assert long_add.exit_code == 1 and "title: 201 characters" in long_add.output
    assert launch_copy.read_bytes() == before
    # at the limit is fine
    assert CliRunner().invoke(cli, ["set", str(launch_copy), "SEC-02", "title=" + "x" * 200]).exit_code == 0
