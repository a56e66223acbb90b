"""What ``readiness mcp`` offers an agent besides answers: annotated, typed tools; the board, its
schema and a quickstart as resources; prompts; write answers that are the CLI's own documents.
Driven by the mcp package's own stdio client against a real server process."""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

from readiness_tui.cli import cli
from readiness_tui.core.board.store import BoardStore
from readiness_tui.core.model.statuses import PRIORITIES, STATUSES
from readiness_tui.core.outputs.schema import board_schema

READS = {"list_items", "show_item", "search", "order", "report", "check"}
WRITES = {"set_status", "set_fields", "add_item", "add_note"}


@asynccontextmanager
async def served(board: Path) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "readiness_tui", "mcp", str(board)], env=dict(os.environ)
    )
    async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
        await session.initialize()
        yield session


def _data(result: Any) -> dict[str, Any]:
    assert not result.isError, result.content
    return dict(json.loads(result.content[0].text))


def _error(result: Any) -> str:
    assert result.isError, result.content
    return str(result.content[0].text)


def _cli_json(*args: str) -> dict[str, Any]:
    run = CliRunner().invoke(cli, [*args, "--json"])
    assert run.exit_code == 0, run.output
    return dict(json.loads(run.stdout))


async def test_every_tool_is_annotated_and_its_schema_typed(launch_copy: Path) -> None:
    async with served(launch_copy) as session:
        tools = {t.name: t for t in (await session.list_tools()).tools}
    assert READS | WRITES <= set(tools)
    for name, tool in tools.items():
        a = tool.annotations
        assert a is not None and a.title and tool.title, name
        hints = (a.readOnlyHint, a.destructiveHint, a.idempotentHint, a.openWorldHint)
        assert all(isinstance(h, bool) for h in hints), (name, hints)
        assert a.readOnlyHint is (name in READS), name
        assert tool.inputSchema["additionalProperties"] is False, name
        # every type is said where it is used: no reference an agent would have to follow
        assert "$ref" not in json.dumps(tool.inputSchema), name
    # only a trusted board's verify commands reach outside the board
    assert [n for n, t in tools.items() if t.annotations and t.annotations.openWorldHint] == ["check"]
    assert tools["set_fields"].annotations.destructiveHint is True  # type: ignore[union-attr]
    assert tools["add_item"].annotations.destructiveHint is False  # type: ignore[union-attr]

    assert tools["set_status"].inputSchema["properties"]["status"]["enum"] == list(STATUSES)
    for name in ("set_fields", "add_item"):
        props = tools[name].inputSchema["properties"]
        fields = props["fields"]
        assert fields["type"] == "object" and fields["additionalProperties"] is False
        f = fields["properties"]
        assert f["status"]["enum"] == list(STATUSES)
        assert {"enum": list(PRIORITIES), "type": "string"} in f["priority"]["anyOf"]
        assert {"type": "number", "minimum": 0, "maximum": 3650.0} in f["estimate_days"]["anyOf"]
        target = next(s for s in f["target"]["anyOf"] if s["type"] == "string")
        assert target["pattern"] == r"^\d{4}-([Ww]\d{2}|\d{2}-\d{2})$"
        deps = next(s for s in f["depends_on"]["anyOf"] if s["type"] == "array")
        assert deps["items"]["type"] == "string"
        assert next(s for s in f["owner"]["anyOf"] if s["type"] == "string")["maxLength"] == 200
        assignments = next(s for s in props["assignments"]["anyOf"] if s["type"] == "array")
        assert "pattern" in assignments["items"]


async def test_resources_and_prompts(launch_copy: Path) -> None:
    async with served(launch_copy) as session:
        listed = {str(r.uri): r for r in (await session.list_resources()).resources}
        assert set(listed) == {
            "readiness://quickstart",
            "readiness://schema",
            "readiness://board.toml",
            "readiness://board.json",
        }
        text = {uri: (await session.read_resource(uri)).contents[0].text for uri in listed}  # type: ignore[union-attr]
        prompts = {p.name: p for p in (await session.list_prompts()).prompts}
        assert set(prompts) == {"standup", "triage", "weekly_update"}
        standup = await session.get_prompt("standup", {"owner": "@ana"})
        triage = await session.get_prompt("triage", {})
        weekly = await session.get_prompt("weekly_update", {"week": "2026-W08"})
    quick = text["readiness://quickstart"]
    assert quick.startswith("# launch.toml") and all(f"`{s}`" in quick for s in STATUSES)
    assert "set_status" in quick and "`ready`" in quick
    assert json.loads(text["readiness://schema"]) == board_schema()
    assert text["readiness://board.toml"] == launch_copy.read_text(encoding="utf-8")
    exported = CliRunner().invoke(cli, ["export", str(launch_copy), "-f", "json"])
    assert json.loads(text["readiness://board.json"]) == json.loads(exported.stdout)

    def said(prompt: Any) -> str:
        return "\n".join(m.content.text for m in prompt.messages)

    assert "owner:@ana status:blocked" in said(standup) and "`order`" in said(standup)
    assert "`set_fields`" in said(triage) and "`list_items`" in said(triage)
    assert '{"week": "2026-W08"}' in said(weekly) and "`report`" in said(weekly) and "`check`" in said(weekly)


async def test_writes_answer_the_documents_the_cli_writes(launch_copy: Path, tmp_path: Path) -> None:
    by_cli = tmp_path / "cli" / "launch.toml"
    by_cli.parent.mkdir()
    shutil.copy(launch_copy, by_cli)
    # (the changes come in the fields' order: the words below are written in it)
    edit = {"status": "in_progress", "priority": "P1", "owner": "@bo", "target": "2026-w11", "depends_on": ["OBS-01"]}
    async with served(launch_copy) as session:
        changed = _data(await session.call_tool("set_fields", {"item_id": "SEC-02", "fields": edit}))
        added = _data(
            await session.call_tool(
                "add_item", {"title": "Agent follow-up", "fields": {"owner": "@bo", "estimate_days": 2}}
            )
        )
        status = _data(await session.call_tool("set_status", {"item_id": "VER-01", "status": "done"}))
    words = ["status=in_progress", "priority=P1", "owner=@bo", "target=2026-w11", "depends_on=OBS-01"]
    cli_set = _cli_json("set", str(by_cli), "SEC-02", *words)
    cli_add = _cli_json("add", str(by_cli), "--title", "Agent follow-up", "owner=@bo", "estimate_days=2")
    cli_status = _cli_json("set", str(by_cli), "VER-01", "status=done")

    for agent, person in ((changed, cli_set), (status, cli_status)):
        assert agent["format_version"] == 1 and list(agent) == list(person)
        # the same edit, told the same way; only where the board is and who made it differ
        same = {k: v for k, v in agent.items() if k not in ("board", "history")}
        assert same == {k: v for k, v in person.items() if k not in ("board", "history")}
        assert agent["board"] == str(launch_copy)
        assert [(r["item"], r["field"], r["new"], r["source"]) for r in agent["history"]] == [
            (r["item"], r["field"], r["new"], "agent") for r in person["history"]
        ]
    assert [c["field"] for c in changed["changes"]] == ["status", "priority", "owner", "target", "depends_on"]
    assert added == cli_add and added["format_version"] == 1 and added["fields"]["estimate_days"] == 2.0
    assert launch_copy.read_bytes() == by_cli.read_bytes()  # and the same board they leave


async def test_an_unknown_id_names_the_nearest_as_the_cli_does(launch_copy: Path) -> None:
    before = launch_copy.read_bytes()
    said = "no item 'SEC-2' in " + str(launch_copy) + "; did you mean SEC-02?"
    shown = CliRunner().invoke(cli, ["show", str(launch_copy), "SEC-2"])
    assert shown.exit_code == 1 and said in shown.output
    async with served(launch_copy) as session:
        for tool, args in [
            ("show_item", {"item_id": "SEC-2"}),
            ("set_status", {"item_id": "SEC-2", "status": "done"}),
            ("set_fields", {"item_id": "SEC-2", "fields": {"owner": "@bo"}}),
            ("add_note", {"item_id": "SEC-2", "text": "hi"}),
        ]:
            assert said in _error(await session.call_tool(tool, args)), tool
    assert launch_copy.read_bytes() == before


async def test_typed_fields_are_refused_by_field_and_cleared_by_null(launch_copy: Path) -> None:
    before = launch_copy.read_bytes()
    async with served(launch_copy) as session:
        refusals = [
            ("set_status", {"item_id": "SEC-02", "status": "wip"}, "status: Input should be 'todo'"),
            ("set_fields", {"item_id": "SEC-02", "fields": {"priority": "high"}}, "fields.priority: Input should be"),
            ("set_fields", {"item_id": "SEC-02", "fields": {"colour": "red"}}, "fields.colour: Extra inputs"),
            ("set_fields", {"item_id": "SEC-02", "fields": {"estimate_days": -1}}, "fields.estimate_days:"),
            ("set_fields", {"item_id": "SEC-02", "fields": {"target": "soon"}}, "fields.target: String should match"),
            ("set_fields", {"item_id": "SEC-02", "fields": {"target": "2026-W60"}}, "target: '2026-W60' is not a real"),
            ("set_fields", {"item_id": "SEC-02", "fields": {"status": None}}, "status cannot be cleared"),
            ("set_fields", {"item_id": "SEC-02", "fields": {}}, "nothing to set"),
            ("set_fields", {"item_id": "SEC-02", "assignments": ["status"]}, "assignments.0: String should match"),
            ("add_item", {"title": "x", "fields": {"depends_on": ["NOPE"]}}, "no item 'NOPE'"),
        ]
        for tool, args, said in refusals:
            message = _error(await session.call_tool(tool, args))
            assert said in message, message
        assert launch_copy.read_bytes() == before
        cleared = _data(
            await session.call_tool("set_fields", {"item_id": "SEC-02", "fields": {"owner": None, "priority": None}})
        )
        appended = _data(
            await session.call_tool("set_fields", {"item_id": "SEC-02", "assignments": ["depends_on+=OBS-01"]})
        )
    assert [(c["field"], c["new"]) for c in cleared["changes"]] == [("priority", None), ("owner", "")]
    assert appended["changes"][0]["new"] == ["SEC-01", "OBS-01"]
    item = BoardStore.load(launch_copy).item("SEC-02")
    assert (item.owner, item.priority, item.depends_on) == ("", None, ["SEC-01", "OBS-01"])
