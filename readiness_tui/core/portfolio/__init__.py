"""Many boards, one view: readiness across services. ``sources`` says which boards (a directory
tree, local clones, a portfolio file naming repositories, paths and refs); ``gitread`` reads them
at a ref through ``git cat-file`` with nothing checked out; ``read`` parses each blob once (the
caller's cache, keyed by blob id) and sums each board up (``summary``, ``levels``) from the same
analysis, go/no-go and gate rules as every other surface; ``query`` is the filter language over
boards; ``outputs`` the train's go/no-go, JSON, Markdown and HTML. Knows no cache: the CLI hands
one in."""

from readiness_tui.core.portfolio.outputs import TrainDecision, document, html_page, markdown, train_decision
from readiness_tui.core.portfolio.query import parse_query, select
from readiness_tui.core.portfolio.read import BoardCache, ReadStats, read_portfolio
from readiness_tui.core.portfolio.sources import (
    DEFAULT_REF,
    Entry,
    PortfolioFileError,
    from_clones,
    from_directory,
    from_file,
)
from readiness_tui.core.portfolio.summary import BoardRow

__all__ = [
    "DEFAULT_REF",
    "BoardCache",
    "BoardRow",
    "Entry",
    "PortfolioFileError",
    "ReadStats",
    "TrainDecision",
    "document",
    "from_clones",
    "from_directory",
    "from_file",
    "html_page",
    "markdown",
    "parse_query",
    "read_portfolio",
    "select",
    "train_decision",
]
