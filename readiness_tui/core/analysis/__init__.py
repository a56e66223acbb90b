"""What a board means: ready, waiting and blocked work, cycles, waves, schedule and critical path,
the parent/child tree, go/no-go and burndown. Pure functions of a board (and its history)."""
