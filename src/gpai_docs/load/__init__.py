"""Load: read the three documents of a project, with the place of every value."""
