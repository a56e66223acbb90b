"""A heading naming a feature by its number ("## 🌟 Feature 1: Star Rewards"), however an emoji decorates it, is
one item; its bullets are the feature's, not items of their own (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# 20 Gamification Features

## {mark}**{word} 1: Star Rewards System**

**Concept**: Kids earn stars for educational videos.

**How It Works**:
- 1 star = 1 educational video watched
- 2 stars = Complete a learning series

## {mark}**{word} 2: Achievement Badges**

- "First Discovery" - Watch your first video
- "Science Wizard" - Watch 10 science videos
"""


def test_numbered_feature_headings_are_the_items_and_their_bullets_describe_them() -> None:
    _, items = imported(PLAN.format(mark="", word="Feature"))
    assert [(rid, i.title) for rid, i in items.items()] == [
        ("FEATURE-1", "Star Rewards System"),
        ("FEATURE-2", "Achievement Badges"),
    ]
    # As under any ticket heading: the bullets say what is done when the feature is; the prose describes it.
    assert items["FEATURE-1"].acceptance == [
        "1 star = 1 educational video watched",
        "2 stars = Complete a learning series",
    ]
    assert items["FEATURE-1"].description.startswith("Concept: Kids earn stars")


def test_an_emoji_decorating_a_numbered_heading_does_not_hide_its_number() -> None:
    for word in ("Feature", "Task"):
        _, items = imported(PLAN.format(mark="🌟 ", word=word))
        assert [(rid, i.title) for rid, i in items.items()] == [
            (f"{word.upper()}-1", "Star Rewards System"),
            (f"{word.upper()}-2", "Achievement Badges"),
        ]
