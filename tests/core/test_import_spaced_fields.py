"""Fields written one after another with only spaces between them (``Priority: P0  Status: TODO``), as the sub-bullet
of a task: each read for its field; a colon inside a value that names no field keeps the line one field."""

from __future__ import annotations

from readiness_tui.core.importers import import_markdown
from readiness_tui.core.importers.document.fields import split_fields

PLAN = """# TODO

## EPIC 1: Core Data

### Tasks
1. Content Schema Definition (posts, users)
   - Priority: P0  Status: TODO
   - AC: ERD + versioned schema.
2. Firehose Ingestion Service
   - Priority: P1 Status: WIP
3. Feed Selector API
   - Owner: ana  Priority: P2 Status: DONE
"""


def test_the_fields_of_a_stream_task_sub_bullet_are_read() -> None:
    result = import_markdown(PLAN, "TODO.md")
    assert result.board is not None
    tasks = [i for i in result.board.items if i.parent == "E1"]
    assert [(i.title, i.priority, i.status, i.owner) for i in tasks] == [
        ("Content Schema Definition (posts, users)", "P0", "todo", ""),
        ("Firehose Ingestion Service", "P1", "in_progress", ""),
        ("Feed Selector API", "P2", "done", "ana"),
    ]


def test_a_line_splits_only_before_the_names_of_fields() -> None:
    assert split_fields("Priority: P1 Status: WIP") == ["Priority: P1", "Status: WIP"]
    assert split_fields("Owner: Ana  Depends on: T-1") == ["Owner: Ana", "Depends on: T-1"]
    assert split_fields("Note: ask Ana: she knows") == ["Note: ask Ana: she knows"]
    assert split_fields("Priority: P0 (existential), P1 (launch-critical)") == [
        "Priority: P0 (existential), P1 (launch-critical)"
    ]
