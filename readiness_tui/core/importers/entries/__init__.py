"""Items written as entries rather than rows: lists and checklists (``lists``), the fields inside an entry
(``inline``), ticket and stream sections under id headings (``tickets``), and headings that only group
boxes (``box_groups``)."""
