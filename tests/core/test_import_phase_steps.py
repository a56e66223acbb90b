"""Steps numbered from 1 under each phase heading are the phase's items, one id each (issue 43)."""

from __future__ import annotations

from tests.core.import_plan import imported

PLAN = """# Serverless migration

## Migration steps

### Phase 1: Preparation (Day 1-2)

#### 1. Set Up Serverless Framework
```bash
npm install -g serverless
```

#### 2. Create Lambda-Compatible Code
```python
handler = Mangum(app)
```

### Phase 2: Database Migration (Day 3-4)

#### 1. Create Aurora Serverless v2
```bash
aws rds create-db-cluster
```

#### 2. Migrate Data
```bash
pg_dump | psql
```
"""


def test_each_phase_numbers_its_steps_from_one() -> None:
    _, items = imported(PLAN)
    assert [(i.id, i.title, i.phase) for i in items.values()] == [
        ("1.1", "Set Up Serverless Framework", "1"),
        ("1.2", "Create Lambda-Compatible Code", "1"),
        ("2.1", "Create Aurora Serverless v2", "2"),
        ("2.2", "Migrate Data", "2"),
    ]


def test_a_phase_whose_headings_do_not_count_from_one_keeps_them_as_text() -> None:
    _, items = imported(PLAN.replace("#### 2. Migrate Data", "#### 4. Migrate Data"))
    assert items == {}
