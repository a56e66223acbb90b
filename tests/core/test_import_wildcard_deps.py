"""A dependency written as a family of ids (``Q01.1.x görevleri tamamlanmış``, ``after 2.*``) waits on every item of
that family; a heading opening with the word for task and a colon (``## GÖREV: Q01.1.1 - x``) names its item (issue
43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Q01 tasks

## 🎯 **GÖREV: Q01.1.1 - Screen capture API**

### ✅ ÖN KOŞULLAR
- [ ] OpenCV installed

## 🎯 **GÖREV: Q01.1.2 - OCR integration**

### ✅ ÖN KOŞULLAR
- [ ] Q01.1.1 tamamlanmış
- [ ] Tesseract installed

## 🎯 **TASK: Q01.2.1 - Keyboard control**

### ✅ ÖN KOŞULLAR
- [ ] Q01.1.x görevleri tamamlanmış
- [ ] Test environment ready
"""


def test_a_family_of_ids_names_each_of_its_items() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.title) for i in items.values()] == [
        ("Q01.1.1", "Screen capture API"),
        ("Q01.1.2", "OCR integration"),
        ("Q01.2.1", "Keyboard control"),
    ]
    assert items["Q01.1.2"].depends_on == ["Q01.1.1"]
    assert items["Q01.2.1"].depends_on == ["Q01.1.1", "Q01.1.2"]
