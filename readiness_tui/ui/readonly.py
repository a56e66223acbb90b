"""What a read-only viewer and a presenter's follower may not do: the one list, and the one check.

``readiness serve --read-only`` starts the app with ``read_only=True``; a follower of a presenter
(``following=True``) may not move the standup. Every screen's ``check_action`` and the palette ask
``allowed``; the edit controller refuses edits on its own as well (``EditController.read_only``),
so a path this list forgets still writes nothing.
"""

from __future__ import annotations

from typing import Any

#: Actions (of the app, its panes and its screens) that write a file or run a command.
EDIT_ACTIONS: frozenset[str] = frozenset(
    {
        # the app: item edits, undo / redo / save
        "cycle_status",
        "status_menu",
        "priority_menu",
        "set_owner",
        "set_target",
        "set_estimate",
        "score_factors",
        "edit_item",
        "edit_text",
        "add_item",
        "add_note",
        "duplicate",
        "delete",
        "add_dependency",
        "remove_dependency",
        "toggle_dependency",  # the matrix cell under the cursor
        "undo",
        "redo",
        "history",
        "save",
        "resolve_conflicts",
        # risks, phases, milestones, waivers, deliverables (ui/screens/record_actions.py)
        "edit_record",
        "add_record",
        "remove_record",
        "waiver",
        "deliverables",
        # the theme choice is remembered in the user's settings file
        "pick_theme",
        # gates: run, trust (writes the trust store), auto-run (palette and Gates pane)
        "run_all_gates",
        "trust_board",
        "toggle_auto_run",
        "run_selected",
        "run_all",
        "trust",
        "toggle_auto",
        # standup: the screenshot file; the report: saving it
        "export_svg",
    }
)

#: Methods the command palette calls directly (it runs callables, not action strings).
EDIT_METHODS: frozenset[str] = frozenset(
    {
        "set_status_of",
        "set_theme",
        "save_again",
        "run_gates",
        "ask_trust",
        "toggle_auto_run",
        *(f"action_{a}" for a in EDIT_ACTIONS),
    }
)

#: Standup actions that move the presentation: a follower of the presenter has none of them.
PRESENTATION_ACTIONS: frozenset[str] = frozenset(
    {
        "next",
        "previous",
        "jump",
        "toggle_group",
        "restart_timer",
        "pause_timer",
    }
)


def allowed(app: Any, action: str) -> bool:
    """False for an edit on a read-only app, and for moving the standup on a follower."""
    if getattr(app, "read_only", False) and action in EDIT_ACTIONS:
        return False
    if getattr(app, "following", False) and action in PRESENTATION_ACTIONS:
        return False
    return True


def palette_allows(app: Any, command: object) -> bool:
    """Whether the palette offers ``command`` (a bound method or a ``functools.partial`` of one)."""
    if not getattr(app, "read_only", False):
        return True
    func = getattr(command, "func", command)
    return getattr(func, "__name__", "") not in EDIT_METHODS
