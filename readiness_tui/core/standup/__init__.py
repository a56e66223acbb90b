"""The standup: one deck model (overview, a slide per owner), presenter mode, and what a standup
leaves in the history."""
