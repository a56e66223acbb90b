"""Estimates (``2 days``, ``1 week``, ``2-3d``, ``4小时``, ``3 Tage``) and targets and dates (``2026-W09``, ``Mar 31, 2026``) in cells
and text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from readiness_tui.core.importers.document.blocks import plain
from readiness_tui.core.model.dates import normalize_target

#: A T-shirt size the work is estimated in ("XS", "M", "XXL"): the alternation, for a pattern.
TSHIRT_SIZE = "XXS|XS|S|M|L|XL|XXL"

_UNITS = {
    "d": 1.0,
    "day": 1.0,
    "days": 1.0,
    "pd": 1.0,
    "md": 1.0,
    "person-day": 1.0,
    "person-days": 1.0,
    "man-day": 1.0,
    "man-days": 1.0,
    "working days": 1.0,
    "business days": 1.0,
    "w": 5.0,
    "wk": 5.0,
    "wks": 5.0,
    "week": 5.0,
    "weeks": 5.0,
    "h": 0.125,
    "hr": 0.125,
    "hrs": 0.125,
    "hour": 0.125,
    "hours": 0.125,
    "m": 20.0,
    "mo": 20.0,
    "month": 20.0,
    "months": 20.0,
    "sprint": 10.0,
    "sprints": 10.0,
}
#: The units in the other languages plans are written in (a CJK unit follows its number with no space: "4小时").
_UNIT_WORDS = {
    1.0: "tag tage pt personentage jour jours j jours-homme día días dia dias giorno giorni gg dag dagen dzień dni "
    "день дня дней д gün 天 日 人天 人日 工作日 일 يوم أيام ايام يومين روز ημέρα ημέρες μέρες יום ימים",
    5.0: "woche wochen semaine semaines semana semanas settimana settimane week weken tydzień tygodnie tygodni неделя "
    "недели недель hafta 周 週 週間 주 أسبوع أسابيع اسبوع اسابيع هفته εβδομάδα εβδομάδες שבוע שבועות",
    0.125: "stunde stunden std heure heures hora horas ora ore uur uren godzina godziny godzin час часа часов ч saat "
    "小时 小時 時間 시간 ساعة ساعات ساعت ώρα ώρες שעה שעות",
    20.0: "monat monate mois mes meses mese mesi maand maanden miesiąc miesiące месяц месяца месяцев ay 个月 月 ヶ月 개월 "
    "شهر أشهر اشهر شهور ماه μήνας μήνες חודש חודשים",
}
for _days, _words in _UNIT_WORDS.items():
    _UNITS.update(dict.fromkeys(_words.split(), _days))


_EST_RE = re.compile(
    r"^~?\s*(?P<a>\d+(?:[.,]\d+)?|half a|half|a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?:\s*(?:-|–|to)\s*(?P<b>\d+(?:[.,]\d+)?))?\s*"
    r"(?P<u>person-days?|man-days?|working days|business days|[^\W\d_]+)?\.?\s*(?:\(.*\))?$",
    re.I,
)


#: The numbers written in words: "Milestone Two", "two weeks".
NUMBER_WORDS = {
    w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
}
_WORDS: dict[str, float] = {"a": 1, "an": 1, **NUMBER_WORDS, "half": 0.5, "half a": 0.5}


#: Minutes, as a small task's estimate states them ("30 minutes", "45 min"); read only where a field names the value an
#: estimate (``parse_estimate(..., minutes=True)``): elsewhere "(3-6 min)" is as often how long a thing lasts.
_MINUTE_UNITS = dict.fromkeys(("min", "mins", "minute", "minutes"), 0.125 / 60)


def parse_estimate(cell: str, default_unit: str | None = None, minutes: bool = False) -> float | None:
    """``2 days``/``3d``/``1 week``/``4h``/``2-3 days`` -> working days (a range takes its upper end).

    A bare number counts as days only when ``default_unit`` says so (a header like "Effort (days)"); ``minutes``: the
    value is an estimate's, so "30 minutes" is one too.
    """
    text = plain(cell).strip().lower()
    if not text:
        return None
    m = _EST_RE.match(text)
    if not m:
        return None
    a = m.group("a").replace(",", ".")
    b = m.group("b")
    num = float(b.replace(",", ".")) if b else (float(a) if a[0].isdigit() else float(_WORDS[a]))
    unit = (m.group("u") or default_unit or "").lower()
    units = {**_UNITS, **_MINUTE_UNITS} if minutes else _UNITS
    if unit not in units:
        return None
    return round(num * units[unit], 3)


def duration_days(text: str) -> float | None:
    """How long ``text`` says work takes, when it is only that and opens with its number ("7 days", "~2h", "2-3
    weeks"): working days, as ``parse_estimate``; None for anything else ("2 bugs", "Week 3")."""
    text = text.strip().lstrip("~").strip()
    return parse_estimate(text) if text[:1].isdigit() else None


#: A parenthetical: "(7 days)" in "Active Directory Setup (7 days)".
_PAREN = re.compile(r"\(([^()]*)\)")


def states_duration(text: str) -> bool:
    """Whether ``text`` says in parentheses how long its work takes ("Active Directory Setup (7 days)")."""
    return any(duration_days(m.group(1)) for m in _PAREN.finditer(text))


MONTHS = {
    m: n
    for n, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}


_DATE_IN_TEXT = re.compile(r"\b(\d{4}-W\d{2}|\d{4}-\d{2}-\d{2}|\d{4}/\d{2}/\d{2})\b", re.I)


_MDY = re.compile(r"\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


#: "01.05.25", "4.5.2025": a date written with dots is day first in every language that writes it so.
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])")
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b")


def parse_target(cell: str) -> tuple[str | None, bool]:
    """(target, exact): an ISO week or date in the cell, and whether the cell was only that."""
    text = plain(cell).strip()
    if not text:
        return None, True
    try:
        return normalize_target(text), True
    except ValueError:
        pass
    candidates: list[str] = []
    for m in _DOTTED.finditer(text):
        if len(m.group(3)) == 2 and m.group(0) != text:
            continue  # "see 2.1.10" in words is a section number; "01.05.25" alone in a date cell is a date
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        try:
            day = dt.date(year, int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            continue
        if m.group(0) == text:
            return day, True
        candidates.append(day)
    for m in _DATE_IN_TEXT.finditer(text):
        candidates.append(m.group(1).replace("/", "-"))
    for m in _MDY.finditer(text):
        mon = MONTHS.get(m.group(1).lower())
        if mon:
            candidates.append(f"{int(m.group(3)):04d}-{mon:02d}-{int(m.group(2)):02d}")
    for m in _DMY.finditer(text):
        mon = MONTHS.get(m.group(2).lower())
        if mon:
            candidates.append(f"{int(m.group(3)):04d}-{mon:02d}-{int(m.group(1)):02d}")
    for c in candidates:
        try:
            value = normalize_target(c)
        except ValueError:
            continue
        return value, False
    return None, False


def put_due(values: dict[str, Any], cell: str, text: str) -> None:
    """A milestone's ``due`` from the target in ``cell``, and ``text`` as its ``due_text`` when the
    cell holds no target or more than one."""
    tgt, exact = parse_target(cell)
    if tgt:
        values["due"] = tgt
    if not tgt or not exact:
        values["due_text"] = text


def parse_date(text: str) -> dt.date | None:
    """A calendar date in some text (``2026-03-31``, ``Mar 31, 2026``, ``31 March 2026``)."""
    value, _ = parse_target(text)
    if value and "W" not in value:
        return dt.date.fromisoformat(value)
    return None
