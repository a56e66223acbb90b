"""Checklists of criteria (in several languages, also under a criteria heading's subsections) and of questions
to decide are no items (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown

#: The plan's work beside its criteria: a plan of criteria alone is its checklist (the last test).
WORK = "## Tasks\n\n- [ ] T-1 Build it\n\n"


def _ids(md: str) -> tuple[list[str], list[str]]:
    result = import_markdown(md, "P.md")
    assert result.board is not None
    return [i.id for i in result.board.items], result.report_lines


def test_a_checklist_under_a_success_criteria_subsection_is_no_items() -> None:
    ids, report = _ids(
        "# P\n\n" + WORK + "## Erfolgskriterien\n\n### MVP\n\n- [ ] Kunde kann sich registrieren\n- [ ] Export läuft\n"
    )
    assert ids == ["T-1"] and any("criteria, not tasks" in line for line in report)


def test_criteria_headings_in_other_languages() -> None:
    for head in ("Criterios de éxito", "Critères de succès", "Критерии успеха", "验收标准"):
        ids, _ = _ids(f"# P\n\n{WORK}## {head}\n\n- [ ] uno\n- [ ] dos\n")
        assert ids == ["T-1"], head


def test_a_checklist_of_questions_is_no_items() -> None:
    ids, report = _ids("# P\n\n## Pricing\n\n**To decide:**\n\n- [ ] Prices OK?\n- [ ] Trial: 14 days?\n")
    assert ids == [] and any("asks questions" in line for line in report)


def test_a_checklist_with_one_task_among_questions_is_work() -> None:
    ids, _ = _ids("# P\n\n## Pricing\n\n- [ ] Prices OK?\n- [ ] Write the price page\n")
    assert len(ids) == 2


def test_success_metric_boxes_in_another_language_are_criteria_not_items() -> None:
    md = (
        "# Plan\n\n" + WORK + "## Метрики успеха\n\n### Неделя 1\n\n- [x] Сборка проходит\n- [ ] Нет ошибок в консоли\n"
    )
    result = import_markdown(md, "PLAN.md")
    assert result.board is not None
    assert [i.id for i in result.board.items] == ["T-1"]


def test_criteria_headings_in_turkish_capitals() -> None:
    # "KRİTERLERİ": the dotted capital I lowers to "i" and a combining dot.
    ids, report = _ids(
        "# P\n\n## Görevler\n\n- [ ] API geliştirme\n\n## 🎯 BAŞARI KRİTERLERİ\n\n### Kısa Vadeli\n\n"
        "- [ ] Firma projelerini görebilmeli\n- [ ] Bildirimler çalışmalı\n"
    )
    assert len(ids) == 1
    assert any("'Kısa Vadeli': criteria, not tasks" in line for line in report)


def test_a_plan_of_criteria_alone_is_its_checklist() -> None:
    ids, report = _ids(
        "# Release Sign-Off Checklist\n\n## Sign-Off Checklist\n\n- [ ] Score reviewed\n- [ ] Gaps pass\n"
    )
    assert ids == ["SOC-1", "SOC-2"]
    assert (
        "P.md:5: note: checklist under 'Sign-Off Checklist': the plan holds no other work, so its boxes are its items"
        in report
    )
