"""No list or table of a plan is dropped without a word (issue 43, the bar's "no silent drop"): every one in the
corpus is named by a report line (at its own lines or its section's heading), made into items, or kept as the text
of a section the report says it keeps."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from readiness_tui.core.importers import ImportResult, import_markdown
from readiness_tui.core.importers.document.blocks import ListBlock, Table
from readiness_tui.core.importers.document.normalize import normalize
from readiness_tui.core.importers.document.parse import parse_sections

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
PLANS = sorted(CORPUS.glob("*.md")) + sorted(CORPUS.glob("holdout*/*.md"))


def silent_blocks(text: str, result: ImportResult | None = None) -> list[int]:
    """The first lines of the lists and tables the import neither reports nor turns into items nor keeps as text."""
    result = result or import_markdown(text, "PLAN.md")
    reported: set[int] = set()
    kept: set[int] = set()
    for line in result.report_lines:
        m = re.match(r"^[^:]+:(\d+):", line)
        if m:
            reported.add(int(m.group(1)))
            if "kept as text" in line or "template" in line:
                kept.add(int(m.group(1)))
    items = set(result.item_lines.values())
    silent = []
    for sec in parse_sections(normalize(text, lambda _n, _what: None)).walk():
        for blk in sec.blocks:
            if not isinstance(blk, (ListBlock, Table)):
                continue
            lines = range(blk.line, blk.end + 1)
            if any(n in reported or n in items for n in lines):
                continue
            if sec.heading is not None and sec.line in reported:
                continue
            if any(s.heading is not None and s.line in kept for s in sec.ancestors()):
                continue
            silent.append(blk.line)
    return silent


@pytest.mark.parametrize("md", PLANS, ids=lambda p: p.stem)
def test_every_block_of_every_corpus_plan_is_accounted_for(md: Path) -> None:
    assert silent_blocks(md.read_text(encoding="utf-8")) == []


def test_the_check_finds_a_dropped_block() -> None:
    # The measure can fail: without the line saying where a phase's "Success Criteria" went, the list is silent.
    md = "# P\n\n## Phase 1: Setup\n\n### Tasks\n- T-1\n\n### Success Criteria\n- CI green\n- Docs written\n"
    result = import_markdown(md, "PLAN.md")
    assert silent_blocks(md, result) == []
    said = [r for r in result.report if "Success Criteria" not in r.format("PLAN.md")]
    assert silent_blocks(md, replace(result, report=said)) == [9]
