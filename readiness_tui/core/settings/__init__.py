"""Settings and per-user state: the project's and the user's settings, themes' colours, folds."""
