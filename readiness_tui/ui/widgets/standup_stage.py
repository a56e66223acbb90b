"""Where the standup's current slide stands: one slide at a time (the overview, or an owner's or a
workstream's slide), swapped whole, with the item highlight kept across a redraw."""

from __future__ import annotations

from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.widgets import OptionList

from readiness_tui.core.standup.deck import OVERVIEW, StandupDeck
from readiness_tui.ui.widgets.standup_slides import GroupSlideView, OverviewSlide, is_compact


class SlideStage(Vertical):
    """The slide area of the standup screen."""

    async def show(self, deck: StandupDeck, key: str, keep_highlight: str | None = None) -> None:
        """Show slide ``key`` of ``deck``; on a slide with items, highlight ``keep_highlight`` when
        it is there, else the first item, and take the keyboard."""
        # Let go of the focus before removing the slide that holds it: when this runs as the jump
        # list closes, the screen has just given focus back to that list, and a removed widget
        # left focused swallowed every key (ctrl+c included) on the overview, which has no list.
        focused = self.screen.focused
        if focused is not None and (focused is self or self in focused.ancestors):
            self.screen.set_focus(None)
        await self.remove_children()
        # The slide fills the stage: it is made at the stage's size. Its first Resize cannot be
        # waited for: Textual sends none to a widget that a refresh during its mount already put
        # in the screen's map (a map rebuilt on demand), and the owner slide then stayed wide at
        # 80x24. Before the first layout the stage has no size yet, and the first layout sends
        # every widget its Resize.
        width, height = self.size
        compact = bool(width and height) and is_compact(width, height)
        group = deck.group(key)
        if key == OVERVIEW or group is None:
            await self.mount(OverviewSlide(deck.overview, compact=compact))
            return
        view = GroupSlideView(group, compact=compact)
        await self.mount(view)
        ol = view.query_one(OptionList)
        ids = [o.id for o in (ol.get_option_at_index(i) for i in range(ol.option_count))]
        target = keep_highlight if keep_highlight in ids else next((i for i in ids if i), None)
        if target is not None:
            ol.highlighted = ids.index(target)
        ol.focus()

    def highlighted_item(self) -> str | None:
        """The item highlighted on the slide (None on the overview, which lists none)."""
        try:
            ol = self.query_one("#standup-items", OptionList)
        except NoMatches:
            return None
        opt = ol.highlighted_option
        return opt.id if opt is not None and opt.id else None
