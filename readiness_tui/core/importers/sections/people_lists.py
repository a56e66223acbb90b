"""A list whose entries name the people who do the work under them: ``* **Alden (TX Generator):**`` over
``* Write the DTMF generator script``, ``* Rashawn:`` over ``* Move the backlog into Trello``. Each bullet under a
name is an item that person owns; the name is no item and no group of work.

A short capitalised label reads as a name as easily as a topic ("Combat:", "UI:"), so a list is read so only when
the plan says its entries are people: two of them or more are named on the plan's team line (``**Team:** Rafi Alden &
Kean Santoso``), or a heading above it (or the document's title) speaks of who does what ("Division of work",
"Responsibilities", "Pembagian Kerja").
"""

from __future__ import annotations

import re

from readiness_tui.core.importers.assembly.builder import Builder
from readiness_tui.core.importers.document.blocks import ListBlock, Section, Table, plain
from readiness_tui.core.importers.sections.heading_numbers import document_fact, document_root
from readiness_tui.core.importers.tables.cells import column_cells
from readiness_tui.core.importers.vocabulary.owners import names_a_person, names_a_role

#: A line naming the plan's team: "**Team:** Rafi Ananta Alden & Kean Malik", "Tim: …", "Équipe : …".
_TEAM_LINE = re.compile(
    r"^[\W_]*(?:team(?:\s+members)?|members|tim|anggota(?:\s+tim)?|équipe|equipe|equipo|integrantes|membres|mitglieder"
    r"|thành viên|团队(?:成员)?|成员|チーム|팀원?)[\s*_]*[:：][\s*_]*(?P<names>\S.*)$",
    re.I | re.M,
)
#: A heading speaking of who does what: "Division of Work", "Responsibilities", "Pembagian Kerja", "分工".
_WHO_DOES_WHAT = re.compile(
    r"responsibilit|\bassignments?\b|division of (?:work|labou?r|tasks)|who does what|pembagian (?:kerja|tugas)"
    r"|reparto de (?:tareas|trabajo)|responsabilidad|répartition|aufgabenverteilung|zuständigkeit|分工|役割分担|역할\s*분담",
    re.I,
)
#: An entry naming a person over their work: "Alden (TX Generator):", "Rashawn:", "**Kean (DSP)**".
_NAME_LABEL = re.compile(r"^(?P<name>[^():]+?)\s*(?:\([^()]*\))?\s*:?\s*$")


def _team_words(text: str) -> set[str]:
    return {w.lower() for m in _TEAM_LINE.finditer(text) for w in re.findall(r"[^\W\d_]{2,}", plain(m["names"]))}


def people_heads(b: Builder, blk: ListBlock, sec: Section) -> dict[int, str]:
    """The entries of ``blk`` (by ``id``) that name the person doing the bullets under them, each with the name;
    {} unless every entry is such a name, some over bullets (a member may have none yet), and the plan says they
    are people (a list of one such entry, "* **Both (Integration):**", among lists of several)."""
    if not any(x.checked is None for it in blk.items for x in it.sub_items()):
        return {}
    names: dict[int, str] = {}
    for it in blk.items:
        m = _NAME_LABEL.match(plain(it.text).strip())
        if m is None or not names_a_person(m["name"].strip()):
            return {}
        names[id(it)] = m["name"].strip()
    team = document_fact(document_root(sec), "the team line's words", lambda: _team_words(b.text))
    on_team = sum(1 for name in names.values() if any(w.lower() in team for w in name.split()))
    said = any(_WHO_DOES_WHAT.search(s.bare_title) for s in (sec, *sec.ancestors()) if s.heading is not None)
    return names if on_team >= min(2, len(names)) or said else {}


#: A heading over the plan's team: "Team Structure", "Team", "Team members", "Roles", "Staffing", "Equipo".
_TEAM_HEADING = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*[.)]?\s*)?(?:(?:the\s+|our\s+)?team(?:\s+(?:structure|members|composition|roster|setup|"
    r"organi[sz]ation))?|(?:team\s+)?roles(?:\s+(?:and|&)\s+responsibilities)?|staffing|equipo|équipe|equipe|mitglieder)"
    r"\s*(?:\(\d+\))?\s*$",
    re.I,
)
#: An entry opening with a bold label, then what that one does: "**Content Engineer 1**: Focus on testing".
_BOLD_LABEL = re.compile(r"^\s*\*\*(?P<label>[^*]+?)\s*:?\s*\*\*\s*:?")
#: A label ending in a role's noun, maybe numbered: "Content Engineer 1", "Integration Engineer", "Data Scientist".
_ROLE_LABEL = re.compile(
    r"^(?:[^\W\d_][\w/+.&-]*\s+){0,3}(?:engineer|developer|dev|designer|analyst|tester|manager|lead|architect|owner|"
    r"scientist|writer|admin(?:istrator)?|specialist|coordinator|consultant)s?(?:\s+(?:\d{1,2}|[A-Z]))?$",
    re.I,
)


def roster(sec: Section, blk: ListBlock) -> bool:
    """Whether ``blk`` lists the plan's team: under a heading about the team, or a sub-heading of one (``## Team
    Structure`` > ``### Supporting Roles``), every entry a bold label naming a person or a role, then what that one
    does. Who is on the team, not work."""
    if not any(s.heading is not None and _TEAM_HEADING.match(s.bare_title) for s in (sec, *sec.ancestors())):
        return False
    labels = [m["label"].strip() for it in blk.items if (m := _BOLD_LABEL.match(it.text))]
    return len(labels) == len(blk.items) > 0 and all(
        names_a_person(x) or names_a_role(x) or _ROLE_LABEL.match(x) for x in labels
    )


#: A table column naming the team's members: "| 이름 | 역할 |", "| Name | Role |", "| Miembro | Rol |".
_NAME_HEADER = re.compile(
    r"^(?:name|names|member|members|team member|person|nombre|miembro|nome|membro|nom|membre|mitglied|"
    r"이름|성명|팀원|名前|氏名|姓名|成员|名字|nama|anggota)$",
    re.I,
)
#: A column saying what each member does, which makes the table the team's: "역할", "Role", "Responsibilities".
_ROLE_HEADER = re.compile(
    r"^(?:roles?|responsibilit(?:y|ies)|focus|rol|papel|rôle|rolle|역할|담당|役割|担当|角色|职责|peran|tugas)$", re.I
)


def _team_table_names(root: Section) -> set[str]:
    """The names in the name column of the plan's team tables (a name column beside a role column)."""
    names: set[str] = set()
    for sec in root.walk():
        for blk in sec.blocks:
            if not isinstance(blk, Table):
                continue
            heads = [plain(h).strip(" *_") for h in blk.headers]
            column = next((n for n, h in enumerate(heads) if _NAME_HEADER.match(h)), None)
            if column is None or not any(_ROLE_HEADER.match(h) for h in heads):
                continue
            names |= {name.casefold() for c in column_cells(blk, column) if (name := c.strip(" *_"))}
    return names


def team_member(sec: Section, words: str) -> bool:
    """Whether ``words`` (a heading's, its role in brackets left out) name a member of the plan's team: a name in
    the name column of a table of the team and their roles (``| 이름 | 역할 |`` over ``| **신지용** | PM |``)."""
    root = document_root(sec)
    names = document_fact(root, "the team table's names", lambda: _team_table_names(root))
    return words.strip().casefold() in names
