"""Guided import: the relabelling a person saves as a recipe (``recipe``; its file read and checked in
``recipe_file``), what each block of the plan became,
with the relabels the import screen offers (``guide``), and corrections of single items and risks and the
plan-wide options, applied to the import's records (``corrections``)."""
