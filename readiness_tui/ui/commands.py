"""The command palette provider (ctrl+p): go to an item, set status, filter, switch board, theme, pane,
standup, weekly update, gates."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from readiness_tui.core.filters.views import settings_views, views_for
from readiness_tui.core.model.board import STATUSES

if TYPE_CHECKING:
    from readiness_tui.ui.app import ReadinessApp

#: A command of the palette: (name, what it runs, help).
PaletteCommand = tuple[str, Callable[[], object], str]

MAX_ITEM_HITS = 60


class ReadinessCommands(Provider):
    @property
    def rapp(self) -> ReadinessApp:
        return cast("ReadinessApp", self.app)  # this provider is registered by ReadinessApp only

    def _commands(self) -> list[PaletteCommand]:
        """(name, callable, help) of every command: the registry's actions with the user's keys,
        then what needs a choice (status, board, theme, grouping) and the gates."""
        from readiness_tui.ui.actions import MAIN
        from readiness_tui.ui.readonly import allowed, palette_allows

        app = self.rapp
        main, live, keys = app.main, app.live, app.keys
        out: list[PaletteCommand] = []
        for spec in MAIN:
            if spec.palette and allowed(app, spec.name):
                name = spec.palette_text or spec.description
                out.append((name, partial(main.run_action, spec.action), f"key {keys.of_spec(spec)}"))
        cur = main.current_item_id
        if cur:
            for st in STATUSES:
                out.append((f"Set status: {st}", partial(main.set_status_of, cur, st), f"of {cur}"))
        for path in app.board_paths():
            out.append((f"Switch board: {path.stem}", partial(app.switch_board, path), str(path)))
        for name in app.theme_names():
            out.append((f"Theme: {name}", partial(app.set_theme, name), "remembered for next time"))
        store = app.store
        views = views_for(store.board, settings_views(store.path.parent if store.path else None))
        for name, text in views.items():  # named views (core.views): the board's and the settings'
            out.append((f"View: {name}", partial(main.filter_backlog, f"view:{name}"), text))
        for grouping in ("phase", "priority", "owner", "workstream", "none"):
            out.append((f"Group backlog by {grouping}", partial(main.group_backlog, grouping), ""))
        from readiness_tui.ui.screens.record_actions import palette_entries

        out += palette_entries(main)
        out.append(("Run all gates", partial(live.run_gates, None), "asks to trust the board's commands first"))
        out.append(("Trust the board's verify commands", live.ask_trust, "shows every command"))
        out.append(
            (
                f"Auto-run gates: turn {'off' if live.auto_run else 'on'}",
                live.toggle_auto_run,
                "re-run gates when their watched files change",
            )
        )
        if live.file_missing:
            out.append(("Save the deleted board file again", live.save_again, "ctrl+s"))
        return [c for c in out if palette_allows(app, c[1])]

    async def discover(self) -> Hits:
        for name, cmd, help_text in self._commands():
            yield DiscoveryHit(name, cmd, help=help_text)

    async def search(self, query: str) -> Hits:
        app = self.rapp
        matcher = self.matcher(query)
        for name, cmd, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), cmd, help=help_text)
        q = query.strip()
        if not q:
            return
        yield Hit(0.3, f"Filter backlog: {q}", partial(app.main.filter_backlog, q), help="apply as the backlog filter")
        # Items: a cheap substring pre-check keeps this quick on large boards.
        low = q.lower()
        words = low.split()
        hits = 0
        for it in app.store.board.items:
            hay = f"{it.id} {it.title}".lower()
            if not all(w in hay for w in words):
                continue
            text = f"Go to {it.id}  {it.title}"
            score = 1.0 if it.id.lower() == low else (0.9 if it.id.lower().startswith(low) else 0.6)
            yield Hit(score, matcher.highlight(text), partial(app.main.open_item, it.id), help=it.status)
            hits += 1
            if hits >= MAX_ITEM_HITS:
                break
