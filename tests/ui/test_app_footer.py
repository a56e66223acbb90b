"""The main screen's footer does not keep the keys of the footers it showed before."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from textual.strip import Strip
from textual.widget import Widget

SIZE = (120, 40)


async def test_switching_panes_leaves_only_the_keys_shown_alive(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(6):  # each pane's keys: the footer is built again every time
            for key in "23451":
                await pilot.press(key)
                await pilot.pause()
        gc.collect()
        # The footer's keys by their type's name (the class is not public API).
        alive = [o for o in gc.get_objects() if isinstance(o, Widget) and type(o).__name__ == "FooterKey"]
        shown = list(app.screen.query("FooterKey"))
        assert shown and len(alive) == len(shown), (len(alive), len(shown))


def holds_lines(obj: object, depth: int = 3) -> bool:
    """Whether a line (``Strip``) is among what ``obj`` refers to, ``depth`` steps down."""
    frontier = [obj]
    for _ in range(depth):
        frontier = gc.get_referents(*frontier)
        if any(isinstance(ref, Strip) for ref in frontier):
            return True
    return False


async def test_the_keys_no_longer_shown_leave_no_lines_alive(launch_board: Path, make_app) -> None:
    # Textual keeps the line caches of the last 1,024 widgets drawn (an lru_cache on one of their
    # methods, Textualize/textual#6665): a removed key's cache may outlive it, its lines must not.
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        caches: list[weakref.ref[object]] = []
        for _ in range(3):
            for key in "23451":
                await pilot.press(key)
                await pilot.pause()
                for footer_key in app.screen.query("FooterKey"):
                    # Found by its type's name: the line cache is not public API.
                    cache = next(v for v in vars(footer_key).values() if type(v).__name__ == "StylesCache")
                    assert holds_lines(cache)  # drawn: the check below can tell
                    caches.append(weakref.ref(cache))
        shown = {id(v) for key in app.screen.query("FooterKey") for v in vars(key).values()}
        gc.collect()
        gone = [cache for ref in caches if (cache := ref()) is not None and id(cache) not in shown]
        assert gone, "no cache of a removed key outlived it: nothing was checked"
        assert [cache for cache in gone if holds_lines(cache)] == []


async def test_an_update_that_shows_the_same_keys_keeps_the_keys_built(launch_board: Path, make_app) -> None:
    app = make_app(launch_board)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        built = list(app.screen.query("FooterKey"))
        app.screen.refresh_bindings()  # the same bindings announced again
        await pilot.pause()
        await pilot.pause()
        assert built and list(app.screen.query("FooterKey")) == built
        assert all(key.is_attached for key in built)
        await pilot.press("2")  # another pane: other keys, built again
        await pilot.pause()
        await pilot.pause()
        now = list(app.screen.query("FooterKey"))
        shown = {b.action for _n, b, _e, _t in app.screen.active_bindings.values() if b.show}
        assert not any(key in built for key in now)
        assert {key.action for key in now} - {"command_palette"} == shown  # one key per action
        assert {key.action for key in now} != {key.action for key in built}


async def test_keys_of_a_binding_group_are_built_inside_their_group() -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding

    from readiness_tui.ui.widgets.app_footer import AppFooter

    moves = Binding.Group("Move")

    class Host(App[None]):
        BINDINGS = [
            Binding("j", "down", "Down", group=moves),
            Binding("k", "up", "Up", group=moves),
            Binding("x", "bell", "Other"),
        ]

        def compose(self) -> ComposeResult:
            yield AppFooter()

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grouped = list(app.screen.query("KeyGroup FooterKey"))
        assert [key.key for key in grouped] == ["j", "k"]
        assert [key.key for key in app.screen.query("AppFooter > FooterKey")] == ["x", "ctrl+p"]
