"""The board's records: items, risks, phases, milestones, waivers, the ``[board]`` table, their
vocabularies (statuses, priorities), dates, ids and the problems that locate a bad value. The bottom
layer: it imports nothing else of readiness."""
