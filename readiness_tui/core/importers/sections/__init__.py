"""The walk over the document's sections: what a heading means (``headings``, the shapes in ``patterns``, the
priority it gives in ``heading_priority``), the handler it picks (``walk``), blocks read wherever they stand (``generic``), and the sections with a shape of
their own: the plan's description (``board_info``), milestones, waivers and schedules (``records``), fenced task
lists (``fenced``), phases that carry the work (``phases``), and risks written as sections (``risk_sections``)."""
