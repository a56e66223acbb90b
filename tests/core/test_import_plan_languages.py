"""The words of plans in other languages (issue 43): column headers, status and priority words of Dutch,
Turkish, Ukrainian, Hungarian, Finnish, Danish, Norwegian, Romanian, Greek, Hebrew, Catalan, Slovak, Serbian,
Arabic, Persian and Hindi plans, and the
headings, cells and labels that say a priority, a state or a mitigation in any language read."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers import import_markdown

from .import_plan import imported


@pytest.mark.parametrize(
    ("header", "row1", "row2"),
    [
        ("| ID | Taak | Eigenaar | Afhankelijk van | Status | Prioriteit |", "afgerond | hoog", "bezig | laag"),
        ("| ID | Görev | Sorumlu | Bağımlılık | Durum | Öncelik |", "tamamlandı | yüksek", "devam ediyor | düşük"),
        (
            "| ID | Завдання | Відповідальний | Залежності | Стан | Пріоритет |",
            "виконано | високий",
            "в роботі | низький",
        ),
        ("| ID | Feladat | Felelős | Függőség | Állapot | Prioritás |", "kész | magas", "folyamatban | alacsony"),
        ("| ID | Tehtävä | Vastuuhenkilö | Riippuvuudet | Tila | Prioriteetti |", "valmis | korkea", "kesken | matala"),
        ("| ID | Opgave | Ansvarlig | Afhænger af | Status | Prioritet |", "færdig | høj", "i gang | lav"),
        ("| ID | Oppgave | Ansvarlig | Avhenger av | Status | Prioritet |", "ferdig | høy", "pågår | lav"),
        (
            "| ID | Sarcină | Responsabil | Dependențe | Stare | Prioritate |",
            "finalizat | ridicată",
            "în lucru | scăzută",
        ),
        (
            "| ID | Εργασία | Υπεύθυνος | Εξαρτήσεις | Κατάσταση | Προτεραιότητα |",
            "ολοκληρώθηκε | υψηλή",
            "σε εξέλιξη | χαμηλή",
        ),
        ("| ID | משימה | אחראי | תלויות | סטטוס | עדיפות |", "הושלם | גבוהה", "בתהליך | נמוכה"),
        ("| ID | Tasca | Responsable | Dependències | Estat | Prioritat |", "fet | alta", "en curs | baixa"),
        ("| ID | Úloha | Zodpovedný | Závislosti | Stav | Priorita |", "dokončené | vysoká", "prebieha | nízka"),
        ("| ID | Zadatak | Odgovoran | Zavisnosti | Stanje | Prioritet |", "završeno | visok", "u toku | nizak"),
        ("| ID | Задатак | Одговоран | Зависности | Стање | Приоритет |", "урађено | висок", "у току | низак"),
        ("| ID | المهمة | المسؤول | التبعيات | الحالة | الأولوية |", "مكتمل | عالية", "قيد التنفيذ | منخفضة"),
        ("| ID | وظیفه | مسئول | وابستگی | وضعیت | اولویت |", "انجام شده | بالا", "در حال انجام | کم"),
        # Devanagari's vowel signs are marks, not letters: the header words keep them.
        ("| ID | कार्य | ज़िम्मेदार | निर्भरता | स्थिति | प्राथमिकता |", "पूर्ण | उच्च", "प्रगति में | निम्न"),
    ],
)
def test_a_task_table_in_the_plan_language(header: str, row1: str, row2: str) -> None:
    _, items = imported(
        f"# P\n\n{header}\n|---|---|---|---|---|---|\n| T-1 | a | Ana | — | {row1} |\n| T-2 | b | Bo | T-1 | {row2} |\n"
    )
    one, two = items["T-1"], items["T-2"]
    assert (one.owner, one.status, one.priority) == ("Ana", "done", "P1")
    assert (two.owner, two.status, two.priority, two.depends_on) == ("Bo", "in_progress", "P3", ["T-1"])


@pytest.mark.parametrize("who", ["Kuka", "Ki", "Hvem", "Cine", "Ποιος", "מי"])
def test_who_names_the_owner_column(who: str) -> None:
    _, items = imported(
        f"# P\n\n| # | Task | {who} | Status |\n|---|---|---|---|\n| 1 | a | Ana | done |\n| 2 | b | Bo | todo |\n"
    )
    assert (items["1"].owner, items["2"].owner) == ("Ana", "Bo")


@pytest.mark.parametrize("done", ["Færdig", "Ferdig", "Erledigt", "Valmis", "Kész", "Hotovo"])
def test_a_column_headed_done_marks_the_finished_rows(done: str) -> None:
    _, items = imported(f"# P\n\n| ID | Task | {done} |\n|---|---|---|\n| T-1 | a | ✅ |\n| T-2 | b | |\n")
    assert (items["T-1"].status, items["T-2"].status) == ("done", "todo")


def test_a_state_cell_with_parts_ticked_and_parts_open_is_under_way() -> None:
    _, items = imported(
        "# P\n\n| # | Task | Status |\n|---|---|---|\n"
        "| 1 | Backup | code ✅ 30.9. · setting ✅ 4.10. · first run ☐ |\n"
        "| 2 | DNS | ✅ 4.10. web moved. ☐ Search Console |\n"
        "| 3 | Noindex | ✅ 30.9. |\n"
        "| 4 | Privacy | ☐ |\n"
    )
    assert [items[n].status for n in "1234"] == ["in_progress", "in_progress", "done", "todo"]


@pytest.mark.parametrize(
    ("heading", "prio"),
    [
        ("Priorität 1: Sicherheit", "P1"),
        ("Prioridad 2 — Datos", "P2"),
        ("עדיפות 3: שותפויות", "P3"),
        ("Priority 4: polish", "P3"),
    ],
)
def test_a_numbered_priority_heading_in_the_plan_language_ranks_its_rows(heading: str, prio: str) -> None:
    _, items = imported(f"# P\n\n## {heading}\n\n| ID | Task |\n|---|---|\n| T-1 | a |\n| T-2 | b |\n")
    assert (items["T-1"].priority, items["T-2"].priority) == (prio, prio)


@pytest.mark.parametrize("label", ["Modtræk", "Gegenmaßnahme", "Mitigación", "Motåtgärd", "Vastatoimi"])
def test_a_risk_entry_names_its_mitigation_in_the_plan_language(label: str) -> None:
    result = import_markdown(
        "# P\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| TASK-007 | Voice judge |\n| TASK-008 | Bake |\n\n"
        f"## Risks\n\n- **RISK-002**: **Drift.** Generated text drifts. {label}: TASK-007.\n"
        f"- **RISK-003**: **Lazy baking.** {label}: TASK-008 turns the layer into a source.\n",
        "plan.md",
    )
    assert result.board is not None
    assert {r.id: r.mitigated_by for r in result.board.risks} == {"RISK-002": ["TASK-007"], "RISK-003": ["TASK-008"]}


@pytest.mark.parametrize("word", ["⏳ Next", "⏳ **Næste**", "⏳ Neste", "⏳ Nästa", "⏳ Seuraava"])
def test_a_row_marked_next_is_still_to_do(word: str) -> None:
    # The word says it is queued, whatever the hourglass beside it would say alone (under way).
    _, items = imported(f"# P\n\n| # | Task | Status |\n|---|---|---|\n| 1 | a | ✅ Done |\n| 2 | b | {word} |\n")
    assert (items["1"].status, items["2"].status) == ("done", "todo")


def test_next_inside_a_longer_state_names_what_comes_after() -> None:
    _, items = imported(
        "# P\n\n| # | Task | Status |\n|---|---|---|\n| 1 | a | In progress, next: deploy |\n| 2 | b | Next |\n"
    )
    assert (items["1"].status, items["2"].status) == ("in_progress", "todo")


def test_an_id_opening_with_task_is_no_mitigation_label() -> None:
    # The "TASK" of "TASK-9" is an id's, not a "Tasks:" label: the title keeps it, the label after it links.
    result = import_markdown(
        "# P\n\n## Tasks\n\n| ID | Task |\n|---|---|\n| TASK-4 | Backups |\n| TASK-9 | Failover |\n\n"
        "## Risks\n\n- **R-2**: TASK-9 fails over slowly. Mitigation: TASK-4.\n",
        "plan.md",
    )
    assert result.board is not None
    (risk,) = result.board.risks
    assert (risk.title, risk.mitigated_by) == ("TASK-9 fails over slowly.", ["TASK-4"])


def test_an_id_column_with_gaps_is_no_group() -> None:
    # A done log whose few tracked rows carry ids and whose others say "—": the ids name their rows, the dashes
    # say a row has none; they do not make the column a group every dashed row shares.
    rows = "".join(f"| 27/09 | — | Chore {n} done on the side | 5 min |\n" for n in range(5))
    _, items = imported(
        "# P\n\n| Date | ID | Task | Time |\n|---|---|---|---|\n"
        "| 27/09 | T-05 | Cartell de la votació | 5 min |\n| 27/09 | T-03 | Consentiment RGPD | 15 min |\n" + rows
    )
    assert set(items) == {"T-05", "T-03"}


def test_a_state_column_that_also_holds_notes_is_the_status() -> None:
    # "Estat / notes": the field first, what else the column holds after the slash.
    _, items = imported(
        "# P\n\n| ID | Tasca | Estat / notes |\n|---|---|---|\n| T-01 | a | Bloquejada: falta la llista |\n"
        "| T-02 | b | En curs |\n| T-03 | c | Recerca feta, galeria en suspens |\n"
    )
    assert (items["T-01"].status, items["T-02"].status) == ("blocked", "in_progress")
    # A note that only mentions a state word ("research done, gallery on hold") opens with no state.
    assert items["T-03"].status == "todo"


@pytest.mark.parametrize("words", ["Depèn de T-01", "Després de T-01", "Zavisi od T-01", "Nakon T-01"])
def test_a_wait_in_catalan_or_serbian_is_a_dependency(words: str) -> None:
    _, items = imported(f"# P\n\n| ID | Tasca | Notes |\n|---|---|---|\n| T-01 | a | |\n| T-02 | b | {words} |\n")
    assert items["T-02"].depends_on == ["T-01"]
