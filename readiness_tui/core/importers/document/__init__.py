"""The plan's text read as Markdown: rewrites of shapes that say the same as one the importer reads
(``normalize``; bold step lines in ``steps``), then the tree of sections and blocks from markdown-it tokens
(``blocks``), and a line of fields split into keys and values (``fields``)."""
