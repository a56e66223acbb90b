"""Entries of a summary or a sprint's checklist that name, in other words, work a heading describes elsewhere are no
second items (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

FEATURES = """# Metronome roadmap

## Phase 1: Practice tools

### 1.1 Tempo Trainer (Accelerando)
**Features:**
- first part
- second part

### 1.2 Practice Timer
**Features:**
- first part
- second part

### 1.3 Setlist Mode (Song Saving)
**Features:**
- first part
- second part

## Phase 2: Training

### 2.1 Basic Polyrhythm Support
**Features:**
- first part
- second part

### 2.2 Guided Practice Routines
**Features:**
- first part
- second part
"""

SPRINTS = """
## Implementation Timeline

### Sprint 1 (Current)
- [x] Base metronome functionality
- [ ] Tempo trainer mode
- [ ] Setlist/song saving
- [ ] Practice timer

### Sprint 2
- [ ] Basic polyrhythms (presets)
- [x] Guided routines
"""


def test_a_sprints_boxes_that_reword_described_features_are_not_second_items() -> None:
    report, items = imported(FEATURES + SPRINTS)
    assert [i.title for i in items.values()] == [
        "Tempo Trainer (Accelerando)",
        "Practice Timer",
        "Setlist Mode (Song Saving)",
        "Basic Polyrhythm Support",
        "Guided Practice Routines",
        "Base metronome functionality",  # names none of them: work of its own
    ]
    assert items["2.2"].status == "done"  # what the box alone said goes to the item it names
    assert sum("again in other words" in line for line in report) == 5


def test_a_ranked_summary_that_rewords_the_features_names_them() -> None:
    summary = """
## Top picks for the next release

1. **Start with the tempo trainer** - the most asked for
2. **Setlist saving** - keeps users coming back
3. **Practice timer display** - small
"""
    _, items = imported(FEATURES + summary)
    assert len(items) == 5


def test_a_list_that_mostly_names_other_work_stays() -> None:
    other = """
## Top picks for the next release

1. **Start with the tempo trainer** - the most asked for
2. **Hire a designer** - for the landing page
3. **Write the launch post** - before the beta
"""
    _, items = imported(FEATURES + other)
    titles = [i.title for i in items.values()]
    assert "Hire a designer" in titles and "Write the launch post" in titles
    assert "Start with the tempo trainer" in titles  # one match of three: the list is work, not a summary


def test_boxes_outside_a_schedule_are_the_plans_own_record() -> None:
    deliverables = """
## Deliverables checklist

- [x] Tempo trainer shipped
- [ ] Setlist saving shipped
"""
    _, items = imported(FEATURES + deliverables)
    assert len(items) == 7


def test_a_schedule_timing_the_work_names_it_again() -> None:
    # "1. Config file support (30 min)": how long the work "#### 1. Config File Support" describes will take.
    md = (
        "# Roadmap\n\n## Feature Details\n\n#### 1. Config File Support ⭐⭐⭐\nRead YAML.\n\n"
        "#### 2. Batch Processing ⭐⭐\nMany satellites.\n\n#### 3. Enhanced Pass Filtering ⭐⭐\nBy elevation.\n\n"
        "## Implementation Strategy\n\n### Phase 1: Usability (Weeks 1-2)\n\n**Tasks**:\n"
        "1. Config file support (30 min)\n2. Batch processing (20 min)\n3. Enhanced pass filtering (1.5 hours)\n"
    )
    report, items = imported(md)
    assert [i.title for i in items.values()] == ["Config File Support", "Batch Processing", "Enhanced Pass Filtering"]
    assert sum("again in other words" in line for line in report) == 3
