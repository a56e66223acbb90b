"""The core: board model, TOML store, analysis, lint, export. Must never import Textual."""
