"""Tables: which kind a table is and its item rows (``tables``; which rows stand for items, under which ids, in
``rows``), tables of records other than items (``records``), risk tables without ids (``risk_tables``), a row's
cells read as fields (``cells``), tables rewritten into the usual shape (``reshape``) or keyed by the numbers of
the plan's headings (``keyed_steps``), and tables that only restate or annotate known items (``views``)."""
