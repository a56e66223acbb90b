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
