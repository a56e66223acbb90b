"""Items written as entries rather than rows: lists and checklists (``lists``), the fields inside an entry
(``inline``), and ticket and stream sections under id headings (``tickets``)."""
