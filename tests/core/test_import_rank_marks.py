"""Sibling headings ranked by traffic-light marks give the work under them its priority (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Görev Takip

## 🔴 Acil Görevler
- [ ] Hedef kurum listesi (@proje_yöneticisi)

## 🟠 Yüksek Öncelikli Görevler
- [ ] Davet mektupları (@iletişim_ekibi)

## 🟡 Orta Öncelikli Görevler
- [ ] Web sayfası (@web_ekibi)

## 🟢 Düşük Öncelikli Görevler
- [ ] Sertifikalar (@tasarım_ekibi)

## ⚪ Bekleyen Görevler
- [ ] Rapor
"""


def test_traffic_light_headings_rank_their_items() -> None:
    _, items = imported(PLAN)
    assert [i.priority for i in items.values()] == ["P0", "P1", "P2", "P3", None]


def test_one_red_heading_alone_is_no_rank() -> None:
    _, items = imported("# Plan\n\n## 🔴 Blocked on legal\n- [ ] Sign the DPA\n\n## Other\n- [ ] Write docs\n")
    assert [i.priority for i in items.values()] == [None, None]


LEGEND = """# Task breakdown

## Task Organization

### 🔴 Critical Path Tasks (Must Complete First)
### 🟡 High Priority Tasks (Core Functionality)
### 🟢 Medium Priority Tasks (Enhanced Features)
### 🔵 Low Priority Tasks (Nice to Have)

## Phase 1: Foundation

### Context structure 🔴

#### Domain module
Tasks:
- [ ] Create the module
- [ ] Set up the build

### Common modules 🟡

Tasks:
- [ ] Create the shared interfaces

### Extras 🔵

Tasks:
- [ ] Add the helpers

### Review 🟣

Tasks:
- [ ] Review the modules
"""


def test_a_heading_closed_by_a_mark_the_legend_headings_name_takes_its_priority() -> None:
    # The legend is headings opening with the marks, each naming a priority (its words, else the mark's rank);
    # a section closed by one of them holds work of that priority. A mark no legend heading opens is none.
    _, items = imported(LEGEND)
    assert [(i.title, i.priority) for i in items.values()] == [
        ("Create the module", "P0"),
        ("Set up the build", "P0"),
        ("Create the shared interfaces", "P1"),
        ("Add the helpers", "P3"),
        ("Review the modules", None),
    ]
