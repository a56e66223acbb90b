"""Guided import: the relabelling a person saves as a recipe (``recipe``), what each block of the plan became,
with the relabels the import screen offers (``guide``), and corrections of single items and risks and the
plan-wide options, applied to the import's records (``corrections``)."""
