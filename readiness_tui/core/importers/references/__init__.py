"""Ids and the references that name items: the shapes of ids, reference lists and ranges (``ids``), dependencies
a plan states in sentences, headings and list numbers (``prose``), in an item's own words in any plan language
(``waits``) or draws with arrows (``drawings``; an order of stages as one chain in ``stage_chains``), dependency
words resolved against the groups the document defines (``groups``), risks linked to the components items
build (``risk_names``), the items a risk's words name as its mitigation (``risk_prose``), and the items a group's prose lists where other groups use tables (``prose_items``)."""
