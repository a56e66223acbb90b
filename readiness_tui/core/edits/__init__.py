"""Edits of a board as people and agents make them: ``FIELD=VALUE`` expressions, the form fields,
``readiness set``, the edit controller every edit goes through, and what an edit returns."""
