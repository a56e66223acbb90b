"""The caches, behind one door (``loader``): the parse cache, the kept answers and analysis. The
domain packages never import this one; the CLI and the app load boards through it."""
