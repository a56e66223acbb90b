"""The board and the report: the state of one import (``builder``), what it produces (``result``), what only the
whole document tells (``finalize``), the records made into the board text and checked (``assemble``), and
re-importing into a board edited since (``merge``)."""
