"""Items written as entries rather than rows: lists and checklists (``lists``), the fields inside an entry
(``inline``), an entry's name told from what it says of itself (``entry_names``), ticket and stream sections under id
headings (``tickets``), and headings that only group boxes (``box_groups``)."""
