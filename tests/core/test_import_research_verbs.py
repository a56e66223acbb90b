"""A research plan's steps open with verbs of its own work (``Parse the GFF3 …``, ``Align reads …``, ``Quantify
expression …``): verbs of work, as ``Run``, ``Build`` are (issue 43)."""

from __future__ import annotations

import pytest

from readiness_tui.core.importers.sections.lead_ins import opens_with_action


@pytest.mark.parametrize(
    "step",
    [
        "Record lineage dataset used",
        "Save `short_summary` output into the project repository",
        "Parse the GFF3 into a gene-to-transcript lookup table",
        "Map candidate dark genes back to genome coordinates",
        "Summarise exon count and scaffold location for each candidate",
        "Align paired-end reads to the genome",
        "Quantify expression at transcript level",
        "Prioritise candidates with reproducible expression",
        "Finish downloading all metazoa proteomes",
    ],
)
def test_a_research_plans_steps_open_with_verbs_of_work(step: str) -> None:
    assert opens_with_action(step)


def test_a_verb_before_a_products_noun_still_names_a_topic() -> None:
    assert not opens_with_action("Record Management")
