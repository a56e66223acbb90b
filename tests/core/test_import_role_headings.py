"""Headings naming a role under a heading of responsibilities (issue 43): ``## Team Responsibilities`` >
``### Designer`` over its boxes says who does them."""

from __future__ import annotations

from tests.core.import_plan import imported


def test_a_role_heading_under_responsibilities_owns_its_boxes() -> None:
    md = (
        "# Release checklist\n\n## Team Responsibilities\n\n### Developer\n- [ ] Build and upload\n- [ ] Fix bugs\n\n"
        "### Project Manager\n- [ ] Coordinate the release\n"
    )
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Build and upload", "Developer"),
        ("Fix bugs", "Developer"),
        ("Coordinate the release", "Project Manager"),
    ]


def test_a_topic_heading_elsewhere_names_no_owner() -> None:
    md = "# Release checklist\n\n## Preparation\n\n### Developer tooling\n- [ ] Build and upload\n- [ ] Fix bugs\n"
    _, items = imported(md)
    assert [i.owner for i in items.values()] == ["", ""]


def test_headings_closing_with_the_role_that_does_their_work_give_it_to_their_items() -> None:
    md = (
        "# Plan de Implementación\n\n## ✅ Checklist de Tareas\n\n### 🏗️ Infraestructura (Dev 1)\n"
        "- [ ] Crear docker-compose.yml\n- [ ] Configurar el gateway\n\n### 🔐 Identity Service (Dev 2)\n"
        "- [ ] Crear el login\n\n### 🧪 Validación (QA)\n- [ ] Smoke test\n\n## Fases\n\n### Fase 1 (MVP)\n"
        "- [ ] Publicar\n\n### Fase 2 (Beta)\n- [ ] Medir\n"
    )
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Crear docker-compose.yml", "Dev 1"),
        ("Configurar el gateway", "Dev 1"),
        ("Crear el login", "Dev 2"),
        ("Smoke test", "QA"),
        ("Publicar", ""),
        ("Medir", ""),
    ]


def test_a_role_in_brackets_beside_each_persons_name_is_no_owner_of_its_own() -> None:
    md = "# By owner\n\n### Alice (backend)\n\n- [ ] LR-1 Rate limits\n\n### Bob (SRE)\n\n- [ ] LR-2 Paging policy\n"
    _, items = imported(md)
    # Under a heading "by owner" each sub-heading names its owner: the person, not the role in brackets.
    assert [(i.id, i.owner) for i in items.values()] == [("LR-1", "Alice"), ("LR-2", "Bob")]


def test_headings_closing_with_a_game_team_s_discipline_own_their_work() -> None:
    md = (
        "# Tasks\n\n## Prototype (Programming)\n\n- Player movement\n- Enemy spawner\n\n## Level (Game Design)\n\n"
        "- Blockout of level one\n\n## UI (Art)\n\n- Health bar art\n\n## Sound\n\n- Footstep sounds\n"
    )
    _, items = imported(md)
    assert [(i.title, i.owner) for i in items.values()] == [
        ("Player movement", "Programming"),
        ("Enemy spawner", "Programming"),
        ("Blockout of level one", "Game Design"),
        ("Health bar art", "Art"),
        ("Footstep sounds", ""),
    ]
