"""A standard's name and number joined to a word (``AES-256-Verschluesselung``, ``SHA-256-Hash``) opening a box is a
term of its text, not the box's id."""

from __future__ import annotations

from readiness_tui.core.importers.references.ids import is_id
from tests.core.import_plan import imported


def test_a_standard_joined_to_a_word_is_no_id() -> None:
    assert not is_id("AES-256-Verschluesselung")
    assert not is_id("SHA-256-Hash-Integritaet")
    assert is_id("FR-1-Login") and is_id("F-61a") and is_id("SHA-256")


def test_a_box_opening_with_such_a_term_keeps_it_in_its_title() -> None:
    _, items = imported(
        "# Plan\n\n### 2.4 Sicherheit\n\n- [ ] **F-40** Rollen und Rechte\n"
        "- [ ] AES-256-Verschluesselung aller Dateien und Fotos at rest\n"
        "- [ ] SHA-256-Hash fuer alle Protokolle und Fotos\n"
    )
    titles = sorted(i.title for i in items.values())
    assert titles == [
        "AES-256-Verschluesselung aller Dateien und Fotos at rest",
        "Rollen und Rechte",
        "SHA-256-Hash fuer alle Protokolle und Fotos",
    ]
