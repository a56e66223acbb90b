"""The speaker log of a standup: slides in the order shown, and each slide's time on screen."""

from __future__ import annotations

import datetime as dt

from readiness_tui.core.standup.log import SpeakerLog


def test_time_goes_to_the_slide_that_was_on_screen() -> None:
    now = [100.0]
    log = SpeakerLog(lambda: now[0], dt.datetime(2026, 2, 20, 9, 30, tzinfo=dt.UTC))
    log.visit("__overview__")
    now[0] = 130.0
    log.account("__overview__")
    log.visit("ada")
    log.visit("__overview__")  # seen again: the order keeps the first time
    now[0] = 175.25
    log.account("ada")
    assert log.summary("owner") == {
        "started": "2026-02-20T09:30:00+00:00",
        "group_by": "owner",
        "slides": ["__overview__", "ada"],
        "speaker_seconds": {"__overview__": 30.0, "ada": 45.2},
    }
