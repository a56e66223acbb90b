"""``readiness schema`` and ``readiness lint`` agree on which boards are well formed.

Every shipped board, every board in tests/fixtures/boards and a few written here are read as TOML
and validated against ``readiness schema`` with the ``jsonschema`` library (as check-jsonschema
and taplo do). The schema rejects a board exactly when lint reports one of ``SHAPE``: the file's
syntax, a value of the wrong type, or a status or priority written as an alias (``Done``, ``✅``,
``p0``: read by the tool, a warning that names the canonical word).

Documented exceptions: lint's other errors (``BEYOND_SCHEMA``) are about what a schema cannot
say, references between records, cycles, duplicate ids, scores against the board's own scale,
paths in the repository, so the schema accepts boards that have them.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from readiness_tui.cli import cli
from readiness_tui.core.lint import lint_path
from readiness_tui.core.outputs.schema import board_schema

from ..conftest import BOARDS

FIXTURE_BOARDS = Path(__file__).resolve().parent.parent / "fixtures" / "boards"
SHAPE = frozenset({"schema", "toml-syntax", "encoding", "unreadable", "status-alias"})
BEYOND_SCHEMA = frozenset(
    {
        "unknown-dependency",
        "unknown-item",
        "unknown-parent",
        "unknown-phase",
        "self-dependency",
        "cycle",
        "parent-cycle",
        "duplicate-id",
        "missing-title",
        "unknown-score-factor",
        "score-out-of-range",
        "matrix-disagrees",
        "order-violates-dependency",
        "evidence-outside",
        "repo-root-outside",
        "waiver-without-expiry",
        "bad-view",
    }
)

HEAD = '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\ntitle = "A"\n'
WRITTEN = {
    "status-word": HEAD + 'status = "Done"\n',
    "status-mark": HEAD + 'status = "✅"  # as the plan had it\n',
    "priority-lower": HEAD + 'priority = "p0"\n',
    "priority-number": HEAD + "priority = 1\n",
    "board-alias": HEAD.replace('title = "t"\n', 'title = "t"\nstatus_aliases = { "Shipped!" = "done" }\n', 1)
    + 'status = "Shipped!"\n',
    "deliverable-alias": HEAD + '\n[[deliverables]]\npath = "docs/x.md"\nstatus = "WIP"\n',
    "progress-alias": HEAD + '\n[[progress]]\ndate = 2026-02-01\ntext = "t"\nstatus = "Completed"\n',
    "canonical": HEAD + 'status = "in_progress"\npriority = "P1"\ndescription = """\nstatus = "Done"\n"""\n',
    "wrong-type": HEAD + 'estimate_days = "two"\n',
    "syntax": HEAD + "title = = 3\n",
    "unknown-dependency": HEAD + 'depends_on = ["B"]\n',
    "no-title": '[board]\ntitle = "t"\n\n[[items]]\nid = "A"\n',
}


def _jsonable(value: Any) -> Any:
    """TOML as JSON sees it: dates and times as their ISO text (what taplo validates)."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def schema_errors(path: Path) -> list[str]:
    schema = board_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [f"not TOML: {exc}"]
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(_jsonable(data))]


def boards(tmp: Path) -> list[Path]:
    for name, text in WRITTEN.items():
        (tmp / f"{name}.toml").write_text(text, encoding="utf-8")
    return [*sorted(BOARDS.glob("*.toml")), *sorted(FIXTURE_BOARDS.glob("*.toml")), *sorted(tmp.glob("*.toml"))]


def test_the_schema_rejects_a_board_exactly_when_lint_finds_its_shape_wrong(tmp_path: Path) -> None:
    checked = boards(tmp_path)
    assert len(checked) >= len(WRITTEN) + 6
    for path in checked:
        problems = lint_path(path).items
        shape = [p.format() for p in problems if p.code in SHAPE]
        errors = schema_errors(path)
        assert bool(errors) == bool(shape), (path.name, errors, shape)
        other = {p.code for p in problems if p.level == "error" and p.code not in SHAPE}
        assert other <= BEYOND_SCHEMA, (path.name, other)  # a new error code: say which it is


def test_shipped_and_fixture_boards_validate() -> None:
    for path in [*BOARDS.glob("*.toml"), *FIXTURE_BOARDS.glob("*.toml")]:
        assert schema_errors(path) == [], path


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("status-word", 7, 'A: status = "Done" is an alias of "done": write status = "done"'),
        ("status-mark", 7, 'A: status = "✅" is an alias of "done": write status = "done"'),
        ("priority-lower", 7, 'A: priority = "p0" is an alias of "P0": write priority = "P0"'),
        ("priority-number", 7, 'A: priority = 1 is an alias of "P1": write priority = "P1"'),
        ("board-alias", 8, 'A: status = "Shipped!" is an alias of "done"'),
        ("deliverable-alias", 10, 'docs/x.md: status = "WIP" is an alias of "in_progress"'),
        ("progress-alias", 11, 'progress[0]: status = "Completed" is an alias of "done"'),
    ],
)
def test_lint_warns_of_an_alias_on_its_line_naming_the_word(tmp_path: Path, name: str, line: int, message: str) -> None:
    path = tmp_path / f"{name}.toml"
    path.write_text(WRITTEN[name], encoding="utf-8")
    res = CliRunner().invoke(cli, ["lint", str(path)])
    assert res.exit_code == 0  # read as the canonical word: a warning, not an error
    assert f"{path}:{line}: WARNING status-alias {message}" in res.stdout


def test_set_writes_the_canonical_word(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    path.write_text(HEAD, encoding="utf-8")
    res = CliRunner().invoke(cli, ["set", str(path), "A", "status=Blocked", "priority=p0"])
    assert res.exit_code == 0, res.output
    text = path.read_text(encoding="utf-8")
    assert 'status = "blocked"' in text and 'priority = "P0"' in text
    assert schema_errors(path) == []
