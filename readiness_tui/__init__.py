"""readiness: a terminal planner for production-readiness plans kept as TOML boards.

The package is layered: ``readiness_tui.core`` (model, store, analysis, gates, importers, reports)
knows nothing of Textual; ``readiness_tui.ui`` is the Textual app on top of it; ``readiness_tui.cli``
is the command line. Importing this package imports nothing heavy.
"""

__version__ = "0.1.0"
