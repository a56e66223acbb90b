"""Importers of plans written elsewhere into boards (Markdown today).

``import_markdown`` (``markdown``) runs the stages; each subpackage holds one of them:

* ``document``: the plan's text, rewritten where a shape says the same as one read here, then parsed into a tree
  of sections and blocks;
* ``vocabulary``: the words plans use for fields, statuses, priorities, labels and waits, in the plan languages
  read, and estimates and dates;
* ``sections``: the walk over the sections, what each heading means and the handler it picks, and the sections
  with a shape of their own (the plan's description, milestones and schedules, fenced task lists, phases);
* ``tables``: which kind a table is, its rows as items or other records, its cells as fields, tables rewritten
  into the usual shape and tables that only restate known items;
* ``entries``: items written as list entries, bold lines and id headings, with the fields inside them;
* ``references``: ids, reference lists and ranges, and the dependencies stated in prose or in an item's own
  words, read once every item is known;
* ``assembly``: the state of one import, what only the whole document tells, the board text and its report,
  and re-importing into a board edited since;
* ``guided``: recipes (the relabelling a person saved, corrections of single entries included) and the rules of
  the guided import screen.

Core code: never imports Textual.
"""

from __future__ import annotations

from readiness_tui.core.importers.assembly.merge import merge_into
from readiness_tui.core.importers.assembly.result import ImportResult
from readiness_tui.core.importers.markdown import import_markdown

__all__ = ["import_markdown", "merge_into", "ImportResult"]
