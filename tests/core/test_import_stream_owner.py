"""A stream's responsible person owns the work listed in it where an entry names nobody, and a name followed by the
same person's handle (``Federico — [@Frederick1824](…)``) is that name (issue 43)."""

from __future__ import annotations

from readiness_tui.core.importers.vocabulary.owners import split_owner
from tests.core.import_plan import imported

PLAN = """# División de Tareas

## Stream A — Modelado & DER

**Responsable:** Federico — [@Frederick1824](https://github.com/Frederick1824)

**Entregables:**
- [ ] Revisar `sql/01_schema.sql` y ajustar junto con el equipo.
- [x] Generar el DER normalizado a 3NF.
- [ ] Documentar el concepto del negocio (@Lautaro)

## Stream B — Carga Masiva

**Responsable:** Lautaro

**Entregables:**
- [ ] Poblar `sql/03_seed.sql`.
"""


def test_the_streams_owner_owns_its_entries() -> None:
    report, items = imported(PLAN)
    owners = {i.title: i.owner for i in items.values()}
    assert owners == {
        "Modelado & DER": "Federico",
        "Revisar `sql/01_schema.sql` y ajustar junto con el equipo.": "Federico",
        "Generar el DER normalizado a 3NF.": "Federico",
        "Documentar el concepto del negocio": "@Lautaro",
        "Carga Masiva": "Lautaro",
        "Poblar `sql/03_seed.sql`.": "Lautaro",
    }, report


def test_a_name_then_its_handle_is_the_name() -> None:
    assert split_owner("Federico — @Frederick1824") == ("Federico", [])
    assert split_owner("Ana - @ana-dev") == ("Ana", [])
    # Two people are still two people.
    assert split_owner("@ana, @bob") == ("@ana", ["@bob"])
