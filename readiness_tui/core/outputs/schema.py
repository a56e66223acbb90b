"""The board format as JSON Schema, for TOML editors (taplo / Even Better TOML) and other tools."""

from __future__ import annotations

from typing import Any

from readiness_tui.core.model.board import Board
from readiness_tui.core.outputs.json_doc import document_text

SCHEMA_ID = "https://readiness.invalid/board.schema.json"


def board_schema() -> dict[str, Any]:
    schema = Board.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "readiness board"
    schema["description"] = (
        "A production-readiness plan: [board] metadata, [[items]] with gates, [[risks]], [[phases]], "
        "[[milestones]], [[waivers]], [[deliverables]], [[progress]], [[sections]], a recorded [matrix], and "
        "[[conflicts]] a git merge left to resolve."
    )
    return schema


def board_schema_json() -> str:
    return document_text(board_schema()) + "\n"
