"""What ``readiness mcp`` tells an agent beyond its tools: the quickstart resource and the prompt
templates (standup, triage, weekly update). Plain text built from the vocabulary the board uses,
so a status added in ``core.model.statuses`` shows here without an edit."""

from __future__ import annotations

from readiness_tui.core.model.statuses import CLOSED, PRIORITIES, STATUSES


def quickstart(board_name: str) -> str:
    """A short Markdown guide: what the board is, its statuses, how to pick ready work and update it."""
    statuses = ", ".join(f"`{s}`" for s in STATUSES)
    closed = " and ".join(f"`{s}`" for s in STATUSES if s in CLOSED)
    return f"""# {board_name}: a production-readiness board

The board is one TOML file: **items** (work to do before production), each with a status, an owner,
a priority ({", ".join(PRIORITIES)}, P0 most urgent), a target (an ISO week such as `2026-W09` or a
date) and `depends_on` (ids it waits on); **gates** on some items (evidence, verify commands,
waivers); **risks**, **phases** and **milestones**. The resource `readiness://board.toml` is the file,
`readiness://board.json` the same as `readiness export -f json`, `readiness://schema` its JSON Schema.

## Statuses

{statuses}. {closed} are closed: they no longer hold up the items that depend on them. An item
is *ready* when it is open and everything it depends on is closed; it is *waiting* while a
dependency is open; `blocked` is set by a person, with a reason in a progress note.

## Picking work

1. `order`: the waves, the ready items, the blocked ones and the critical path.
2. `list_items` with a filter: `ready`, `owner:@ana ready`, `status:blocked`, `p:P0 ready`.
3. `show_item ID`: every field, what the item waits on and what needs it.

Take a ready item on the critical path first, then by priority.

## Updating

- `set_status ID STATUS` when you start (`in_progress`), hand over (`review`) or finish (`done`).
- `set_fields ID {{"fields": {{...}}}}`: typed fields (owner, priority, target, estimate_days,
  depends_on...); `assignments` such as `depends_on+=M-02` adds to a list.
- `add_note ID TEXT`: a dated progress note (what changed, what is next, why it is blocked).
- `add_item TITLE`: work found on the way; give it an owner and its dependencies.

Every edit is checked (unknown ids, cycles, text limits), written under the board's lock and
recorded in its history under your name. `check` shows the gates; it runs no verify command
unless a person trusted the board.
"""


def standup_prompt(owner: str = "") -> str:
    who = f"owned by {owner}" if owner else "of each owner"
    where = f"owner:{owner} " if owner else ""
    return f"""Prepare a standup for the readiness board, for the items {who}.

1. Call `list_items` with the filter `{where}status:in_progress` (doing now), then `{where}status:blocked`
   and `{where}ready` (what can start next).
2. For each blocked item call `show_item` and read its latest progress notes for the reason.
3. Call `order` for the critical path: say which of these items are on it.

Answer in three short lists per owner: done since yesterday (items whose latest note or status
change is recent), doing today, blocked (with the reason and what would unblock it). Change
nothing on the board."""


def triage_prompt() -> str:
    return """Triage the readiness board.

1. Call `list_items` with the filter `status:todo` and look for items with no owner, no priority or
   no target; call `show_item` on any you are unsure of.
2. Call `order`: items on a cycle or `unplaced` need their dependencies fixed; items on the critical
   path need an owner and a P0 or P1 priority.
3. Propose, per item, the owner, priority, target and dependencies it should have, and why.

Do not edit until the user agrees; then apply each with `set_fields` (typed fields) and say what
changed from the answer's `changes`."""


def weekly_update_prompt(week: str = "") -> str:
    which = f"the ISO week {week}" if week else "this week"
    arg = f'{{"week": "{week}"}}' if week else "no arguments"
    return f"""Write the weekly update for the readiness board for {which}.

1. Call `report` with {arg}: completed, blocked, waiting, risks introduced, dependency changes and
   the go/no-go with its reasons.
2. Call `check` for the gates (a failing or stale gate is a reason for no-go).
3. Call `show_item` on the blocked items for their latest progress notes.

Write it as the template the board uses: Week of, Completed IDs, Blocked IDs, Waiting IDs, Risks
introduced, Changes to dependency graph, Go/No-Go recommendation (with the reasons `report` gives).
Use only what the tools answered."""
