"""A board file and its text: reading, parsing by segment, the store that edits it in place, the
one write path (lock, field-wise merge, atomic write), and watching it for outside changes. Knows no cache."""
