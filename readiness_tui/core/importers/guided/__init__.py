"""Guided import: the relabelling a person saves as a recipe (``recipe``), and what each block of the plan became,
with the relabels the import screen offers (``guide``)."""
