"""Plans written in Indonesian and in Vietnamese: their column headers, states, priorities and waits (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

INDONESIAN = """# Rencana Rilis

| ID | Tugas | Penanggung Jawab | Status | Prioritas | Tenggat | Ketergantungan |
|----|-------|------------------|--------|-----------|---------|----------------|
| T-1 | Siapkan server | Budi | Selesai | Tinggi | 2026-03-01 | |
| T-2 | Migrasi basis data | Sari | Sedang berjalan | Kritis | 2026-03-05 | T-1 |
| T-3 | Uji beban | Andi | Belum dimulai | Rendah | 2026-03-09 | setelah T-2 |
"""

VIETNAMESE = """# Kế hoạch triển khai

| ID | Nhiệm vụ | Người phụ trách | Trạng thái | Ưu tiên | Ghi chú |
|----|----------|-----------------|------------|---------|---------|
| T-1 | Cài đặt máy chủ | Minh | Hoàn thành | Cao | |
| T-2 | Di chuyển dữ liệu | Lan | Đang thực hiện | Khẩn cấp | sau khi T-1 |
| T-3 | Kiểm thử tải | Huy | Chưa bắt đầu | Thấp | |
"""


def test_an_indonesian_task_table() -> None:
    _, items = imported(INDONESIAN)
    got = [(i.id, i.owner, i.status, i.priority, i.target, i.depends_on) for i in items.values()]
    assert got == [
        ("T-1", "Budi", "done", "P1", "2026-03-01", []),
        ("T-2", "Sari", "in_progress", "P0", "2026-03-05", ["T-1"]),
        ("T-3", "Andi", "todo", "P3", "2026-03-09", ["T-2"]),
    ]


def test_a_vietnamese_task_table() -> None:
    _, items = imported(VIETNAMESE)
    got = [(i.id, i.title, i.owner, i.status, i.priority, i.depends_on) for i in items.values()]
    assert got == [
        ("T-1", "Cài đặt máy chủ", "Minh", "done", "P1", []),
        ("T-2", "Di chuyển dữ liệu", "Lan", "in_progress", "P0", ["T-1"]),
        ("T-3", "Kiểm thử tải", "Huy", "todo", "P3", []),
    ]
