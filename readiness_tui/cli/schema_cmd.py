"""``readiness schema``"""

from __future__ import annotations

import click


@click.command()
def schema() -> None:
    """Print the board format as JSON Schema (point `#:schema` lines in boards at it)."""
    from readiness_tui.core.outputs.schema import board_schema_json

    click.echo(board_schema_json(), nl=False)
